/**
 * Staff-written content (terms, tier perks, product and campaign names) may be given in both
 * languages. The reader gets their own; where it is missing, the other one, marked so the page
 * can say so (and set its `lang`, so it is read and shaped in its own direction).
 */
export interface LocalizedText {
  text: string;
  /** The language the text is actually in. */
  lang: "en" | "ar";
  /** True when the reader's language was missing and the other one is shown. */
  fallback: boolean;
}

function present(text: string | null | undefined): text is string {
  return typeof text === "string" && text.trim() !== "";
}

/** The reader's text, else the other language's (marked); null when neither is there. */
export function localized(
  locale: string,
  en: string | null | undefined,
  ar: string | null | undefined,
): LocalizedText | null {
  const wantsArabic = locale.startsWith("ar");
  if (wantsArabic && present(ar)) return { text: ar, lang: "ar", fallback: false };
  if (!wantsArabic && present(en)) return { text: en, lang: "en", fallback: false };
  if (present(en)) return { text: en, lang: "en", fallback: true };
  if (present(ar)) return { text: ar, lang: "ar", fallback: true };
  return null;
}

/** Just the text (a name in a list or an option), for places that cannot carry a mark. */
export function localizedName(locale: string, en: string, ar: string | null | undefined): string {
  return localized(locale, en, ar)?.text ?? en;
}

/** A required text (a name): the reader's, else the other; the English one as typed when both are blank. */
export function localizedOrSelf(locale: string, en: string, ar: string | null | undefined): LocalizedText {
  return localized(locale, en, ar) ?? { text: en, lang: "en", fallback: false };
}
