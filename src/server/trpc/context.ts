import { appClock } from "@/server/time";
import { getDb } from "@/server/db/client";
import { auth } from "@/server/auth";
import { loadActor } from "@/server/auth/actor";
import { clientIp } from "@/server/auth/request";
import { resolveLocale } from "@/i18n/resolve";
import type { Context } from "./init";

/** Builds a request's context: the actor comes from the session, re-read from the database. */
export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  const session = await auth();
  const actor = session?.user?.id ? await loadActor(db, session.user.id) : null;
  const locale = resolveLocale({ actor, headers: opts.headers });
  return { db, actor, clock: appClock, locale, ip: clientIp(opts.headers) };
}
