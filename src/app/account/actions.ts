"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/server/db/client";
import { appClock } from "@/server/time";
import { signOut } from "@/server/auth";
import { getCurrentActor } from "@/server/auth/current";
import { signOutEverywhere } from "@/server/domains/accounts/service";

/** Signs out every session of the user; this one's cookie is cleared too. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  await signOutEverywhere({ db: await getDb(), actor, clock: appClock });
  await signOut({ redirectTo: "/login" });
}
