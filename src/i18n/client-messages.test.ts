import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import manifest from "./client-messages.json";
import { pickMessages } from "./client-messages";
import { CLIENT_AREAS, clientUsage, normalizePaths, pathsReadBy, type ClientArea } from "./client-usage";
import { messagesByLocale } from "./config";

const root = path.resolve(import.meta.dirname, "../..");
type Tree = { [key: string]: string | Tree };

/** The path is in the catalogue: picking it (the same walk the layouts do) finds something. */
const has = (messages: Tree, p: string) => Object.keys(pickMessages(messages, [p])).length > 0;

describe("the words each area hands its client components", () => {
  const usage = clientUsage(root);

  it("are exactly what the area's client components read: none missing, none extra", () => {
    expect(usage.problems, "translators the reader cannot follow").toEqual([]);
    // Out of date? `npm run i18n:client` writes src/i18n/client-messages.json from the source.
    expect(manifest).toEqual(usage.areas);
  });

  it("name keys that exist in both languages", () => {
    for (const locale of ["en", "ar"] as const) {
      const messages = messagesByLocale[locale] as unknown as Tree;
      for (const [area, paths] of Object.entries(manifest)) {
        for (const p of paths) expect(has(messages, p), `${locale}: ${area} reads ${p}`).toBe(true);
      }
    }
  });

  it("reach the client through each area's layout, and the whole catalogue through none", () => {
    for (const area of Object.keys(CLIENT_AREAS) as ClientArea[]) {
      const layout = area === "shared" ? "src/app/layout.tsx" : `${CLIENT_AREAS[area][0]}/layout.tsx`;
      const source = readFileSync(path.join(root, layout), "utf8");
      expect(source, layout).toContain(`<ClientMessages area="${area}">`);
      expect(source, layout).not.toContain("NextIntlClientProvider");
    }
  });

  it("are a small share of the catalogue", () => {
    const whole = JSON.stringify(messagesByLocale.en).length;
    for (const area of Object.keys(CLIENT_AREAS) as ClientArea[]) {
      const paths = area === "shared" ? manifest.shared : [...manifest.shared, ...manifest[area]];
      const share = JSON.stringify(pickMessages(messagesByLocale.en as unknown as Tree, paths)).length;
      expect(share, area).toBeLessThan(whole / 2);
    }
  });
});

describe("reading a module's translators", () => {
  const read = (source: string) => pathsReadBy("x.tsx", source);

  it("follows literal keys, both sides of a choice, and keys built at run time", () => {
    const source = `
      const t = useTranslations("leads");
      t("title"); t.rich("body", {}); t(done ? "saved" : "failed"); t(\`status.\${s}\`);
      const e = useTranslations("errors");
      e("generic");`;
    expect(normalizePaths(read(source).paths)).toEqual([
      "errors.generic",
      "leads.body",
      "leads.failed",
      "leads.saved",
      "leads.status",
      "leads.title",
    ]);
  });

  it("takes the whole namespace when the translator is passed on, and scopes a reused name", () => {
    const source = `
      function A() { const t = useTranslations("a"); return <B label={t} />; }
      function B() { const t = useTranslations("b"); return t("only"); }`;
    expect(normalizePaths(read(source).paths)).toEqual(["a", "b.only"]);
    expect(read(`const t = useTranslations("a"); <div className="border-t" />`).paths).toEqual([]);
  });

  it("refuses what it cannot follow", () => {
    expect(read("const t = useTranslations(ns);").problems).toHaveLength(1);
    expect(read("const t = useTranslations(); f(t);").problems).toHaveLength(1);
  });

  it("picks subtrees", () => {
    expect(pickMessages({ a: { b: "x", c: "y" }, d: "z" }, ["a.b", "d", "missing.key"])).toEqual({
      a: { b: "x" },
      d: "z",
    });
  });
});
