import { z } from "zod";

/**
 * Stripe's environment variables. Read here rather than in lib/env so that a missing key
 * only matters to the code that pays: without STRIPE_SECRET_KEY payouts fall back to
 * "mark paid manually" (PRODUCT.md, Payout).
 *
 * - STRIPE_SECRET_KEY: sk_test_… / sk_live_… (rk_… restricted keys work too)
 * - STRIPE_WEBHOOK_SECRET: whsec_… of the endpoint that receives Stripe's events
 * - STRIPE_API_BASE: e.g. http://127.0.0.1:12111, to talk to the local stand-in instead of api.stripe.com
 */
export interface StripeSettings {
  secretKey: string;
  webhookSecret: string | undefined;
  apiBase: StripeApiBase | undefined;
}

export interface StripeApiBase {
  host: string;
  port: number;
  protocol: "http" | "https";
}

const schema = z.object({
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_\w+$/, "must look like sk_test_… or sk_live_…")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
});

/** `http://127.0.0.1:12111` → { host, port, protocol }: the SDK's options for a non-default API host. */
export function parseApiBase(value: string): StripeApiBase {
  const url = new URL(value);
  const protocol = url.protocol === "http:" ? "http" : url.protocol === "https:" ? "https" : null;
  if (!protocol) throw new Error(`STRIPE_API_BASE must be an http(s) URL, got ${value}`);
  if (url.pathname !== "/" || url.search) throw new Error("STRIPE_API_BASE takes no path: the SDK adds /v1/…");
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
    protocol,
  };
}

/** null when STRIPE_SECRET_KEY is unset (an empty variable counts as unset). */
export function readStripeSettings(source: NodeJS.ProcessEnv = process.env): StripeSettings | null {
  const present = Object.fromEntries(
    Object.entries(source).filter(([name, v]) => name.startsWith("STRIPE_") && v !== undefined && v !== ""),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid Stripe environment: ${problems}`);
  }
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE } = parsed.data;
  if (!STRIPE_SECRET_KEY) return null;
  return {
    secretKey: STRIPE_SECRET_KEY,
    webhookSecret: STRIPE_WEBHOOK_SECRET,
    apiBase: STRIPE_API_BASE ? parseApiBase(STRIPE_API_BASE) : undefined,
  };
}
