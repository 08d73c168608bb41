import { comparableText } from "./text";

/**
 * A company name reduced to what identifies the company, for conflict checks:
 * "Acme, Inc." = "ACME" = "acme ltd". Case, accents, punctuation and trailing legal forms go, and
 * so do invisible format characters ("Vandel\u200Bay" = "Vandelay") and compatibility forms.
 */
const LEGAL_SUFFIXES = new Set([
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "llc",
  "llp",
  "lp",
  "plc",
  "gmbh",
  "ag",
  "kg",
  "ug",
  "mbh",
  "sa",
  "sas",
  "sarl",
  "sl",
  "srl",
  "spa",
  "bv",
  "nv",
  "oy",
  "ab",
  "as",
  "aps",
  "pty",
  "pte",
  "kk",
  "pvt",
  "private",
  "holding",
  "holdings",
  "group",
  "fzco",
  "fze",
  "fzllc",
  "wll",
]);

/** Legal forms written with dots or spaces ("S.A.", "B.V.", "Pty Ltd") collapse before matching. */
const SPACED_FORMS: [RegExp, string][] = [
  [/\bs\s*a\s*r\s*l\b/g, "sarl"],
  [/\bs\s*a\s*s\b/g, "sas"],
  [/\bs\s*p\s*a\b/g, "spa"],
  [/\bs\s*r\s*l\b/g, "srl"],
  [/\bs\s*a\b/g, "sa"],
  [/\bs\s*l\b/g, "sl"],
  [/\bb\s*v\b/g, "bv"],
  [/\bn\s*v\b/g, "nv"],
  [/\bl\s*l\s*c\b/g, "llc"],
  [/\bl\s*l\s*p\b/g, "llp"],
  [/\bk\s*k\b/g, "kk"],
  [/\bfz\s*llc\b/g, "fzllc"],
  [/\bw\s*l\s*l\b/g, "wll"],
];

export function normalizeCompanyName(name: string): string {
  let text = comparableText(name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents: "Société" → "societe"
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "") // "O'Brien" → "obrien"
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  for (const [pattern, replacement] of SPACED_FORMS) text = text.replace(pattern, replacement);
  const words = text.split(/\s+/).filter(Boolean);
  // Trailing legal forms go ("Acme Holdings Ltd" → "acme"), but never the whole name ("Group" stays).
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}
