import { eq } from "drizzle-orm";
import { passwordCredentials, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { MINUTE } from "@/lib/clock";
import { DomainError, RateLimitedError } from "@/server/domains/errors";
import { decoyHash, verifyPassword } from "./password";
import { clearRate, hitRate, undoHit, type RateRule } from "./rate-limit";

/** Failed sign-ins allowed before a pause: per email (guessing one account) and per IP (spraying). */
export const SIGN_IN_LIMITS = {
  email: { limit: 5, windowMs: 15 * MINUTE } satisfies RateRule,
  ip: { limit: 30, windowMs: 15 * MINUTE } satisfies RateRule,
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super("unauthorized", "auth.invalidCredentials", "password");
  }
}

/** Checks an email and password, counting failures against both limits. Returns the user id. */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
  clock: Clock,
): Promise<string> {
  const email = normalizeEmail(input.email);
  const emailKey = `signin:email:${email}`;
  const ipKey = `signin:ip:${input.ip}`;
  // Every attempt is counted before the password is checked (one atomic upsert each), so
  // guesses sent in parallel cannot slip past the limit; a right password takes its count back.
  for (const [key, rule] of [
    [emailKey, SIGN_IN_LIMITS.email],
    [ipKey, SIGN_IN_LIMITS.ip],
  ] as const) {
    const state = await hitRate(db, key, rule, clock);
    if (state.limited) throw new RateLimitedError("auth.rateLimited", state.retryAfterSeconds);
  }
  const [row] = await db
    .select({ id: users.id, hash: passwordCredentials.hash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .leftJoin(passwordCredentials, eq(passwordCredentials.userId, users.id))
    .where(eq(users.email, email));
  const ok = await verifyPassword(row?.hash ?? (await decoyHash()), input.password);
  if (!row || !row.hash || !ok || row.deactivatedAt) throw new InvalidCredentialsError();
  await clearRate(db, emailKey);
  await undoHit(db, ipKey);
  return row.id;
}
