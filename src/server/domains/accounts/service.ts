import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { locale, passwordCredentials, users, userTokenPurpose } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { DAY, HOUR, MINUTE } from "@/lib/clock";
import { env } from "@/lib/env";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from "@/server/security/password";
import { clearRate, hitRate, type RateRule } from "@/server/security/rate-limit";
import { consumeUserToken, issueUserToken } from "@/server/security/tokens";
import { normalizeEmail } from "@/lib/email";
import { clearSignInLimits } from "@/server/security/credentials";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { Locale } from "@/i18n/config";
import type { Actor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { InvalidError, RateLimitedError } from "../errors";

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const PASSWORD_RESET_TTL_MS = 2 * HOUR;
export const STAFF_INVITE_TTL_MS = 7 * DAY;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});

/**
 * Current-password checks allowed per user before a pause: someone at an unlocked, signed-in
 * browser must not get unlimited guesses at the password (and so at every other session).
 */
export const PASSWORD_CHANGE_LIMIT = { limit: 5, windowMs: 15 * MINUTE } satisfies RateRule;

/** What a session needs to stay signed in after its user's session version went up. */
export interface SessionVersionChange {
  sessionVersion: number;
}

/** Raises the user's session version: every session issued before now is signed out. */
async function bumpSessionVersion(tx: Db, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row!.sessionVersion;
}

/**
 * Changes the password and signs out the user's other sessions. The caller re-issues the
 * current session at the returned version so this one stays signed in.
 */
export async function changePassword(
  ctx: ServiceCtx<Actor>,
  input: z.infer<typeof changePasswordInput>,
): Promise<SessionVersionChange> {
  const { db, actor, clock } = ctx;
  const limitKey = `password-change:user:${actor.userId}`;
  // Counted before the check and outside the transaction, which a wrong password rolls back.
  const limit = await hitRate(db, limitKey, PASSWORD_CHANGE_LIMIT, clock);
  if (limit.limited) throw new RateLimitedError("auth.rateLimited", limit.retryAfterSeconds);
  const result = await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(passwordCredentials)
      .where(eq(passwordCredentials.userId, actor.userId))
      .for("update");
    if (!row || !(await verifyPassword(row.hash, input.currentPassword))) {
      throw new InvalidError("account.currentPasswordWrong", "currentPassword");
    }
    await tx
      .update(passwordCredentials)
      .set({ hash: await hashPassword(input.newPassword), updatedAt: clock.now() })
      .where(eq(passwordCredentials.userId, actor.userId));
    const sessionVersion = await bumpSessionVersion(tx, actor.userId);
    await audit(
      tx,
      actor,
      { action: "account.passwordChanged", entityType: "user", entityId: actor.userId, after: { sessionVersion } },
      clock.now(),
    );
    return { sessionVersion };
  });
  await clearRate(db, limitKey);
  return result;
}

/** Signs out every session of the user, this one included (the caller ends it). */
export async function signOutEverywhere(ctx: ServiceCtx<Actor>): Promise<SessionVersionChange> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const sessionVersion = await bumpSessionVersion(tx, actor.userId);
    await audit(
      tx,
      actor,
      {
        action: "account.signedOutEverywhere",
        entityType: "user",
        entityId: actor.userId,
        before: { sessionVersion: sessionVersion - 1 },
        after: { sessionVersion },
      },
      clock.now(),
    );
    return { sessionVersion };
  });
}

export const setLocaleInput = z.object({ locale: z.enum(locale.enumValues) });

export async function setLocale(ctx: ServiceCtx<Actor>, input: z.infer<typeof setLocaleInput>): Promise<void> {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx) => {
    await tx.update(users).set({ locale: input.locale }).where(eq(users.id, actor.userId));
    await audit(
      tx,
      actor,
      {
        action: "account.localeChanged",
        entityType: "user",
        entityId: actor.userId,
        before: { locale: actor.locale },
        after: input,
      },
      clock.now(),
    );
  });
}

export const requestPasswordResetInput = z.object({ email: z.email().max(320) });

/**
 * Emails a reset link when the address has an account. Answers the same either way, so the
 * form cannot be used to find out who has an account; limited per email and per IP. A public
 * flow: the caller is anonymous (the system acts for them).
 */
export async function requestPasswordReset(
  ctx: ServiceCtx,
  input: z.infer<typeof requestPasswordResetInput> & { ip: string; locale: Locale },
): Promise<void> {
  const { db, clock } = ctx;
  const email = normalizeEmail(input.email);
  const byIp = await hitRate(db, `reset:ip:${input.ip}`, { limit: 20, windowMs: 15 * MINUTE }, clock);
  if (byIp.limited) throw new RateLimitedError("auth.rateLimited", byIp.retryAfterSeconds);
  const byEmail = await hitRate(db, `reset:email:${email}`, { limit: 3, windowMs: 15 * MINUTE }, clock);
  if (byEmail.limited) return;
  await withTransaction(ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user || user.deactivatedAt) return;
    const token = await issueUserToken(tx, user.id, "password_reset", PASSWORD_RESET_TTL_MS, clock);
    await enqueueEmail(
      tx,
      {
        to: user.email,
        locale: user.locale ?? input.locale,
        template: "passwordReset",
        params: { url: `${env().APP_URL}/reset/${token}`, name: user.name },
      },
      clock,
    );
  });
}

export const resetPasswordInput = z.object({ token: z.string().min(10).max(200), password: passwordSchema });

/** What a one-time link to set a password is for: a reset, or a staff member's invitation. */
export const userTokenPurposeSchema = z.enum(userTokenPurpose.enumValues);
export type UserTokenPurpose = z.infer<typeof userTokenPurposeSchema>;

/**
 * Sets a new password from a reset (or staff invitation) link; the link works once. Every
 * existing session is signed out (whoever knew the old password may hold one), and the
 * password sign-in limits on the address are lifted: its owner just proved who they are. A public
 * flow: the caller is anonymous (the system acts for them), and the audit names the link's user.
 */
export async function resetPassword(
  ctx: ServiceCtx,
  input: z.infer<typeof resetPasswordInput> & { purpose?: UserTokenPurpose },
): Promise<{ email: string }> {
  const { clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const userId = await consumeUserToken(tx, input.token, input.purpose ?? "password_reset", clock);
    const hash = await hashPassword(input.password);
    await tx
      .insert(passwordCredentials)
      .values({ userId, hash, updatedAt: clock.now() })
      .onConflictDoUpdate({ target: passwordCredentials.userId, set: { hash, updatedAt: clock.now() } });
    const [user] = await tx
      .update(users)
      .set({ emailVerified: clock.now(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ email: users.email, kind: users.kind });
    await audit(
      tx,
      { kind: user!.kind, userId },
      {
        action: input.purpose === "staff_invite" ? "account.invitationAccepted" : "account.passwordReset",
        entityType: "user",
        entityId: userId,
      },
      clock.now(),
    );
    await clearSignInLimits(tx, user!.email);
    return { email: user!.email };
  });
}
