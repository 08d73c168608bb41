import { describe, expect, it } from "vitest";
import { findControlCharacters, hasControlCharacters } from "./control-characters";

describe("control characters", () => {
  it.each(["a\u0000b", "\u001b[31m", "bell\u0007", "del\u007f", "\u0085next line", "\u000bvtab"])(
    "finds %j",
    (text) => {
      expect(hasControlCharacters(text)).toBe(true);
    },
  );

  it.each(["plain", "two\nlines", "tab\there", "crlf\r\n", "عربي", "emoji 🎉", "zero\u200bwidth"])(
    "leaves %j alone",
    (text) => {
      expect(hasControlCharacters(text)).toBe(false);
    },
  );

  it("names the path of the first offending string, nested in objects and arrays", () => {
    expect(findControlCharacters({ a: "ok", rows: [{ name: "ok" }, { name: "bad\u0000" }] })).toEqual([
      "rows",
      1,
      "name",
    ]);
    expect(findControlCharacters({ a: "ok", n: 5, d: new Date(0), nothing: null })).toBeNull();
    expect(findControlCharacters("x\u0001")).toEqual([]);
  });
});
