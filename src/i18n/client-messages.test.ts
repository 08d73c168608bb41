import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import manifest from "./client-messages.json";
import type { ClientEntry } from "./client-messages";
import { pickMessages } from "./pick-messages";
import { clientManifest, clientUsage, normalizePaths, pathsReadBy } from "./client-usage";
import { messagesByLocale } from "./config";

const root = path.resolve(import.meta.dirname, "../..");
type Tree = { [key: string]: string | Tree };

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesIn(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : [],
  );

/** The path is in the catalogue: picking it (the same walk the layouts do) finds something. */
const has = (messages: Tree, p: string) => Object.keys(pickMessages(messages, [p])).length > 0;

describe("the words each route entry hands its client components", () => {
  const usage = clientUsage(root);
  const entries = Object.keys(manifest) as ClientEntry[];

  it("are exactly what its client components read that the layouts above do not hand out", () => {
    expect(usage.problems, "translators the reader cannot follow").toEqual([]);
    // Out of date? `npm run i18n:client` writes src/i18n/client-messages.json from the source.
    expect(manifest).toEqual(clientManifest(usage));
  });

  it("name keys that exist in both languages", () => {
    for (const locale of ["en", "ar"] as const) {
      const messages = messagesByLocale[locale] as unknown as Tree;
      for (const [entry, paths] of Object.entries(manifest)) {
        for (const p of paths) expect(has(messages, p), `${locale}: ${entry} reads ${p}`).toBe(true);
      }
    }
  });

  it("reach the client through the entry's own file, and the whole catalogue through none", () => {
    for (const entry of entries) {
      const file = path.join(root, "src/app", `${entry}.tsx`);
      const source = readFileSync(file, "utf8");
      const handsOut = entry.endsWith("page")
        ? `export default withClientMessages("${entry}", `
        : `<ClientMessages entry="${entry}">`;
      expect(source, `src/app/${entry}.tsx`).toContain(handsOut);
    }
    // Each file hands out its own share, never another's, and nothing passes the catalogue whole.
    for (const file of filesIn(path.join(root, "src"))) {
      const source = readFileSync(file, "utf8");
      if (!/intl-client.tsx$|\.test\.tsx?$/.test(file)) expect(source, file).not.toContain("<NextIntlClientProvider");
      if (!file.startsWith(path.join(root, "src/app"))) continue;
      const named = [...source.matchAll(/(?:withClientMessages\(|<ClientMessages entry=)"([^"]+)"/g)].map((m) => m[1]);
      const own = path.relative(path.join(root, "src/app"), file).replace(/\.tsx$/, "");
      for (const entry of named) expect(entry, path.relative(root, file)).toBe(own);
    }
  });

  it("are a small share of the catalogue on every page, counting the layouts above it", () => {
    const whole = JSON.stringify(messagesByLocale.en).length;
    for (const entry of entries.filter((e) => e.endsWith("page"))) {
      const paths = [
        ...(usage.chains[entry] ?? []).flatMap((e) => manifest[e as ClientEntry] ?? []),
        ...manifest[entry],
      ];
      const share = JSON.stringify(pickMessages(messagesByLocale.en as unknown as Tree, paths)).length;
      expect(share, entry).toBeLessThan(whole / 10);
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
