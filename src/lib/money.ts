import { z } from "zod";

/**
 * The one place that multiplies, rounds, formats and parses money. Amounts are bigint minor
 * units with an ISO 4217 currency beside them; rates are integer basis points. No floats.
 */

export interface Money {
  amountMinor: bigint;
  currency: string;
}

const BPS_DENOMINATOR = 10_000n;

/**
 * The largest amount anyone may enter, in minor units, whatever the field: 10^13 (100 billion
 * in a two-decimal currency, 10 trillion yen, 10 billion dinars). Columns are int8 (≈ 9.22 × 10^18),
 * so this leaves a factor of about 900,000 for the sums we store: a commission is at most 100% of
 * its deal (≤ 10^13), a partner's running balance or a payout adds up entries, tier revenue adds
 * up deals, and even 900,000 entries of the maximum each stay inside int8. Larger inputs used to
 * reach the database and fail there (HTTP 500) or, summed, overflow later.
 */
export const MAX_MINOR_UNITS = 10n ** 13n;

/**
 * Which amounts a field takes: `positive` (a deal, a flat commission), `nonNegative` (a threshold,
 * a minimum payout), `signed` (an adjustment: credit or debit). All stay within ±MAX_MINOR_UNITS.
 */
export type AmountSign = "positive" | "nonNegative" | "signed";

const MIN_BY_SIGN: Record<AmountSign, { min: bigint; code: string }> = {
  positive: { min: 1n, code: "money.positive" },
  nonNegative: { min: 0n, code: "money.notNegative" },
  signed: { min: -MAX_MINOR_UNITS, code: "money.tooLarge" },
};

/**
 * Minor units already parsed (a bigint from a form or the API), within the one range. Messages
 * are keys under `errors.`: money.tooLarge, money.positive, money.notNegative.
 */
export function minorUnits(sign: AmountSign = "nonNegative") {
  const { min, code } = MIN_BY_SIGN[sign];
  return z.bigint().min(min, { message: code }).max(MAX_MINOR_UNITS, { message: "money.tooLarge" });
}

const MAX_AMOUNT_TEXT = 24;
const AMOUNT_SYNTAX = /^(-)?(\d+)(?:\.(\d*))?$/;

/**
 * An amount as typed, at the input's edge, before its currency is known (it may come from the
 * program or the lead): at most 24 characters, and refused with the same keys as `moneyAmount`
 * for everything that does not depend on the currency: not an amount (money.invalid), a sign or a
 * zero the field does not take, a whole part above MAX_MINOR_UNITS (too large in every currency).
 * The exact parse and range, in the currency's minor units, is `moneyAmount`'s, in the service.
 */
export function moneyText({ sign = "positive", required = true }: { sign?: AmountSign; required?: boolean } = {}) {
  const text = z.string().trim().max(MAX_AMOUNT_TEXT);
  return (required ? text.min(1) : text).superRefine((typed, ctx) => {
    if (typed === "" || typed.length > MAX_AMOUNT_TEXT) return; // the length checks speak for these
    const match = AMOUNT_SYNTAX.exec(typed.replace(/[\s,_]/g, ""));
    const refuse = (message: string) => ctx.addIssue({ code: "custom", message });
    if (!match) return refuse("money.invalid");
    const [, minus, whole = "0", fraction = ""] = match;
    const magnitude = BigInt(whole);
    if (magnitude > MAX_MINOR_UNITS) return refuse("money.tooLarge");
    const zero = magnitude === 0n && /^0*$/.test(fraction);
    if (minus && !zero && sign !== "signed") return refuse(MIN_BY_SIGN[sign].code);
    if (zero && sign === "positive") return refuse("money.positive");
  });
}

/**
 * An amount as typed ("12,500.00") in a currency, to bigint minor units within the one range:
 * money.invalid when it is not an amount (or has more decimals than the currency), then the
 * range checks of `minorUnits`. The currency must already be valid (see isCurrencyCode).
 */
export function moneyAmount(currency: string, sign: AmountSign = "nonNegative") {
  return z
    .string()
    .transform((text, ctx) => {
      const minor = parseMoney(text, currency);
      if (minor === null) {
        ctx.addIssue({ code: "custom", message: "money.invalid" });
        return z.NEVER;
      }
      return minor;
    })
    .pipe(minorUnits(sign));
}

/**
 * Building an Intl.NumberFormat costs tens of microseconds and a page formats hundreds of amounts
 * (a profile of the dashboard put a tenth of its CPU here): each formatter is built once per
 * process for its locale and options, and reused.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

let supportedCurrencies: Set<string> | undefined;

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  supportedCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  if (!supportedCurrencies.has(code)) return false;
  try {
    numberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function minorDigits(currency: string): number {
  return numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
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
  const formatter = numberFormat(locale, { style: "currency", currency });
  // Intl formats decimal strings exactly (NumberFormat v3); the cast is for older lib typings.
  return isolateNumber(formatter.format(toDecimalString(amountMinor, currency) as unknown as number), locale);
}

/**
 * In a right-to-left language an amount, number or percentage is its own left-to-right island
 * (U+2066 … U+2069), so "161,500.00 US$" and "+5%" keep their order inside an Arabic sentence
 * or table cell instead of reading "$US 161,500.00" and "5%+". Left-to-right locales get the text as is.
 */
export function isolateNumber(text: string, locale: string): string {
  return locale.startsWith("ar") ? `\u2066${text}\u2069` : text;
}

/**
 * A rate in basis points as a percentage (1250 → "12.5%"), formatted from its exact decimal
 * text, never through a float; `signed` shows "+5%" for a change. Isolated like amounts.
 */
export function formatBps(bps: number, locale: string, { signed = false }: { signed?: boolean } = {}): string {
  const negative = bps < 0;
  const magnitude = Math.abs(Math.trunc(bps));
  const whole = Math.trunc(magnitude / 10_000);
  const fraction = String(magnitude % 10_000).padStart(4, "0");
  const ratio = `${negative ? "-" : ""}${whole}.${fraction}`;
  const formatter = numberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 2,
    signDisplay: signed ? "exceptZero" : "auto",
  });
  return isolateNumber(formatter.format(ratio as unknown as number), locale);
}

/** A count or other plain number in the reader's language, isolated like amounts. */
export function formatCount(value: number | bigint, locale: string): string {
  return isolateNumber(numberFormat(locale).format(value), locale);
}

/** The longest amount text a form field takes (the same limit `moneyText` checks). */
export const MONEY_TEXT_MAX_LENGTH = MAX_AMOUNT_TEXT;

/**
 * A percentage as typed ("12.5", " 7 ") to integer basis points (1250, 700): whole and fraction
 * parsed as integers, never through a float. Null when it is not a plain decimal from 0 to 100
 * with at most two decimals (no sign, exponent, separators or empty text).
 */
export function percentToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bps <= Number(BPS_DENOMINATOR) ? bps : null;
}

/** Basis points (a stored, non-negative integer rate) back to the percentage a person types: 1250 → "12.5", 700 → "7". */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = bps % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
}
