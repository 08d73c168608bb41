import Stripe from "stripe";
import type { Clock } from "@/lib/clock";
import type { Db } from "@/server/db/types";
import { StripeNotConfiguredError, stripeWebhookSecret, verifyStripeWebhook } from "@/server/integrations/stripe";
import { SYSTEM } from "../actor";
import { stripeEventInput } from "./webhook-handler";
import { receiveStripeEvent } from "./webhooks";

/** Stripe's own default: a signature older than five minutes is a replay, not a delivery. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
/** Stripe's events are a few kilobytes; anything this large is not one. */
const MAX_BODY_BYTES = 1 << 20;

const reply = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

/** The signature check on the raw body: the event, or the answer refusing it. */
function verify(payload: string, signature: string): { event: unknown } | Response {
  try {
    return { event: verifyStripeWebhook(payload, signature, WEBHOOK_TOLERANCE_SECONDS) };
  } catch (error) {
    if (error instanceof StripeNotConfiguredError) return reply(503, { error: "webhooks are not configured" });
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      const stale = /tolerance/i.test(error.message);
      return reply(400, { error: stale ? "timestamp outside the tolerance" : "signature does not match" });
    }
    // Signed, but not JSON.
    return reply(400, { error: "malformed event" });
  }
}

/**
 * POST /api/webhooks/stripe, without Next: verify the signature on the raw body (`await
 * req.text()`, never re-serialized JSON), store and handle the event once, and answer so Stripe
 * knows whether to retry. 400 for anything unsigned, stale or malformed (nothing stored), 503 with
 * no webhook secret, 500 when handling failed (Stripe retries; the stored event is handled again),
 * 200 otherwise, refusals and unknown types included.
 */
export async function handleStripeWebhook(request: Request, db: Db, clock: Clock): Promise<Response> {
  if (request.method !== "POST") return reply(405, { error: "method not allowed" }, { allow: "POST" });
  let secret: string | undefined;
  try {
    secret = stripeWebhookSecret();
  } catch {
    return reply(503, { error: "Stripe settings are invalid" });
  }
  if (!secret) return reply(503, { error: "webhooks are not configured" });
  const signature = request.headers.get("stripe-signature");
  if (!signature) return reply(400, { error: "missing Stripe-Signature header" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return reply(413, { error: "too large" });
  const payload = await request.text();
  if (Buffer.byteLength(payload, "utf8") > MAX_BODY_BYTES) return reply(413, { error: "too large" });

  const verified = verify(payload, signature);
  if (verified instanceof Response) return verified;
  const parsed = stripeEventInput.safeParse(verified.event);
  if (!parsed.success) return reply(400, { error: "malformed event" });

  try {
    const result = await receiveStripeEvent({ db, actor: SYSTEM, clock }, parsed.data);
    if (result.outcome === "failed") return reply(500, { error: "handling failed; retry later" });
    return reply(200, { received: true, duplicate: result.duplicate });
  } catch (error) {
    console.error("[stripe webhook] could not record event", parsed.data.id, error);
    return reply(500, { error: "could not record the event" });
  }
}
