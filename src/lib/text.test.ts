import { describe, expect, it } from "vitest";
import { comparableText, plainText, plainTextField, stripFormatCharacters } from "./text";

describe("stripFormatCharacters", () => {
  it.each<[string, string, string]>([
    ["zero-width space", "exa\u200Bmple", "example"],
    ["zero-width non-joiner and joiner", "ex\u200Cam\u200Dple", "example"],
    ["word joiner", "exa\u2060mple", "example"],
    ["bidi embeddings and overrides U+202A–202E", "\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee", "abcde"],
    ["bidi isolates U+2066–2069", "\u2066a\u2067b\u2068c\u2069", "abc"],
    ["left-to-right and right-to-left marks", "a\u200Eb\u200Fc\u061C", "abc"],
    ["byte-order mark", "\uFEFFacme", "acme"],
    ["soft hyphen", "ac\u00ADme", "acme"],
    ["visible text untouched", "Société Générale – مجموعة", "Société Générale – مجموعة"],
  ])("%s", (_case, input, expected) => {
    expect(stripFormatCharacters(input)).toBe(expected);
  });
});

describe("plainText (what is stored)", () => {
  it.each<[string, string]>([
    ["  Acme\u200B Inc\u202E ", "Acme Inc"],
    ["Cafe\u0301", "Café"], // composed (NFC), so the same name is stored the same way
    ["ＡＣＭＥ", "ＡＣＭＥ"], // the way it was written is kept; only comparisons fold it
  ])("%j → %j", (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });
});

describe("comparableText (what is compared)", () => {
  it.each<[string, string]>([
    ["ＡＣＭＥ", "ACME"],
    ["ﬁnance", "finance"],
    ["exa\u200Bmple", "example"],
    ["Cafe\u0301", "Café"],
  ])("%j → %j", (input, expected) => {
    expect(comparableText(input)).toBe(expected);
  });
});

describe("plainTextField", () => {
  const field = plainTextField({ min: 2, max: 10 });

  it("strips invisible characters before trimming and measuring", () => {
    expect(field.parse("\u202E Acme \u200B")).toBe("Acme");
    expect(field.safeParse("\u200B\u200B\u200Ba").success).toBe(false); // one visible character
    expect(field.safeParse(`abcdefghij${"\u200B".repeat(20)}`).success).toBe(true); // ten visible characters
  });

  it("keeps its limits readable for forms", () => {
    expect(field.minLength).toBe(2);
    expect(field.maxLength).toBe(10);
  });
});
