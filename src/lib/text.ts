import { z } from "zod";

/**
 * Unicode format characters (general category Cf): zero-width space, non-joiner and joiner, word
 * joiner, bidi marks, embeddings, overrides (U+202A–202E) and isolates (U+2066–2069), the byte-order
 * mark, the soft hyphen, Arabic letter mark. They draw nothing, so a name or domain that carries
 * them looks identical to one that does not, and must neither be stored nor compared with them.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

export function stripFormatCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, "");
}

/**
 * Text as it is stored for a one-line field (a company or person's name, a website): no format
 * characters, canonically composed (NFC), so "Cafe\u0301" and "Café" are the same stored value.
 * How it was written (full-width letters, ligatures) is kept; comparisons fold that.
 */
export function plainText(text: string): string {
  return stripFormatCharacters(text).normalize("NFC").trim();
}

/**
 * Text folded for comparison (conflict keys, duplicate checks): compatibility forms unified
 * (NFKC: "ＡＣＭＥ" → "ACME", "ﬁ" → "fi") and no format characters, before and after folding.
 */
export function comparableText(text: string): string {
  return stripFormatCharacters(stripFormatCharacters(text).normalize("NFKC"));
}

/**
 * A one-line plain-text input field: format characters stripped and composed before it is
 * trimmed and measured, so the limits count what a reader sees. Still a string schema, so forms
 * read `minLength` / `maxLength` from it.
 */
export function plainTextField({ min, max }: { min?: number; max: number }) {
  const field = z.string().overwrite(plainText).max(max);
  return min === undefined ? field : field.min(min);
}
