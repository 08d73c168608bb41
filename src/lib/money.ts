/**
 * The one place that multiplies, rounds, formats and parses money. Amounts are bigint minor
 * units with an ISO 4217 currency beside them; rates are integer basis points. No floats.
 */

export interface Money {
  amountMinor: bigint;
  currency: string;
}

const BPS_DENOMINATOR = 10_000n;

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return Intl.supportedValuesOf("currency").includes(code);
  } catch {
    return false;
  }
}

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Divides with rounding half away from zero, in integers. */
export function divRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  const rounded = remainder * 2n >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** amount × rate (basis points), rounded once, half away from zero, to the minor unit. */
export function applyRateBps(amountMinor: bigint, rateBps: number): bigint {
  if (!Number.isInteger(rateBps)) throw new RangeError("rate must be integer basis points");
  return divRoundHalfAwayFromZero(amountMinor * BigInt(rateBps), BPS_DENOMINATOR);
}

/** The exact decimal string of a minor-unit amount: 123456n USD → "1234.56". */
export function toDecimalString(amountMinor: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amountMinor < 0n;
  const abs = (negative ? -amountMinor : amountMinor).toString().padStart(digits + 1, "0");
  const whole = digits === 0 ? abs : abs.slice(0, -digits);
  const fraction = digits === 0 ? "" : `.${abs.slice(-digits)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/**
 * Parses what a person typed ("1,234.5", "10") into minor units. Returns null when the text is
 * not an amount or has more decimals than the currency allows.
 */
export function parseMoney(text: string, currency: string): bigint | null {
  const cleaned = text.trim().replace(/[\s,_]/g, "");
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = minorDigits(currency);
  if (fraction.length > digits) return null;
  const minor = BigInt(whole + fraction.padEnd(digits, "0"));
  return sign ? -minor : minor;
}

/** Formats for the reader's locale without passing through a float. */
export function formatMoney(amountMinor: bigint, currency: string, locale: string): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
  // Intl formats decimal strings exactly (NumberFormat v3); the cast is for older lib typings.
  return formatter.format(toDecimalString(amountMinor, currency) as unknown as number);
}
