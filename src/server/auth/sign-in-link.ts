import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { MINUTE } from "@/lib/clock";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import { hitRate, type RateRule } from "@/server/security/rate-limit";

/** Sign-in links per address: enough for a person, too few to flood their inbox. */
export const SIGN_IN_LINK_LIMIT = { limit: 5, windowMs: 15 * MINUTE } satisfies RateRule;

/**
 * Queues the emailed sign-in link. It has its own limit and never looks at the password
 * sign-in limits: it is how an owner locked out by someone guessing their password still gets in.
 * Unknown or deactivated addresses get no email; the page says the same either way.
 */
export async function sendSignInLink(db: Db, input: { identifier: string; url: string }, clock: Clock): Promise<void> {
  const [user] = await db.query.users.findMany({ where: (u, { eq }) => eq(u.email, input.identifier), limit: 1 });
  if (!user || user.deactivatedAt) return;
  const state = await hitRate(db, `signin-link:${input.identifier}`, SIGN_IN_LINK_LIMIT, clock);
  if (state.limited) return;
  await enqueueEmail(
    db,
    { to: input.identifier, locale: user.locale ?? "en", template: "signInLink", params: { url: input.url } },
    clock,
  );
}
