import { appClock } from "@/server/time";
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domains/actor";
import { auth, reissueSession } from "@/server/auth";
import { loadSessionActor } from "@/server/auth/actor";
import { clientIp } from "@/server/security/client-address";
import { resolveLocale } from "@/i18n/resolve";
import type { Context, SessionControl } from "./init";

/** The one place a request's context is put together, for the API route and server components alike. */
export function buildContext(input: {
  db: Db;
  actor: Actor | null;
  headers: Headers;
  session?: SessionControl;
}): Context {
  const { db, actor, headers, session } = input;
  return { db, actor, clock: appClock, locale: resolveLocale({ actor, headers }), ip: clientIp(headers), session };
}

/** The API route's context: the actor comes from the session, re-read from the database. */
export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  const session = await auth();
  // A session issued before a password change or "sign out everywhere" has no actor.
  const actor = session?.user?.id ? await loadSessionActor(db, session.user) : null;
  const control = actor
    ? { reissue: (sessionVersion: number) => reissueSession(actor.userId, sessionVersion) }
    : undefined;
  return buildContext({ db, actor, headers: opts.headers, session: control });
}
