import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, gt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  adjustmentStatus,
  bonusCampaigns,
  commissionAdjustments,
  ledgerBalances,
  ledgerEntries,
  ledgerSource,
  ledgerState,
  leads,
  leadStatus,
  partners,
  tierChanges,
  tiers,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { DAY } from "@/lib/clock";
import { toCsv } from "@/lib/csv";
import { isCurrencyCode, toDecimalString } from "@/lib/money";
import type { ServiceCtx } from "../context";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { certifiedCounts, courseTitles, soonestExpiries, type CertificationRequirement } from "./certified";
import { meets, tierStanding, type TierStanding } from "./tiers";

/** How far ahead the tier card warns that a certification the current tier needs runs out. */
export const CERTIFICATION_RISK_DAYS = 30;

export const LEDGER_STATES = ledgerState.enumValues;
export const LEDGER_SOURCES = ledgerSource.enumValues;

/** Balances by asset: each state's sum, and what clawbacks took back (as a positive amount). */
export async function balancesOf(db: Db, partnerId?: string) {
  const [byState, clawed] = await Promise.all([
    db
      .select({
        asset: ledgerBalances.asset,
        state: ledgerBalances.state,
        amount: sql<string>`sum(${ledgerBalances.amount})::text`,
      })
      .from(ledgerBalances)
      .where(partnerId ? eq(ledgerBalances.partnerId, partnerId) : undefined)
      .groupBy(ledgerBalances.asset, ledgerBalances.state),
    db
      .select({ asset: ledgerEntries.asset, amount: sql<string>`(-sum(${ledgerEntries.amount}))::text` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.source, "clawback"), partnerId ? eq(ledgerEntries.partnerId, partnerId) : undefined))
      .groupBy(ledgerEntries.asset),
  ]);
  const assets = [...new Set([...byState.map((b) => b.asset), ...clawed.map((c) => c.asset)])].sort();
  return assets.map((asset) => {
    const state = (s: (typeof LEDGER_STATES)[number]) =>
      BigInt(byState.find((b) => b.asset === asset && b.state === s)?.amount ?? "0");
    return {
      asset,
      pending: state("pending"),
      payable: state("payable"),
      inPayout: state("in_payout"),
      paid: state("paid"),
      clawedBack: BigInt(clawed.find((c) => c.asset === asset)?.amount ?? "0"),
    };
  });
}

export const ledgerFilters = z.object({
  state: z.enum(LEDGER_STATES).optional(),
  source: z.enum(LEDGER_SOURCES).optional(),
  asset: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: "currency.invalid" }).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  partnerId: z.uuid().optional(),
  sortDir: z.enum(["asc", "desc"]).default("desc"),
});
export const ledgerListInput = ledgerFilters.extend({ page: pageInput.page, pageSize: pageInput.pageSize });

function ledgerWhere(input: z.infer<typeof ledgerFilters>): SQL | undefined {
  return and(
    input.partnerId ? eq(ledgerEntries.partnerId, input.partnerId) : undefined,
    input.state ? eq(ledgerEntries.state, input.state) : undefined,
    input.source ? eq(ledgerEntries.source, input.source) : undefined,
    input.asset ? eq(ledgerEntries.asset, input.asset) : undefined,
    input.from ? gte(ledgerEntries.createdAt, new Date(`${input.from}T00:00:00Z`)) : undefined,
    input.to ? lt(ledgerEntries.createdAt, new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY)) : undefined,
  );
}

function ledgerQuery(db: Db, input: z.infer<typeof ledgerFilters>) {
  return db
    .select({
      id: ledgerEntries.id,
      partnerId: ledgerEntries.partnerId,
      partnerName: partners.name,
      asset: ledgerEntries.asset,
      amount: ledgerEntries.amount,
      source: ledgerEntries.source,
      state: ledgerEntries.state,
      availableAt: ledgerEntries.availableAt,
      leadId: ledgerEntries.leadId,
      companyName: leads.companyName,
      campaignName: bonusCampaigns.name,
      campaignNameAr: bonusCampaigns.nameAr,
      tierKey: tiers.key,
      rateBps: ledgerEntries.rateBps,
      flatMinor: ledgerEntries.flatMinor,
      baseAmountMinor: ledgerEntries.baseAmountMinor,
      reversesEntryId: ledgerEntries.reversesEntryId,
      note: ledgerEntries.note,
      createdAt: ledgerEntries.createdAt,
    })
    .from(ledgerEntries)
    .innerJoin(partners, eq(partners.id, ledgerEntries.partnerId))
    .leftJoin(leads, eq(leads.id, ledgerEntries.leadId))
    .leftJoin(bonusCampaigns, eq(bonusCampaigns.id, ledgerEntries.campaignId))
    .leftJoin(tiers, eq(tiers.id, ledgerEntries.tierId))
    .where(ledgerWhere(input))
    .orderBy(
      input.sortDir === "asc" ? asc(ledgerEntries.createdAt) : desc(ledgerEntries.createdAt),
      asc(ledgerEntries.eventKey),
    );
}

/** Ledger entries, newest first, filtered on the server. Partner callers pass their own partnerId. */
export async function listLedger(db: Db, input: z.infer<typeof ledgerListInput>) {
  const [rows, [total]] = await Promise.all([
    ledgerQuery(db, input).limit(input.pageSize).offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(ledgerEntries).where(ledgerWhere(input)),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

/** The ledger export's columns (keys of the `ledger.columns` messages); staff see whose entry it is. */
export function ledgerCsvColumns(withPartner: boolean) {
  return [
    "date",
    ...(withPartner ? (["partner"] as const) : []),
    "source",
    "state",
    "reference",
    "rate",
    "base",
    "amount",
    "currency",
    "availableAt",
  ] as const;
}

/** The filtered ledger as CSV: amounts as exact decimals of their currency, never floats. */
export async function exportLedgerCsv(
  db: Db,
  input: z.infer<typeof ledgerFilters>,
  headers: string[],
  withPartner: boolean,
): Promise<string> {
  const rows = await ledgerQuery(db, input).limit(200_000);
  const decimal = (amount: bigint | null, asset: string) =>
    amount === null ? "" : isCurrencyCode(asset) ? toDecimalString(amount, asset) : amount.toString();
  return toCsv(
    headers,
    rows.map((r) => [
      r.createdAt,
      ...(withPartner ? [r.partnerName] : []),
      r.source,
      r.state,
      r.companyName ?? r.campaignName ?? r.note ?? "",
      r.rateBps ?? "",
      decimal(r.baseAmountMinor, r.asset),
      decimal(r.amount, r.asset),
      r.asset,
      r.availableAt,
    ]),
  );
}

/** Earnings per month (by when they were earned), per asset, for the last `months` months up to the context's "now". */
export async function earningsByMonth(ctx: ServiceCtx, partnerId: string, months = 12) {
  const { db, clock } = ctx;
  const now = clock.now();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const rows = await db
    .select({
      month: sql<string>`to_char(date_trunc('month', ${ledgerEntries.createdAt} at time zone 'UTC'), 'YYYY-MM')`,
      asset: ledgerEntries.asset,
      amount: sql<string>`sum(${ledgerEntries.amount})::text`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.partnerId, partnerId), gte(ledgerEntries.createdAt, start)))
    .groupBy(sql`1`, ledgerEntries.asset);
  const keys = Array.from({ length: months }, (_, i) =>
    new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString().slice(0, 7),
  );
  const assets = [...new Set(rows.map((r) => r.asset))].sort();
  return {
    months: keys,
    assets,
    series: keys.map((month) => ({
      month,
      ...Object.fromEntries(
        assets.map((a) => [a, BigInt(rows.find((r) => r.month === month && r.asset === a)?.amount ?? "0")]),
      ),
    })),
  };
}

/** The figures of a balance, in the order the earnings page and the dashboard show them. */
export const BALANCE_FIGURES = ["pending", "payable", "inPayout", "paid", "clawedBack"] as const;
export type BalanceFigure = (typeof BALANCE_FIGURES)[number];
type Balance = Awaited<ReturnType<typeof balancesOf>>[number];

/**
 * Balances turned around: one entry per figure (pending, payable…), each listing every asset
 * with a non-zero amount. Amounts in different currencies are never added up, and an asset the
 * partner holds nothing of in a figure is left out rather than shown as a misleading zero.
 */
export function balancesByFigure(balances: Balance[]) {
  return BALANCE_FIGURES.map((figure) => ({
    figure,
    amounts: balances
      .filter((b) => b[figure] !== 0n)
      .map((b) => ({ asset: b.asset, amount: b[figure] }))
      .sort((a, b) => a.asset.localeCompare(b.asset)),
  }));
}

/**
 * The pipeline by lead status (in the lifecycle's order, statuses without leads left out): how
 * many leads, and their estimated value summed per currency, each currency on its own.
 */
export function pipelineByStatus(rows: Awaited<ReturnType<typeof pipelineOf>>) {
  return leadStatus.enumValues
    .map((status) => {
      const mine = rows.filter((r) => r.status === status);
      const values = [...new Set(mine.map((r) => r.currency))].sort().map((currency) => ({
        currency,
        value: mine.filter((r) => r.currency === currency).reduce((sum, r) => sum + r.value, 0n),
        count: mine.filter((r) => r.currency === currency).reduce((sum, r) => sum + r.n, 0),
      }));
      return { status, count: mine.reduce((sum, r) => sum + r.n, 0), values };
    })
    .filter((r) => r.count > 0);
}

/** The partner's leads by status, with their estimated value per currency. */
export async function pipelineOf(db: Db, partnerId: string) {
  return db
    .select({
      status: leads.status,
      currency: leads.currency,
      n: count(),
      value: sql<string>`sum(${leads.estimatedValueMinor})::text`,
    })
    .from(leads)
    .where(eq(leads.partnerId, partnerId))
    .groupBy(leads.status, leads.currency)
    .then((rows) => rows.map((r) => ({ ...r, value: BigInt(r.value) })));
}

/** The tier card: where the partner stands, at what rate, and what the next tier still needs (numbers from the won revenue). */
export async function tierProgress(ctx: ServiceCtx, partnerId: string, standing?: TierStanding) {
  const { db } = ctx;
  const [read, history] = await Promise.all([
    standing === undefined ? tierStanding(ctx, partnerId) : standing,
    db
      .select({
        id: tierChanges.id,
        fromTierId: tierChanges.fromTierId,
        toTierId: tierChanges.toTierId,
        cause: tierChanges.cause,
        revenueMinor: tierChanges.revenueMinor,
        currency: tierChanges.currency,
        wonDeals: tierChanges.wonDeals,
        note: tierChanges.note,
        at: tierChanges.at,
      })
      .from(tierChanges)
      .where(eq(tierChanges.partnerId, partnerId))
      .orderBy(desc(tierChanges.at))
      .limit(20),
  ]);
  if (!read) return null;
  const { partner, ranked, plan, numbers, override, certified } = read;
  const current = ranked.find((t) => t.id === partner.tierId)!;
  const rule = (tierId: string) => plan?.tierRules.find((r) => r.tierId === tierId) ?? null;
  const next = ranked.find((t) => t.rank > current.rank && rule(t.id)) ?? null;
  const nextRule = next ? rule(next.id)! : null;
  const keyOf = (id: string | null) => ranked.find((t) => t.id === id)?.key ?? null;
  const currentNeeds = rule(current.id)?.certifications ?? [];
  const nextNeeds = nextRule?.certifications ?? [];
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + CERTIFICATION_RISK_DAYS * DAY);
  const currentCourses = currentNeeds.map((c) => c.courseId);
  const [titles, certifiedSoon, firstExpiry] = await Promise.all([
    courseTitles(db, [...currentCourses, ...nextNeeds.map((c) => c.courseId)]),
    certifiedCounts(db, partnerId, soon, currentCourses),
    soonestExpiries(db, partnerId, now, currentCourses),
  ]);
  const described = (needs: CertificationRequirement[]) =>
    needs.map((c) => ({
      courseId: c.courseId,
      title: titles.get(c.courseId) ?? "",
      needed: c.minPeople,
      have: certified.get(c.courseId) ?? 0,
    }));
  return {
    tierKey: current.key,
    rateBps: rule(current.id)?.rateBps ?? plan?.version.baseRateBps ?? null,
    perks: rule(current.id)?.perks ?? null,
    perksAr: rule(current.id)?.perksAr ?? null,
    numbers,
    override: override ? { tierKey: keyOf(override.tierId), reason: override.reason, endsAt: override.endsAt } : null,
    next:
      next && nextRule
        ? {
            tierKey: next.key,
            rateBps: nextRule.rateBps,
            minRevenueMinor: nextRule.minRevenueMinor,
            minWonDeals: nextRule.minWonDeals,
            missingRevenueMinor:
              nextRule.minRevenueMinor !== null && numbers.revenueMinor < nextRule.minRevenueMinor
                ? nextRule.minRevenueMinor - numbers.revenueMinor
                : 0n,
            missingDeals:
              nextRule.minWonDeals !== null && numbers.wonDeals < nextRule.minWonDeals
                ? nextRule.minWonDeals - numbers.wonDeals
                : 0,
            certifications: described(nextNeeds),
            reached: meets(nextRule, numbers, certified),
          }
        : null,
    /**
     * The current tier's certification requirements: how many are certified now and how many will
     * still be in 30 days; `atRisk` when the requirement is met today but will not be then (a
     * needed certification expires), with the first expiry that threatens it.
     */
    certifications: described(currentNeeds).map((c) => {
      const inWindow = certifiedSoon.get(c.courseId) ?? 0;
      const atRisk = c.have >= c.needed && inWindow < c.needed;
      return { ...c, haveSoon: inWindow, atRisk, expiresAt: atRisk ? (firstExpiry.get(c.courseId) ?? null) : null };
    }),
    history: history.map((h) => ({ ...h, fromTierKey: keyOf(h.fromTierId), toTierKey: keyOf(h.toTierId)! })),
  };
}

/** Campaigns running now that this partner's deals are eligible for (by tier). */
export async function activeCampaignsFor(ctx: ServiceCtx, partnerId: string | null) {
  const { db, clock } = ctx;
  const now = clock.now();
  const rows = await db
    .select()
    .from(bonusCampaigns)
    .where(and(isNull(bonusCampaigns.archivedAt), lte(bonusCampaigns.startsAt, now), gt(bonusCampaigns.endsAt, now)))
    .orderBy(asc(bonusCampaigns.endsAt));
  if (!partnerId) return rows;
  const [partner] = await db.select({ tierId: partners.tierId }).from(partners).where(eq(partners.id, partnerId));
  return rows.filter((c) => c.tierIds.length === 0 || (partner && c.tierIds.includes(partner.tierId)));
}

/** What the program owes, by state and asset, and the partners it owes most to. */
export async function liabilitySummary(db: Db) {
  const [totals, byPartner] = await Promise.all([
    balancesOf(db),
    db
      .select({
        partnerId: ledgerBalances.partnerId,
        partnerName: partners.name,
        asset: ledgerBalances.asset,
        state: ledgerBalances.state,
        amount: ledgerBalances.amount,
      })
      .from(ledgerBalances)
      .innerJoin(partners, eq(partners.id, ledgerBalances.partnerId))
      .where(
        and(inArray(ledgerBalances.state, ["pending", "payable", "in_payout"]), sql`${ledgerBalances.amount} <> 0`),
      )
      .orderBy(desc(ledgerBalances.amount))
      .limit(200),
  ]);
  return { totals, byPartner };
}

export const listAdjustmentsInput = z.object({ ...pageInput, status: z.enum(adjustmentStatus.enumValues).optional() });

export async function listAdjustments(db: Db, input: z.infer<typeof listAdjustmentsInput>) {
  const where = input.status ? eq(commissionAdjustments.status, input.status) : undefined;
  const decider = sql<string | null>`(select name from ${users} u where u.id = ${commissionAdjustments.decidedBy})`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: commissionAdjustments.id,
        partnerId: commissionAdjustments.partnerId,
        partnerName: partners.name,
        asset: commissionAdjustments.asset,
        amount: commissionAdjustments.amount,
        reason: commissionAdjustments.reason,
        status: commissionAdjustments.status,
        proposedBy: commissionAdjustments.proposedBy,
        proposerName: users.name,
        proposedAt: commissionAdjustments.proposedAt,
        deciderName: decider,
        decidedAt: commissionAdjustments.decidedAt,
        decisionNote: commissionAdjustments.decisionNote,
      })
      .from(commissionAdjustments)
      .innerJoin(partners, eq(partners.id, commissionAdjustments.partnerId))
      .leftJoin(users, eq(users.id, commissionAdjustments.proposedBy))
      .where(where)
      .orderBy(input.sortDir === "asc" ? asc(commissionAdjustments.proposedAt) : desc(commissionAdjustments.proposedAt))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(commissionAdjustments).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}
