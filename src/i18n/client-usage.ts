import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Which message paths each route entry's client components read, found in the source (node only: the
 * test and `npm run i18n:client` use it, the app reads the manifest it writes). A module is a
 * client module when a "use client" file imports it, directly or through others; only those need
 * their words on the client, everything else is rendered on the server with the full catalogue.
 */

/**
 * Files Next.js renders inside the nearest layout at or above them, so that layout's provider
 * covers their client components (a page gets its own provider, see ClientMessages).
 */
const SEGMENT_FILES = ["error", "loading", "not-found", "forbidden", "unauthorized", "template", "default"];

export interface ClientUsage {
  /**
   * Per route entry (a layout with the segment files it wraps, or a page), named by its path under
   * src/app without the extension: the message paths its client components read that the layouts
   * above it do not already hand out. Sorted, covered paths dropped, entries with none left out.
   */
  entries: Record<string, string[]>;
  /** Per entry (all of them), the layouts above it, outermost first: their words reach it too. */
  chains: Record<string, string[]>;
  /** Places a translator is used in a way the reader cannot follow (a bare or variable namespace). */
  problems: string[];
}

const EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function filesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [dir];
  return readdirSync(full).flatMap((name) => filesUnder(root, path.join(dir, name)));
}

function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join("src", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null; // a package
  for (const ext of ["", ...EXTENSIONS]) {
    const candidate = base + ext;
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return null;
}

/** Value imports (type-only ones bring no code, so no words). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)"/g;
  for (const m of source.matchAll(statement)) if (!m[2]) found.push(m[4]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s+"([^"]+)"/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)) found.push(m[1]!);
  return found;
}

function join(namespace: string, key: string): string {
  return [namespace, key].filter(Boolean).join(".");
}

/** The message paths one module's translators read, and what could not be followed. */
export function pathsReadBy(file: string, source: string): { paths: string[]; problems: string[] } {
  const paths: string[] = [];
  const problems: string[] = [];
  const declaration = /\b(?:const|let)\s+(\w+)\s*=\s*useTranslations\(([^)]*)\)/g;
  for (const m of source.matchAll(declaration)) {
    const name = m[1]!;
    const arg = m[2]!.trim();
    const literal = /^"([^"]*)"$/.exec(arg);
    if (arg !== "" && !literal) {
      problems.push(`${file}: useTranslations(${arg}) names its namespace by a variable`);
      continue;
    }
    const namespace = literal ? literal[1]! : "";
    // Not a class name's tail ("border-t") or another object's property.
    const uses = new RegExp(`(?<![\\w$.-])${name}\\b`, "g");
    // Each component declares its own translator, often under the same name: a declaration's
    // uses run up to the next declaration of that name.
    const start = m.index! + m[0].length;
    const next = source.slice(start).search(new RegExp(`\\b(?:const|let)\\s+${name}\\s*=\\s*useTranslations\\(`));
    const after = source.slice(start, next === -1 ? undefined : start + next);
    for (const use of after.matchAll(uses)) {
      const rest = after.slice(use.index! + name.length);
      const call = /^(?:\.(?:rich|markup|raw|has))?\(\s*(?:"([^"]*)"|`([^`$]*)\$\{|`([^`]*)`)?/.exec(rest);
      const key = call?.[1] ?? call?.[3];
      // `t(cond ? "a" : "b")`: both.
      const choice = /^\(\s*[^"`()]+\?\s*"([^"]*)"\s*:\s*"([^"]*)"\s*\)/.exec(
        rest.replace(/^\.(?:rich|markup|raw|has)/, ""),
      );
      if (choice) paths.push(join(namespace, choice[1]!), join(namespace, choice[2]!));
      else if (call && key !== undefined) paths.push(join(namespace, key));
      else if (call && call[2] !== undefined) {
        // A key built at run time: all of the subtree before its first variable part.
        const prefix = call[2].includes(".") ? call[2].slice(0, call[2].lastIndexOf(".")) : "";
        paths.push(join(namespace, prefix));
      } else if (namespace) paths.push(namespace);
      else problems.push(`${file}: the catalogue-wide translator "${name}" is used where its keys cannot be read`);
      if (paths.at(-1) === "") problems.push(`${file}: "${name}" reads a key built entirely at run time`);
    }
  }
  return { paths: paths.filter(Boolean), problems };
}

/** Sorted, without paths that a shorter one already covers. */
export function normalizePaths(paths: Iterable<string>): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}.`)));
}

const APP = "src/app";

/** The layouts above a directory of the app, and its own, outermost first. */
function layoutsAbove(root: string, dir: string): string[] {
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(root, d, "layout.tsx"))) chain.unshift(path.join(d, "layout.tsx"));
    if (d === APP || !d.startsWith(APP)) break;
  }
  return chain;
}

const entryName = (file: string) => path.relative(APP, file).replace(/\.tsx$/, "");

export function clientUsage(root: string): ClientUsage {
  const sources = new Map<string, string>();
  const read = (file: string) => {
    if (!sources.has(file)) sources.set(file, readFileSync(path.join(root, file), "utf8"));
    return sources.get(file)!;
  };
  const isClientBoundary = (file: string) => /^\s*["']use client["']/.test(read(file));
  const problems = new Set<string>();

  /** What the client modules reachable from these files read. */
  const readFrom = (starts: string[]) => {
    const seen = new Set<string>();
    const paths: string[] = [];
    const visit = (file: string, inClient: boolean) => {
      const client = inClient || isClientBoundary(file);
      const key = `${client ? "c" : "s"}:${file}`;
      if (seen.has(key)) return;
      seen.add(key);
      const source = read(file);
      if (client) {
        const found = pathsReadBy(file, source);
        paths.push(...found.paths);
        for (const p of found.problems) problems.add(p);
      }
      for (const specifier of importsOf(source)) {
        const target = resolveImport(root, file, specifier);
        // Server-only code never runs in the browser; the catalogue files are data, not components.
        if (target && !target.startsWith("src/server/") && !target.endsWith(".json")) visit(target, client);
      }
    };
    for (const start of starts) visit(start, false);
    return normalizePaths(paths);
  };

  const files = filesUnder(root, APP).filter((f) => f.endsWith(".tsx"));
  const base = (f: string) => path.basename(f, ".tsx");
  // Each layout wraps the segment files at or below it up to the next layout.
  const groups = new Map<string, string[]>();
  for (const f of files.filter((f) => base(f) === "layout")) groups.set(f, [f]);
  for (const f of files.filter((f) => SEGMENT_FILES.includes(base(f)))) {
    const owner = layoutsAbove(root, path.dirname(f)).at(-1);
    if (owner) groups.get(owner)!.push(f);
  }
  for (const f of files.filter((f) => base(f) === "page")) groups.set(f, [f]);

  const full = new Map<string, string[]>();
  const fullOf = (entry: string): string[] => {
    if (!full.has(entry)) full.set(entry, readFrom(groups.get(entry)!));
    return full.get(entry)!;
  };
  const entries: Record<string, string[]> = {};
  const chains: Record<string, string[]> = {};
  for (const entry of [...groups.keys()].sort()) {
    const dir = path.dirname(entry);
    const above = base(entry) === "layout" ? layoutsAbove(root, path.dirname(dir)) : layoutsAbove(root, dir);
    const handed = above.flatMap(fullOf);
    const own = fullOf(entry).filter((p) => !handed.some((q) => p === q || p.startsWith(`${q}.`)));
    if (own.length > 0) entries[entryName(entry)] = own;
    chains[entryName(entry)] = above.map(entryName);
  }
  return { entries, chains, problems: [...problems].sort() };
}

/**
 * What the app reads at run time: each entry's own paths, and always the root layout, whose
 * provider every client component sits under (formatting needs it even without words).
 */
export function clientManifest(usage: ClientUsage): Record<string, string[]> {
  return { layout: [], ...usage.entries };
}
