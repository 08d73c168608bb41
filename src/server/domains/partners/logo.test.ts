import { describe, expect, it } from "vitest";
import { checkLogo, LOGO_MAX_BYTES, sanitizeSvg, sniffImageType } from "./logo";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const svg = (s: string) => new TextEncoder().encode(s);

describe("logos", () => {
  it("knows an image by its bytes, not by what it claims", () => {
    expect(sniffImageType(png)).toBe("image/png");
    expect(sniffImageType(jpeg)).toBe("image/jpeg");
    expect(sniffImageType(svg('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe("image/svg+xml");
    expect(sniffImageType(svg("GIF89a..."))).toBeNull();
    expect(checkLogo(jpeg, "image/png")).toEqual({ ok: false, code: "logo.wrongType" });
    expect(checkLogo(svg("<html><script>x</script></html>"), "image/svg+xml")).toEqual({ ok: false, code: "logo.wrongType" });
  });

  it("refuses empty and oversized files", () => {
    expect(checkLogo(new Uint8Array(), "image/png")).toEqual({ ok: false, code: "logo.empty" });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png);
    expect(checkLogo(big, "image/png")).toEqual({ ok: false, code: "logo.tooLarge" });
  });

  it("strips what can run or reach out from an SVG", () => {
    const dirty = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect width="10" height="10" onclick='x()'/></a><foreignObject><div>hi</div></foreignObject><image href="https://evil.example/x.png"/><circle r="4" fill="#4f46e5"/></svg>`;
    const clean = sanitizeSvg(dirty)!;
    expect(clean).not.toMatch(/script|onload|onclick|javascript:|foreignObject|evil\.example/i);
    expect(clean).toContain('<circle r="4" fill="#4f46e5"/>');
    const result = checkLogo(svg(dirty), "image/svg+xml");
    expect(result.ok).toBe(true);
  });

  it("refuses SVGs with entities rather than guessing", () => {
    expect(sanitizeSvg('<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>')).toBeNull();
    const nested = checkLogo(svg('<svg xmlns="http://www.w3.org/2000/svg"><scr<script></script>ipt>alert(1)</scr<script></script>ipt></svg>'), "image/svg+xml");
    expect(nested.ok && new TextDecoder().decode(nested.bytes)).not.toMatch(/<script/i);
  });
});
