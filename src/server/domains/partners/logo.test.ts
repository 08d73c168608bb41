import { describe, expect, it } from "vitest";
import { checkLogo, LOGO_MAX_BYTES, sanitizeSvg, sniffImageType } from "./logo";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const svg = (s: string) => new TextEncoder().encode(s);
const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

/** What a browser reads after decoding character references and dropping the blanks it ignores in a URL scheme. */
function decoded(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&(tab|newline);/gi, "")
    .replace(/[\t\n\r]/g, "");
}

/** Nothing left that can run, navigate to script, or load anything from outside the file. */
function expectHarmless(out: string | null): void {
  if (out === null) return; // refused: harmless too
  const text = decoded(out);
  expect(text).not.toMatch(/<\s*script/i);
  expect(text).not.toMatch(/[\s/"']on[a-z]+\s*=/i);
  expect(text).not.toMatch(/javascript\s*:/i);
  expect(text).not.toMatch(/vbscript\s*:/i);
  expect(text).not.toMatch(/<\s*foreignObject/i);
  expect(text).not.toMatch(/<\s*(iframe|embed|object|handler|listener)/i);
  expect(text).not.toMatch(/<!(ENTITY|DOCTYPE)/i);
  expect(text).not.toMatch(/@import/i);
  expect(text).not.toMatch(/\\/); // CSS escapes can spell url( or @import
  expect(text).not.toMatch(/url\(\s*['"]?\s*(?!#)/i); // only same-document url(#id)
  expect(text).not.toMatch(/(href|src)\s*=\s*["']?\s*(https?:|\/\/|data:(?!image\/(png|jpeg|gif|webp);))/i);
  expect(text).not.toMatch(/<\s*use[^>]*href\s*=\s*["']?\s*data:/i);
  expect(text).not.toMatch(/attributeName\s*=\s*["']?\s*(on|(xlink:)?href)/i);
}

/** A logo as design tools export it: prolog, namespaces, viewBox, gradients, a clip path, <use>, a class stylesheet. */
const NORMAL_LOGO = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: a design tool -->
<svg ${NS} viewBox="0 0 120 40" width="120" height="40">
  <title>Acme</title>
  <defs>
    <style>.cls-1{fill:#1f2937;}.cls-2{fill:url(#grad);opacity:.9}</style>
    <linearGradient id="grad" x1="0" y1="0" x2="1" y2="1" gradientUnits="objectBoundingBox">
      <stop offset="0" stop-color="#4f46e5"/>
      <stop offset="1" stop-color="#06b6d4" stop-opacity="0.8"/>
    </linearGradient>
    <radialGradient id="glow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#fff"/></radialGradient>
    <clipPath id="clip"><rect width="40" height="40" rx="8"/></clipPath>
    <path id="mark" d="M4 36 L20 4 L36 36 Z"/>
  </defs>
  <g clip-path="url(#clip)" transform="translate(0 0)">
    <use xlink:href="#mark" class="cls-2"/>
    <circle cx="20" cy="24" r="4" fill="url(#glow)"/>
  </g>
  <path class="cls-1" fill-rule="evenodd" d="M50 10h4v20h-4z"/>
  <text x="60" y="28" font-family="Inter, sans-serif" font-size="16" style="fill:#111827">Acme</text>
</svg>`;

describe("logos", () => {
  it("knows an image by its bytes, not by what it claims", () => {
    expect(sniffImageType(png)).toBe("image/png");
    expect(sniffImageType(jpeg)).toBe("image/jpeg");
    expect(sniffImageType(svg('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe(
      "image/svg+xml",
    );
    expect(sniffImageType(svg("GIF89a..."))).toBeNull();
    expect(checkLogo(jpeg, "image/png")).toEqual({ ok: false, code: "logo.wrongType" });
    expect(checkLogo(svg("<html><script>x</script></html>"), "image/svg+xml")).toEqual({
      ok: false,
      code: "logo.wrongType",
    });
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
    expect(clean).toContain('<rect width="10" height="10"/>');
    const result = checkLogo(svg(dirty), "image/svg+xml");
    expect(result.ok).toBe(true);
  });

  it("refuses SVGs with entities rather than guessing", () => {
    expect(sanitizeSvg('<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>')).toBeNull();
    const nested = checkLogo(
      svg('<svg xmlns="http://www.w3.org/2000/svg"><scr<script></script>ipt>alert(1)</scr<script></script>ipt></svg>'),
      "image/svg+xml",
    );
    expect(nested.ok && new TextDecoder().decode(nested.bytes)).not.toMatch(/<script/i);
  });

  it("keeps a normal logo: paths, gradients, clip paths, <use>, class styles and the viewBox", () => {
    const clean = sanitizeSvg(NORMAL_LOGO);
    expect(clean).not.toBeNull();
    expectHarmless(clean);
    expect(clean).toMatch(/<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(clean).toContain('viewBox="0 0 120 40"');
    expect(clean).toMatch(/<linearGradient id="grad"[^>]*gradientUnits="objectBoundingBox"/);
    expect(clean).toContain('<stop offset="1" stop-color="#06b6d4" stop-opacity="0.8"/>');
    expect(clean).toContain("<radialGradient");
    expect(clean).toMatch(/<clipPath id="clip"><rect width="40" height="40" rx="8"\/><\/clipPath>/);
    expect(clean).toContain('clip-path="url(#clip)"');
    expect(clean).toMatch(/<use xlink:href="#mark" class="cls-2"\/>/);
    expect(clean).toContain('fill="url(#glow)"');
    expect(clean).toContain(".cls-1{fill:#1f2937;}.cls-2{fill:url(#grad);opacity:.9}");
    expect(clean).toContain('d="M50 10h4v20h-4z"');
    expect(clean).toContain('style="fill:#111827"');
    expect(clean).toContain(">Acme</text>");
    // Still a standalone SVG document: the xlink prefix stays declared.
    expect(clean).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
    expect(checkLogo(svg(NORMAL_LOGO), "image/svg+xml").ok).toBe(true);
  });

  it("keeps what illustration tools add: @media styles, data-name, xml:space, same-file href, embedded PNG", () => {
    const exported = `<?xml version="1.0" encoding="utf-8"?>
<svg version="1.1" id="Layer_1" ${NS} x="0px" y="0px" viewBox="0 0 500 500" style="enable-background:new 0 0 500 500;" xml:space="preserve">
<style type="text/css">.st0{fill:#0f172a;} @media (prefers-color-scheme: dark) { .st0 { fill: rgb(255 255 255 / 90%); } }</style>
<g id="mark" data-name="Mark"><path class="st0" d="M10,10h480v480H10V10z"/></g>
<a href="#mark"><use href="#mark" transform="scale(0.5)"/></a>
<image width="8" height="8" xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="/>
</svg>`;
    const clean = sanitizeSvg(exported);
    expect(clean).not.toBeNull();
    expectHarmless(clean);
    expect(clean).toContain("@media (prefers-color-scheme: dark) { .st0 { fill: rgb(255 255 255 / 90%); } }");
    expect(clean).toContain('style="enable-background:new 0 0 500 500;"');
    expect(clean).toContain('xml:space="preserve"');
    expect(clean).toContain('data-name="Mark"');
    expect(clean).toContain('<a href="#mark"><use href="#mark" transform="scale(0.5)"/></a>');
    expect(clean).toContain('xlink:href="data:image/png;base64,iVBORw0KGgo');
  });

  it("refuses rather than guesses when the markup does not come out as one SVG", () => {
    expect(sanitizeSvg(`<svg ${NS}></svg><svg ${NS}></svg>`)).toBeNull();
    expect(sanitizeSvg(`<svg ${NS}><style>a<b>x</b></style></svg>`)).toBeNull(); // markup in a stylesheet
    expect(sanitizeSvg(`<svg ${NS}><image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>`)).toBe(
      `<svg ${NS}><image/></svg>`,
    );
  });

  const hostile: Record<string, string> = {
    "script tag": `<svg ${NS}><script>alert(1)</script><rect width="1" height="1"/></svg>`,
    "script tag with a src": `<svg ${NS}><script xlink:href="https://evil.example/x.js"/></svg>`,
    "mixed-case script tag": `<svg ${NS}><sCrIpT>alert(1)</sCrIpT></svg>`,
    "script in CDATA": `<svg ${NS}><script><![CDATA[alert(1)]]></script></svg>`,
    "onload attribute": `<svg ${NS} onload="alert(1)"><rect width="1" height="1"/></svg>`,
    "event attribute in mixed case": `<svg ${NS}><rect width="1" height="1" OnMouseOver="alert(1)"/></svg>`,
    "javascript: link": `<svg ${NS}><a href="javascript:alert(1)"><rect width="1" height="1"/></a></svg>`,
    "javascript: xlink:href link": `<svg ${NS}><a xlink:href=" JaVaScRiPt:alert(1)"><rect width="1" height="1"/></a></svg>`,
    "entity-encoded javascript: link": `<svg ${NS}><a href="&#106;avascript:alert(1)"><rect width="1" height="1"/></a></svg>`,
    "tab-split javascript: link": `<svg ${NS}><a xlink:href="java&#x09;script:alert(1)"><rect width="1" height="1"/></a></svg>`,
    "<use> of a data: document": `<svg ${NS}><use xlink:href="data:image/svg+xml;base64,PHN2ZyBpZD0ieCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiBvbmxvYWQ9ImFsZXJ0KDEpIi8+#x"/></svg>`,
    "<use> of an external document": `<svg ${NS}><use href="https://evil.example/sprite.svg#x"/></svg>`,
    "<foreignObject> with an iframe": `<svg ${NS}><foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"></iframe></foreignObject></svg>`,
    "<foreignObject> with an iframe srcdoc": `<svg ${NS}><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></foreignObject></svg>`,
    "<style> @import url()": `<svg ${NS}><style>@import url(https://evil.example/x.css);</style><rect width="1" height="1"/></svg>`,
    "<style> @import of a string, no semicolon": `<svg ${NS}><style>@import "https://evil.example/x.css"</style><rect width="1" height="1"/></svg>`,
    "<style> @import in CDATA": `<svg ${NS}><style><![CDATA[@import url(//evil.example/x.css);]]></style></svg>`,
    "<style> with an external url()": `<svg ${NS}><style>.a{background:url("https://evil.example/t.png")}</style><rect class="a" width="1" height="1"/></svg>`,
    "<style> with an escaped url()": `<svg ${NS}><style>.a{background:\\75rl(https://evil.example/t.png)}</style></svg>`,
    "style attribute with an external url()": `<svg ${NS}><rect width="1" height="1" style="fill:url(//evil.example/p.svg#g)"/></svg>`,
    "presentation attribute with an external url()": `<svg ${NS}><rect width="1" height="1" fill="url(https://evil.example/p.svg#g)"/></svg>`,
    "external <image>": `<svg ${NS}><image href="https://evil.example/track.png" width="1" height="1"/></svg>`,
    "<!ENTITY> XXE": `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg ${NS}><text>&xxe;</text></svg>`,
    "<!ENTITY> billion laughs": `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg ${NS}><text>&b;</text></svg>`,
    "<animate> of href to javascript:": `<svg ${NS}><a><animate attributeName="href" to="javascript:alert(1)" begin="0s"/><rect width="1" height="1"/></a></svg>`,
    "<animate> of xlink:href with values": `<svg ${NS}><a><animate attributeName="xlink:href" values="&#106;avascript:alert(1)" begin="0s" fill="freeze"/><text>x</text></a></svg>`,
    "<set> of href to javascript:": `<svg ${NS}><a><set attributeName="href" to="&#106;avascript:alert(1)"/><text>x</text></a></svg>`,
    "<set> of an event attribute": `<svg ${NS}><rect width="1" height="1"><set attributeName="onmouseover" to="alert(1)"/></rect></svg>`,
    "<animate> in mixed-case attribute name": `<svg ${NS}><a><animate attributeName="HREF" to="&#106;avascript:alert(1)"/></a></svg>`,
    "href under another prefix for the xlink namespace": `<svg ${NS} xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"><text>x</text></a></svg>`,
    "<?xml-stylesheet?> before the root": `<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?><svg ${NS}><rect width="1" height="1"/></svg>`,
    "<?xml-stylesheet?> inside the root": `<svg ${NS}><?xml-stylesheet type="text/css" href="https://evil.example/x.css"?><rect width="1" height="1"/></svg>`,
    "<handler> element": `<svg ${NS} xmlns:ev="http://www.w3.org/2001/xml-events"><handler ev:event="load">alert(1)</handler></svg>`,
    "<iframe> outside foreignObject": `<svg ${NS}><iframe src="https://evil.example/"/></svg>`,
    "<embed> and <object>": `<svg ${NS}><embed src="https://evil.example/x.swf"/><object data="https://evil.example/x"/></svg>`,
  };

  for (const [name, dirty] of Object.entries(hostile)) {
    it(`makes a hostile SVG harmless: ${name}`, () => {
      expectHarmless(sanitizeSvg(dirty));
      const checked = checkLogo(svg(dirty), "image/svg+xml");
      if (checked.ok) expectHarmless(new TextDecoder().decode(checked.bytes));
      else expect(["logo.unsafe", "logo.wrongType"]).toContain(checked.code); // refused: a DOCTYPE is not even sniffed as SVG
    });
  }
});
