import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/clock";
import { ledgerEntries, leads, wonRevenue } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { changeBps, nextDayOfMonth, overviewPeriods, staffOverview } from "./queries";

/**
 * The overview's numbers against the demo program, each recomputed here the slow way (every row
 * read and added up in the test) so a wrong filter or period in the set-based queries shows.
 */
describe("the staff overview", async () => {
  const program = await setupProgram();
  const { db, clock } = program;

  it("owes, per currency, what the ledger holds pending, payable and in a payout", async () => {
    const overview = await staffOverview(db, clock);
    const entries = await db.select().from(ledgerEntries);
    const expected = new Map<string, { pending: bigint; payable: bigint; inPayout: bigint }>();
    for (const e of entries) {
      if (!/^[A-Z]{3}$/.test(e.asset)) continue;
      const row = expected.get(e.asset) ?? { pending: 0n, payable: 0n, inPayout: 0n };
      if (e.state === "pending") row.pending += e.amount;
      if (e.state === "payable") row.payable += e.amount;
      if (e.state === "in_payout") row.inPayout += e.amount;
      expected.set(e.asset, row);
    }
    const nonZero = [...expected].filter(([, r]) => r.pending !== 0n || r.payable !== 0n || r.inPayout !== 0n);
    expect(overview.owed.length).toBeGreaterThan(0);
    expect(new Map(overview.owed.map(({ currency, ...r }) => [currency, r]))).toEqual(new Map(nonZero));
    // Held money: the sum and the first release of every pending entry, per currency.
    for (const held of overview.held) {
      const pending = entries.filter((e) => e.asset === held.currency && e.state === "pending");
      expect(held.amount).toBe(pending.reduce((n, e) => n + e.amount, 0n));
      expect(held.nextAt.getTime()).toBe(Math.min(...pending.map((e) => e.availableAt.getTime())));
    }
  });

  it("counts the leads waiting for review, the overdue ones and the oldest", async () => {
    const before = await staffOverview(db, clock);
    const waiting = (await db.select().from(leads)).filter((l) => l.status === "submitted");
    expect(before.leadQueue.waiting).toBe(waiting.length);
    const now = clock.now().getTime();
    expect(before.leadQueue.overdue).toBe(waiting.filter((l) => l.createdAt.getTime() < now - 2 * DAY).length);
    if (waiting.length > 0) {
      expect(before.leadQueue.oldestAt?.getTime()).toBe(Math.min(...waiting.map((l) => l.createdAt.getTime())));
    }
    // Three days on, every waiting lead is overdue.
    const later = { now: () => new Date(now + 3 * DAY) };
    expect((await staffOverview(db, later)).leadQueue.overdue).toBe(waiting.length);
  });

  it("compares won revenue this month with last month and counts the quarter's funnel", async () => {
    // Later in the month, so the demo's wins of the month so far are inside the window.
    const at = { now: () => new Date(clock.now().getTime() + 20 * DAY) };
    const overview = await staffOverview(db, at);
    const { monthStart, lastMonthStart, lastMonthToDate, quarterStart, now } = overviewPeriods(at.now());
    const standing = (await db.select().from(wonRevenue)).filter((r) => r.reversedAt === null);
    const sum = (currency: string, from: Date, to: Date) =>
      standing
        .filter((r) => r.currency === currency && r.wonAt >= from && r.wonAt < to)
        .reduce((n, r) => n + r.amountMinor, 0n);
    const currencies = [...new Set(standing.map((r) => r.currency))];
    const expected = currencies
      .map((c) => ({
        currency: c,
        thisMonth: sum(c, monthStart, now),
        lastMonthToDate: sum(c, lastMonthStart, lastMonthToDate),
        lastMonth: sum(c, lastMonthStart, monthStart),
      }))
      .filter((r) => r.thisMonth !== 0n || r.lastMonth !== 0n)
      .sort((a, b) => a.currency.localeCompare(b.currency));
    expect(expected.length, "the demo has won revenue in these two months").toBeGreaterThan(0);
    expect(overview.revenue.map(({ changeBps: _c, ...r }) => r)).toEqual(expected);
    for (const row of overview.revenue) {
      const base = row.lastMonthToDate;
      expect(row.changeBps).toBe(base > 0n ? Number(((row.thisMonth - base) * 10_000n) / base) : null);
    }

    const cohort = (await db.select().from(leads)).filter((l) => l.createdAt >= quarterStart && l.createdAt < now);
    expect(cohort.length, "the demo registers leads this quarter").toBeGreaterThan(0);
    expect(overview.funnel).toEqual({
      registered: cohort.length,
      approved: cohort.filter((l) => l.approvedAt !== null).length,
      won: cohort.filter((l) => l.status === "won").length,
    });
    const active = new Set([
      ...standing.filter((r) => r.wonAt >= monthStart && r.wonAt < now).map((r) => r.partnerId),
      ...cohort.filter((l) => l.createdAt >= monthStart).map((l) => l.partnerId),
    ]);
    expect(overview.activePartners).toBe(active.size);
  });

  it("words the change and the next scheduled run day", () => {
    expect(changeBps(0n, 500n)).toBeNull();
    expect(changeBps(1000n, 1050n)).toBe(500);
    expect(changeBps(1000n, 900n)).toBe(-1000);
    expect(nextDayOfMonth(new Date("2026-11-01T09:00:00Z"), 1)).toBe("2026-12-01");
    expect(nextDayOfMonth(new Date("2026-11-01T09:00:00Z"), 15)).toBe("2026-11-15");
    expect(overviewPeriods(new Date("2026-11-20T00:00:00Z")).quarterStart.toISOString()).toBe(
      "2026-10-01T00:00:00.000Z",
    );
    // The same stretch of last month: 19 days and 6 hours in, then cut at a shorter month's end.
    expect(overviewPeriods(new Date("2026-11-20T06:00:00Z")).lastMonthToDate.toISOString()).toBe(
      "2026-10-20T06:00:00.000Z",
    );
    expect(overviewPeriods(new Date("2026-03-31T12:00:00Z")).lastMonthToDate.toISOString()).toBe(
      "2026-03-01T00:00:00.000Z",
    );
  });
});
