import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { payoutItems, payouts, payoutRuns } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { assertFinance, assertOperator, type PayoutOperator } from "./access";
import { queuePayoutEmail } from "./notify";
import { assertPayoutsBalanced, lockPayableLedger, moveRunEntries } from "./run-ledger";
import { refreshRunStatus, type PayoutState } from "./run-status";
import { lockRun } from "./runs";

export type Payout = typeof payouts.$inferSelect;

/** Runs whose payouts may move: approved and later, never a draft or a cancelled run. */
const LIVE_RUN = new Set(["approved", "executing", "completed", "partly_failed"]);

/**
 * How a transition holds its run. `run`: locks the run, then the payout (always in that order, as
 * cancelling a run does), and brings the run's status up to date in the same transaction.
 * `payout` (the executor's many small steps): locks the payout alone, so payouts of one run move
 * in parallel; the executor brings the run's status up to date itself after its pass. Safe
 * because an approved run never goes back to draft or cancelled, the only states a run lock
 * guards against.
 */
export type LockScope = "run" | "payout";

async function lockPayout(tx: Db, payoutId: string, scope: LockScope): Promise<Payout> {
  const [ref] = await tx.select({ runId: payouts.runId }).from(payouts).where(eq(payouts.id, payoutId));
  if (!ref) throw new NotFoundError("payout.notFound", "payoutId");
  const run =
    scope === "run"
      ? await lockRun(tx, ref.runId)
      : (await tx.select({ status: payoutRuns.status }).from(payoutRuns).where(eq(payoutRuns.id, ref.runId)))[0]!;
  if (!LIVE_RUN.has(run.status)) throw new ConflictError("payoutRun.notApproved", "payoutId");
  const [payout] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).for("update");
  return payout!;
}

/** After the executor's pass: the run's status from its payouts, under the run's lock. */
export async function settleRunStatus(ctx: ServiceCtx<PayoutOperator>, runId: string) {
  return withTransaction(ctx, async (tx) => {
    await lockRun(tx, runId);
    return refreshRunStatus(tx, runId, ctx.clock.now());
  });
}

/** Items of a payout go back to being history (its entries are payable again). */
async function releaseItems(tx: Db, payoutId: string, at: Date): Promise<void> {
  await tx
    .update(payoutItems)
    .set({ releasedAt: at })
    .where(and(eq(payoutItems.payoutId, payoutId), isNull(payoutItems.releasedAt)));
}

const NOTICE_OF: Partial<Record<PayoutState, "sent" | "failed">> = {
  paid: "sent",
  failed: "failed",
  reversed: "failed",
};

type Transition = (tx: Db, payout: Payout, now: Date) => Promise<Partial<Payout> | null>;

/**
 * One payout's move, in one transaction: lock, the step's own rule (null = already there, a
 * replay changes nothing), the row, the run's status, the audit entry.
 */
async function transition(
  ctx: ServiceCtx<PayoutOperator>,
  payoutId: string,
  action: string,
  step: Transition,
  scope: LockScope = "run",
): Promise<Payout> {
  const { actor, clock } = ctx;
  assertOperator(actor);
  return withTransaction(ctx, async (tx) => {
    const before = await lockPayout(tx, payoutId, scope);
    const now = clock.now();
    const change = await step(tx, before, now);
    if (change === null) return before;
    const [after] = await tx
      .update(payouts)
      .set({ ...change, updatedAt: now })
      .where(eq(payouts.id, payoutId))
      .returning();
    if (scope === "run") await refreshRunStatus(tx, before.runId, now);
    // The partner hears when money is sent, and when it failed or came back (with what to do).
    const notice = NOTICE_OF[change.state ?? before.state];
    if (notice && change.state) await queuePayoutEmail(tx, after!, notice, now);
    await audit(
      tx,
      actor,
      {
        action,
        entityType: "payout",
        entityId: payoutId,
        before: { state: before.state, attempts: before.attempts },
        after: { ...change },
      },
      now,
    );
    return after!;
  });
}

function refuse(payout: Payout, allowed: PayoutState[]): void {
  if (!allowed.includes(payout.state)) throw new ConflictError(`payout.not${cap(allowed[0]!)}`, "payoutId");
}

function cap(state: string): string {
  return state.charAt(0).toUpperCase() + state.slice(1);
}

export const payoutIdInput = z.object({ payoutId: z.uuid() });

/** The executor takes a queued payout (one more attempt, whose idempotency key it derives from the id and this count). */
export function markProcessing(
  ctx: ServiceCtx<PayoutOperator>,
  payoutId: string,
  scope: LockScope = "run",
): Promise<Payout> {
  return transition(
    ctx,
    payoutId,
    "payout.processing",
    async (_tx, payout) => {
      if (payout.state === "processing") return null;
      refuse(payout, ["queued"]);
      return { state: "processing", attempts: payout.attempts + 1 };
    },
    scope,
  );
}

export interface PaidDetails {
  transferId?: string | null;
  reference?: string | null;
  at: Date;
}

/** Paying moves the payout's entries in_payout → paid; a replay of the same payment changes nothing. */
function paidStep(details: PaidDetails, manual: boolean): Transition {
  return async (tx, payout, now) => {
    if (payout.state === "paid") {
      // A replay (the same webhook twice) changes nothing; a different transfer is a real conflict.
      if (details.transferId && payout.stripeTransferId && details.transferId !== payout.stripeTransferId)
        throw new ConflictError("payout.alreadyPaid", "payoutId");
      return null;
    }
    // By hand, a Stripe payout only before the executor took it: a transfer may be on its way.
    if (manual && payout.method === "stripe" && payout.state === "processing")
      throw new ConflictError("payout.inFlight", "payoutId");
    refuse(payout, ["queued", "processing"]);
    await moveRunEntries(tx, { payoutId: payout.id }, "in_payout", "paid", now);
    await assertPayoutsBalanced(tx, { payoutId: payout.id }, "paid");
    return {
      state: "paid",
      paidAt: details.at,
      stripeTransferId: details.transferId ?? payout.stripeTransferId,
      bankReference: details.reference ?? payout.bankReference,
      failureCode: null,
      failureMessage: null,
    };
  };
}

/** The money arrived (a Stripe transfer, or a bank payment): its commissions are paid. */
export function markPaid(
  ctx: ServiceCtx<PayoutOperator>,
  payoutId: string,
  details: PaidDetails,
  scope: LockScope = "run",
): Promise<Payout> {
  return transition(ctx, payoutId, "payout.paid", paidStep(details, false), scope);
}

export interface FailureDetails {
  code: string;
  message: string;
}

/** The payment failed: its commissions are payable again (the next run, or a retry, takes them). */
export function markFailed(
  ctx: ServiceCtx<PayoutOperator>,
  payoutId: string,
  failure: FailureDetails,
  scope: LockScope = "run",
) {
  return transition(
    ctx,
    payoutId,
    "payout.failed",
    async (tx, payout, now) => {
      if (payout.state === "failed") return null;
      refuse(payout, ["queued", "processing"]);
      await moveRunEntries(tx, { payoutId: payout.id }, "in_payout", "payable", now);
      await releaseItems(tx, payout.id, now);
      return {
        state: "failed",
        failureCode: failure.code.slice(0, 200),
        failureMessage: failure.message.slice(0, 2000),
      };
    },
    scope,
  );
}

/** A paid transfer was reversed (the money came back): its commissions are payable again. */
export function markReversed(ctx: ServiceCtx<PayoutOperator>, payoutId: string, failure: FailureDetails) {
  return transition(ctx, payoutId, "payout.reversed", async (tx, payout, now) => {
    if (payout.state === "reversed") return null;
    refuse(payout, ["paid"]);
    await moveRunEntries(tx, { payoutId: payout.id }, "paid", "payable", now);
    await releaseItems(tx, payout.id, now);
    return {
      state: "reversed",
      failureCode: failure.code.slice(0, 200),
      failureMessage: failure.message.slice(0, 2000),
    };
  });
}

/**
 * Finance retries a failed payout in its own run: it takes back exactly the commissions it had,
 * provided none has been taken by another run meanwhile (then the next run pays them instead).
 */
export async function retryFailed(ctx: ServiceCtx<StaffActor>, payoutId: string): Promise<Payout> {
  assertFinance(ctx.actor);
  return transition(ctx, payoutId, "payout.retried", async (tx, payout, now) => {
    refuse(payout, ["failed"]);
    await lockPayableLedger(tx);
    // The newest release of each entry is this payout's last one; take them back only if all are still payable.
    const [taken] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutItems)
      .where(
        and(
          eq(payoutItems.payoutId, payout.id),
          isNotNull(payoutItems.releasedAt),
          sql`exists (select 1 from ledger_entries e where e.id = ${payoutItems.ledgerEntryId} and e.state <> 'payable')`,
        ),
      );
    if ((taken?.n ?? 0) > 0) throw new ConflictError("payout.entriesTaken", "payoutId");
    await tx
      .update(payoutItems)
      .set({ releasedAt: null })
      .where(and(eq(payoutItems.payoutId, payout.id), isNotNull(payoutItems.releasedAt)));
    await moveRunEntries(tx, { payoutId: payout.id }, "payable", "in_payout", now);
    await assertPayoutsBalanced(tx, { payoutId: payout.id }, "in_payout");
    return { state: "queued", failureCode: null, failureMessage: null };
  });
}

export const manualPaymentInput = z.object({
  payoutId: z.uuid(),
  reference: z.string().trim().min(3).max(140),
});

/**
 * Finance records a payment made outside Stripe (a bank transfer from the bank file) with the
 * bank's reference. A Stripe payout qualifies only while queued, before the executor takes it.
 */
export async function markPaidManually(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof manualPaymentInput>) {
  assertFinance(ctx.actor);
  return transition(
    ctx,
    input.payoutId,
    "payout.paidManually",
    paidStep({ reference: input.reference, at: ctx.clock.now() }, true),
  );
}

/** For tests and the executor: the run of a payout. */
export async function runOfPayout(db: Db, payoutId: string) {
  const [row] = await db
    .select({ run: payoutRuns })
    .from(payouts)
    .innerJoin(payoutRuns, eq(payoutRuns.id, payouts.runId))
    .where(eq(payouts.id, payoutId));
  return row?.run ?? null;
}
