import { getDb } from "@/server/db/client";
import { handleStripeWebhook } from "@/server/domains/payouts/webhook-endpoint";
import { appClock } from "@/server/time";

// The signature is checked on the raw body with node:crypto: Node, never cached.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe's webhook deliveries (signed, stored by event id, handled once). Other methods get 405 from Next. */
export async function POST(request: Request): Promise<Response> {
  return handleStripeWebhook(request, await getDb(), appClock);
}
