import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, safeHref } from "./markdown";

const html = (source: string, newTabLabel?: string) =>
  renderToStaticMarkup(<Markdown source={source} newTabLabel={newTabLabel} />);

describe("Markdown", () => {
  it("renders headings one level below the page title", () => {
    const out = html("# One\n## Two\n### Three\n#### Four");
    expect(out).toContain('<h2 dir="auto" class="text-lg font-semibold text-neutral-900">One</h2>');
    expect(out).toContain(">Two</h3>");
    expect(out).toContain(">Three</h4>");
    // Only three levels are supported; deeper ones stay text.
    expect(out).toContain('<p dir="auto">#### Four</p>');
  });

  it("separates paragraphs by blank lines and joins soft breaks", () => {
    const out = html("first line\nsecond line\n\nnext paragraph");
    expect(out).toContain('<p dir="auto">first line second line</p>');
    expect(out).toContain('<p dir="auto">next paragraph</p>');
  });

  it("renders unordered and ordered lists", () => {
    const out = html("- apples\n- pears\n  continued\n\n3. three\n4. four");
    expect(out).toMatch(/<ul[^>]*><li dir="auto">apples<\/li><li dir="auto">pears continued<\/li><\/ul>/);
    expect(out).toMatch(/<ol start="3"[^>]*><li dir="auto">three<\/li><li dir="auto">four<\/li><\/ol>/);
  });

  it("renders bold, italic and code", () => {
    const out = html("A **bold** and *italic* and `a * b` and **_nested_ bold**");
    expect(out).toContain('<strong class="font-semibold text-neutral-900">bold</strong>');
    expect(out).toContain("<em>italic</em>");
    expect(out).toMatch(/<code[^>]*>a \* b<\/code>/);
    expect(out).toContain("<em>nested</em> bold</strong>");
  });

  it("leaves unmatched markers as text", () => {
    expect(html("2 * 3 = 6 and **open")).toContain('<p dir="auto">2 * 3 = 6 and **open</p>');
  });

  it("escapes HTML instead of rendering it", () => {
    const out = html('<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("keeps https and relative links, with safe rel", () => {
    const out = html("[Docs](https://example.com/a) and [Home](/dashboard)", "opens in a new tab");
    expect(out).toContain('<a href="https://example.com/a" rel="noopener noreferrer" target="_blank"');
    expect(out).toContain('<span class="sr-only"> (opens in a new tab)</span>');
    expect(out).toMatch(/<a href="\/dashboard" rel="noopener noreferrer" class="[^"]*">Home<\/a>/);
  });

  it("drops javascript:, data:, http: and protocol-relative links but keeps their text", () => {
    const out = html(
      "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](data:text/html,x) [d](http://x.test) [e](//evil.test) [f]( java\tscript:x)",
    );
    expect(out).not.toContain("<a ");
    expect(out).not.toMatch(/javascript/i);
    for (const label of ["a", "b", "c", "d", "e", "f"]) expect(out).toContain(`<span>${label}</span>`);
  });

  it("safeHref accepts only https and relative targets", () => {
    expect(safeHref("https://x.test")).toBe("https://x.test");
    expect(safeHref("/a")).toBe("/a");
    expect(safeHref("#top")).toBe("#top");
    expect(safeHref("../a")).toBe("../a");
    expect(safeHref("//x.test")).toBeNull();
    expect(safeHref("/\\x.test")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
    expect(safeHref("mailto:a@b.c")).toBeNull();
  });
});

describe("Markdown direction", () => {
  it("lets each block follow its own text, so English terms read left to right on an Arabic page", () => {
    expect(renderToStaticMarkup(<Markdown source={"# Terms\n\nبنود البرنامج"} />)).toMatch(
      /<h2 dir="auto"[^>]*>Terms<\/h2><p dir="auto">بنود البرنامج<\/p>/,
    );
  });
});

describe("Markdown images", () => {
  const ID = "0190f3a2-7c1e-7b2d-9a4f-5e6d7c8b9a01";

  it("shows a lesson image from our own route, lazily and within the column", () => {
    expect(html(`Before ![Pipeline stages](/api/training/images/${ID}) after`)).toBe(
      `<div class="space-y-3 text-sm leading-6 text-neutral-800 [&amp;&gt;h2:not(:first-child)]:mt-5 [&amp;&gt;h3:not(:first-child)]:mt-4"><p dir="auto">Before <img src="/api/training/images/${ID}" alt="Pipeline stages" loading="lazy" class="max-w-full h-auto rounded"/> after</p></div>`,
    );
    expect(html(`![](/api/training/images/${ID})`)).toContain('alt=""');
  });

  it("refuses every other source, keeping only the alt text", () => {
    const sources = [
      "javascript:alert(1)",
      "https://evil.test/pixel.gif",
      "//evil.test/a.png",
      "http://localhost/api/training/images/" + ID,
      "data:image/png;base64,iVBORw0KGgo=",
      "/api/logos/" + ID,
      `/api/training/images/${ID}/../../../api/trpc`,
      `/api/training/images/${ID}?x=1`,
      "/api/training/images/not-a-uuid",
      `/api/training/images/${ID}" onerror="alert(1)`,
    ];
    for (const src of sources) {
      const out = html(`![shown](${src})`);
      expect(out).not.toContain("<img");
      expect(out).not.toContain("<a ");
      expect(out).toContain("<span>shown</span>");
    }
  });

  it("keeps alt text inert and the rest of the line as before", () => {
    const out = html(`![a "quoted" <b>alt</b>](/api/training/images/${ID}) and [Home](/dashboard) and \\![not](/x)`);
    expect(out).toContain('alt="a &quot;quoted&quot; &lt;b&gt;alt&lt;/b&gt;"');
    expect(out).toMatch(/<a href="\/dashboard"[^>]*>Home<\/a>/);
    // An escaped "!" is a "!" before an ordinary link.
    expect(out).toMatch(/!<a href="\/x"[^>]*>not<\/a>/);
    expect(html("Wow! [Docs](/docs)")).toMatch(/Wow! <a href="\/docs"/);
  });
});
