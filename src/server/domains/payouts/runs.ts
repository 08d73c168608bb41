import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { isoDay } from "@/lib/clock";
import { ledgerEntries, payoutExclusions, payoutItems, payoutRuns, payouts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor, SystemActor } from "../actor";
import { audit, type AuditActor } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { getProgramSettings } from "../program/service";
import { assertFinance } from "./access";
import { assertCutoff, cutoffEnd, cutoffInput, previewLines } from "./preview";
import { assertPayoutsBalanced, lockPayableLedger, moveRunEntries } from "./run-ledger";
import { refreshRunStatus } from "./run-status";

export type PayoutRun = typeof payoutRuns.$inferSelect;

export async function lockRun(tx: Db, runId: string): Promise<PayoutRun> {
  const [run] = await tx.select().from(payoutRuns).where(eq(payoutRuns.id, runId)).for("update");
  if (!run) throw new NotFoundError("payoutRun.notFound", "runId");
  return run;
}

interface RunSpec {
  cutoff: string;
  createdBy: string | null;
  createdVia: "manual" | "schedule";
  period: string | null;
}

/**
 * Freezes the preview into a run: its payouts, the ledger entries each pays, and who was left out
 * and why; the included entries move payable → in_payout. Payouts, exclusions and items are
 * written by one statement, so they read one snapshot of the ledger: each payout's items are
 * exactly the entries its amount summed, whatever is released or posted meanwhile.
 */
async function freezeRun(tx: Db, actor: AuditActor, now: Date, spec: RunSpec): Promise<PayoutRun> {
  await lockPayableLedger(tx);
  const program = await getProgramSettings(tx);
  const [run] = await tx
    .insert(payoutRuns)
    .values({ ...spec, createdAt: now, updatedAt: now })
    .returning();
  const { sums, lines } = previewLines(tx, spec.cutoff, program);
  const included = tx
    .with(sums, lines)
    .select({
      runId: sql`${run!.id}::uuid`.as("run_id"),
      partnerId: lines.partnerId,
      currency: lines.currency,
      amount: sql`${lines.amount}::bigint`.as("amount"),
      method: lines.method,
      createdAt: sql`${now.toISOString()}::timestamptz`.as("created_at"),
    })
    .from(lines)
    .where(isNull(lines.reason));
  const excluded = tx
    .with(sums, lines)
    .select({
      runId: sql`${run!.id}::uuid`.as("run_id"),
      partnerId: lines.partnerId,
      currency: lines.currency,
      reason: lines.reason,
      amount: sql`${lines.amount}::bigint`.as("amount"),
      createdAt: sql`${now.toISOString()}::timestamptz`.as("created_at"),
    })
    .from(lines)
    .where(isNotNull(lines.reason));
  await tx.execute(sql`
    with new_payouts as (
      insert into payouts (run_id, partner_id, currency, amount, method, created_at, updated_at)
      select run_id, partner_id, payable_currency, amount, method, created_at, created_at from (${included.getSQL()}) l
      returning id, partner_id, currency
    ),
    new_exclusions as (
      insert into payout_exclusions (run_id, partner_id, currency, reason, amount, created_at)
      select run_id, partner_id, payable_currency, reason, amount, created_at from (${excluded.getSQL()}) x
      returning id
    )
    insert into payout_items (payout_id, ledger_entry_id, amount)
    select np.id, e.id, e.amount
    from ${ledgerEntries} e join new_payouts np on np.partner_id = e.partner_id and np.currency = e.asset
    where e.state = 'payable' and e.available_at < ${cutoffEnd(spec.cutoff).toISOString()}::timestamptz`);
  // The planner has no statistics for rows this transaction just wrote; without them it joins a
  // large run's items by nested loops (minutes at bench scale instead of seconds).
  await tx.execute(sql`analyze payout_items, payouts`);
  await moveRunEntries(tx, { runId: run!.id }, "payable", "in_payout", now);
  await assertPayoutsBalanced(tx, { runId: run!.id }, "in_payout");
  const summary = await runSummary(tx, run!.id);
  await audit(
    tx,
    actor,
    { action: "payoutRun.created", entityType: "payout_run", entityId: run!.id, after: { ...run, ...summary } },
    now,
  );
  return run!;
}

/** A run's audit entry: what changed, as it was and is. */
function auditRun(
  tx: Db,
  actor: AuditActor,
  action: string,
  runId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  at: Date,
) {
  return audit(tx, actor, { action, entityType: "payout_run", entityId: runId, before, after }, at);
}

/** Counts and sums a run was frozen with, for its audit entry. */
async function runSummary(tx: Db, runId: string) {
  const [paid, left] = await Promise.all([
    tx
      .select({
        currency: payouts.currency,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`sum(${payouts.amount})::text`,
      })
      .from(payouts)
      .where(eq(payouts.runId, runId))
      .groupBy(payouts.currency),
    tx
      .select({ reason: payoutExclusions.reason, count: sql<number>`count(*)::int` })
      .from(payoutExclusions)
      .where(eq(payoutExclusions.runId, runId))
      .groupBy(payoutExclusions.reason),
  ]);
  return { payouts: paid, exclusions: left };
}

export const createRunInput = z.object({ cutoff: cutoffInput });

/** Finance creates a draft run from the preview as it stands now. */
export async function createRun(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof createRunInput>) {
  const { actor, clock } = ctx;
  assertFinance(actor);
  assertCutoff(input.cutoff, clock.now());
  return withTransaction(ctx, (tx) =>
    freezeRun(tx, actor, clock.now(), {
      cutoff: input.cutoff,
      createdBy: actor.userId,
      createdVia: "manual",
      period: null,
    }),
  );
}

export const runIdInput = z.object({ runId: z.uuid() });

/**
 * A second finance person (or an admin) approves a draft; the creator may not. A run that pays
 * nobody is complete as soon as it is approved.
 */
export async function approveRun(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof runIdInput>) {
  const { actor, clock } = ctx;
  assertFinance(actor);
  return withTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.status !== "draft") throw new ConflictError("payoutRun.notDraft", "runId");
    if (run.createdBy === actor.userId) throw new ForbiddenError("payoutRun.ownRun");
    const now = clock.now();
    await tx
      .update(payoutRuns)
      .set({ status: "approved", approvedBy: actor.userId, approvedAt: now, updatedAt: now })
      .where(eq(payoutRuns.id, run.id));
    const after = await refreshRunStatus(tx, run.id, now);
    await auditRun(tx, actor, "payoutRun.approved", run.id, { status: run.status }, { status: after.status }, now);
    return after;
  });
}

/** Finance cancels a draft: its payouts are cancelled and their commissions are payable again. */
export async function cancelRun(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof runIdInput>) {
  const { actor, clock } = ctx;
  assertFinance(actor);
  return withTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.status !== "draft") throw new ConflictError("payoutRun.notDraft", "runId");
    const now = clock.now();
    await moveRunEntries(tx, { runId: run.id }, "in_payout", "payable", now);
    await tx
      .update(payoutItems)
      .set({ releasedAt: now })
      .where(
        and(
          isNull(payoutItems.releasedAt),
          sql`${payoutItems.payoutId} in (select id from payouts where run_id = ${run.id})`,
        ),
      );
    await tx.update(payouts).set({ state: "cancelled", updatedAt: now }).where(eq(payouts.runId, run.id));
    const [after] = await tx
      .update(payoutRuns)
      .set({ status: "cancelled", cancelledBy: actor.userId, cancelledAt: now, updatedAt: now })
      .where(eq(payoutRuns.id, run.id))
      .returning();
    await auditRun(tx, actor, "payoutRun.cancelled", run.id, { status: run.status }, { status: "cancelled" }, now);
    return after!;
  });
}

/**
 * The monthly schedule (a job, daily): on the program's payout day, a draft run for this month
 * with today as its cut-off, unless the month has one already (so the job may run any number of
 * times). Returns the run made, or null.
 */
export async function createScheduledRun(ctx: ServiceCtx<SystemActor>): Promise<PayoutRun | null> {
  const { actor, clock } = ctx;
  const now = clock.now();
  return withTransaction(ctx, async (tx) => {
    const program = await getProgramSettings(tx);
    if (program.payoutSchedule !== "monthly" || program.payoutDayOfMonth !== now.getUTCDate()) return null;
    const period = isoDay(now).slice(0, 7);
    // The ledger lock also serializes two schedulers: the second sees the first's run.
    await lockPayableLedger(tx);
    const [existing] = await tx
      .select({ id: payoutRuns.id })
      .from(payoutRuns)
      .where(and(eq(payoutRuns.createdVia, "schedule"), eq(payoutRuns.period, period)));
    if (existing) return null;
    return freezeRun(tx, actor, now, { cutoff: isoDay(now), createdBy: null, createdVia: "schedule", period });
  });
}

/** The executor starts an approved run. */
export async function markRunExecuting(ctx: ServiceCtx<StaffActor | SystemActor>, input: z.infer<typeof runIdInput>) {
  const { actor, clock } = ctx;
  if (actor.kind === "staff") assertFinance(actor);
  return withTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.status === "executing") return run;
    if (run.status !== "approved") throw new ConflictError("payoutRun.notApproved", "runId");
    const [after] = await tx
      .update(payoutRuns)
      .set({ status: "executing", updatedAt: clock.now() })
      .where(eq(payoutRuns.id, run.id))
      .returning();
    await auditRun(
      tx,
      actor,
      "payoutRun.executing",
      run.id,
      { status: run.status },
      { status: "executing" },
      clock.now(),
    );
    return after!;
  });
}

/**
 * Finance asks again for a run the executor stopped (the platform balance was short): the stop is
 * cleared and the executor checks the balance afresh before sending anything.
 */
export async function resumeHaltedRun(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof runIdInput>) {
  const { actor, clock } = ctx;
  assertFinance(actor);
  return withTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.status !== "approved" && run.status !== "executing")
      throw new ConflictError("payoutRun.notApproved", "runId");
    if (!run.haltCode) return run;
    const now = clock.now();
    const [after] = await tx
      .update(payoutRuns)
      .set({ haltCode: null, haltDetail: null, haltedAt: null, updatedAt: now })
      .where(eq(payoutRuns.id, run.id))
      .returning();
    await auditRun(
      tx,
      actor,
      "payoutRun.resumed",
      run.id,
      { haltCode: run.haltCode, haltDetail: run.haltDetail },
      { haltCode: null },
      now,
    );
    return after!;
  });
}
