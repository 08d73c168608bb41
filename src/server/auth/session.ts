import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { endedSessions, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { MINUTE } from "@/lib/clock";
import type { Actor } from "@/server/domains/actor";
import { loadActorWithVersion } from "./actor";
import { SESSION_MAX_AGE_SECONDS, type SessionClaims } from "./config";

export function claimsOf(actor: Actor, sessionVersion: number): SessionClaims {
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    kind: actor.kind,
    staffRole: actor.kind === "staff" ? actor.staffRole : null,
    partnerRole: actor.kind === "partner" ? actor.partnerRole : null,
    partnerId: actor.kind === "partner" ? actor.partnerId : null,
    locale: actor.locale,
    sessionVersion,
  };
}

/** A handover is made and used within one server request; a minute is generous. */
export const SESSION_HANDOVER_TTL_MS = MINUTE;

function handoverMac(secret: string, userId: string, sessionVersion: number, issuedAt: number): Buffer {
  return createHmac("sha256", secret).update(`session-handover|${userId}|${sessionVersion}|${issuedAt}`).digest();
}

/**
 * The server's proof that the session making this request may move to `sessionVersion` (after
 * a password change). It is passed straight to unstable_update, never to the browser, so a
 * stale session that posts to /api/auth/session itself cannot produce one.
 */
export function sessionHandover(secret: string, userId: string, sessionVersion: number, now: Date): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${handoverMac(secret, userId, sessionVersion, issuedAt).toString("base64url")}`;
}

function isValidHandover(data: unknown, secret: string, userId: string, sessionVersion: number, now: Date): boolean {
  if (typeof data !== "object" || data === null || !("handover" in data) || typeof data.handover !== "string")
    return false;
  const [issuedText, mac] = data.handover.split(".");
  const issuedAt = Number(issuedText);
  if (!Number.isSafeInteger(issuedAt) || !mac) return false;
  const age = now.getTime() - issuedAt;
  if (age < 0 || age > SESSION_HANDOVER_TTL_MS) return false;
  const expected = handoverMac(secret, userId, sessionVersion, issuedAt);
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function isEnded(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: endedSessions.sessionId })
    .from(endedSessions)
    .where(eq(endedSessions.sessionId, sessionId));
  return Boolean(row);
}

/**
 * Signing out (Auth.js's signOut event): the session's id is listed as ended, so its token is
 * refused even if a response still in flight sets the cookie again. Ended sessions whose tokens
 * have expired are cleared on the way.
 */
export async function endSession(db: Db, token: JWT | null | undefined, now: Date): Promise<void> {
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (!sessionId || !token?.sub) return;
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db
    .insert(endedSessions)
    .values({ sessionId, userId: token.sub, endedAt: now, expiresAt })
    .onConflictDoNothing();
  await db.delete(endedSessions).where(lt(endedSessions.expiresAt, now));
}

export interface TokenRefresh {
  token: JWT;
  /** Set only on sign-in (password or emailed link). */
  user?: { id?: string };
  trigger?: "signIn" | "signUp" | "update";
  /** What unstable_update (or a POST to /api/auth/session) sent: untrusted. */
  session?: unknown;
}

/**
 * The jwt callback: fills the claims at sign-in, refreshes them on update, and returns null
 * (signed out, cookie cleared) for a token issued before the user's current session version.
 */
export async function refreshSessionToken(
  db: Db,
  { token, user, trigger, session }: TokenRefresh,
  options: { secret: string; now: Date },
): Promise<JWT | null> {
  const userId = user?.id ?? token.sub;
  if (!userId) return token;
  const claims = token.claims as SessionClaims | undefined;
  const tokenVersion = claims?.sessionVersion ?? 0;
  const sessionId = typeof token.sid === "string" ? token.sid : null;
  if (!user && trigger !== "update" && claims) {
    // Every request: one primary-key read to see the token has not been revoked, nor its session ended.
    const [row] = await db
      .select({
        sessionVersion: users.sessionVersion,
        ended: sessionId
          ? sql<boolean>`exists (select 1 from ${endedSessions} where ${endedSessions.sessionId} = ${sessionId})`
          : sql<boolean>`false`,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row && row.sessionVersion === tokenVersion && !row.ended ? token : null;
  }
  if (!user && sessionId && (await isEnded(db, sessionId))) return null;
  const loaded = await loadActorWithVersion(db, userId);
  if (!loaded) return null;
  // Each sign-in is a session of its own, so signing out ends this one and no other.
  if (user) token.sid = randomUUID();
  if (!user && tokenVersion !== loaded.sessionVersion) {
    // Only the step this very session just caused, vouched for by the server, carries over.
    const handedOver =
      trigger === "update" &&
      tokenVersion === loaded.sessionVersion - 1 &&
      isValidHandover(session, options.secret, userId, loaded.sessionVersion, options.now);
    if (!handedOver) return null;
  }
  token.sub = loaded.actor.userId;
  token.claims = claimsOf(loaded.actor, loaded.sessionVersion);
  return token;
}
