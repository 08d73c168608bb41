import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { partners, payoutExclusions, payoutRuns, payouts, payoutRunStatus, users } from "@/server/db/schema";
import { alias } from "drizzle-orm/pg-core";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { assertFinance } from "./access";
import { EXCLUSION_REASONS } from "./preview";
import { payoutCountsOf } from "./run-status";
import { PAYOUT_STATES } from "./statements";

export const RUN_STATUSES = payoutRunStatus.enumValues;

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
      })
      .from(payoutRuns)
      .where(where)
      .orderBy(input.sortDir === "asc" ? asc(payoutRuns.createdAt) : desc(payoutRuns.createdAt), desc(payoutRuns.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutRuns)
      .where(where),
  ]);
  return pageOf(rows, counted?.n ?? 0, input.page, input.pageSize);
}

const creator = alias(users, "creator");
const approver = alias(users, "approver");

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
