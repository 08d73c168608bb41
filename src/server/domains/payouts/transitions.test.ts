import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "@/lib/csv";
import { rolledBack } from "@/server/db/rollback";
import { auditLog, ledgerEntries, payoutItems, payoutRuns, payouts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM, type PartnerActor, type StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { bankCsv } from "./bank-file";
import {
  balanceMismatches,
  doublyPaidEntries,
  paidTotals,
  partnerIdByName,
  postPayable,
  unbalancedPayouts,
} from "./fixtures";
import { getRun, listRuns } from "./run-queries";
import { approveRun, cancelRun, createRun, markRunExecuting } from "./runs";
import { listPayouts, payoutStatement } from "./statements";
import { markFailed, markPaid, markPaidManually, markProcessing, markReversed, retryFailed } from "./transitions";

const { db, clock, admin, finance, manager, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } =
  await setupProgram();
const today = clock.now().toISOString().slice(0, 10);
const as = <A extends StaffActor | PartnerActor | typeof SYSTEM>(tx: Db, actor: A): ServiceCtx<A> => ({
  db: tx,
  actor,
  clock,
});
const northwind = await partnerIdByName(db, "Northwind Analytics");
const rimal = await partnerIdByName(db, "Rimal Consulting");

/** The seeded draft, approved by the admin: a run whose payouts can move. */
async function approvedRun(tx: Db) {
  const [draft] = await tx.select().from(payoutRuns).where(eq(payoutRuns.status, "draft"));
  await approveRun(as(tx, admin), { runId: draft!.id });
  const list = await tx.select().from(payouts).where(eq(payouts.runId, draft!.id)).orderBy(payouts.partnerId);
  return { run: draft!, payouts: list };
}

/** After cancelling the seeded draft: a new run of everything payable, approved by the admin. */
async function approvedRunAfterCreate(tx: Db) {
  const run = await createRun(as(tx, finance), { cutoff: today });
  await approveRun(as(tx, admin), { runId: run.id });
  return { run, payouts: await tx.select().from(payouts).where(eq(payouts.runId, run.id)) };
}

async function entryStates(tx: Db, payoutId: string) {
  const rows = await tx
    .select({ state: ledgerEntries.state })
    .from(payoutItems)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutItems.ledgerEntryId))
    .where(eq(payoutItems.payoutId, payoutId));
  return [...new Set(rows.map((r) => r.state))];
}

describe("payout transitions", () => {
  it("paid: its entries are paid, the run completes when all are, and replays change nothing", async () => {
    await rolledBack(db, async (tx) => {
      const { run, payouts: list } = await approvedRun(tx);
      await markRunExecuting(as(tx, SYSTEM), { runId: run.id });
      for (const [n, p] of list.entries()) {
        await markProcessing(as(tx, SYSTEM), p.id);
        await markPaid(as(tx, SYSTEM), p.id, { transferId: `tr_t_${n}`, at: clock.now() });
        expect(await entryStates(tx, p.id)).toEqual(["paid"]);
      }
      const again = await markPaid(as(tx, SYSTEM), list[0]!.id, { transferId: "tr_t_0", at: clock.now() });
      expect(again.state).toBe("paid");
      await expect(
        markPaid(as(tx, SYSTEM), list[0]!.id, { transferId: "tr_other", at: clock.now() }),
      ).rejects.toMatchObject({ code: "payout.alreadyPaid" });
      const detail = await getRun(as(tx, finance), run.id);
      expect(detail.status).toBe("completed");
      expect(detail.counts.paid).toBe(list.length);
      expect(await doublyPaidEntries(tx)).toEqual([]);
      expect(await balanceMismatches(tx)).toEqual([]);
    });
  });

  it("failed: entries payable again, the run partly failed; a retry takes them back; the next run otherwise", async () => {
    await rolledBack(db, async (tx) => {
      const { run, payouts: list } = await approvedRun(tx);
      const [first, ...rest] = list;
      await markProcessing(as(tx, SYSTEM), first!.id);
      const failed = await markFailed(as(tx, SYSTEM), first!.id, { code: "account_closed", message: "Closed." });
      expect(failed).toMatchObject({ state: "failed", failureCode: "account_closed", attempts: 1 });
      expect(await entryStates(tx, first!.id)).toEqual(["payable"]);
      for (const p of rest) await markPaid(as(tx, SYSTEM), p.id, { transferId: `tr_${p.id}`, at: clock.now() });
      expect((await getRun(as(tx, finance), run.id)).status).toBe("partly_failed");

      await expect(retryFailed(as(tx, manager), first!.id)).rejects.toMatchObject({ kind: "forbidden" });
      const retried = await retryFailed(as(tx, finance), first!.id);
      expect(retried.state).toBe("queued");
      expect(await entryStates(tx, first!.id)).toEqual(["in_payout"]);
      expect((await getRun(as(tx, finance), run.id)).status).toBe("executing");

      // Failed again, and this time a new run takes the entries: the retry can no longer have them.
      await markFailed(as(tx, SYSTEM), first!.id, { code: "account_closed", message: "Closed." });
      const next = await createRun(as(tx, finance), { cutoff: today });
      const [taken] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(payouts)
        .where(and(eq(payouts.runId, next.id), eq(payouts.partnerId, first!.partnerId)));
      expect(taken!.n).toBe(1);
      await expect(retryFailed(as(tx, finance), first!.id)).rejects.toMatchObject({ code: "payout.entriesTaken" });
      expect(await unbalancedPayouts(tx)).toEqual([]);
      expect(await balanceMismatches(tx)).toEqual([]);
    });
  });

  it("reversed: a paid payout's entries are payable again", async () => {
    await rolledBack(db, async (tx) => {
      const { payouts: list } = await approvedRun(tx);
      const p = list[0]!;
      await expect(markReversed(as(tx, SYSTEM), p.id, { code: "x", message: "y" })).rejects.toMatchObject({
        code: "payout.notPaid",
      });
      await markPaid(as(tx, SYSTEM), p.id, { transferId: "tr_rev", at: clock.now() });
      await markReversed(as(tx, SYSTEM), p.id, { code: "transfer_reversed", message: "Reversed by finance." });
      expect(await entryStates(tx, p.id)).toEqual(["payable"]);
      expect(await balanceMismatches(tx)).toEqual([]);
    });
  });

  it("refuses payouts of a draft run", async () => {
    await rolledBack(db, async (tx) => {
      const [draft] = await tx.select().from(payoutRuns).where(eq(payoutRuns.status, "draft"));
      const [p] = await tx.select().from(payouts).where(eq(payouts.runId, draft!.id));
      await expect(markPaid(as(tx, SYSTEM), p!.id, { at: clock.now() })).rejects.toMatchObject({
        code: "payoutRun.notApproved",
      });
    });
  });

  it("every staff step writes its audit entry", async () => {
    await rolledBack(db, async (tx) => {
      const { payouts: list } = await approvedRun(tx);
      const p = list[0]!;
      await markPaidManually(as(tx, finance), { payoutId: p.id, reference: "BANK-REF-77" });
      const [entry] = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, "payout.paidManually")));
      expect(entry).toMatchObject({ actorId: finance.userId, actorKind: "staff" });
      const [after] = await tx.select().from(payouts).where(eq(payouts.id, p.id));
      expect(after).toMatchObject({ state: "paid", bankReference: "BANK-REF-77" });
    });
  });
});

describe("bank file", () => {
  it("lists bank payouts with the whole IBAN, for finance only, once approved", async () => {
    await rolledBack(db, async (tx) => {
      const [draft] = await tx.select().from(payoutRuns).where(eq(payoutRuns.status, "draft"));
      await expect(bankCsv(as(tx, finance), draft!.id)).rejects.toMatchObject({ code: "payoutRun.notApproved" });
      const { run, payouts: list } = await approvedRun(tx);
      await expect(bankCsv(as(tx, manager), run.id)).rejects.toMatchObject({ kind: "forbidden" });
      const file = await bankCsv(as(tx, finance), run.id);
      const bankPayouts = list.filter((p) => p.method === "bank");
      expect(file.rows.length).toBe(bankPayouts.length);
      if (bankPayouts.length > 0) {
        const rimalRow = file.rows.find((r) => r[0] === bankPayouts.find((p) => p.partnerId === rimal)?.id);
        expect(rimalRow?.[3]).toBe("AE070331234567890123456");
      }
      expect(parseCsv(toCsv(file.headers, file.rows))[0]).toEqual(file.headers);
    });
  });
});

describe("statements", () => {
  it("a partner reads their own statements; another organization's are not found", async () => {
    const [paid] = await db
      .select()
      .from(payouts)
      .where(and(eq(payouts.partnerId, northwind), eq(payouts.state, "paid")));
    const statement = await payoutStatement(ctxOf(partnerOwner), paid!.id);
    expect(statement.items.reduce((s, i) => s + i.amount, 0n)).toBe(statement.payout.amount);
    expect(statement.items.every((i) => i.currency === paid!.currency)).toBe(true);
    expect((await payoutStatement(ctxOf(partnerMember), paid!.id)).payout.id).toBe(paid!.id);
    expect((await payoutStatement(ctxOf(finance), paid!.id)).payout.id).toBe(paid!.id);
    await expect(payoutStatement(ctxOf(otherPartnerOwner), paid!.id)).rejects.toMatchObject({
      kind: "not_found",
      code: "payout.notFound",
    });
    const mine = await listPayouts(ctxOf(partnerOwner), { pageSize: 5, sortBy: "amount" });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.state !== "cancelled")).toBe(true);
    const theirs = await listPayouts(ctxOf(otherPartnerOwner), { pageSize: 100 });
    expect(theirs.rows.some((r) => r.id === paid!.id)).toBe(false);
  });

  it("a cancelled draft's payout is not the partner's to read, and Stripe's own words stay with staff", async () => {
    await rolledBack(db, async (tx) => {
      const [draft] = await tx.select().from(payoutRuns).where(eq(payoutRuns.status, "draft"));
      const [mine] = await tx
        .select()
        .from(payouts)
        .where(and(eq(payouts.runId, draft!.id), eq(payouts.partnerId, northwind)));
      await cancelRun(as(tx, finance), { runId: draft!.id });
      await expect(payoutStatement(as(tx, partnerOwner), mine!.id)).rejects.toMatchObject({ code: "payout.notFound" });
      expect((await payoutStatement(as(tx, finance), mine!.id)).payout.state).toBe("cancelled");
      const { payouts: live } = await approvedRunAfterCreate(tx);
      const own = live.find((p) => p.partnerId === northwind)!;
      await markProcessing(as(tx, SYSTEM), own.id);
      await markFailed(as(tx, SYSTEM), own.id, { code: "account_invalid", message: "No such destination: acct_x" });
      expect((await payoutStatement(as(tx, partnerOwner), own.id)).payout.failureMessage).toBeNull();
      expect((await payoutStatement(as(tx, finance), own.id)).payout.failureMessage).toContain("acct_x");
    });
  });

  it("lists runs with their progress", async () => {
    const runs = await listRuns(ctxOf(finance), {});
    expect(runs.rows.length).toBeGreaterThanOrEqual(2);
    const completed = runs.rows.find((r) => r.status === "completed")!;
    expect(completed.settledCount).toBe(completed.payoutCount);
  });
});

describe("money invariants across any sequence of runs, failures, reversals and retries", () => {
  type Op =
    | { kind: "post"; cents: bigint; currency: string; negative: boolean }
    | { kind: "create" }
    | { kind: "approve" }
    | { kind: "cancel" }
    | { kind: "pay"; pick: number }
    | { kind: "fail"; pick: number }
    | { kind: "reverse"; pick: number }
    | { kind: "retry"; pick: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant("post" as const),
        cents: fc.bigInt({ min: 1n, max: 5_000_000n }),
        currency: fc.constantFrom("USD", "EUR"),
        negative: fc.boolean(),
      }),
      weight: 3,
    },
    { arbitrary: fc.record({ kind: fc.constant("create" as const) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("approve" as const) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("cancel" as const) }), weight: 1 },
    ...(["pay", "fail", "reverse", "retry"] as const).map((kind) => ({
      arbitrary: fc.record({ kind: fc.constant(kind), pick: fc.nat(20) }),
      weight: 2,
    })),
  ) as fc.Arbitrary<Op>;

  /** Applies one step; refusals (a conflict: wrong state) are part of the game. */
  async function apply(tx: Db, step: Op): Promise<void> {
    const pickFrom = async (states: string[], pick: number) => {
      const list = await tx
        .select({ id: payouts.id })
        .from(payouts)
        .innerJoin(payoutRuns, eq(payoutRuns.id, payouts.runId))
        .where(
          sql`${payouts.state} in ${states} and ${payoutRuns.status} <> 'draft' and ${payoutRuns.status} <> 'cancelled'`,
        )
        .orderBy(payouts.id);
      return list.length ? list[pick % list.length]!.id : null;
    };
    const draft = async () =>
      (await tx.select({ id: payoutRuns.id }).from(payoutRuns).where(eq(payoutRuns.status, "draft")))[0]?.id;
    try {
      if (step.kind === "post") {
        const amount = step.negative ? -(step.cents / 3n + 1n) : step.cents;
        await postPayable(tx, northwind, amount, step.currency, clock.now());
      } else if (step.kind === "create") await createRun(as(tx, finance), { cutoff: today });
      else if (step.kind === "approve") {
        const id = await draft();
        if (id) await approveRun(as(tx, admin), { runId: id });
      } else if (step.kind === "cancel") {
        const id = await draft();
        if (id) await cancelRun(as(tx, finance), { runId: id });
      } else {
        const from = {
          pay: ["queued", "processing"],
          fail: ["queued", "processing"],
          reverse: ["paid"],
          retry: ["failed"],
        };
        const id = await pickFrom(from[step.kind], step.pick);
        if (!id) return;
        if (step.kind === "pay") await markPaid(as(tx, SYSTEM), id, { transferId: `tr_${id}`, at: clock.now() });
        if (step.kind === "fail") await markFailed(as(tx, SYSTEM), id, { code: "failed", message: "Failed." });
        if (step.kind === "reverse") await markReversed(as(tx, SYSTEM), id, { code: "reversed", message: "Back." });
        if (step.kind === "retry") await retryFailed(as(tx, finance), id);
      }
    } catch (error) {
      if ((error as { kind?: string }).kind !== "conflict") throw error;
    }
  }

  it("holds: payouts equal their items, nothing is paid twice, sums are conserved", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (steps) => {
        await rolledBack(db, async (tx) => {
          const before = await tx
            .select({ asset: ledgerEntries.asset, amount: sql<string>`sum(${ledgerEntries.amount})::text` })
            .from(ledgerEntries)
            .groupBy(ledgerEntries.asset);
          let posted: Record<string, bigint> = {};
          for (const step of steps) {
            await apply(tx, step);
            if (step.kind === "post") {
              const amount = step.negative ? -(step.cents / 3n + 1n) : step.cents;
              posted = { ...posted, [step.currency]: (posted[step.currency] ?? 0n) + amount };
            }
          }
          expect(await unbalancedPayouts(tx)).toEqual([]);
          expect(await doublyPaidEntries(tx)).toEqual([]);
          expect(await balanceMismatches(tx)).toEqual([]);
          const totals = await paidTotals(tx);
          expect(totals.byEntries).toEqual(totals.byPayouts);
          // The ledger's sum per currency moves only by what was posted: payouts move states, never amounts.
          const after = await tx
            .select({ asset: ledgerEntries.asset, amount: sql<string>`sum(${ledgerEntries.amount})::text` })
            .from(ledgerEntries)
            .groupBy(ledgerEntries.asset);
          for (const row of after) {
            const was = BigInt(before.find((b) => b.asset === row.asset)?.amount ?? "0");
            expect(BigInt(row.amount)).toBe(was + (posted[row.asset] ?? 0n));
          }
        });
      }),
      { numRuns: 25 },
    );
  });
});
