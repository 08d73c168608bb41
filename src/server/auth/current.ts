import { cache } from "react";
import { headers } from "next/headers";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/domains/actor";
import { auth } from "./index";
import { loadActor } from "./actor";

/** The signed-in actor for this render, read once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  // `next build` prerenders the static pages (404) with nobody signed in: no session, no database.
  if (process.env.NEXT_PHASE === "phase-production-build") return null;
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadActor(await getDb(), session.user.id);
});

export const getRequestHeaders = cache(async () => new Headers(await headers()));
