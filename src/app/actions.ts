"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/server/db/client";
import { systemClock } from "@/lib/clock";
import { signOut } from "@/server/auth";
import { getCurrentActor } from "@/server/auth/current";
import { setLocale } from "@/server/domains/accounts/service";
import { isLocale, LOCALE_COOKIE } from "@/i18n/config";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

/** Switches the language: saved on the account when signed in, and in a cookie for the login page. */
export async function switchLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600, httpOnly: true });
  const actor = await getCurrentActor();
  if (actor && actor.locale !== locale) await setLocale({ db: await getDb(), actor, clock: systemClock }, { locale });
  revalidatePath("/", "layout");
}
