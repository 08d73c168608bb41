import { env } from "@/lib/env";
import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/domains/errors";
import { startStripeOnboarding, STRIPE_REFRESH_PATH, stripeOnboardingUrls } from "@/server/domains/payouts/onboarding";
import { hasAcceptedCurrentTerms } from "@/server/domains/partners/terms";
import { appClock } from "@/server/time";

export const dynamic = "force-dynamic";

const to = (url: string | URL) => Response.redirect(new URL(url, env().APP_URL), 303);
const refused = (code: string) => to(`/payouts?stripe=error&code=${encodeURIComponent(code)}`);

/**
 * Stripe's refresh_url: the onboarding link expired or was already used. Mints a fresh link for
 * the same account and sends the partner straight back to Stripe; a refusal lands on the payout
 * settings with its error code (a message key under errors.*).
 */
export async function GET(): Promise<Response> {
  const [db, actor] = await Promise.all([getDb(), getCurrentActor()]);
  if (!actor) return to(`/login?callbackUrl=${encodeURIComponent(STRIPE_REFRESH_PATH)}`);
  if (actor.kind !== "partner") return to("/manage");
  // As partnerProcedure holds for every mutation: current terms accepted, partner not suspended.
  if (!(await hasAcceptedCurrentTerms(db, actor.userId))) return refused("terms.notAccepted");
  if (actor.partnerStatus !== "active") return refused("partner.suspended");
  try {
    const { url } = await startStripeOnboarding({ db, actor, clock: appClock }, stripeOnboardingUrls());
    return to(url);
  } catch (error) {
    if (error instanceof DomainError) return refused(error.code);
    console.error("[payouts] renewing the Stripe onboarding link failed", error);
    return refused("generic");
  }
}
