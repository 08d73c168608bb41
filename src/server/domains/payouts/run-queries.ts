import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  ledgerEntries,
  leads,
  partners,
  payoutDiscrepancies,
  payoutDiscrepancyKind,
  payoutExclusions,
  payoutItems,
  payoutRuns,
  payouts,
  payoutRunStatus,
  users,
} from "@/server/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { isStripeConfigured } from "@/server/integrations/stripe";
import type { PartnerActor, StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { getProgramSettings } from "../program/service";
import { assertFinance } from "./access";
import { platformBalance, type PlatformBalance } from "./balance";
import { assertCutoff, cutoffInput, EXCLUSION_REASONS, previewLines } from "./preview";
import { payoutCountsOf } from "./run-status";
import { findPayout, PAYOUT_STATES } from "./statements";

export const RUN_STATUSES = payoutRunStatus.enumValues;

const creator = alias(users, "creator");
const approver = alias(users, "approver");

export const listRunsInput = z.object({
  status: z.enum(RUN_STATUSES).optional(),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  sortDir: pageInput.sortDir,
});

/** Runs, newest first, with how many payouts each has and how many are settled (for a progress bar). */
export async function listRuns(ctx: ServiceCtx<StaffActor>, rawInput: z.input<typeof listRunsInput>) {
  assertFinance(ctx.actor);
  const input = listRunsInput.parse(rawInput);
  const where = input.status ? eq(payoutRuns.status, input.status) : undefined;
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: payoutRuns.id,
        cutoff: payoutRuns.cutoff,
        status: payoutRuns.status,
        createdVia: payoutRuns.createdVia,
        createdAt: payoutRuns.createdAt,
        approvedAt: payoutRuns.approvedAt,
        finishedAt: payoutRuns.finishedAt,
        payoutCount: sql<number>`(select count(*)::int from ${payouts} p where p.run_id = ${payoutRuns.id})`,
        settledCount: sql<number>`(select count(*)::int from ${payouts} p
          where p.run_id = ${payoutRuns.id} and p.state in ('paid', 'failed', 'reversed'))`,
        createdByName: creator.name,
        approvedByName: approver.name,
        // Per-currency sums as JSON text (one small row per currency), so the list needs no second query.
        totals: sql<string>`(select coalesce(json_agg(json_build_object('currency', t.currency, 'amount', t.amount::text)
          order by t.currency), '[]')::text
          from (select p.currency, sum(p.amount) as amount from ${payouts} p where p.run_id = ${payoutRuns.id}
          group by p.currency) t)`,
      })
      .from(payoutRuns)
      .leftJoin(creator, eq(creator.id, payoutRuns.createdBy))
      .leftJoin(approver, eq(approver.id, payoutRuns.approvedBy))
      .where(where)
      .orderBy(input.sortDir === "asc" ? asc(payoutRuns.createdAt) : desc(payoutRuns.createdAt), desc(payoutRuns.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutRuns)
      .where(where),
  ]);
  const runs = rows.map(({ totals, ...run }) => ({ ...run, totals: totalsFromJson(totals) }));
  return pageOf(runs, counted?.n ?? 0, input.page, input.pageSize);
}

const runTotalsJson = z.array(z.object({ currency: z.string(), amount: z.string() }));

function totalsFromJson(text: string): { currency: string; amount: bigint }[] {
  return runTotalsJson.parse(JSON.parse(text)).map((t) => ({ currency: t.currency, amount: BigInt(t.amount) }));
}

/** One run: who made and approved it, its payouts counted by state, and sums per currency. */
export async function getRun(ctx: ServiceCtx<StaffActor>, runId: string) {
  assertFinance(ctx.actor);
  const [run] = await ctx.db
    .select({ run: payoutRuns, createdByName: creator.name, approvedByName: approver.name })
    .from(payoutRuns)
    .leftJoin(creator, eq(creator.id, payoutRuns.createdBy))
    .leftJoin(approver, eq(approver.id, payoutRuns.approvedBy))
    .where(eq(payoutRuns.id, runId));
  if (!run) throw new NotFoundError("payoutRun.notFound", "runId");
  const [counts, sums, excluded] = await Promise.all([
    payoutCountsOf(ctx.db, runId),
    ctx.db
      .select({
        currency: payouts.currency,
        state: payouts.state,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`sum(${payouts.amount})::text`,
      })
      .from(payouts)
      .where(eq(payouts.runId, runId))
      .groupBy(payouts.currency, payouts.state),
    ctx.db
      .select({
        currency: payoutExclusions.currency,
        reason: payoutExclusions.reason,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`sum(${payoutExclusions.amount})::text`,
      })
      .from(payoutExclusions)
      .where(eq(payoutExclusions.runId, runId))
      .groupBy(payoutExclusions.currency, payoutExclusions.reason),
  ]);
  return {
    ...run.run,
    createdByName: run.createdByName,
    approvedByName: run.approvedByName,
    counts,
    totals: sums.map((s) => ({ ...s, amount: BigInt(s.amount) })),
    exclusions: excluded.map((e) => ({ ...e, amount: BigInt(e.amount) })),
  };
}

export const listRunPayoutsInput = z.object({
  runId: z.uuid(),
  state: z.enum(PAYOUT_STATES).optional(),
  sortBy: z.enum(["amount", "partner"]).default("amount"),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  sortDir: pageInput.sortDir,
});

/** A run's payouts, paged, with their partner. */
export async function listRunPayouts(ctx: ServiceCtx<StaffActor>, rawInput: z.input<typeof listRunPayoutsInput>) {
  assertFinance(ctx.actor);
  const input = listRunPayoutsInput.parse(rawInput);
  const where: SQL | undefined = and(
    eq(payouts.runId, input.runId),
    input.state ? eq(payouts.state, input.state) : undefined,
  );
  const dir = input.sortDir === "asc" ? asc : desc;
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: payouts.id,
        partnerId: payouts.partnerId,
        partnerName: partners.name,
        currency: payouts.currency,
        amount: payouts.amount,
        method: payouts.method,
        state: payouts.state,
        attempts: payouts.attempts,
        failureCode: payouts.failureCode,
        failureMessage: payouts.failureMessage,
        stripeTransferId: payouts.stripeTransferId,
        bankReference: payouts.bankReference,
        paidAt: payouts.paidAt,
      })
      .from(payouts)
      .innerJoin(partners, eq(partners.id, payouts.partnerId))
      .where(where)
      .orderBy(input.sortBy === "partner" ? dir(partners.name) : dir(payouts.amount), asc(payouts.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payouts)
      .where(where),
  ]);
  return pageOf(rows, counted?.n ?? 0, input.page, input.pageSize);
}

export const listRunExclusionsInput = z.object({
  runId: z.uuid(),
  reason: z.enum(EXCLUSION_REASONS).optional(),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  sortDir: pageInput.sortDir,
});

/** Who a run left out and why, paged, largest amounts first. */
export async function listRunExclusions(ctx: ServiceCtx<StaffActor>, rawInput: z.input<typeof listRunExclusionsInput>) {
  assertFinance(ctx.actor);
  const input = listRunExclusionsInput.parse(rawInput);
  const where: SQL | undefined = and(
    eq(payoutExclusions.runId, input.runId),
    input.reason ? eq(payoutExclusions.reason, input.reason) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        partnerId: payoutExclusions.partnerId,
        partnerName: partners.name,
        currency: payoutExclusions.currency,
        reason: payoutExclusions.reason,
        amount: payoutExclusions.amount,
      })
      .from(payoutExclusions)
      .innerJoin(partners, eq(partners.id, payoutExclusions.partnerId))
      .where(where)
      .orderBy(
        input.sortDir === "asc" ? asc(payoutExclusions.amount) : desc(payoutExclusions.amount),
        asc(payoutExclusions.id),
      )
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutExclusions)
      .where(where),
  ]);
  return pageOf(rows, counted?.n ?? 0, input.page, input.pageSize);
}

// ---- the run page's extras: why it stopped, what reconciliation found, what finance pays by hand ----

/** What the executor leaves in halt_detail: per currency, needed and available, as minor units in text. */
const haltDetailShape = z.record(
  z.string(),
  z.object({ needed: z.string().regex(/^-?\d+$/), available: z.string().regex(/^-?\d+$/) }),
);

export interface RunHalt {
  code: string;
  at: Date | null;
  /** Per currency, what the run needed beside what the platform had (empty when the detail is unreadable). */
  balances: { currency: string; needed: bigint; available: bigint }[];
}

/** Why an approved run stopped before its first transfer, read defensively (the detail is JSON). */
export function haltOf(run: Pick<typeof payoutRuns.$inferSelect, "haltCode" | "haltDetail" | "haltedAt">) {
  if (!run.haltCode) return null;
  const parsed = haltDetailShape.safeParse(run.haltDetail);
  const balances = parsed.success
    ? Object.entries(parsed.data)
        .map(([currency, b]) => ({ currency, needed: BigInt(b.needed), available: BigInt(b.available) }))
        .sort((a, b) => a.currency.localeCompare(b.currency))
    : [];
  return { code: run.haltCode, at: run.haltedAt, balances } satisfies RunHalt;
}

/**
 * The run page in one read: the run (as `getRun`), the halt reason, how many discrepancies are
 * open, and how many payouts finance may still settle by hand (bank ones; Stripe ones while
 * queued when Stripe is not configured), which decide the bank file and "mark paid" buttons.
 */
export async function runDetail(ctx: ServiceCtx<StaffActor>, runId: string) {
  const run = await getRun(ctx, runId);
  const [[discrepancies], [byHand]] = await Promise.all([
    ctx.db
      .select({
        total: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${payoutDiscrepancies.resolvedAt} is null))::int`,
      })
      .from(payoutDiscrepancies)
      .where(eq(payoutDiscrepancies.runId, runId)),
    ctx.db
      .select({
        bankToPay: sql<number>`(count(*) filter (where ${payouts.method} = 'bank'
          and ${payouts.state} in ('queued', 'processing')))::int`,
        stripeQueued: sql<number>`(count(*) filter (where ${payouts.method} = 'stripe'
          and ${payouts.state} = 'queued'))::int`,
      })
      .from(payouts)
      .where(eq(payouts.runId, runId)),
  ]);
  const { haltCode: _code, haltDetail: _detail, haltedAt: _at, ...rest } = run;
  return {
    ...rest,
    halt: haltOf(run),
    discrepancies: { total: discrepancies?.total ?? 0, open: discrepancies?.open ?? 0 },
    bankToPay: byHand?.bankToPay ?? 0,
    stripeQueued: byHand?.stripeQueued ?? 0,
    stripeConfigured: isStripeConfigured(),
  };
}

export const DISCREPANCY_KINDS = payoutDiscrepancyKind.enumValues;

export const listRunDiscrepanciesInput = z.object({
  runId: z.uuid(),
  /** open: not resolved yet (the default view); all: every one reconciliation recorded. */
  show: z.enum(["open", "all"]).default("open"),
  kind: z.enum(DISCREPANCY_KINDS).optional(),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  sortDir: pageInput.sortDir,
});

/** What reconciliation could not match for a run, with the payout and partner where there is one. */
export async function listRunDiscrepancies(
  ctx: ServiceCtx<StaffActor>,
  rawInput: z.input<typeof listRunDiscrepanciesInput>,
) {
  assertFinance(ctx.actor);
  const input = listRunDiscrepanciesInput.parse(rawInput);
  const where: SQL | undefined = and(
    eq(payoutDiscrepancies.runId, input.runId),
    input.show === "open" ? isNull(payoutDiscrepancies.resolvedAt) : undefined,
    input.kind ? eq(payoutDiscrepancies.kind, input.kind) : undefined,
  );
  const dir = input.sortDir === "asc" ? asc : desc;
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: payoutDiscrepancies.id,
        kind: payoutDiscrepancies.kind,
        stripeTransferId: payoutDiscrepancies.stripeTransferId,
        payoutId: payoutDiscrepancies.payoutId,
        partnerName: partners.name,
        amount: payoutDiscrepancies.amount,
        currency: payoutDiscrepancies.currency,
        expectedAmount: payoutDiscrepancies.expectedAmount,
        expectedCurrency: payoutDiscrepancies.expectedCurrency,
        resolvedAt: payoutDiscrepancies.resolvedAt,
        createdAt: payoutDiscrepancies.createdAt,
      })
      .from(payoutDiscrepancies)
      .leftJoin(payouts, eq(payouts.id, payoutDiscrepancies.payoutId))
      .leftJoin(partners, eq(partners.id, payouts.partnerId))
      .where(where)
      .orderBy(dir(payoutDiscrepancies.createdAt), asc(payoutDiscrepancies.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutDiscrepancies)
      .where(where),
  ]);
  return pageOf(rows, counted?.n ?? 0, input.page, input.pageSize);
}

// ---- the preview's funding: what Stripe must send beside what the platform holds ----

export type BalanceState =
  { state: "not_configured" } | { state: "unavailable" } | { state: "available"; available: PlatformBalance };

/** The platform balance, or why there is none; Stripe being down must not take the preview with it. */
export async function balanceState(): Promise<BalanceState> {
  try {
    const available = await platformBalance();
    return available ? { state: "available", available } : { state: "not_configured" };
  } catch (error) {
    console.error("[payouts] platform balance", error);
    return { state: "unavailable" };
  }
}

export const previewFundingInput = z.object({ cutoff: cutoffInput });

/**
 * Per currency, what a run with this cut-off would send through Stripe and by bank, beside the
 * platform's available balance (bank payouts do not draw on it), and what is short.
 */
export async function previewFunding(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof previewFundingInput>) {
  assertFinance(ctx.actor);
  assertCutoff(input.cutoff, ctx.clock.now());
  const program = await getProgramSettings(ctx.db);
  const { sums, lines } = previewLines(ctx.db, input.cutoff, program);
  const [grouped, balance] = await Promise.all([
    ctx.db
      .with(sums, lines)
      .select({
        currency: lines.currency,
        method: lines.method,
        amount: sql<string>`sum(${lines.amount})::text`,
        count: sql<number>`count(*)::int`,
      })
      .from(lines)
      .where(isNull(lines.reason))
      .groupBy(lines.currency, lines.method),
    balanceState(),
  ]);
  const byCurrency = new Map<
    string,
    { currency: string; stripe: bigint; stripeCount: number; bank: bigint; bankCount: number }
  >();
  for (const row of grouped) {
    const entry = byCurrency.get(row.currency) ?? {
      currency: row.currency,
      stripe: 0n,
      stripeCount: 0,
      bank: 0n,
      bankCount: 0,
    };
    if (row.method === "bank") {
      entry.bank += BigInt(row.amount);
      entry.bankCount += row.count;
    } else {
      entry.stripe += BigInt(row.amount);
      entry.stripeCount += row.count;
    }
    byCurrency.set(row.currency, entry);
  }
  const available = balance.state === "available" ? balance.available : null;
  const currencies = [...byCurrency.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map((c) => {
      const have = available ? (available[c.currency] ?? 0n) : null;
      return { ...c, available: have, short: have !== null && have < c.stripe ? c.stripe - have : 0n };
    });
  return { balance: balance.state, currencies };
}

// ---- one payout with a page of the commissions it pays (the statement on screen) ----

export const payoutDetailInput = z.object({
  payoutId: z.uuid(),
  sortBy: z.enum(["earnedAt", "amount"]).default("earnedAt"),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
  sortDir: z.enum(["asc", "desc"]).default("asc"),
});

/**
 * A payout and one page of its commissions. A partner sees only their own organization's payouts
 * (another's is "not found", as in `payoutStatement`); finance sees any.
 */
export async function payoutDetail(
  ctx: ServiceCtx<PartnerActor | StaffActor>,
  rawInput: z.input<typeof payoutDetailInput>,
) {
  const { db, actor } = ctx;
  if (actor.kind === "staff") assertFinance(actor);
  const input = payoutDetailInput.parse(rawInput);
  const head = await findPayout(ctx, input.payoutId);
  const dir = input.sortDir === "asc" ? asc : desc;
  const where = eq(payoutItems.payoutId, head.id);
  const [items, [counted]] = await Promise.all([
    db
      .select({
        entryId: ledgerEntries.id,
        source: ledgerEntries.source,
        leadId: ledgerEntries.leadId,
        companyName: leads.companyName,
        note: ledgerEntries.note,
        amount: payoutItems.amount,
        earnedAt: ledgerEntries.createdAt,
        availableAt: ledgerEntries.availableAt,
        released: sql<boolean>`${isNotNull(payoutItems.releasedAt)}`,
      })
      .from(payoutItems)
      .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutItems.ledgerEntryId))
      .leftJoin(leads, eq(leads.id, ledgerEntries.leadId))
      .where(where)
      .orderBy(
        input.sortBy === "amount" ? dir(payoutItems.amount) : dir(ledgerEntries.createdAt),
        asc(ledgerEntries.id),
      )
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutItems)
      .where(where),
  ]);
  return { payout: head, items: pageOf(items, counted?.n ?? 0, input.page, input.pageSize) };
}
