import type { Locale } from "@/i18n/config";
import type { Actor } from "@/server/domains/actor";
import { defaultLocale, isLocale, localeFromAcceptLanguage, LOCALE_COOKIE } from "./config";

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** The user's saved preference, else the language picked on the login page, else the browser's. */
export function resolveLocale({ actor, headers }: { actor: Actor | null; headers: Headers }): Locale {
  if (actor?.locale) return actor.locale;
  const chosen = cookieValue(headers.get("cookie"), LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(headers.get("accept-language")) ?? defaultLocale;
}
