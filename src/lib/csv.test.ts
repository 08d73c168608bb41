import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "./csv";

describe("csvCell", () => {
  it.each<[string, unknown, string]>([
    ["a negative amount stays a number", "-12.50", '"-12.50"'],
    ["a negative whole number", "-7", '"-7"'],
    ["a positive amount", "12.50", '"12.50"'],
    ["zero", 0, '"0"'],
    ["a negative number value", -3, '"-3"'],
    ["a bigint", -1250n, '"-1250"'],
    ["a date", new Date("2026-11-01T09:00:00Z"), '"2026-11-01T09:00:00.000Z"'],
    ["null", null, '""'],
    ["plain text with a quote", 'Acme "East"', '"Acme ""East"""'],
  ])("%s", (_case, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ["a formula", "=1+2"],
    ["a plus formula", "+1+2"],
    ["a minus formula", "-1+2"],
    ["a minus that is not only a number", "-12.50 USD"],
    ["a number with grouping (not a bare number)", "-1,234.56"],
    ["an exponent", "-1e5"],
    ["a minus and nothing else", "-"],
    ["a command call", "@SUM(A1:A2)"],
    ["a tab first", "\t=1+2"],
    ["a carriage return first", "\r=1+2"],
    ["a full-width equals", "＝1+2"],
    ["a full-width plus", "＋1+2"],
    ["a full-width minus", "－1+2"],
    ["a full-width at", "＠SUM(A1)"],
    ["spaces before an equals", '   =HYPERLINK("http://evil.example")'],
    ["an ideographic space before a plus", "\u3000+1"],
    ["a no-break space before a minus", "\u00A0-1+2"],
    ["spaces before a full-width equals", "  ＝1"],
    ["a leading space before a number-looking minus", " -12.50"],
  ])("guards %s", (_case, value) => {
    const cell = csvCell(value);
    expect(cell.startsWith(`"'`), cell).toBe(true);
    // The guard only prefixes: the value itself survives a round trip.
    expect(parseCsv(cell)[0]![0]).toBe(`'${value}`);
  });

  it("leaves text that merely contains formula characters alone", () => {
    expect(csvCell("Acme = Best")).toBe('"Acme = Best"');
    expect(csvCell("a-b@c.example")).toBe('"a-b@c.example"');
  });

  it("writes rows with CRLF and quotes every cell", () => {
    expect(toCsv(["amount", "note"], [["-12.50", "=cmd"]])).toBe('"amount","note"\r\n"-12.50","\'=cmd"\r\n');
  });
});
