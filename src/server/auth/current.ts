import { cache } from "react";
import { headers } from "next/headers";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/domains/actor";
import { actorOfToken } from "./actor";
import { authSecret } from "./secret";
import { readSessionToken } from "./session-token";
import { hasAcceptedCurrentTerms } from "@/server/domains/partners/terms";

/** The signed-in actor for this render, read once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  // `next build` prerenders the static pages (404) with nobody signed in: no session, no database.
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  // The token decoded once (the proxy's decode is remembered), then one read: who the user is
  // now, their session version and whether this session was signed out.
  const token = await readSessionToken((await headers()).get("cookie"), authSecret());
  return actorOfToken(await getDb(), token);
});

/** Whether the signed-in user accepted the current program terms, asked once per request. */
export const getTermsAccepted = cache(async (): Promise<boolean> => {
  const actor = await getCurrentActor();
  return actor ? hasAcceptedCurrentTerms(await getDb(), actor.userId) : true;
});

export const getRequestHeaders = cache(async () => new Headers(await headers()));
