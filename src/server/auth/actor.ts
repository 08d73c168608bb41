import { eq, sql } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { endedSessions, partnerMemberships, partners, staffRoles, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domains/actor";

/** Who a user is right now, and the session version their sessions must carry. */
export async function loadActorWithVersion(
  db: Db,
  userId: string,
  /** A session to check in the same read: one that was signed out loads no actor. */
  sessionId?: string | null,
): Promise<{ actor: Actor; sessionVersion: number } | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      kind: users.kind,
      locale: users.locale,
      deactivatedAt: users.deactivatedAt,
      sessionVersion: users.sessionVersion,
      staffRole: staffRoles.role,
      partnerId: partnerMemberships.partnerId,
      partnerRole: partnerMemberships.role,
      partnerStatus: partners.status,
      ended: sessionId
        ? sql<boolean>`exists (select 1 from ${endedSessions} where ${endedSessions.sessionId} = ${sessionId})`
        : sql<boolean>`false`,
    })
    .from(users)
    .leftJoin(staffRoles, eq(staffRoles.userId, users.id))
    .leftJoin(partnerMemberships, eq(partnerMemberships.userId, users.id))
    .leftJoin(partners, eq(partners.id, partnerMemberships.partnerId))
    .where(eq(users.id, userId));
  if (!row || row.deactivatedAt || row.ended) return null;
  const base = { userId: row.id, email: row.email, name: row.name, locale: row.locale };
  const { sessionVersion } = row;
  if (row.kind === "staff" && row.staffRole)
    return { actor: { kind: "staff", ...base, staffRole: row.staffRole }, sessionVersion };
  if (row.kind === "partner" && row.partnerId && row.partnerRole && row.partnerStatus) {
    return {
      actor: {
        kind: "partner",
        ...base,
        partnerId: row.partnerId,
        partnerRole: row.partnerRole,
        partnerStatus: row.partnerStatus,
      },
      sessionVersion,
    };
  }
  return null;
}

/** Loads who a signed-in user is right now (role changes and deactivation apply at once). */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  return (await loadActorWithVersion(db, userId))?.actor ?? null;
}

/**
 * The actor a session names, or null when the session was issued before the user's current
 * session version (a password change or reset, or "sign out everywhere") or was signed out: it
 * is signed out. Sessions from before versions existed count as version 0, the column's default.
 */
export async function loadSessionActor(
  db: Db,
  claims: { id: string; sessionVersion?: number | null; sessionId?: string | null },
): Promise<Actor | null> {
  const loaded = await loadActorWithVersion(db, claims.id, claims.sessionId);
  if (!loaded || loaded.sessionVersion !== (claims.sessionVersion ?? 0)) return null;
  return loaded.actor;
}

/** The actor a decoded session token names (its claims and its session id), in one read. */
export async function actorOfToken(db: Db, token: JWT | null): Promise<Actor | null> {
  const claims = token?.claims as { id?: unknown; sessionVersion?: unknown } | undefined;
  if (!claims || typeof claims.id !== "string") return null;
  return loadSessionActor(db, {
    id: claims.id,
    sessionVersion: typeof claims.sessionVersion === "number" ? claims.sessionVersion : 0,
    sessionId: typeof token?.sid === "string" ? token.sid : null,
  });
}
