import { cache } from "react";
import { headers } from "next/headers";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/domains/actor";
import { auth } from "./index";
import { loadSessionActor } from "./actor";

/** The signed-in actor for this render, read once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  // `next build` prerenders the static pages (404) with nobody signed in: no session, no database.
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  const session = await auth();
  if (!session?.user?.id) return null;
  // A session issued before a password change or "sign out everywhere" has no actor.
  return loadSessionActor(await getDb(), session.user);
});

export const getRequestHeaders = cache(async () => new Headers(await headers()));
