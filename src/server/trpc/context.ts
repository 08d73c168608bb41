import { appClock } from "@/server/time";
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domains/actor";
import { reissueSession } from "@/server/auth";
import { actorOfToken } from "@/server/auth/actor";
import { authSecret } from "@/server/auth/secret";
import { readSessionToken } from "@/server/auth/session-token";
import { clientIp } from "@/server/security/client-address";
import { resolveLocale } from "@/i18n/resolve";
import { hasAcceptedCurrentTerms } from "@/server/domains/partners/terms";
import type { Context, SessionControl } from "./init";

/** The one place a request's context is put together, for the API route and server components alike. */
export function buildContext(input: {
  db: Db;
  actor: Actor | null;
  headers: Headers;
  session?: SessionControl;
  /** The request's own answer, when the caller already has one (a page render). */
  termsAccepted?: () => Promise<boolean>;
}): Context {
  const { db, actor, headers, session } = input;
  let accepted: Promise<boolean> | undefined;
  const termsAccepted =
    input.termsAccepted ??
    (() => (accepted ??= actor ? hasAcceptedCurrentTerms(db, actor.userId) : Promise.resolve(true)));
  return {
    db,
    actor,
    clock: appClock,
    locale: resolveLocale({ actor, headers }),
    ip: clientIp(headers),
    session,
    termsAccepted,
  };
}

/** The API route's context: the actor comes from the session, re-read from the database. */
export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  // A session issued before a password change or "sign out everywhere", or signed out, has no actor.
  const actor = await actorOfToken(db, await readSessionToken(opts.headers.get("cookie"), authSecret()));
  const control = actor
    ? { reissue: (sessionVersion: number) => reissueSession(actor.userId, sessionVersion) }
    : undefined;
  return buildContext({ db, actor, headers: opts.headers, session: control });
}
