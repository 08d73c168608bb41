/**
 * The payout scenarios: the preview of a run over the whole bench program, and executing a run
 * of 2,000 payouts against the Stripe stand-in, each timed beside the least the same work costs
 * (the bare payable aggregate; the stand-in's own transfer throughput, measured alone).
 */
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { fixedClock, systemClock } from "@/lib/clock";
import { loadActor } from "@/server/auth/actor";
import { openDatabase, runMigrations } from "@/server/db/client";
import { ledgerEntries, payoutAccounts, payouts, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { SYSTEM, type StaffActor } from "@/server/domains/actor";
import { cutoffEnd, previewRun } from "@/server/domains/payouts/preview";
import { executeRun } from "@/server/domains/payouts/executor";
import { approvedRun, connectedProgram, startStandinClient } from "@/server/domains/payouts/standin-fixtures";
import { installJobSchema } from "@/server/jobs/install";
import { seedDemo } from "@/server/scripts/seed/demo";
import { withDatabase } from "@/server/testing/template";
import type { ScenarioResult } from "./results";

const round2 = (n: number) => Math.round(n * 100) / 100;

async function medianSeconds(times: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm the caches and the plan
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    runs.push((performance.now() - started) / 1000);
  }
  runs.sort((a, b) => a - b);
  return round2(runs[Math.floor(runs.length / 2)]!);
}

async function staffActor(db: Db, email: string): Promise<StaffActor> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email} in this database`);
  return (await loadActor(db, row.id)) as StaffActor;
}

/** The preview finance opens before creating a run, over every partner of the bench program. */
export async function previewScenario(db: Db, log: (line: string) => void): Promise<ScenarioResult> {
  const finance = await staffActor(db, "bench-finance@tierwise.bench");
  const cutoff = new Date().toISOString().slice(0, 10);
  const ctx = { db, actor: finance, clock: systemClock };
  let lines = 0;
  const seconds = await medianSeconds(5, async () => {
    const result = await previewRun(ctx, { cutoff, pageSize: 50 });
    lines = result.lines.total;
  });
  // The least any preview must read: every payable entry up to the cut-off, summed per partner and currency.
  const reference = await medianSeconds(5, () =>
    db
      .select({ partner: ledgerEntries.partnerId, asset: ledgerEntries.asset, n: sql`sum(${ledgerEntries.amount})` })
      .from(ledgerEntries)
      .where(
        sql`${ledgerEntries.state} = 'payable' and ${ledgerEntries.availableAt} < ${cutoffEnd(cutoff).toISOString()}::timestamptz`,
      )
      .groupBy(ledgerEntries.partnerId, ledgerEntries.asset),
  );
  const ratio = round2(seconds / Math.max(0.01, reference));
  log(`  preview: ${seconds} s for ${lines} partner lines; bare payable aggregate ${reference} s; ${ratio}×`);
  return {
    id: "payout-preview",
    name: "Payout run preview (every partner, first page and totals)",
    kind: "compare",
    seconds,
    detail: `${lines.toLocaleString("en")} partner lines, median of 5`,
    referenceName: "bare payable aggregate",
    referenceSeconds: reference,
    ratio,
    target: { text: "< 2 s and ≤ 3× the aggregate", met: seconds < 2 && ratio <= 3 },
  };
}

const PAYOUTS = 2_000;
const CONCURRENCY = 8;

/**
 * Executes a run of 2,000 Stripe payouts on a database of its own (created beside the bench one,
 * dropped after), so the bench program is left as it was. The reference is the stand-in alone:
 * 2,000 keyed transfers sent with the same concurrency and no database.
 */
export async function executeScenario(benchUrl: string, log: (line: string) => void): Promise<ScenarioResult> {
  const name = `tierwise_bench_payouts_${Date.now().toString(36)}`;
  const admin = postgres(benchUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(benchUrl, name);
  const database = await openDatabase({ url });
  const { standin, stripe } = await startStandinClient();
  try {
    await runMigrations(database);
    await installJobSchema({ kind: "server", url });
    const clock = fixedClock(new Date(Date.now() - 60 * 60 * 1000));
    await seedDemo(database.db, clock);
    log(`  connecting ${PAYOUTS} partners on the stand-in…`);
    await connectedProgram(database.db, stripe, standin, clock.now(), PAYOUTS, ["USD", "EUR", "GBP"]);
    const ctxOf = async (email: string) => ({ db: database.db, actor: await staffActor(database.db, email), clock });
    const run = await approvedRun(
      await ctxOf("finance@tierwise.demo"),
      await ctxOf("admin@tierwise.demo"),
      clock.now().toISOString().slice(0, 10),
    );
    const started = performance.now();
    const outcome = await executeRun({ db: database.db, actor: SYSTEM, clock: systemClock }, run.id, {
      stripe,
      concurrency: CONCURRENCY,
    });
    const seconds = round2((performance.now() - started) / 1000);
    const [paid] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payouts)
      .where(sql`${payouts.runId} = ${run.id} and ${payouts.state} = 'paid'`);
    const rate = Math.round((paid!.n / seconds) * 10) / 10;
    // The stand-in alone: the same number of keyed transfers, same concurrency, no database.
    const accounts = (
      await database.db
        .select({ id: payoutAccounts.stripeAccountId })
        .from(payoutAccounts)
        .where(eq(payoutAccounts.onboardingState, "enabled"))
    ).map((a) => a.id!);
    let next = 0;
    const aloneStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PAYOUTS) {
          const i = next++;
          await stripe.transfers.create(
            {
              amount: 1_000 + i,
              currency: "usd",
              destination: accounts[i % accounts.length]!,
              transfer_group: "alone",
            },
            { idempotencyKey: `bench-alone-${name}-${i}` },
          );
        }
      }),
    );
    const alone = round2((performance.now() - aloneStarted) / 1000);
    const aloneRate = Math.round((PAYOUTS / alone) * 10) / 10;
    const ratio = round2(seconds / Math.max(0.01, alone));
    log(
      `  execute: ${paid!.n} paid (${outcome.failed} failed) in ${seconds} s = ${rate}/s; stand-in alone ${alone} s = ${aloneRate}/s; ${ratio}×`,
    );
    return {
      id: "payout-execute",
      name: `Executing a run of ${PAYOUTS.toLocaleString("en")} payouts against the stand-in`,
      kind: "compare",
      seconds,
      detail: `${paid!.n.toLocaleString("en")} paid, ${rate} payouts/s, ${CONCURRENCY} at once`,
      referenceName: `stand-in alone (${aloneRate} transfers/s)`,
      referenceSeconds: alone,
      ratio,
      target: { text: "≥ 50 payouts/s", met: rate >= 50 && paid!.n >= PAYOUTS },
    };
  } finally {
    await standin.close();
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
