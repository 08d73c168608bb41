import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import { rolledBack } from "@/server/db/rollback";
import {
  auditLog,
  ledgerEntries,
  payoutAccounts,
  payoutItems,
  payoutRuns,
  payouts,
  programSettings,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM, type StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { balanceMismatches, doublyPaidEntries, partnerIdByName, postPayable, unbalancedPayouts } from "./fixtures";
import { previewRun } from "./preview";
import { approveRun, cancelRun, createRun, createScheduledRun } from "./runs";

const { db, clock, admin, finance, manager, ctxOf } = await setupProgram();
const today = clock.now().toISOString().slice(0, 10);
const in_ = (tx: Db, actor: StaffActor): ServiceCtx<StaffActor> => ({ db: tx, actor, clock });
const ids = {
  northwind: await partnerIdByName(db, "Northwind Analytics"),
  cobalt: await partnerIdByName(db, "Cobalt Cloud Partners"),
  rimal: await partnerIdByName(db, "Rimal Consulting"),
  brightpath: await partnerIdByName(db, "Brightpath Media"),
  kestrel: await partnerIdByName(db, "Kestrel IT Solutions"),
  saffron: await partnerIdByName(db, "Saffron Deals"),
};

describe("the seeded program", () => {
  it("has a completed run whose commissions are paid, and a draft", async () => {
    const runs = await db.select().from(payoutRuns).orderBy(payoutRuns.createdAt);
    expect(runs.map((r) => r.status)).toEqual(["completed", "draft"]);
    expect(runs[0]!.transferGroup).toBe(runs[0]!.id);
    const paid = await db.select().from(payouts).where(eq(payouts.runId, runs[0]!.id));
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((p) => p.state === "paid")).toBe(true);
    expect(await unbalancedPayouts(db)).toEqual([]);
    expect(await doublyPaidEntries(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
  });
});

describe("previewRun", () => {
  it("gives every exclusion reason and pays the rest, per currency", async () => {
    const lines = await rolledBack(db, async (tx) => {
      // A minimum above what Cobalt has payable in USD; tax forms required (Cobalt and Northwind have one).
      await tx
        .update(programSettings)
        .set({ taxDetailsRequired: true, minimumPayoutMinor: 100_000_000n })
        .where(eq(programSettings.id, 1));
      await tx
        .update(payoutAccounts)
        .set({ taxFormType: "w9", taxId: "123456789" })
        .where(sql`${payoutAccounts.partnerId} in (${ids.cobalt}, ${ids.northwind})`);
      await postPayable(tx, ids.northwind, -2_500n, "GBP", clock.now());
      await postPayable(tx, ids.saffron, 90_000n, "USD", clock.now());
      await postPayable(tx, ids.kestrel, 90_000n, "USD", clock.now());
      await postPayable(tx, ids.cobalt, 1_000n, "USD", clock.now());
      await postPayable(tx, ids.northwind, 70_000n, "EUR", clock.now());
      await tx.update(payoutAccounts).set({ taxId: null }).where(eq(payoutAccounts.partnerId, ids.rimal));
      await postPayable(tx, ids.rimal, 80_000n, "USD", clock.now());
      return previewRun(in_(tx, finance), { cutoff: today, pageSize: 100 });
    });
    const reasonOf = (partnerId: string, currency: string) =>
      lines.lines.rows.find((l) => l.partnerId === partnerId && l.currency === currency)?.reason;
    expect(reasonOf(ids.saffron, "USD")).toBe("suspended");
    expect(reasonOf(ids.northwind, "GBP")).toBe("negative_balance");
    expect(reasonOf(ids.kestrel, "USD")).toBe("not_onboarded");
    expect(reasonOf(ids.rimal, "USD")).toBe("tax_missing");
    expect(reasonOf(ids.cobalt, "USD")).toBe("below_minimum");
    // The minimum is in the program currency: a EUR line below it is still paid.
    expect(reasonOf(ids.northwind, "EUR")).toBeNull();
    const eur = lines.totals.find((t) => t.currency === "EUR")!;
    expect(eur.includedAmount).toBe(70_000n);
    const usd = lines.totals.find((t) => t.currency === "USD")!;
    const sumOf = (reason: string) => usd.excluded.find((e) => e.reason === reason)?.amount ?? 0n;
    const cobaltUsd = lines.lines.rows.find((l) => l.partnerId === ids.cobalt && l.currency === "USD")!;
    expect(sumOf("below_minimum")).toBe(cobaltUsd.amount);
    // Totals equal the lines they sum.
    const usdLines = lines.lines.rows.filter((l) => l.currency === "USD");
    expect(usdLines.reduce((s, l) => s + l.amount, 0n)).toBe(
      usd.includedAmount + usd.excluded.reduce((s, e) => s + e.amount, 0n),
    );
  });

  it("sorts by amount as numbers, not as text", async () => {
    const sorted = await rolledBack(db, async (tx) => {
      // 9,000.00 and 15,000.00: as text "9000" sorts above "15000".
      await postPayable(tx, ids.northwind, 900_000n, "USD", clock.now());
      await postPayable(tx, ids.cobalt, 1_500_000n, "USD", clock.now());
      return previewRun(in_(tx, finance), { cutoff: today, pageSize: 100, sortBy: "amount", sortDir: "desc" });
    });
    const amounts = sorted.lines.rows.map((l) => l.amount);
    expect(amounts.length).toBeGreaterThan(2);
    expect(amounts).toEqual([...amounts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it("pages lines on the server and is finance's only", async () => {
    const page = await previewRun(ctxOf(finance), { cutoff: today, pageSize: 5, show: "excluded" });
    expect(page.lines.rows.length).toBeLessThanOrEqual(5);
    expect(page.lines.rows.every((l) => l.reason !== null)).toBe(true);
    await expect(previewRun(ctxOf(manager), { cutoff: today })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      previewRun(ctxOf(finance), { cutoff: new Date(clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10) }),
    ).rejects.toMatchObject({ code: "payoutRun.cutoffInFuture", field: "cutoff" });
  });
});

describe("createRun, approveRun, cancelRun", () => {
  it("freezes the preview, moves the entries to in_payout, and audits", async () => {
    await rolledBack(db, async (tx) => {
      const entry = await postPayable(tx, ids.cobalt, 75_000n, "USD", clock.now());
      const preview = await previewRun(in_(tx, finance), { cutoff: today, show: "included", pageSize: 100 });
      const run = await createRun(in_(tx, finance), { cutoff: today });
      const made = await tx.select().from(payouts).where(eq(payouts.runId, run.id));
      expect(made.map((p) => [p.partnerId, p.currency, p.amount]).sort()).toEqual(
        preview.lines.rows.map((l) => [l.partnerId, l.currency, l.amount]).sort(),
      );
      const [moved] = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.id, entry.id));
      expect(moved!.state).toBe("in_payout");
      expect(await unbalancedPayouts(tx)).toEqual([]);
      expect(await balanceMismatches(tx)).toEqual([]);
      const audits = await tx.select().from(auditLog).where(eq(auditLog.entityId, run.id));
      expect(audits.map((a) => a.action)).toEqual(["payoutRun.created"]);
    });
  });

  it("needs a second person to approve", async () => {
    await rolledBack(db, async (tx) => {
      await postPayable(tx, ids.cobalt, 75_000n, "USD", clock.now());
      const run = await createRun(in_(tx, finance), { cutoff: today });
      await expect(approveRun(in_(tx, finance), { runId: run.id })).rejects.toMatchObject({
        kind: "forbidden",
        code: "payoutRun.ownRun",
      });
      await expect(approveRun(in_(tx, manager), { runId: run.id })).rejects.toMatchObject({ kind: "forbidden" });
      const approved = await approveRun(in_(tx, admin), { runId: run.id });
      expect(approved).toMatchObject({ status: "approved", approvedBy: admin.userId });
      await expect(approveRun(in_(tx, admin), { runId: run.id })).rejects.toMatchObject({ code: "payoutRun.notDraft" });
      const [audit] = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, run.id), eq(auditLog.action, "payoutRun.approved")));
      expect(audit!.actorId).toBe(admin.userId);
    });
  });

  it("the database refuses a run approved by its creator too", async () => {
    await rolledBack(db, async (tx) => {
      const run = await createRun(in_(tx, finance), { cutoff: today });
      await expect(
        tx.update(payoutRuns).set({ approvedBy: finance.userId }).where(eq(payoutRuns.id, run.id)),
      ).rejects.toThrow();
    });
  });

  it("cancelling a draft makes its commissions payable again", async () => {
    await rolledBack(db, async (tx) => {
      const [draft] = await tx.select().from(payoutRuns).where(eq(payoutRuns.status, "draft"));
      const entryIds = (
        await tx
          .select({ id: payoutItems.ledgerEntryId })
          .from(payoutItems)
          .innerJoin(payouts, eq(payouts.id, payoutItems.payoutId))
          .where(eq(payouts.runId, draft!.id))
      ).map((r) => r.id);
      expect(entryIds.length).toBeGreaterThan(0);
      await cancelRun(in_(tx, finance), { runId: draft!.id });
      const states = await tx
        .select({ state: ledgerEntries.state })
        .from(ledgerEntries)
        .where(
          sql`${ledgerEntries.id} in (${sql.join(
            entryIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        );
      expect(new Set(states.map((s) => s.state))).toEqual(new Set(["payable"]));
      expect(await balanceMismatches(tx)).toEqual([]);
      // The next run takes them.
      const next = await createRun(in_(tx, admin), { cutoff: today });
      const [taken] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(payoutItems)
        .innerJoin(payouts, eq(payouts.id, payoutItems.payoutId))
        .where(eq(payouts.runId, next.id));
      expect(taken!.n).toBeGreaterThanOrEqual(entryIds.length);
      await expect(cancelRun(in_(tx, finance), { runId: draft!.id })).rejects.toMatchObject({
        code: "payoutRun.notDraft",
      });
    });
  });

  it("two runs created at the same moment never share an entry", async () => {
    for (let n = 0; n < 6; n++) await postPayable(db, ids.cobalt, 60_000n + BigInt(n), "USD", clock.now());
    const results = await Promise.allSettled([
      createRun(ctxOf(finance), { cutoff: today }),
      createRun(ctxOf(admin), { cutoff: today }),
      createRun(ctxOf(finance), { cutoff: today }),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const [shared] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutItems)
      .where(
        sql`${payoutItems.releasedAt} is null and ${payoutItems.ledgerEntryId} in (
          select ledger_entry_id from payout_items where released_at is null group by 1 having count(*) > 1)`,
      );
    expect(shared!.n).toBe(0);
    expect(await unbalancedPayouts(db)).toEqual([]);
    expect(await balanceMismatches(db)).toEqual([]);
    // Exactly one of them paid Cobalt's new entries.
    const cobaltRuns = await db
      .selectDistinct({ runId: payouts.runId })
      .from(payouts)
      .where(
        and(eq(payouts.partnerId, ids.cobalt), sql`${payouts.createdAt} = ${clock.now().toISOString()}::timestamptz`),
      );
    expect(cobaltRuns.length).toBe(1);
  });
});

describe("createScheduledRun", () => {
  it("makes one draft on the payout day of a monthly program, and only then", async () => {
    await rolledBack(db, async (tx) => {
      const sys = (at: Date) => ({ db: tx, actor: SYSTEM, clock: fixedClock(at) });
      expect(await createScheduledRun(sys(clock.now()))).toBeNull(); // manual schedule
      await tx
        .update(programSettings)
        .set({ payoutSchedule: "monthly", payoutDayOfMonth: 1 })
        .where(eq(programSettings.id, 1));
      expect(await createScheduledRun(sys(new Date(clock.now().getTime() + DAY)))).toBeNull(); // the 2nd
      const run = await createScheduledRun(sys(clock.now()));
      expect(run).toMatchObject({ createdVia: "schedule", period: "2026-11", cutoff: "2026-11-01", createdBy: null });
      expect(await createScheduledRun(sys(clock.now()))).toBeNull();
      // Anyone in finance may approve a scheduled run.
      expect(await approveRun(in_(tx, finance), { runId: run!.id })).toMatchObject({ approvedBy: finance.userId });
    });
  });
});
