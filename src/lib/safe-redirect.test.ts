import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

const APP_URL = "https://partners.example.com";
const FALLBACK = "/fallback";
const check = (value: unknown) => safeCallbackPath(value, FALLBACK, APP_URL);

describe("safeCallbackPath", () => {
  it.each([
    // what `?callbackUrl=%2F%09%2Fevil.example` arrives as: browsers drop the tab and read //evil.example
    ["tab after the slash", "/\t/evil.example"],
    ["newline after the slash", "/\n/evil.example"],
    ["carriage return after the slash", "/\r/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["leading tab", "\t/evil.example"],
    ["leading space", " /x"],
    ["trailing space", "/x "],
    ["space inside", "/a b"],
    ["no-break space", "/\u00a0/evil.example"],
    ["line separator", "/\u2028/evil.example"],
    ["zero-width space", "/\u200b/evil.example"],
    ["backslash after the slash", "/\\evil.example"],
    ["backslash later", "/a\\b"],
    ["two backslashes", "\\\\evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/login"],
    ["dot segment that normalizes to //", "/.//evil.example"],
    ["dot-dot segment that normalizes to //", "/..//evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded slash and tab", "%2F%09%2Fevil.example"],
    ["encoded tab after a real slash", "/%2F%09/evil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded backslash, lower case", "/%5cevil.example"],
    ["encoded newline", "/%0a/evil.example"],
    ["encoded carriage return", "/%0D/evil.example"],
    ["encoded NUL", "/x%00"],
    ["encoded space in the path", "/a%20b"],
    ["encoded second slash", "/%2F/evil.example"],
    ["double-encoded tab", "/%2509/evil.example"],
    ["malformed percent-encoding", "/%E0%A4%A"],
    ["absolute https", "https://evil.example/"],
    ["absolute same origin (not a path)", "https://partners.example.com/dashboard"],
    ["scheme without slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["relative path", "dashboard"],
    ["empty", ""],
  ])("falls back for %s", (_name, value) => {
    expect(check(value)).toBe(FALLBACK);
  });

  it.each([undefined, null, 42, ["/dashboard"], { toString: () => "/dashboard" }])(
    "falls back for a non-string (%s)",
    (value) => {
      expect(check(value)).toBe(FALLBACK);
    },
  );

  it.each([
    ["/dashboard", "/dashboard"],
    ["/leads?page=2#x", "/leads?page=2#x"],
    ["/", "/"],
    ["/manage/partners?q=a%20b&sort=name", "/manage/partners?q=a%20b&sort=name"],
    ["/leads/0190a6c2-7b7e-7c1a-9d7e-1f2a3b4c5d6e", "/leads/0190a6c2-7b7e-7c1a-9d7e-1f2a3b4c5d6e"],
  ])("keeps the same-origin path %s", (value, expected) => {
    expect(check(value)).toBe(expected);
  });

  it("returns the path as the URL parser normalizes it", () => {
    expect(check("/a/../dashboard")).toBe("/dashboard");
    expect(check("/a/./b")).toBe("/a/b");
  });

  it("defaults to APP_URL and the root", () => {
    expect(safeCallbackPath("/dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("//evil.example")).toBe("/");
  });
});
