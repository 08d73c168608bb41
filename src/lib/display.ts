/** A link for a website typed by a person: http(s) only, "https://" added when no scheme was typed. */
export function websiteHref(website: string | null | undefined): string | null {
  const text = website?.trim();
  if (!text) return null;
  if (/^https?:\/\//i.test(text)) return text;
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return null;
  return `https://${text}`;
}

/** The country's name in the reader's language, or the code when the runtime does not know it. */
export function countryName(locale: string, code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
