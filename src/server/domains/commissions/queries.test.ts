import { eq, sql, type SQL } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/clock";
import { leads, ledgerEntries, partners, programSettings, tiers } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM } from "../actor";
import { moveEntries, postEntries, type LedgerState, type NewLedgerEntry } from "./ledger";
import { currentPlanFor } from "./plans";
import {
  balancesByFigure,
  balancesOf,
  earningsByMonth,
  liabilitySummary,
  LEDGER_SOURCES,
  LEDGER_STATES,
  pipelineByStatus,
  pipelineOf,
  tierProgress,
} from "./queries";

/**
 * The money reads (balances, monthly earnings, tier progress, what the program owes) against
 * plain SQL sums over the rows themselves (ledger_entries; won_revenue for the tier numbers),
 * on the demo program and on postings added on top of it. The reads use the running balances
 * and covering indexes; the sums here use neither.
 */
const { db, clock, ctxOf } = await setupProgram();
const system = ctxOf(SYSTEM);
const partnerIds = (await db.select({ id: partners.id }).from(partners).orderBy(partners.name)).map((p) => p.id);

/** Rows of a raw query; postgres-js answers with an array, PGlite with { rows }. */
async function rows<T>(query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

type Balance = { asset: string; pending: bigint; payable: bigint; inPayout: bigint; paid: bigint; clawedBack: bigint };

/** An asset whose every figure is zero says nothing (a zero-amount entry has no balance row); both sides drop it. */
const meaningful = (balances: Balance[]) =>
  balances.filter((b) => b.pending || b.payable || b.inPayout || b.paid || b.clawedBack);

/** Balances from the entries: each state's sum by asset, and what clawbacks took back. */
async function plainBalances(partnerId?: string): Promise<Balance[]> {
  const whose = partnerId ? sql`partner_id = ${partnerId}` : sql`true`;
  const sums = await rows<{ asset: string; state: LedgerState; amount: string }>(
    sql`select asset, state, sum(amount)::text as amount from ledger_entries where ${whose} group by asset, state`,
  );
  const clawed = await rows<{ asset: string; amount: string }>(
    sql`select asset, (-sum(amount))::text as amount from ledger_entries where ${whose} and source = 'clawback' group by asset`,
  );
  const assets = [...new Set([...sums.map((s) => s.asset), ...clawed.map((c) => c.asset)])].sort();
  const of = (asset: string, state: LedgerState) =>
    BigInt(sums.find((s) => s.asset === asset && s.state === state)?.amount ?? "0");
  return assets.map((asset) => ({
    asset,
    pending: of(asset, "pending"),
    payable: of(asset, "payable"),
    inPayout: of(asset, "in_payout"),
    paid: of(asset, "paid"),
    clawedBack: BigInt(clawed.find((c) => c.asset === asset)?.amount ?? "0"),
  }));
}

/** Monthly earnings from the entries, bucketed here by UTC month rather than by the database. */
async function plainMonthly(partnerId: string, months: number) {
  const now = clock.now();
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1);
  const entries = await db
    .select({ createdAt: ledgerEntries.createdAt, asset: ledgerEntries.asset, amount: ledgerEntries.amount })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.partnerId, partnerId));
  const inWindow = entries.filter((e) => e.createdAt.getTime() >= start);
  const keys = Array.from({ length: months }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1) + i, 1)).toISOString().slice(0, 7),
  );
  const assets = [...new Set(inWindow.map((e) => e.asset))].sort();
  const sum = (month: string, asset: string) =>
    inWindow
      .filter((e) => e.asset === asset && e.createdAt.toISOString().slice(0, 7) === month)
      .reduce((total, e) => total + e.amount, 0n);
  return {
    months: keys,
    assets,
    series: keys.map((month) => ({ month, ...Object.fromEntries(assets.map((a) => [a, sum(month, a)])) })),
  };
}

/** The tier numbers from the won revenue: standing rows of the last 365 days, the program currency's sum and the deals. */
async function plainTierNumbers(partnerId: string) {
  const [{ currency }] = (await db.select({ currency: programSettings.currency }).from(programSettings)) as [
    { currency: string },
  ];
  const since = new Date(clock.now().getTime() - 365 * DAY);
  const [row] = await rows<{ revenue: string; deals: number }>(sql`
    select coalesce(sum(amount_minor) filter (where currency = ${currency}), 0)::text as revenue,
           (count(*) filter (where source_kind = 'deal'))::int as deals
    from won_revenue where partner_id = ${partnerId} and reversed_at is null and won_at >= ${since.toISOString()}::timestamptz`);
  return { revenueMinor: BigInt(row!.revenue), currency, wonDeals: row!.deals };
}

/** What the program owes partner by partner, from the entries: open states only, nothing that nets to zero. */
async function plainOwed() {
  const owed = await rows<{ partnerId: string; asset: string; state: LedgerState; amount: string }>(sql`
    select partner_id as "partnerId", asset, state, sum(amount)::text as amount from ledger_entries
    where state in ('pending', 'payable', 'in_payout') group by 1, 2, 3 having sum(amount) <> 0`);
  return owed.map((o) => ({ ...o, amount: BigInt(o.amount) }));
}

const key = (r: { partnerId: string; asset: string; state: string }) => `${r.partnerId}|${r.asset}|${r.state}`;

async function expectReadsMatchSums() {
  expect(meaningful(await balancesOf(db))).toEqual(meaningful(await plainBalances()));
  for (const partnerId of partnerIds) {
    expect(meaningful(await balancesOf(db, partnerId)), partnerId).toEqual(meaningful(await plainBalances(partnerId)));
    expect(await earningsByMonth(system, partnerId), partnerId).toEqual(await plainMonthly(partnerId, 12));
    expect((await tierProgress(system, partnerId))?.numbers, partnerId).toEqual(await plainTierNumbers(partnerId));
  }
  const liability = await liabilitySummary(db);
  expect(meaningful(liability.totals)).toEqual(meaningful(await plainBalances()));
  const owed = await plainOwed();
  expect(liability.byPartner.map((b) => [key(b), b.amount]).sort()).toEqual(owed.map((o) => [key(o), o.amount]).sort());
  // Largest first, and every name is the partner's.
  const amounts = liability.byPartner.map((b) => b.amount);
  expect(amounts).toEqual([...amounts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  const names = new Map(
    (await db.select({ id: partners.id, name: partners.name }).from(partners)).map((p) => [p.id, p.name]),
  );
  for (const b of liability.byPartner) expect(b.partnerName).toBe(names.get(b.partnerId));
}

let posted = 0;
/** One entry as a job or a service would post it, earned at `at`. */
function entry(
  partnerId: string,
  asset: string,
  amount: bigint,
  source: (typeof LEDGER_SOURCES)[number],
  state: LedgerState,
  at: Date,
): NewLedgerEntry {
  return {
    partnerId,
    asset,
    amount,
    source,
    state,
    availableAt: at,
    eventKey: `queries-test:${++posted}`,
    createdAt: at,
    stateChangedAt: at,
  };
}

describe("money reads on the demo program", () => {
  it("balances, monthly earnings, tier numbers and liability equal the plain sums", async () => {
    // The demo has earned something: the comparison is not of two empty sets.
    expect((await plainBalances()).length).toBeGreaterThan(0);
    expect((await plainOwed()).length).toBeGreaterThan(0);
    await expectReadsMatchSums();
  });

  it("the tier card measures what the next tier still needs from the won revenue", async () => {
    const tierIdByKey = new Map(
      (await db.select({ id: tiers.id, key: tiers.key }).from(tiers)).map((t) => [t.key, t.id]),
    );
    let checked = 0;
    for (const partnerId of partnerIds) {
      const progress = await tierProgress(system, partnerId);
      const numbers = await plainTierNumbers(partnerId);
      if (!progress?.next) continue;
      checked++;
      const plan = await currentPlanFor(db, partnerId);
      const rule = plan!.tierRules.find((r) => r.tierId === tierIdByKey.get(progress.next!.tierKey))!;
      const gap = rule.minRevenueMinor === null ? 0n : rule.minRevenueMinor - numbers.revenueMinor;
      expect(progress.next.missingRevenueMinor, partnerId).toBe(gap > 0n ? gap : 0n);
      const dealGap = rule.minWonDeals === null ? 0 : rule.minWonDeals - numbers.wonDeals;
      expect(progress.next.missingDeals, partnerId).toBe(Math.max(0, dealGap));
      expect(progress.next.reached).toBe(gap <= 0n && dealGap <= 0);
    }
    // Partners below the top tier exist in the demo, so the gaps above were measured.
    expect(checked).toBeGreaterThan(0);
  });
});

describe("money reads after more postings", () => {
  it("still equal the plain sums, month boundaries, other assets, clawbacks and moves included", async () => {
    const now = clock.now();
    const [a, b] = partnerIds as [string, string];
    const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    const entries = await postEntries(db, [
      // Exactly at the start of this month, and the last millisecond of the one before.
      entry(a, "USD", 12_345n, "subscription", "pending", firstOfMonth),
      entry(a, "USD", 1n, "subscription", "payable", new Date(firstOfMonth.getTime() - 1)),
      // The first instant of the window, and the last instant before it (left out).
      entry(a, "EUR", 700n, "bonus", "paid", windowStart),
      entry(a, "EUR", 900n, "bonus", "paid", new Date(windowStart.getTime() - 1)),
      entry(a, "JPY", 50_000n, "adjustment", "in_payout", new Date(now.getTime() - 3 * DAY)),
      entry(a, "USD", -4_000n, "clawback", "payable", new Date(now.getTime() - DAY)),
      entry(a, "points", 250n, "adjustment", "payable", new Date(now.getTime() - 2 * DAY)),
      entry(b, "USD", 99_999n, "deal", "voided", new Date(now.getTime() - 10 * DAY)),
      entry(b, "GBP", 0n, "deal", "pending", new Date(now.getTime() - 10 * DAY)),
    ]);
    await moveEntries(db, [entries[0]!.id], "pending", "payable", now);
    await moveEntries(db, [entries[4]!.id], "in_payout", "paid", now);
    await expectReadsMatchSums();
  });

  it("equal the plain sums whatever is posted and moved (property-based)", async () => {
    const now = clock.now().getTime();
    const posting = fc.record({
      partner: fc.nat({ max: partnerIds.length - 1 }),
      asset: fc.constantFrom("USD", "EUR", "JPY", "KWD", "points"),
      amount: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      source: fc.constantFrom(...LEDGER_SOURCES),
      state: fc.constantFrom(...LEDGER_STATES),
      // From 14 months ago to a day ahead: across the 12-month window's edge.
      minutesAgo: fc.integer({ min: -24 * 60, max: 14 * 31 * 24 * 60 }),
    });
    const move = fc.record({ pick: fc.nat(), to: fc.constantFrom(...LEDGER_STATES) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(posting, { minLength: 1, maxLength: 12 }),
        fc.array(move, { maxLength: 4 }),
        async (postings, moves) => {
          const inserted = await postEntries(
            db,
            postings.map((p) =>
              entry(
                partnerIds[p.partner]!,
                p.asset,
                p.amount,
                p.source,
                p.state,
                new Date(now - p.minutesAgo * 60_000),
              ),
            ),
          );
          for (const m of moves) {
            const target = inserted[m.pick % inserted.length]!;
            const [current] = await db
              .select({ state: ledgerEntries.state })
              .from(ledgerEntries)
              .where(eq(ledgerEntries.id, target.id));
            if (current && current.state !== m.to) await moveEntries(db, [target.id], current.state, m.to, clock.now());
          }
          await expectReadsMatchSums();
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("balances and pipeline in several currencies (issue 18)", () => {
  it("lists every currency a partner holds in each figure, and none where it holds nothing", async () => {
    const partnerId = partnerIds[2]!;
    const now = clock.now();
    const before = await balancesOf(db, partnerId);
    const pendingOf = (asset: string) => before.find((b) => b.asset === asset)?.pending ?? 0n;
    await postEntries(db, [
      entry(partnerId, "GBP", 790_000n, "deal", "pending", new Date(now.getTime() - DAY)),
      entry(partnerId, "USD", 12_500n, "deal", "pending", new Date(now.getTime() - DAY)),
      // A currency with nothing but a zero: no figure may name it.
      entry(partnerId, "CHF", 0n, "deal", "pending", new Date(now.getTime() - DAY)),
    ]);
    const balances = await balancesOf(db, partnerId);
    const byFigure = balancesByFigure(balances);
    expect(byFigure.map((f) => f.figure)).toEqual(["pending", "payable", "inPayout", "paid", "clawedBack"]);
    const pending = byFigure.find((f) => f.figure === "pending")!.amounts;
    expect(pending).toContainEqual({ asset: "GBP", amount: pendingOf("GBP") + 790_000n });
    expect(pending).toContainEqual({ asset: "USD", amount: pendingOf("USD") + 12_500n });
    for (const figure of byFigure) {
      expect(
        figure.amounts.every((a) => a.amount !== 0n),
        figure.figure,
      ).toBe(true);
      expect(figure.amounts.map((a) => a.asset)).toEqual(
        [...figure.amounts.map((a) => a.asset)].sort((a, b) => a.localeCompare(b)),
      );
      // Each figure's amount for an asset is that asset's balance, never a sum across currencies.
      for (const a of figure.amounts) expect(balances.find((b) => b.asset === a.asset)![figure.figure]).toBe(a.amount);
    }
    expect(byFigure.flatMap((f) => f.amounts.map((a) => a.asset))).not.toContain("CHF");
  });

  it("sums the pipeline per status and per currency, as plain SQL does", async () => {
    for (const partnerId of partnerIds) {
      const grouped = pipelineByStatus(await pipelineOf(db, partnerId));
      const plain = await rows<{ status: string; currency: string; n: number; value: string }>(
        sql`select status, currency, count(*)::int as n, sum(estimated_value_minor)::text as value
            from ${leads} where partner_id = ${partnerId} group by status, currency`,
      );
      const flat = grouped.flatMap((g) =>
        g.values.map((v) => ({ status: g.status, currency: v.currency, n: v.count, value: v.value.toString() })),
      );
      const order = (r: { status: string; currency: string }) => `${r.status}|${r.currency}`;
      expect(flat.map(order).sort(), partnerId).toEqual(plain.map(order).sort());
      for (const p of plain) expect(flat.find((f) => order(f) === order(p))).toEqual(p);
      for (const g of grouped) expect(g.count).toBe(g.values.reduce((sum, v) => sum + v.count, 0));
    }
    // The demo has a partner whose leads come in more than one currency, so the split was exercised.
    const mixed = await rows<{ n: number }>(
      sql`select count(*)::int as n from (select partner_id from ${leads} group by partner_id having count(distinct currency) > 1) x`,
    );
    expect(mixed[0]!.n).toBeGreaterThan(0);
  });
});
