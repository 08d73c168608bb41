/**
 * Bank and tax identifiers: normalizing, checking and masking. Pure, so the Zod schemas, the
 * services and the tests share one definition.
 */

/** Account numbers and tax ids are stored as typed apart from spaces, dashes and case. */
export function compactIdentifier(text: string): string {
  return text.replace(/[\s-]+/g, "").toUpperCase();
}

/** IBAN lengths by country (ISO 13616 registry; the countries partners are most likely to be in are enough to reject typos). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AT: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PT: 25,
  QA: 29,
  RO: 24,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
};

/** An IBAN passes when it has its country's length (where known) and the ISO 7064 mod-97 checksum is 1. */
export function isValidIban(text: string): boolean {
  const iban = compactIdentifier(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  // Letters become 10..35; the remainder is taken digit by digit so no number exceeds 2^53.
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    for (const digit of String(value)) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** A local account number: 4 to 20 digits (US, CA, IN and the like have no IBAN). */
export function isValidAccountNumber(text: string): boolean {
  return /^\d{4,20}$/.test(compactIdentifier(text));
}

/** A routing, sort, transit or IFSC code: loosely 4 to 15 letters and digits. */
export function isValidRoutingCode(text: string): boolean {
  return /^[A-Z0-9]{4,15}$/.test(compactIdentifier(text));
}

export type TaxFormKind = "w9" | "w8ben" | "w8bene" | "other";

/**
 * Tax ids, loosely: a W-9 carries a US TIN (SSN or EIN, nine digits); the others a foreign tax id
 * of 4 to 30 letters, digits, dots and slashes. Stripe and the tax office check them properly.
 */
export function isValidTaxId(form: TaxFormKind, text: string): boolean {
  const id = compactIdentifier(text);
  if (form === "w9") return /^\d{9}$/.test(id);
  return /^[A-Z0-9./]{4,30}$/.test(id);
}

/** What anyone but the bank file sees of an account number or tax id: its last four characters. */
export function lastFour(text: string | null): string | null {
  if (!text) return null;
  return text.slice(-4);
}

/** "•••• 4321" */
export function masked(text: string | null): string | null {
  const tail = lastFour(text);
  return tail === null ? null : `•••• ${tail}`;
}
