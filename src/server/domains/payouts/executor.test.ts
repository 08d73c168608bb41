import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { auditLog, payoutAccounts, payoutDiscrepancies, payoutRuns } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM } from "../actor";
import { doublyPaidEntries, balanceMismatches } from "./fixtures";
import { classifyStripeError, executeRun, idempotencyKeyOf } from "./executor";
import { reconcileRun } from "./reconcile";
import { resumeHaltedRun } from "./runs";
import {
  approvedRun,
  connectedProgram,
  paidCommissionTotals,
  payoutsOf,
  standinControl,
  startStandinClient,
  transferredTotals,
} from "./standin-fixtures";
import { markPaidManually, markProcessing } from "./transitions";

const { db, clock, admin, finance, ctxOf } = await setupProgram();
const { standin, stripe } = await startStandinClient();
afterAll(() => standin.close());
afterEach(() => standin.faults.clear());

const system = ctxOf(SYSTEM);
const today = clock.now().toISOString().slice(0, 10);
/** Backoff in milliseconds, so retries are quick in tests; the schedule is the same shape. */
const fast = { stripe, baseDelayMs: 2, maxDelayMs: 20 };

async function accountOf(partnerId: string): Promise<string> {
  const [row] = await db
    .select({ id: payoutAccounts.stripeAccountId })
    .from(payoutAccounts)
    .where(eq(payoutAccounts.partnerId, partnerId));
  return row!.id!;
}

async function payBankPayouts(runId: string) {
  for (const p of await payoutsOf(db, runId))
    if (p.method === "bank" && p.state === "queued")
      await markPaidManually(ctxOf(finance), { payoutId: p.id, reference: `BANK-${p.id.slice(0, 8)}` });
}

describe("executing a run", () => {
  it("sends one transfer per Stripe payout, keyed and tagged by the payout, and completes the run", async () => {
    await connectedProgram(db, stripe, standin, clock.now(), 6);
    const run = await approvedRun(ctxOf(finance), ctxOf(admin), today);
    const outcome = await executeRun(system, run.id, fast);
    expect(outcome.halted).toBeNull();
    const list = await payoutsOf(db, run.id);
    const viaStripe = list.filter((p) => p.method === "stripe");
    expect(viaStripe.length).toBeGreaterThanOrEqual(6);
    expect(viaStripe.every((p) => p.state === "paid" && p.stripeTransferId)).toBe(true);
    const sent = await transferredTotals(stripe, run.id);
    expect([...sent.transfersPerPayout.keys()].sort()).toEqual(viaStripe.map((p) => p.id).sort());
    expect([...sent.transfersPerPayout.values()].every((n) => n === 1)).toBe(true);
    expect(sent.totals).toEqual(await paidCommissionTotals(db, run.id));
    const transfer = await stripe.transfers.retrieve(viaStripe[0]!.stripeTransferId!);
    expect(transfer.transfer_group).toBe(run.id);
    expect(transfer.metadata.payout_id).toBe(viaStripe[0]!.id);
    // Executing again sends nothing more.
    await executeRun(system, run.id, fast);
    expect((await transferredTotals(stripe, run.id)).totals).toEqual(sent.totals);
    await payBankPayouts(run.id);
    const [after] = await db.select().from(payoutRuns).where(eq(payoutRuns.id, run.id));
    expect(after!.status).toBe("completed");
    expect(await doublyPaidEntries(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });

  it("stops before the first transfer when the platform balance is short, and goes on once funded", async () => {
    await connectedProgram(db, stripe, standin, clock.now(), 3, ["USD"]);
    await standinControl(standin, "/balance", { usd: 100, eur: 10_000_000 });
    const run = await approvedRun(ctxOf(finance), ctxOf(admin), today);
    const outcome = await executeRun(system, run.id, fast);
    expect(outcome.halted?.USD).toMatchObject({ available: "100" });
    expect(BigInt(outcome.halted!.USD!.needed)).toBeGreaterThan(100n);
    expect((await transferredTotals(stripe, run.id)).transfersPerPayout.size).toBe(0);
    const [halted] = await db.select().from(payoutRuns).where(eq(payoutRuns.id, run.id));
    expect(halted).toMatchObject({ status: "approved", haltCode: "insufficient_balance" });
    // Still halted: the executor does not try again on its own.
    expect((await executeRun(system, run.id, fast)).paid).toBe(0);
    await standinControl(standin, "/balance", { usd: 10_000_000 });
    await resumeHaltedRun(ctxOf(finance), { runId: run.id });
    const resumed = await executeRun(system, run.id, fast);
    expect(resumed.halted).toBeNull();
    expect(resumed.failed).toBe(0);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["payoutRun.halted", "payoutRun.resumed"]));
  });

  it("ends every one of 200 payouts paid once with 30% of Stripe's answers failing", async () => {
    await connectedProgram(db, stripe, standin, clock.now(), 200, ["USD", "EUR", "GBP"]);
    const run = await approvedRun(ctxOf(finance), ctxOf(admin), today);
    standin.faults.configure({
      rate: 0.3,
      seed: 20261202,
      paths: ["/v1/transfers", "/v1/balance"],
      kinds: { rate_limit: 1, server_error: 1, drop: 1 },
    });
    let outcome = await executeRun(system, run.id, { ...fast, concurrency: 8 });
    // A payout whose every try failed is left processing for the next pass, as the job would run it.
    for (let pass = 0; outcome.pending > 0 && pass < 5; pass++) outcome = await executeRun(system, run.id, fast);
    const { stats } = standin.faults.current();
    standin.faults.clear();
    // The faults really happened, of each kind: about 30% of 250-odd calls.
    expect(stats.rate_limit).toBeGreaterThan(10);
    expect(stats.server_error).toBeGreaterThan(10);
    expect(stats.drop).toBeGreaterThan(10);
    const list = (await payoutsOf(db, run.id)).filter((p) => p.method === "stripe");
    expect(list.length).toBeGreaterThanOrEqual(200);
    expect(list.filter((p) => p.state !== "paid")).toEqual([]);
    const sent = await transferredTotals(stripe, run.id);
    expect(sent.transfersPerPayout.size).toBe(list.length);
    expect([...sent.transfersPerPayout.values()].every((n) => n === 1)).toBe(true);
    expect(sent.totals).toEqual(await paidCommissionTotals(db, run.id));
    expect(Object.keys(sent.totals).sort()).toEqual(["EUR", "GBP", "USD"]);
    expect(await doublyPaidEntries(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });

  it("fails a payout for good on Stripe's 4xx and on an idempotency_error, with Stripe's message", async () => {
    const [restricted, reused] = await connectedProgram(db, stripe, standin, clock.now(), 2, ["USD"]);
    const run = await approvedRun(ctxOf(finance), ctxOf(admin), today);
    const list = await payoutsOf(db, run.id);
    const restrictedPayout = list.find((p) => p.partnerId === restricted)!;
    const reusedPayout = list.find((p) => p.partnerId === reused)!;
    const acct = await accountOf(restricted!);
    await standinControl(standin, `/accounts/${acct}/restrict`);
    // Someone (an old deploy, say) used this payout's key with other parameters.
    await stripe.transfers.create(
      { amount: 1, currency: "usd", destination: await accountOf(reused!) },
      { idempotencyKey: idempotencyKeyOf({ id: reusedPayout.id, attempts: 1 }) },
    );
    await executeRun(system, run.id, fast);
    const after = new Map((await payoutsOf(db, run.id)).map((p) => [p.id, p]));
    expect(after.get(restrictedPayout.id)).toMatchObject({ state: "failed" });
    expect(after.get(restrictedPayout.id)!.failureMessage).toBeTruthy();
    expect(after.get(reusedPayout.id)).toMatchObject({ state: "failed", failureCode: "idempotency_error" });
    const [row] = await db.select().from(payoutRuns).where(eq(payoutRuns.id, run.id));
    expect(["executing", "partly_failed"]).toContain(row!.status);
  });
});

describe("reconciliation", () => {
  it("records a transfer Stripe made before our commit as paid, and never sends it again", async () => {
    await connectedProgram(db, stripe, standin, clock.now(), 2, ["USD"]);
    const run = await approvedRun(ctxOf(finance), ctxOf(admin), today);
    const [first] = (await payoutsOf(db, run.id)).filter((p) => p.method === "stripe");
    const taken = await markProcessing(system, first!.id);
    // The transfer the executor sent just before it died.
    const made = await stripe.transfers.create(
      {
        amount: Number(taken.amount),
        currency: taken.currency.toLowerCase(),
        destination: await accountOf(taken.partnerId),
        transfer_group: run.id,
        metadata: { payout_id: taken.id, run_id: run.id, partner_id: taken.partnerId },
      },
      { idempotencyKey: idempotencyKeyOf(taken) },
    );
    const result = await reconcileRun(system, run.id, { stripe });
    expect(result.recovered).toBe(1);
    const [recorded] = (await payoutsOf(db, run.id)).filter((p) => p.id === first!.id);
    expect(recorded).toMatchObject({ state: "paid", stripeTransferId: made.id });
    await executeRun(system, run.id, fast);
    const sent = await transferredTotals(stripe, run.id);
    expect(sent.transfersPerPayout.get(first!.id)).toBe(1);
  });

  it("shows finance a transfer in the run's group that matches no payout, once", async () => {
    await connectedProgram(db, stripe, standin, clock.now(), 1, ["USD"]);
    const run = await approvedRun(ctxOf(finance), ctxOf(admin), today);
    await executeRun(system, run.id, fast);
    const [partner] = await connectedProgram(db, stripe, standin, clock.now(), 1, ["USD"]);
    await stripe.transfers.create({
      amount: 999,
      currency: "usd",
      destination: await accountOf(partner!),
      transfer_group: run.id,
    });
    await reconcileRun(system, run.id, { stripe });
    await reconcileRun(system, run.id, { stripe });
    const found = await db.select().from(payoutDiscrepancies).where(eq(payoutDiscrepancies.runId, run.id));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "unknown_transfer", amount: 999n, currency: "USD" });
  });
});

describe("classifying Stripe's answers", () => {
  it("retries what may still succeed and stops on Stripe's final word", () => {
    expect(classifyStripeError({ type: "StripeConnectionError" })).toEqual({ retry: true });
    expect(classifyStripeError({ type: "StripeRateLimitError", statusCode: 429 })).toEqual({ retry: true });
    expect(classifyStripeError({ type: "StripeAPIError", statusCode: 500 })).toEqual({ retry: true });
    expect(classifyStripeError({ type: "StripeIdempotencyError", statusCode: 409 })).toEqual({ retry: true });
    expect(classifyStripeError({ type: "StripeIdempotencyError", statusCode: 400, message: "m" })).toMatchObject({
      retry: false,
      code: "idempotency_error",
    });
    expect(
      classifyStripeError({
        type: "StripeInvalidRequestError",
        statusCode: 400,
        code: "balance_insufficient",
        message: "x",
      }),
    ).toEqual({ retry: false, code: "balance_insufficient", message: "x" });
    expect(classifyStripeError(new TypeError("fetch failed"))).toEqual({ retry: true });
  });
});
