import { comparableText } from "./text";

/**
 * The host a website or email belongs to, normalized for duplicate checks ("https://www.Acme.com/x"
 * → "acme.com"). Invisible format characters go first ("exa\u200Dmple.com" → "example.com"), and
 * compatibility forms are folded ("ｅｘａｍｐｌｅ．ｃｏｍ"), so what looks the same is the same.
 */
export function normalizeDomain(websiteOrHost: string): string | null {
  const raw = comparableText(websiteOrHost).trim().toLowerCase();
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(raw) ? raw : `https://${raw}`);
    const host = url.hostname.replace(/^www\./, "").replace(/\.$/, "");
    return host.includes(".") ? host : null;
  } catch {
    return null;
  }
}

export function emailDomain(email: string): string {
  return comparableText(email).trim().toLowerCase().split("@")[1] ?? "";
}

/** Free mailbox providers: sharing one of these says nothing about being the same company. */
export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "proton.me",
  "protonmail.com",
  "aol.com",
  "gmx.com",
  "mail.com",
  "yandex.com",
]);
