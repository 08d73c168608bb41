import Stripe from "stripe";
import { readStripeSettings, type StripeSettings } from "./config";

export class StripeNotConfiguredError extends Error {
  constructor(what = "STRIPE_SECRET_KEY") {
    super(`Stripe is not configured: set ${what}`);
    this.name = "StripeNotConfiguredError";
  }
}

/** Our payout job retries on its own schedule (with the same idempotency keys); the SDK must not pile retries on top. */
const MAX_NETWORK_RETRIES = 0;
/** Well under the SDK's 80 s default: a stuck transfer call should fail and be retried by the job, not hold a worker. */
const TIMEOUT_MS = 30_000;

let cached: { settings: StripeSettings; client: Stripe } | undefined;

/** Options for the SDK; exported so tests and scripts build clients the same way. */
export function stripeOptions(settings: StripeSettings): ConstructorParameters<typeof Stripe>[1] {
  return {
    maxNetworkRetries: MAX_NETWORK_RETRIES,
    timeout: TIMEOUT_MS,
    telemetry: false,
    appInfo: { name: "Tierwise" },
    ...(settings.apiBase ?? {}),
  };
}

/** Whether payouts can go through Stripe (otherwise finance marks them paid with a CSV export). */
export function isStripeConfigured(): boolean {
  return readStripeSettings() !== null;
}

/**
 * The Stripe client, built on first use: `new Stripe("")` throws, and `next build` imports
 * server modules with no secrets set, so nothing may construct it at import time.
 */
export function getStripe(): Stripe {
  if (cached) return cached.client;
  const settings = readStripeSettings();
  if (!settings) throw new StripeNotConfiguredError();
  cached = { settings, client: new Stripe(settings.secretKey, stripeOptions(settings)) };
  return cached.client;
}

export function stripeWebhookSecret(): string | undefined {
  return readStripeSettings()?.webhookSecret;
}

/**
 * Verifies a webhook delivery and returns the event. `payload` must be the raw request body
 * (`await req.text()`): re-serialized JSON no longer matches the signature. Needs only the
 * webhook secret, not the API key (the SDK's static helper).
 */
export function verifyStripeWebhook(payload: string, signatureHeader: string, toleranceSeconds = 300): Stripe.Event {
  const secret = stripeWebhookSecret();
  if (!secret) throw new StripeNotConfiguredError("STRIPE_WEBHOOK_SECRET");
  return Stripe.webhooks.constructEvent(payload, signatureHeader, secret, toleranceSeconds);
}

/** Tests change the environment between cases; this drops the memoised client. */
export function resetStripeClient(): void {
  cached = undefined;
}
