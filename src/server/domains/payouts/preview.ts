import { and, asc, desc, eq, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { DAY } from "@/lib/clock";
import { ledgerEntries, partners, payoutAccounts, payoutExclusionReason } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { InvalidError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { getProgramSettings, type ProgramSettings } from "../program/service";
import { assertFinance } from "./access";

export type ExclusionReason = (typeof payoutExclusionReason.enumValues)[number];
export const EXCLUSION_REASONS = payoutExclusionReason.enumValues;

export const cutoffInput = z.iso.date();

/** Entries payable by the end of the cut-off day (UTC) are in: the first instant not included. */
export function cutoffEnd(cutoff: string): Date {
  return new Date(new Date(`${cutoff}T00:00:00Z`).getTime() + DAY);
}

/** A cut-off later than today would promise what is not payable yet. */
export function assertCutoff(cutoff: string, now: Date): void {
  const parsed = new Date(`${cutoff}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) throw new InvalidError("payoutRun.cutoffInvalid", "cutoff");
  if (parsed.getTime() > now.getTime()) throw new InvalidError("payoutRun.cutoffInFuture", "cutoff");
}

/**
 * The preview as SQL: payable money entries up to the cut-off summed per partner and currency
 * (one GROUP BY over the release index), each line with the method it would be paid by and the
 * reason it is not, in this order: suspended, nothing to pay (clawbacks netting to zero or less
 * are carried to the next run), not onboarded, tax details missing, below the program minimum
 * (which is in the program currency, so it binds that currency only). Entries already in a live
 * payout are in_payout or paid, never payable, so the state alone keeps them out.
 *
 * Returned as common table expressions so the preview page, its totals and the run's freeze read
 * the very same lines.
 */
export function previewLines(db: Db, cutoff: string, program: ProgramSettings) {
  const sums = db.$with("payable_sums").as(
    db
      .select({
        partnerId: ledgerEntries.partnerId,
        currency: sql<string>`${ledgerEntries.asset}`.as("payable_currency"),
        amount: sql<string>`sum(${ledgerEntries.amount})`.as("payable_amount"),
        entryCount: sql<number>`count(*)::int`.as("payable_entries"),
      })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.state, "payable"),
          lt(ledgerEntries.availableAt, cutoffEnd(cutoff)),
          // Money only: the points ledger shares the table under the asset "points".
          sql`${ledgerEntries.asset} ~ '^[A-Z]{3}$'`,
        ),
      )
      .groupBy(ledgerEntries.partnerId, ledgerEntries.asset),
  );
  const bankReady = sql`(${payoutAccounts.method} = 'bank' and ${program.bankPayoutsAllowed}::boolean
    and ${payoutAccounts.bankAccountHolder} is not null)`;
  const stripeReady = sql`(${payoutAccounts.stripeAccountId} is not null and ${payoutAccounts.onboardingState} = 'enabled')`;
  const method = sql`case when ${bankReady} then 'bank' when ${stripeReady} then 'stripe' end`;
  const taxMissing = sql`(${payoutAccounts.taxFormType} is null or ${payoutAccounts.taxId} is null)`;
  const lines = db.$with("preview_lines").as(
    db
      .select({
        partnerId: sums.partnerId,
        partnerName: sql<string>`${partners.name}`.as("partner_name"),
        currency: sums.currency,
        amount: sums.amount,
        entryCount: sums.entryCount,
        method: sql<"stripe" | "bank" | null>`${method}::payout_method`.as("method"),
        reason: sql<ExclusionReason | null>`(case
          when ${partners.status} <> 'active' then 'suspended'
          when ${sums.amount} <= 0 then 'negative_balance'
          when ${method} is null then 'not_onboarded'
          when ${program.taxDetailsRequired}::boolean and ${taxMissing} then 'tax_missing'
          when ${sums.currency} = ${program.currency} and ${sums.amount} < ${program.minimumPayoutMinor.toString()}::bigint then 'below_minimum'
        end)::payout_exclusion_reason`.as("reason"),
      })
      .from(sums)
      .innerJoin(partners, eq(partners.id, sums.partnerId))
      .leftJoin(payoutAccounts, eq(payoutAccounts.partnerId, sums.partnerId)),
  );
  return { sums, lines };
}

export const previewRunInput = z.object({
  cutoff: cutoffInput,
  /** included: would be paid; excluded: left out (optionally for one reason). */
  show: z.enum(["all", "included", "excluded"]).default("all"),
  reason: z.enum(EXCLUSION_REASONS).optional(),
  currency: z.string().trim().toUpperCase().length(3).optional(),
  sortBy: z.enum(["amount", "partner"]).default("amount"),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  sortDir: pageInput.sortDir,
});
export type PreviewRunInput = z.input<typeof previewRunInput>;

export interface CurrencyTotals {
  currency: string;
  /** What the run would pay, and to how many partner lines. */
  includedAmount: bigint;
  includedCount: number;
  /** What stays payable, by reason. */
  excluded: { reason: ExclusionReason; amount: bigint; count: number }[];
}

/** Per-currency totals from grouped rows (one row per currency and reason; reason null = paid). */
export function totalsOf(rows: { currency: string; reason: ExclusionReason | null; amount: string; count: number }[]) {
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const row of rows) {
    const totals = byCurrency.get(row.currency) ?? {
      currency: row.currency,
      includedAmount: 0n,
      includedCount: 0,
      excluded: [],
    };
    if (row.reason === null) {
      totals.includedAmount += BigInt(row.amount);
      totals.includedCount += row.count;
    } else totals.excluded.push({ reason: row.reason, amount: BigInt(row.amount), count: row.count });
    byCurrency.set(row.currency, totals);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * Who a run with this cut-off would pay, how much, and who it would leave out and why: a pure
 * read of two set-based queries (one page of partner lines, and the totals per currency), so it
 * stays fast at ten thousand partners.
 */
export async function previewRun(ctx: ServiceCtx<StaffActor>, rawInput: PreviewRunInput) {
  assertFinance(ctx.actor);
  const input = previewRunInput.parse(rawInput);
  assertCutoff(input.cutoff, ctx.clock.now());
  const program = await getProgramSettings(ctx.db);
  const { sums, lines } = previewLines(ctx.db, input.cutoff, program);
  const where: SQL | undefined = and(
    input.show === "included" ? isNull(lines.reason) : undefined,
    input.show === "excluded" ? isNotNull(lines.reason) : undefined,
    input.reason ? eq(lines.reason, input.reason) : undefined,
    input.currency ? eq(lines.currency, input.currency) : undefined,
  );
  const dir = input.sortDir === "asc" ? asc : desc;
  const order =
    input.sortBy === "partner"
      ? [dir(lines.partnerName), asc(lines.partnerId), asc(lines.currency)]
      : [dir(sql`${lines.amount}`), asc(lines.partnerId), asc(lines.currency)];
  const [page, grouped] = await Promise.all([
    ctx.db
      .with(sums, lines)
      .select({
        partnerId: lines.partnerId,
        partnerName: lines.partnerName,
        currency: lines.currency,
        // Its own name: a bare ORDER BY "payable_amount" would otherwise sort this text copy.
        amount: sql<string>`${lines.amount}::text`.as("amount_text"),
        entryCount: lines.entryCount,
        method: lines.method,
        reason: lines.reason,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(lines)
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .with(sums, lines)
      .select({
        currency: lines.currency,
        reason: lines.reason,
        amount: sql<string>`sum(${lines.amount})::text`,
        count: sql<number>`count(*)::int`,
      })
      .from(lines)
      .groupBy(lines.currency, lines.reason),
  ]);
  const rows = page.map(({ total: _total, amount, ...line }) => ({ ...line, amount: BigInt(amount) }));
  // The window count rides on every row of the page; past the last page, count the filter on its own.
  const total =
    page[0]?.total ??
    (
      await ctx.db
        .with(sums, lines)
        .select({ n: sql<number>`count(*)::int` })
        .from(lines)
        .where(where)
    )[0]!.n;
  return {
    cutoff: input.cutoff,
    lines: pageOf(rows, total, input.page, input.pageSize),
    totals: totalsOf(grouped),
  };
}
