import { eq, like, or } from "drizzle-orm";
import { passwordCredentials, rateLimits, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { HOUR, MINUTE } from "@/lib/clock";
import { DomainError, RateLimitedError } from "@/server/domains/errors";
import { decoyHash, verifyPassword } from "@/server/security/password";
import { clearRate, hitRate, undoHit, type RateRule } from "@/server/security/rate-limit";

/**
 * Failed sign-ins allowed before a pause. The tight limit is per email *and* IP, so a stranger
 * guessing from their own network locks only themselves out, never the account's owner.
 * Behind it, a ceiling per email across all IPs stops a guess spread over many networks: 50 an
 * hour is far beyond what a person mistyping ever reaches, yet caps a botnet at ~1,200 guesses
 * a day against one account (and the emailed sign-in link still lets the owner in meanwhile).
 * The per-IP limit stops one network spraying many accounts.
 */
export const SIGN_IN_LIMITS = {
  pair: { limit: 5, windowMs: 15 * MINUTE } satisfies RateRule,
  email: { limit: 50, windowMs: HOUR } satisfies RateRule,
  ip: { limit: 30, windowMs: 15 * MINUTE } satisfies RateRule,
};

import { normalizeEmail } from "@/lib/email";

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super("unauthorized", "auth.invalidCredentials", "password");
  }
}

const pairKey = (email: string, ip: string) => `signin:pair:${email}|${ip}`;
const emailKey = (email: string) => `signin:email:${email}`;

/** Checks an email and password, counting the attempt against every limit. Returns the user id. */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
  clock: Clock,
): Promise<string> {
  const email = normalizeEmail(input.email);
  // Most specific first: an attempt a locked pair refuses is not counted against the IP or the
  // email's ceiling, so a lone attacker hammering one account cannot spend the owner's ceiling.
  const rules = [
    [pairKey(email, input.ip), SIGN_IN_LIMITS.pair],
    [`signin:ip:${input.ip}`, SIGN_IN_LIMITS.ip],
    [emailKey(email), SIGN_IN_LIMITS.email],
  ] as const;
  // Every attempt is counted before the password is checked (one atomic upsert each), so
  // guesses sent in parallel cannot slip past a limit.
  for (const [index, [key, rule]] of rules.entries()) {
    const state = await hitRate(db, key, rule, clock);
    if (state.limited) {
      for (const [earlier] of rules.slice(0, index)) await undoHit(db, earlier);
      throw new RateLimitedError("auth.rateLimited", state.retryAfterSeconds);
    }
  }
  const [row] = await db
    .select({ id: users.id, hash: passwordCredentials.hash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .leftJoin(passwordCredentials, eq(passwordCredentials.userId, users.id))
    .where(eq(users.email, email));
  const ok = await verifyPassword(row?.hash ?? (await decoyHash()), input.password);
  if (!row || !row.hash || !ok || row.deactivatedAt) throw new InvalidCredentialsError();
  // The right password clears its own pair and takes back its hits; the ceiling keeps the
  // others' failures, or a distributed guess would get a fresh budget whenever the owner signs in.
  await clearRate(db, rules[0][0]);
  await undoHit(db, rules[1][0]);
  await undoHit(db, rules[2][0]);
  return row.id;
}

/** Lifts every password sign-in limit on an email (after its owner proved it with a reset link). */
export async function clearSignInLimits(db: Db, email: string): Promise<void> {
  const normalized = normalizeEmail(email);
  // Every pair key of this email, whatever the IP; the email's own % and _ are taken literally.
  const pairs = `${pairKey(normalized, "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  await db.delete(rateLimits).where(or(eq(rateLimits.key, emailKey(normalized)), like(rateLimits.key, pairs)));
}
