import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { loadActor } from "@/server/auth/actor";
import { openDatabase, runMigrations, type Database } from "@/server/db/client";
import { payoutRuns, users } from "@/server/db/schema";
import { installJobSchema } from "@/server/jobs/install";
import { seedDemo } from "@/server/scripts/seed/demo";
import { createTestDatabase } from "@/server/testing/db";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { balanceMismatches, doublyPaidEntries } from "./fixtures";
import {
  approvedRun,
  connectedProgram,
  paidCommissionTotals,
  payoutsOf,
  startStandinClient,
  transferredTotals,
} from "./standin-fixtures";
import { markPaidManually } from "./transitions";

/**
 * The worker is a real `npm run worker` process, killed with SIGKILL while Stripe has accepted a
 * transfer whose answer never reached it. The database is one both processes can open: a server
 * database, or (embedded) a PGlite directory on disk that only one process holds at a time.
 */
const embedded = !process.env.TEST_DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierwise-crash-"));

async function open(): Promise<Database> {
  const database = embedded ? await openDatabase({ dir, url: "" }) : await createTestDatabase();
  return database;
}

let database = await open();
const url = database.url;
if (embedded) {
  await runMigrations(database);
  await installJobSchema({ kind: "embedded", pglite: database.pglite! });
}
const clock = fixedClock(new Date(Date.now() - 60 * 60 * 1000));
await seedDemo(database.db, clock);
const { standin, stripe } = await startStandinClient();
afterAll(async () => {
  await standin.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function staff(email: string): Promise<ServiceCtx<StaffActor>> {
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = (await loadActor(database.db, row!.id)) as StaffActor;
  return { db: database.db, actor, clock };
}

function startWorker(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url ?? "",
    DATA_DIR: dir,
    STRIPE_SECRET_KEY: "sk_test_crash",
    STRIPE_API_BASE: standin.url,
  };
  // node itself (tsx as a loader), so the signal reaches the worker and not a wrapper process.
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/jobs/worker.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.resume();
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[worker] ${chunk.toString()}`));
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.on("exit", () => resolve()),
  );
}

async function waitFor(what: string, test: () => boolean, timeoutMs = 45_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a worker killed between Stripe's answer and our commit", () => {
  it("completes the run after a restart with exactly one transfer per payout", { timeout: 120_000 }, async () => {
    await connectedProgram(database.db, stripe, standin, clock.now(), 40, ["USD", "EUR"]);
    const finance = await staff("finance@tierwise.demo");
    const run = await approvedRun(finance, await staff("admin@tierwise.demo"), clock.now().toISOString().slice(0, 10));
    const viaStripe = (await payoutsOf(database.db, run.id)).filter((p) => p.method === "stripe");
    expect(viaStripe.length).toBeGreaterThanOrEqual(40);

    // Stripe takes the first transfer, then never answers it, nor any retry of it.
    standin.faults.crashAfterAccept({ path: "/v1/transfers", dropRetries: 1_000_000 });
    // Every other transfer takes a while, so the worker dies with most of the run still to send.
    const slowTransfers = { rate: 1, kinds: { slow: 1 }, slowMs: 250, paths: ["/v1/transfers"], methods: ["POST"] };
    standin.faults.configure(slowTransfers);
    if (embedded) await database.close();
    const first = startWorker();
    await waitFor("the accepted transfer", () => standin.state.transferCount(run.id) >= 1);
    // Let it retry into the dropped connection a little, then kill it: no commit for that transfer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    first.kill("SIGKILL");
    await exited(first);
    const beforeRestart = standin.state.transferCount(run.id);
    expect(beforeRestart).toBeGreaterThanOrEqual(1);
    expect(beforeRestart).toBeLessThan(viaStripe.length);

    standin.faults.clear();
    standin.faults.configure(slowTransfers);
    const second = startWorker();
    await waitFor("every transfer", () => standin.state.transferCount(run.id) >= viaStripe.length);
    // Graceful stop: the pass in progress finishes and commits.
    second.kill("SIGTERM");
    await exited(second);
    if (embedded) database = await open();

    const after = await payoutsOf(database.db, run.id);
    expect(after.filter((p) => p.method === "stripe" && p.state !== "paid")).toEqual([]);
    const sent = await transferredTotals(stripe, run.id);
    expect(sent.transfersPerPayout.size).toBe(viaStripe.length);
    expect([...sent.transfersPerPayout.values()].every((n) => n === 1)).toBe(true);
    expect(sent.totals).toEqual(await paidCommissionTotals(database.db, run.id));
    for (const p of after.filter((x) => x.method === "bank"))
      await markPaidManually({ ...finance, db: database.db }, { payoutId: p.id, reference: "BANK-CRASH-1" });
    const [row] = await database.db.select().from(payoutRuns).where(eq(payoutRuns.id, run.id));
    expect(row!.status).toBe("completed");
    expect(await doublyPaidEntries(database.db)).toEqual([]);
    expect(await balanceMismatches(database.db)).toEqual([]);
  });
});
