import { and, asc, count, eq, gte, inArray, isNull, lt, sql, type AnyColumn } from "drizzle-orm";
import { DAY, type Clock } from "@/lib/clock";
import {
  ledgerBalances,
  ledgerEntries,
  leads,
  partnerApplications,
  partnerMemberships,
  partners,
  payoutRuns,
  programSettings,
  staffRoles,
  tiers,
  users,
  wonRevenue,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/** What the staff overview shows: the program at a glance, and what is owed, waiting and won (`figures`). */
export async function programOverview(db: Db, clock: Clock) {
  const [figures, byTier, byStatus, byType, [memberCount], [staffCount], [pending], [leadQueue]] = await Promise.all([
    staffOverview(db, clock),
    db
      .select({
        tierKey: tiers.key,
        tierName: tiers.name,
        rank: tiers.rank,
        count: sql<number>`count(${partners.id})::int`,
      })
      .from(tiers)
      .leftJoin(partners, sql`${partners.tierId} = ${tiers.id} and ${partners.status} = 'active'`)
      .groupBy(tiers.id)
      .orderBy(asc(tiers.rank)),
    db.select({ status: partners.status, count: count() }).from(partners).groupBy(partners.status),
    db
      .select({ type: partners.type, count: count() })
      .from(partners)
      .where(eq(partners.status, "active"))
      .groupBy(partners.type),
    db.select({ n: count() }).from(partnerMemberships),
    db
      .select({ n: count() })
      .from(staffRoles)
      .innerJoin(users, eq(users.id, staffRoles.userId))
      .where(sql`${users.deactivatedAt} is null`),
    db.select({ n: count() }).from(partnerApplications).where(eq(partnerApplications.status, "pending")),
    db
      .select({ n: count(), flagged: sql<number>`count(*) filter (where ${leads.flagged})::int` })
      .from(leads)
      .where(eq(leads.status, "submitted")),
  ]);
  const activePartners = byStatus.find((s) => s.status === "active")?.count ?? 0;
  return {
    activePartners,
    partnerUsers: memberCount?.n ?? 0,
    staffUsers: staffCount?.n ?? 0,
    pendingApplications: pending?.n ?? 0,
    pendingLeads: leadQueue?.n ?? 0,
    flaggedLeads: leadQueue?.flagged ?? 0,
    byTier,
    byStatus,
    byType,
    figures,
  };
}

/** Money assets are ISO currency codes; points (and any other unit) stay out of the money figures. */
const isMoneyAsset = (column: AnyColumn) => sql`${column} ~ '^[A-Z]{3}$'`;

/** A time inside raw SQL: drivers differ on Date parameters there, so it goes as text with its type. */
const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** A lead waits for review this long before it counts as overdue. */
export const LEAD_REVIEW_DAYS = 2;

/**
 * The periods the overview compares, in UTC: this month so far, the same stretch of last month
 * (a fair comparison on the 3rd as on the 30th; cut at last month's end when it was shorter),
 * all of last month, and this quarter so far.
 */
export function overviewPeriods(now: Date) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const monthStart = new Date(Date.UTC(y, m, 1));
  const lastMonthStart = new Date(Date.UTC(y, m - 1, 1));
  const sameStretch = lastMonthStart.getTime() + (now.getTime() - monthStart.getTime());
  return {
    monthStart,
    lastMonthStart,
    lastMonthToDate: new Date(Math.min(sameStretch, monthStart.getTime())),
    quarterStart: new Date(Date.UTC(y, m - (m % 3), 1)),
    now,
  };
}

/** The change from `before` to `after` in basis points, or null when there is nothing to compare with. */
export function changeBps(before: bigint, after: bigint): number | null {
  if (before <= 0n) return null;
  return Number(((after - before) * 10_000n) / before);
}

/**
 * What a program owner looks for first, in a handful of set-based reads run side by side:
 * commissions owed by state per currency (the balance table, one grouped read), pending money by
 * when it becomes payable, the review queue's size and age, won revenue this month against last,
 * this quarter's funnel from registration to won, partners active this month, and the open or
 * next payout run.
 */
export async function staffOverview(db: Db, clock: Clock) {
  const periods = overviewPeriods(clock.now());
  const { monthStart, lastMonthStart, lastMonthToDate, quarterStart, now } = periods;
  const overdueBefore = new Date(now.getTime() - LEAD_REVIEW_DAYS * DAY);
  const [owed, pendingRelease, [queue], revenue, [funnel], [active], openRuns, [settings]] = await Promise.all([
    // Owed = not yet paid: pending (held), payable, in a payout. Paid and voided are history.
    db
      .select({
        currency: ledgerBalances.asset,
        state: ledgerBalances.state,
        amount: sql<string>`sum(${ledgerBalances.amount})::text`,
      })
      .from(ledgerBalances)
      .where(
        and(inArray(ledgerBalances.state, ["pending", "payable", "in_payout"]), isMoneyAsset(ledgerBalances.asset)),
      )
      .groupBy(ledgerBalances.asset, ledgerBalances.state)
      .orderBy(ledgerBalances.asset),
    // Held money and when it is released: the first release, and how much becomes payable in the next 30 days.
    db
      .select({
        currency: ledgerEntries.asset,
        amount: sql<string>`sum(${ledgerEntries.amount})::text`,
        nextAt: sql<Date | string>`min(${ledgerEntries.availableAt})`,
        within30Days: sql<string>`coalesce(sum(${ledgerEntries.amount}) filter (where ${ledgerEntries.availableAt} <= ${ts(new Date(now.getTime() + 30 * DAY))}), 0)::text`,
      })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.state, "pending"), isMoneyAsset(ledgerEntries.asset)))
      .groupBy(ledgerEntries.asset)
      .orderBy(ledgerEntries.asset),
    db
      .select({
        waiting: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${leads.createdAt} < ${ts(overdueBefore)})::int`,
        oldestAt: sql<Date | string | null>`min(${leads.createdAt})`,
      })
      .from(leads)
      .where(eq(leads.status, "submitted")),
    // Standing revisions only (a corrected or refunded win counts at its current amount, once).
    db
      .select({
        currency: wonRevenue.currency,
        thisMonth: sql<string>`coalesce(sum(${wonRevenue.amountMinor}) filter (where ${wonRevenue.wonAt} >= ${ts(monthStart)}), 0)::text`,
        lastMonthToDate: sql<string>`coalesce(sum(${wonRevenue.amountMinor}) filter (where ${wonRevenue.wonAt} < ${ts(lastMonthToDate)}), 0)::text`,
        lastMonth: sql<string>`coalesce(sum(${wonRevenue.amountMinor}) filter (where ${wonRevenue.wonAt} < ${ts(monthStart)}), 0)::text`,
      })
      .from(wonRevenue)
      .where(and(isNull(wonRevenue.reversedAt), gte(wonRevenue.wonAt, lastMonthStart), lt(wonRevenue.wonAt, now)))
      .groupBy(wonRevenue.currency)
      .orderBy(wonRevenue.currency),
    // The quarter's registrations as a cohort: how many of them were approved, and how many won.
    db
      .select({
        registered: sql<number>`count(*)::int`,
        approved: sql<number>`count(*) filter (where ${leads.approvedAt} is not null)::int`,
        won: sql<number>`count(*) filter (where ${leads.status} = 'won')::int`,
      })
      .from(leads)
      .where(and(gte(leads.createdAt, quarterStart), lt(leads.createdAt, now))),
    // Active this month: a deal won or a lead registered.
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(partners)
      .where(
        sql`exists (select 1 from ${wonRevenue} where ${wonRevenue.partnerId} = ${partners.id}
              and ${wonRevenue.wonAt} >= ${ts(monthStart)} and ${wonRevenue.wonAt} < ${ts(now)} and ${wonRevenue.reversedAt} is null)
            or exists (select 1 from ${leads} where ${leads.partnerId} = ${partners.id}
              and ${leads.createdAt} >= ${ts(monthStart)} and ${leads.createdAt} < ${ts(now)})`,
      ),
    db
      .select({ id: payoutRuns.id, cutoff: payoutRuns.cutoff, status: payoutRuns.status })
      .from(payoutRuns)
      .where(inArray(payoutRuns.status, ["draft", "approved", "executing"]))
      .orderBy(asc(payoutRuns.cutoff))
      .limit(3),
    db
      .select({ schedule: programSettings.payoutSchedule, day: programSettings.payoutDayOfMonth })
      .from(programSettings)
      .limit(1),
  ]);

  const owedByCurrency = new Map<string, { currency: string; pending: bigint; payable: bigint; inPayout: bigint }>();
  for (const row of owed) {
    const entry = owedByCurrency.get(row.currency) ?? {
      currency: row.currency,
      pending: 0n,
      payable: 0n,
      inPayout: 0n,
    };
    const amount = BigInt(row.amount ?? "0");
    if (row.state === "pending") entry.pending += amount;
    else if (row.state === "payable") entry.payable += amount;
    else entry.inPayout += amount;
    owedByCurrency.set(row.currency, entry);
  }
  // A monthly schedule drafts the next run on its day; the first such day after now.
  const nextScheduledDay = settings?.schedule === "monthly" && settings.day ? nextDayOfMonth(now, settings.day) : null;
  return {
    periods,
    owed: [...owedByCurrency.values()].filter((o) => o.pending !== 0n || o.payable !== 0n || o.inPayout !== 0n),
    held: pendingRelease.map((row) => ({
      currency: row.currency,
      amount: BigInt(row.amount ?? "0"),
      within30Days: BigInt(row.within30Days ?? "0"),
      nextAt: new Date(row.nextAt),
    })),
    leadQueue: {
      waiting: queue?.waiting ?? 0,
      overdue: queue?.overdue ?? 0,
      oldestAt: queue?.oldestAt ? new Date(queue.oldestAt) : null,
    },
    revenue: revenue
      .map((row) => {
        const thisMonth = BigInt(row.thisMonth);
        const lastMonthToDate = BigInt(row.lastMonthToDate);
        const lastMonth = BigInt(row.lastMonth);
        return {
          currency: row.currency,
          thisMonth,
          lastMonthToDate,
          lastMonth,
          // Like for like: the month so far against the same days of last month.
          changeBps: changeBps(lastMonthToDate, thisMonth),
        };
      })
      .filter((row) => row.thisMonth !== 0n || row.lastMonth !== 0n),
    funnel: { registered: funnel?.registered ?? 0, approved: funnel?.approved ?? 0, won: funnel?.won ?? 0 },
    activePartners: active?.n ?? 0,
    openRuns,
    nextScheduledDay,
  };
}

/** The first `day` of a month strictly after today (UTC), as yyyy-mm-dd. */
export function nextDayOfMonth(now: Date, day: number): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const thisMonth = new Date(Date.UTC(y, m, day));
  const next = thisMonth.getTime() > now.getTime() ? thisMonth : new Date(Date.UTC(y, m + 1, day));
  return next.toISOString().slice(0, 10);
}

export type StaffOverview = Awaited<ReturnType<typeof staffOverview>>;
