/**
 * `npm run bench:explain`: runs every scenario's procedures once against the bench database with
 * a query logger, then shows each distinct query's `EXPLAIN (ANALYZE, BUFFERS)` plan, slowest
 * first, in bench/EXPLAIN.md. Writes run inside transactions that are rolled back.
 */
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { and, eq } from "drizzle-orm";
import { systemClock } from "@/lib/clock";
import { loadActor } from "@/server/auth/actor";
import { benchOwnerEmail, BENCH_STAFF_EMAIL } from "@/server/scripts/bench/seed";
import * as schema from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { rolledBack } from "@/server/db/rollback";
import { SYSTEM, type Actor } from "@/server/domains/actor";
import { partnersDueForRecompute } from "@/server/domains/commissions/tiers";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

interface Captured {
  scenario: string;
  query: string;
  params: unknown[];
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database filled by npm run bench:seed.");
  const client = postgres(url, { max: 4, onnotice: () => {} });
  const captured: Captured[] = [];
  let scenario = "";
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (query, params) => void captured.push({ scenario, query, params }) },
  }) as unknown as Db;
  const plain = drizzle(client, { schema }) as unknown as Db;
  const userId = async (email: string) =>
    (await plain.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)))[0]!.id;
  const partner = (await loadActor(plain, await userId(benchOwnerEmail(0)))) as Actor;
  const staff = (await loadActor(plain, await userId(BENCH_STAFF_EMAIL))) as Actor;
  const callerFor = (actor: Actor, handle: Db) =>
    createCallerFactory(appRouter)({ db: handle, actor, clock: systemClock, locale: "en", ip: "198.51.100.7" });
  const [product] = await plain.select({ id: schema.products.id }).from(schema.products).limit(1);
  const [approved] = await plain
    .select({ id: schema.leads.id, currency: schema.leads.currency })
    .from(schema.leads)
    .where(and(eq(schema.leads.status, "approved")))
    .limit(1);

  const scenarios: [string, () => Promise<unknown>][] = [
    [
      "Partner dashboard",
      () =>
        Promise.all([
          callerFor(partner, db).partner.dashboard(),
          callerFor(partner, db).account.me(),
          callerFor(partner, db).partner.commissions.summary(),
        ]),
    ],
    [
      "Partner earnings page",
      () =>
        Promise.all([
          callerFor(partner, db).partner.commissions.summary(),
          callerFor(partner, db).partner.commissions.ledger({ page: 1, pageSize: 25 }),
        ]),
    ],
    [
      "Staff lead queue, page 500",
      () =>
        Promise.all([
          callerFor(staff, db).manage.leads.list({
            page: 500,
            pageSize: 25,
            status: "approved",
            productId: product!.id,
            sort: "createdAt",
            sortDir: "asc",
          }),
          callerFor(staff, db).manage.leads.counts(),
          callerFor(staff, db).manage.leads.options(),
        ]),
    ],
    [
      "Lead registration",
      () =>
        rolledBack(db, (tx) =>
          callerFor(partner, tx).partner.leads.register({
            companyName: "Explain Plan Ltd",
            website: "explain-plan.example",
            contactName: "Ex Plain",
            contactEmail: "buyer@explain-plan.example",
            contactPhone: "",
            country: "US",
            productId: product!.id,
            estimatedValue: "1000",
            currency: "USD",
            expectedCloseDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
            notes: "",
          }),
        ),
    ],
    [
      "Winning a lead",
      () =>
        rolledBack(db, (tx) =>
          callerFor(staff, tx).manage.leads.markWon({
            leadId: approved!.id,
            amount: "30000",
            currency: approved!.currency,
            closedOn: new Date().toISOString().slice(0, 10),
          }),
        ),
    ],
    [
      "Nightly tier recompute (the set-based read)",
      () => partnersDueForRecompute({ db, actor: SYSTEM, clock: systemClock }),
    ],
  ];
  for (const [name, run] of scenarios) {
    scenario = name;
    await run();
  }

  // Each distinct statement once (the first parameters seen), transaction control left out.
  const seen = new Set<string>();
  const plans: { scenario: string; query: string; ms: number; plan: string }[] = [];
  for (const c of captured) {
    if (/^(begin|commit|rollback|savepoint|release)/i.test(c.query) || seen.has(`${c.scenario}\n${c.query}`)) continue;
    seen.add(`${c.scenario}\n${c.query}`);
    // EXPLAIN ANALYZE runs the statement, so writes are explained in a transaction thrown away.
    const conn = await client.reserve();
    let rows: { "QUERY PLAN": string }[];
    try {
      await conn`begin`;
      rows = await conn.unsafe(`explain (analyze, buffers) ${c.query}`, c.params as never[]);
    } catch (e) {
      rows = [{ "QUERY PLAN": `(not explained: ${e instanceof Error ? e.message : String(e)})` }];
    } finally {
      await conn`rollback`;
      conn.release();
    }
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
    plans.push({ scenario: c.scenario, query: c.query, ms, plan });
  }
  await client.end();

  const lines = [
    "# Query plans behind the bench scenarios",
    "",
    "Written by `npm run bench:explain` against the bench database: every distinct query each scenario runs, with `EXPLAIN (ANALYZE, BUFFERS)`, slowest first within each scenario. Writes were rolled back.",
    "",
  ];
  for (const [name] of scenarios) {
    const mine = plans.filter((p) => p.scenario === name).sort((a, b) => b.ms - a.ms);
    lines.push(
      `## ${name}`,
      "",
      `${mine.length} queries, ${mine.reduce((s, p) => s + p.ms, 0).toFixed(1)} ms of execution in all.`,
      "",
    );
    for (const p of mine) lines.push(`### ${p.ms} ms`, "", "```sql", p.query, "```", "", "```", p.plan, "```", "");
    console.log(
      `${name}: ${mine.length} queries; slowest ${mine
        .slice(0, 3)
        .map((p) => `${p.ms} ms`)
        .join(", ")}`,
    );
  }
  const file = path.join(process.cwd(), "bench", "EXPLAIN.md");
  fs.writeFileSync(file, lines.join("\n"));
  console.log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
