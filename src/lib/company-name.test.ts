import { describe, expect, it } from "vitest";
import { normalizeCompanyName } from "./company-name";
import { emailDomain, normalizeDomain } from "./domain-name";

describe("normalizeCompanyName", () => {
  it.each([
    ["Acme, Inc.", "ACME"],
    ["Acme Inc", "acme"],
    ["ACME LLC", "Acme"],
    ["Acme Ltd.", "acme"],
    ["Acme GmbH", "acme"],
    ["Acme Holdings Ltd", "acme"],
    ["Acme Pty. Ltd.", "acme"],
    ["Acme S.A.", "acme"],
    ["Acme B.V.", "acme"],
    ["  acme   corporation ", "Acme Corp."],
    ["Société Générale", "societe generale"],
    ["O'Brien & Sons", "obrien and sons"],
    ["Müller-Lüdenscheidt AG", "muller ludenscheidt"],
  ])("%s = %s", (a, b) => {
    expect(normalizeCompanyName(a)).toBe(normalizeCompanyName(b));
  });

  it.each([
    ["Acme", "Acme Widgets"],
    ["Globex", "Globe X Media"],
    ["Initech", "Initrode"],
  ])("%s ≠ %s", (a, b) => {
    expect(normalizeCompanyName(a)).not.toBe(normalizeCompanyName(b));
  });

  it("keeps a name that is only a legal form, and keeps Arabic letters", () => {
    expect(normalizeCompanyName("Group")).toBe("group");
    expect(normalizeCompanyName("مجموعة الصحراء")).toBe("مجموعة الصحراء");
    expect(normalizeCompanyName("Company Inc")).toBe("company");
  });
});

describe("normalizeDomain for leads", () => {
  it.each([
    ["https://WWW.Acme.com/pricing", "acme.com"],
    ["acme.com", "acme.com"],
    ["http://acme.com:8080/", "acme.com"],
    ["www.acme.com.", "acme.com"],
    ["ACME.COM/contact?x=1#top", "acme.com"],
    ["https://user@acme.com", "acme.com"],
    ["https://Bücher.example", "xn--bcher-kva.example"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["shop.acme.com", "shop.acme.com"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each(["", "acme", "not a domain", "https://"])("%j is not a domain", (input) => {
    expect(normalizeDomain(input)).toBeNull();
  });
});

describe("invisible characters and compatibility forms", () => {
  it.each([
    ["Vandel\u200Bay Industries", "Vandelay Industries"],
    ["\u202EVande\u202Alay\u202C Indus\u2067tries\u2069", "Vandelay Industries"],
    ["Cyber\u00ADdyne", "Cyberdyne"],
    ["Cyber\uFEFFdyne", "Cyberdyne"],
    ["Ａｃｍｅ", "Acme"],
    ["ac\u200Dme", "acme"],
  ])("%j = %j", (a, b) => {
    expect(normalizeCompanyName(a)).toBe(normalizeCompanyName(b));
  });

  it.each([
    ["exa\u200Bmple.com", "example.com"],
    ["exa\u200Dmple.com", "example.com"],
    ["\u202Eexample.com", "example.com"],
    ["exa\u2066mple\u2069.com", "example.com"],
    ["exa\u00ADmple.com", "example.com"],
    ["\uFEFFhttps://www.example.com/", "example.com"],
    ["ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"],
  ])("domain %j → %s", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it("reads an email's domain without its invisible characters", () => {
    expect(emailDomain("dana@exa\u200Dmple.com")).toBe("example.com");
  });
});
