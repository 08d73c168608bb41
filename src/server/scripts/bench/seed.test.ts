import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { ledgerBalances, ledgerEntries, leads, partners, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { createTestDatabase } from "@/server/testing/db";
import { seedBenchProgram } from "./seed";

/** The bench seeder at a hundredth of scale 1, so it cannot rot between benchmark runs. */
const clock = fixedClock("2026-11-01T09:00:00Z");

async function seeded(scale: number, seed: number) {
  const database = await createTestDatabase();
  afterAll(() => database.close());
  const report = await seedBenchProgram(database.db, { scale, seed, clock });
  return { db: database.db, report };
}

/** What a seed produced, in a form two runs can be compared by. */
async function digest(db: Db) {
  const [row] = await db
    .select({
      leads: sql<number>`count(*)::int`,
      value: sql<string>`sum(${leads.estimatedValueMinor})::text`,
      won: sql<number>`count(*) filter (where ${leads.status} = 'won')::int`,
      companies: sql<string>`md5(string_agg(${leads.companyName} || ${leads.status} || ${leads.estimatedValueMinor}::text, ',' order by ${leads.companyName}))`,
    })
    .from(leads);
  return row;
}

describe("bench seed", () => {
  it("fills a program at scale 0.01 with every table in proportion and balances that match the ledger", async () => {
    const { db, report } = await seeded(0.01, 7);
    const rows = Object.fromEntries(report.map((r) => [r.table, r.rows]));
    expect(rows).toMatchObject({
      partners: 100,
      users: 300,
      leads: 10_000,
      ledger_entries: 10_000,
      customers: 500,
      audit_log: 2_000,
    });
    const statuses = await db.select({ status: leads.status }).from(leads).groupBy(leads.status);
    expect(statuses).toHaveLength(7);
    const [mismatch] = await db
      .execute<{ n: number }>(
        sql`
      select count(*)::int as n from (
        select partner_id, asset, state, sum(amount) as amount from ${ledgerEntries} group by 1, 2, 3
      ) e full join ${ledgerBalances} b using (partner_id, asset, state)
      where e.amount is distinct from b.amount`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows));
    expect(mismatch?.n).toBe(0);
    // The bench signs in as partner 0's owner: the partner with the most leads.
    const [largest] = await db
      .select({ name: partners.name, n: sql<number>`count(${leads.id})::int` })
      .from(partners)
      .leftJoin(leads, sql`${leads.partnerId} = ${partners.id}`)
      .groupBy(partners.id)
      .orderBy(sql`2 desc`)
      .limit(1);
    expect(largest?.name).toMatch(/^Partner 0 /);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n).toBe(303);
  });

  it("refuses a large scale on the embedded database, saying what to do instead", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierwise-bench-"));
    // Without DATABASE_URL the CLI opens the embedded database in `dir`.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, DATABASE_URL: "" };
    const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "bench/seed.ts", "--scale", "1"], {
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("The embedded database holds small programs only");
  });

  it("gives the same program for the same seed", async () => {
    const [first, second] = await Promise.all([seeded(0.001, 11), seeded(0.001, 11)]);
    expect(await digest(second.db)).toEqual(await digest(first.db));
  });
});
