import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every source file, so the checks below hold for code added later too. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const root = path.join(process.cwd(), "src");

describe("no float touches money", () => {
  it("the schema has no floating-point or unbounded numeric columns", () => {
    const schema = sources(path.join(root, "server", "db", "schema")).map(
      (f) => [f, fs.readFileSync(f, "utf8")] as const,
    );
    for (const [file, text] of schema) expect(text, file).not.toMatch(/\b(real|doublePrecision|numeric|decimal)\(/);
    const migrations = fs.readdirSync(path.join(process.cwd(), "drizzle")).filter((f) => f.endsWith(".sql"));
    for (const file of migrations)
      expect(fs.readFileSync(path.join(process.cwd(), "drizzle", file), "utf8"), file).not.toMatch(
        /\b(real|double precision|numeric|decimal)\b/i,
      );
  });

  it("no code parses or rounds amounts through floating point", () => {
    for (const file of sources(root)) {
      const text = fs.readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/\bparseFloat\(|\.toFixed\(/);
    }
  });
});
