import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { setupProgram } from "@/server/testing/fixtures";
import type { Actor } from "@/server/domains/actor";
import { createCallerFactory, type AccessMeta, type Context } from "./init";
import { describeError } from "./errors";
import { appRouter } from "./root";

/**
 * The hostile-input sweep: every tRPC mutation, read from the router (a new one is covered
 * without being listed), gets oversize, negative, huge, control-character and wrong-type values
 * in each field of its Zod input. Each must be refused with a 4xx that names the field, and
 * leave every table as it was; never a 500.
 */

type Schema = z.core.$ZodType;
type Def = Schema["_zod"]["def"] & Record<string, unknown>;
interface Procedure {
  _def: { type: string; meta?: AccessMeta; inputs: Schema[] };
}

const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)
  .filter(([, p]) => p._def.type === "mutation" && p._def.inputs.length > 0)
  .map(([path, p]) => ({ path, meta: p._def.meta, input: p._def.inputs[0]! }));

// The bench's baseline mutation answers 404 unless switched on; attack it like the others.
process.env.BENCH_ENDPOINTS = "true";
const { db, clock, admin, partnerOwner } = await setupProgram();
const createCaller = createCallerFactory(appRouter);

// ---- reading a Zod schema -------------------------------------------------------------------

const defOf = (schema: Schema): Def => schema._zod.def as Def;

/** The schema a caller's value is checked against, wrappers and transforms peeled off. */
function core(schema: Schema): Schema {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return core(def.innerType as Schema);
    case "pipe": {
      const inner = def.in as Schema;
      // z.preprocess puts the transform first: the checked schema is the pipe's output.
      return core(defOf(inner).type === "transform" ? (def.out as Schema) : inner);
    }
    case "lazy":
      return core((def.getter as () => Schema)());
    default:
      return schema;
  }
}

const accepts = (schema: Schema, value: unknown) =>
  (schema["~standard"].validate(value) as { issues?: unknown[] }).issues === undefined;

/** May the caller leave it out, or send null? */
function isOptional(schema: Schema): boolean {
  return accepts(schema, undefined);
}

/** A value the field accepts, so that only the field under attack is wrong. */
function validValue(schema: Schema, name: string): unknown {
  const c = core(schema);
  const def = defOf(c);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, validValue(field, key)]));
    }
    case "array":
      return [validValue(def.element as Schema, name)];
    case "union":
      for (const option of def.options as Schema[]) {
        const value = validValue(option, name);
        if (accepts(option, value)) return value;
      }
      return validValue((def.options as Schema[])[0]!, name);
    case "enum":
      return Object.values(def.entries as Record<string, string>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "boolean":
      return true;
    case "date":
      return clock.now();
    case "bigint":
      return [1n, 0n, 100n, 10_000n].find((v) => accepts(c, v)) ?? 1n;
    case "number":
      return [1, 0, 10, 100, 1000, 2026].find((v) => accepts(c, v)) ?? 1;
    case "string":
      return stringCandidates(name).find((v) => accepts(schema, v)) ?? "x";
    default:
      return undefined;
  }
}

function stringCandidates(name: string): string[] {
  const words = [
    "Example Analytics",
    "Example Analytics ".repeat(4).trim(),
    "A reasonable reason for this change, written out in full.".repeat(2),
  ];
  return [
    "018f2b9c-1c2d-7e3f-8a4b-5c6d7e8f9a0b",
    "someone@example.com",
    "https://example.com",
    "example.com",
    "US",
    "USD",
    "12.50",
    "2026-12-31",
    "2026-12-31T10:00:00.000Z",
    "tierwise-demo-password-1",
    "#2563eb",
    name === "locale" ? "en" : "x",
    ...words,
    "token-0123456789abcdef0123456789abcdef",
    "a",
    "ab",
    "abcd",
    "abcdefghij",
  ];
}

interface Leaf {
  path: string[];
  schema: Schema;
}

/** Every field a caller fills in, by path (array fields through their first element). */
function leaves(schema: Schema, path: string[] = []): Leaf[] {
  const c = core(schema);
  const def = defOf(c);
  if (def.type === "object") {
    return Object.entries(def.shape as Record<string, Schema>).flatMap(([key, field]) => leaves(field, [...path, key]));
  }
  if (def.type === "array") return [{ path, schema }, ...leaves(def.element as Schema, [...path, "0"])];
  return path.length > 0 ? [{ path, schema }] : [];
}

// ---- what we send ---------------------------------------------------------------------------

interface Hostile {
  label: string;
  value: unknown;
  /** "refuse": never a valid value of any field. "sign": a negative, which a few fields may take. */
  kind: "refuse" | "sign";
}

const CONTROL = ["a\u0000b", "\u001b[31mred", "bell\u0007", "del\u007f"];
const moneyLike = (name: string) => /amount|value|price|flat|minimum|budget|rate|percent/i.test(name);

function hostileValues(leaf: Leaf): Hostile[] {
  const c = core(leaf.schema);
  const type = defOf(c).type;
  const name = leaf.path.at(-1) ?? "";
  const out: Hostile[] = [
    { label: "an object", value: { nested: true }, kind: "refuse" },
    { label: "an array of objects", value: [{ nested: true }], kind: "refuse" },
  ];
  if (!isOptional(leaf.schema) && !accepts(leaf.schema, null)) out.push({ label: "null", value: null, kind: "refuse" });
  switch (type) {
    case "string":
      out.push({ label: "a number", value: 12345, kind: "refuse" });
      out.push({ label: "a 1,000,001-character string", value: "a".repeat(1_000_001), kind: "refuse" });
      for (const text of CONTROL)
        out.push({ label: `control characters ${JSON.stringify(text)}`, value: text, kind: "refuse" });
      if (moneyLike(name)) {
        out.push({ label: "10^17 as text", value: "100000000000000000", kind: "refuse" });
        out.push({ label: "2^63 as text", value: "9223372036854775808", kind: "refuse" });
        out.push({ label: "1e400 as text", value: "1e400", kind: "refuse" });
        out.push({ label: "a negative as text", value: "-5", kind: "sign" });
      }
      break;
    case "number":
      out.push({ label: "a string", value: "12", kind: "refuse" });
      out.push({ label: "10^17", value: 1e17, kind: "refuse" });
      out.push({ label: "2^63", value: 2 ** 63, kind: "refuse" });
      out.push({ label: "Infinity", value: Number.POSITIVE_INFINITY, kind: "refuse" });
      out.push({ label: "NaN", value: Number.NaN, kind: "refuse" });
      out.push({ label: "-10^18", value: -1e18, kind: "refuse" });
      out.push({ label: "-1", value: -1, kind: "sign" });
      break;
    case "bigint":
      out.push({ label: "a string", value: "12", kind: "refuse" });
      out.push({ label: "10^17", value: 10n ** 17n, kind: "refuse" });
      out.push({ label: "2^63", value: 2n ** 63n, kind: "refuse" });
      out.push({ label: "-(2^63)-1", value: -(2n ** 63n) - 1n, kind: "refuse" });
      out.push({ label: "-1", value: -1n, kind: "sign" });
      break;
    case "boolean":
      out.push({ label: "a string", value: "true", kind: "refuse" });
      break;
    case "date":
      out.push({ label: "a string", value: "not a date", kind: "refuse" });
      out.push({ label: "an invalid date", value: new Date(Number.NaN), kind: "refuse" });
      break;
    case "enum":
    case "literal":
      out.push({ label: "a value outside the choices", value: "\u0000not-a-choice", kind: "refuse" });
      break;
    case "array":
      out.push({ label: "100,001 elements", value: Array.from({ length: 100_001 }, () => "x"), kind: "refuse" });
      out.push({ label: "a string", value: "x", kind: "refuse" });
      break;
  }
  return out;
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

// ---- what we check --------------------------------------------------------------------------

/** A fingerprint of every row of every table of ours: any insert, update or delete changes it. */
async function fingerprint(): Promise<string> {
  const tables = await rows<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const parts = tables.map((t) =>
    sql.raw(
      `select '${t.name}' as t, count(*)::text as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${t.name}" x`,
    ),
  );
  const result = await rows<{ t: string; n: string; h: string }>(sql.join(parts, sql.raw(" union all ")));
  return result.map((r) => `${r.t}:${r.n}:${r.h}`).join("|");
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

function actorFor(meta: AccessMeta | undefined): Actor | null {
  if (meta?.access === "partner") return partnerOwner;
  if (meta?.access === "staff" || meta?.access === "user") return admin;
  return null;
}

async function call(path: string, actor: Actor | null, input: unknown): Promise<TRPCError | null> {
  const context: Context = { db, actor, clock, locale: "en", ip: "203.0.113.7" };
  let target: unknown = createCaller(context);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)(input);
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

const cases = mutations.flatMap((m) =>
  leaves(m.input).flatMap((leaf) =>
    hostileValues(leaf).map((hostile) => ({ ...m, leaf, hostile, field: leaf.path.join(".") })),
  ),
);

describe("hostile input to every mutation", () => {
  it("finds the mutations and their fields", () => {
    expect(mutations.length).toBeGreaterThan(40);
    expect(cases.length).toBeGreaterThan(500);
  });

  it.each(mutations)("$path: a valid value can be built for every field", ({ input }) => {
    // Without a valid starting point, a refusal could come from another field than the one attacked.
    const base = validValue(input, "");
    const unbuildable = leaves(input).filter(
      (leaf) => !isOptional(leaf.schema) && !accepts(leaf.schema, leafValue(base, leaf.path)),
    );
    expect(unbuildable.map((l) => l.path.join("."))).toEqual([]);
  });

  it.each(cases)("$path · $field · $hostile.label", async ({ path, meta, input, leaf, hostile, field }) => {
    const before = await fingerprint();
    const error = await call(path, actorFor(meta), withValue(validValue(input, ""), leaf.path, hostile.value));
    const after = await fingerprint();
    if (hostile.kind === "sign" && error === null) return; // a field that takes negatives (an adjustment's amount)
    expect(error, "refused").not.toBeNull();
    const status = getHTTPStatusCodeFromError(error!);
    expect(status, `${error!.code}: ${error!.message}`).toBeGreaterThanOrEqual(400);
    expect(status, `${error!.code}: ${error!.message}`).toBeLessThan(500);
    expect(after, "no row written").toBe(before);
    if (hostile.kind === "refuse") {
      const { data } = describeError(error!, "en");
      const named = Object.keys(data.fieldErrors ?? {});
      // Array elements are reported at their own path ("rows.0.name"): the attacked field or inside it.
      expect(
        named.some((n) => n === field || n.startsWith(`${field}.`)),
        `names ${field} (named: ${named.join(", ") || "none"}; ${error!.code}: ${error!.message})`,
      ).toBe(true);
    }
  });
});

function leafValue(base: unknown, path: string[]): unknown {
  let value: unknown = base;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}
