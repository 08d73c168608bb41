import { appClock } from "@/server/time";
import { getDb } from "@/server/db/client";
import { auth, reissueSession } from "@/server/auth";
import { loadSessionActor } from "@/server/auth/actor";
import { clientIp } from "@/server/security/client-address";
import { resolveLocale } from "@/i18n/resolve";
import type { Context } from "./init";

/** Builds a request's context: the actor comes from the session, re-read from the database. */
export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  const session = await auth();
  // A session issued before a password change or "sign out everywhere" has no actor.
  const actor = session?.user?.id ? await loadSessionActor(db, session.user) : null;
  const locale = resolveLocale({ actor, headers: opts.headers });
  const control = actor ? { reissue: (sessionVersion: number) => reissueSession(actor.userId, sessionVersion) } : undefined;
  return { db, actor, clock: appClock, locale, ip: clientIp(opts.headers), session: control };
}
