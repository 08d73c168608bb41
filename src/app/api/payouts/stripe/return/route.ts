import { env } from "@/lib/env";
import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/domains/errors";
import { refreshStripeAccount, STRIPE_RETURN_PATH } from "@/server/domains/payouts/onboarding";
import { appClock } from "@/server/time";

export const dynamic = "force-dynamic";

const to = (path: string) => Response.redirect(new URL(path, env().APP_URL), 303);

/**
 * Stripe's return_url: the partner finished (or left) onboarding. Reads the account back so the
 * page shows its state at once, then goes to the payout settings. Returning says nothing about
 * completion, and a failed read is fine: the account.updated webhook brings the state too.
 */
export async function GET(): Promise<Response> {
  const [db, actor] = await Promise.all([getDb(), getCurrentActor()]);
  if (!actor) return to(`/login?callbackUrl=${encodeURIComponent(STRIPE_RETURN_PATH)}`);
  if (actor.kind !== "partner") return to("/manage");
  try {
    await refreshStripeAccount({ db, actor, clock: appClock });
  } catch (error) {
    if (!(error instanceof DomainError)) console.error("[payouts] reading the Stripe account back failed", error);
  }
  return to("/payouts?stripe=returned");
}
