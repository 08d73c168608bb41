import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  applyRateBps,
  bpsToPercent,
  divRoundHalfAwayFromZero,
  formatMoney,
  MAX_MINOR_UNITS,
  minorUnits,
  moneyAmount,
  moneyText,
  parseMoney,
  percentToBps,
  toDecimalString,
  type AmountSign,
} from "./money";

describe("money", () => {
  it("rounds half away from zero", () => {
    expect(divRoundHalfAwayFromZero(5n, 10n)).toBe(1n);
    expect(divRoundHalfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfAwayFromZero(4n, 10n)).toBe(0n);
    expect(applyRateBps(12345n, 1000)).toBe(1235n); // 1234.5 → 1235
    expect(applyRateBps(-12345n, 1000)).toBe(-1235n);
  });

  it("applying a rate is symmetric in sign and never off by more than half a unit", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 100_000 }),
        (amount, bps) => {
          const result = applyRateBps(amount, bps);
          expect(applyRateBps(-amount, bps)).toBe(-result);
          const exactTimes2 = amount * BigInt(bps) * 2n;
          const diff = result * 20_000n - exactTimes2;
          expect(diff <= 10_000n && diff >= -10_000n).toBe(true);
        },
      ),
    );
  });

  it("parses what it prints", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom("USD", "EUR", "JPY", "KWD"),
        (amount, currency) => {
          expect(parseMoney(toDecimalString(amount, currency), currency)).toBe(amount);
        },
      ),
    );
  });

  it("refuses text that is not an amount", () => {
    expect(parseMoney("12.345", "USD")).toBeNull();
    expect(parseMoney("abc", "USD")).toBeNull();
    expect(parseMoney("1,000.5", "USD")).toBe(100050n);
    expect(parseMoney("10.5", "JPY")).toBeNull();
  });

  it("formats for the reader's locale", () => {
    expect(formatMoney(123456n, "USD", "en")).toBe("$1,234.56");
    expect(formatMoney(123456n, "USD", "ar")).toMatch(/US\$|\$/);
  });
});

describe("the one range of amounts", () => {
  it("is well inside int8, with room for the sums the ledger keeps", () => {
    const INT8_MAX = 2n ** 63n - 1n;
    expect(MAX_MINOR_UNITS).toBe(10n ** 13n);
    // A rate of up to 100% never leaves the range, and a million maximal entries still add up inside int8.
    expect(applyRateBps(MAX_MINOR_UNITS, 10_000)).toBe(MAX_MINOR_UNITS);
    expect(MAX_MINOR_UNITS * 10n ** 5n < INT8_MAX).toBe(true);
  });

  const cases: [string, string, string, AmountSign, bigint | string][] = [
    ["a plain amount", "12,500.00", "USD", "positive", 1_250_000n],
    ["exactly the maximum", "100,000,000,000.00", "USD", "positive", MAX_MINOR_UNITS],
    ["one cent above", "100000000000.01", "USD", "positive", "money.tooLarge"],
    ["10^17 minor units", "1000000000000000.00", "USD", "positive", "money.tooLarge"],
    ["2^63 in major units", "9223372036854775808", "USD", "positive", "money.tooLarge"],
    ["2^63 minor units of a currency without decimals", "9223372036854775808", "JPY", "positive", "money.tooLarge"],
    ["the maximum in a currency without decimals", "10000000000000", "JPY", "positive", MAX_MINOR_UNITS],
    ["the maximum in a three-decimal currency", "10000000000.000", "KWD", "positive", MAX_MINOR_UNITS],
    ["zero when positive is required", "0", "USD", "positive", "money.positive"],
    ["zero allowed", "0", "USD", "nonNegative", 0n],
    ["negative when not allowed", "-5", "USD", "nonNegative", "money.notNegative"],
    ["a signed debit", "-125.50", "USD", "signed", -12_550n],
    ["the largest debit", "-100000000000", "USD", "signed", -MAX_MINOR_UNITS],
    ["a debit beyond the range", "-100000000000.01", "USD", "signed", "money.tooLarge"],
    ["-2^63", "-9223372036854775808", "USD", "signed", "money.tooLarge"],
    ["too many decimals", "12.345", "USD", "positive", "money.invalid"],
    ["decimals in a currency without them", "10.5", "JPY", "positive", "money.invalid"],
    ["not a number", "abc", "USD", "positive", "money.invalid"],
    ["an exponent", "1e20", "USD", "positive", "money.invalid"],
    ["empty", "", "USD", "nonNegative", "money.invalid"],
  ];

  it.each(cases)("%s: %j %s (%s) → %s", (_case, text, currency, sign, expected) => {
    const result = moneyAmount(currency, sign).safeParse(text);
    if (typeof expected === "bigint") expect(result).toMatchObject({ success: true, data: expected });
    else expect(result.error?.issues.map((i) => i.message)).toEqual([expected]);
  });

  it.each<[AmountSign, bigint, string | null]>([
    ["positive", 1n, null],
    ["positive", 0n, "money.positive"],
    ["nonNegative", 0n, null],
    ["nonNegative", -1n, "money.notNegative"],
    ["nonNegative", MAX_MINOR_UNITS, null],
    ["nonNegative", MAX_MINOR_UNITS + 1n, "money.tooLarge"],
    ["signed", -MAX_MINOR_UNITS, null],
    ["signed", -MAX_MINOR_UNITS - 1n, "money.tooLarge"],
    ["signed", 2n ** 63n, "money.tooLarge"],
  ])("minorUnits(%s) of %s → %s", (sign, value, expected) => {
    const result = minorUnits(sign).safeParse(value);
    expect(result.success ? null : result.error.issues[0]!.message).toBe(expected);
  });

  it.each<[string, AmountSign, string | null]>([
    ["12,500.00", "positive", null],
    ["-125.50", "signed", null],
    ["10000000000000", "positive", null], // the maximum in a currency without decimals
    ["10000000000000.5", "positive", null], // the exact check is moneyAmount's, in the currency
    ["12.345", "positive", null], // decimals depend on the currency too
    ["10000000000001", "positive", "money.tooLarge"], // above the maximum in every currency
    ["100000000000000000", "positive", "money.tooLarge"],
    ["9223372036854775808", "positive", "money.tooLarge"],
    ["-9223372036854775808", "signed", "money.tooLarge"],
    ["92,233,720,368,547,758", "nonNegative", "money.tooLarge"],
    ["abc", "positive", "money.invalid"],
    ["1e400", "positive", "money.invalid"],
    ["12.5.0", "signed", "money.invalid"],
    ["-5", "positive", "money.positive"],
    ["-5", "nonNegative", "money.notNegative"],
    ["0.00", "positive", "money.positive"],
    ["-0", "nonNegative", null],
    ["0", "nonNegative", null],
    ["", "positive", "validation.required"],
    ["1".repeat(25), "positive", "too_big"],
  ])("moneyText refuses %j (%s) at the edge → %s", (text, sign, expected) => {
    const result = moneyText({ sign }).safeParse(text);
    const issue = result.error?.issues[0];
    expect(
      issue
        ? issue.code === "too_big"
          ? "too_big"
          : issue.code === "too_small"
            ? "validation.required"
            : issue.message
        : null,
    ).toBe(expected);
  });

  it("an optional amount may be left empty", () => {
    expect(moneyText({ sign: "nonNegative", required: false }).parse("  ")).toBe("");
  });

  it("names the field it sits in", () => {
    const result = z
      .object({ minimumPayoutMinor: minorUnits("nonNegative") })
      .safeParse({ minimumPayoutMinor: 10n ** 17n });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[["minimumPayoutMinor"], "money.tooLarge"]]);
  });
});

describe("rates as typed", () => {
  const cases: [string, number | null][] = [
    ["5", 500],
    ["5.25", 525],
    ["5.2", 520],
    ["5.", 500],
    ["0", 0],
    ["0.01", 1],
    ["0.00", 0],
    ["100", 10_000],
    ["100.00", 10_000],
    ["100.01", null],
    ["101", null],
    ["  7 ", 700],
    ["007", 700],
    ["", null],
    ["   ", null],
    ["-1", null],
    ["+5", null],
    ["5.255", null],
    [".5", null],
    ["abc", null],
    ["5%", null],
    ["1e2", null],
    ["1,5", null],
    ["1 000", null],
    ["1000", null],
    ["Infinity", null],
    ["NaN", null],
    ["\u0665", null], // Arabic-Indic digit five: not read as a number
  ];
  it.each(cases)("percentToBps(%j) is %j", (text, bps) => {
    expect(percentToBps(text)).toBe(bps);
  });

  it.each([
    [500, "5"],
    [525, "5.25"],
    [520, "5.2"],
    [1, "0.01"],
    [0, "0"],
    [1250, "12.5"],
    [10_000, "100"],
  ])("bpsToPercent(%j) is %j", (bps, text) => {
    expect(bpsToPercent(bps)).toBe(text);
  });

  it("reads back every rate it shows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bps) => {
        expect(percentToBps(bpsToPercent(bps))).toBe(bps);
      }),
    );
  });
});

describe("amounts in Arabic are their own left-to-right island", () => {
  it("wraps Arabic amounts, counts and rates in U+2066 … U+2069 and leaves English alone", async () => {
    const { formatBps, formatCount } = await import("./money");
    expect(formatMoney(16_150_000n, "USD", "ar")).toBe("\u2066\u200f161,500.00\u00a0US$\u2069");
    expect(formatMoney(16_150_000n, "USD", "en")).toBe("$161,500.00");
    expect(formatBps(500, "en", { signed: true })).toBe("+5%");
    expect(formatBps(1250, "en")).toBe("12.5%");
    expect(formatBps(-25, "en", { signed: true })).toBe("-0.25%");
    expect(formatBps(500, "ar", { signed: true }).startsWith("\u2066")).toBe(true);
    expect(formatCount(12345, "ar")).toBe("\u206612,345\u2069");
  });
});
