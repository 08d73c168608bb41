import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyRateBps, divRoundHalfAwayFromZero, formatMoney, parseMoney, toDecimalString } from "./money";

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
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 100_000 }), (amount, bps) => {
        const result = applyRateBps(amount, bps);
        expect(applyRateBps(-amount, bps)).toBe(-result);
        const exactTimes2 = amount * BigInt(bps) * 2n;
        const diff = result * 20_000n - exactTimes2;
        expect(diff <= 10_000n && diff >= -10_000n).toBe(true);
      }),
    );
  });

  it("parses what it prints", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom("USD", "EUR", "JPY", "KWD"), (amount, currency) => {
        expect(parseMoney(toDecimalString(amount, currency), currency)).toBe(amount);
      }),
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
