import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { payoutAccounts, payoutRuns, payouts } from "@/server/db/schema";
import { getStripe, isStripeConfigured } from "@/server/integrations/stripe";
import type { SystemActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { DomainError } from "../errors";
import { availableBalance, shortfalls } from "./balance";
import { reconcileRun } from "./reconcile";
import { payoutCountsOf, type RunStatus } from "./run-status";
import { markRunExecuting } from "./runs";
import { markFailed, markPaid, markProcessing, settleRunStatus, type Payout } from "./transitions";

export interface ExecutorOptions {
  /** The Stripe client (default: the configured one). */
  stripe?: Stripe;
  /** Transfers in flight at once for one run. */
  concurrency?: number;
  /** Tries of one transfer within a pass before it is left processing for the next pass. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS = { concurrency: 4, maxAttempts: 10, baseDelayMs: 250, maxDelayMs: 8_000 };

export interface RunOutcome {
  runId: string;
  status: RunStatus;
  /** Set when the run stopped before its first transfer: per currency, minor units needed and available. */
  halted: Record<string, { needed: string; available: string }> | null;
  paid: number;
  failed: number;
  /** Queued or processing still (bank payouts wait for finance; Stripe ones for the next pass). */
  pending: number;
}

/** Payout id for the first try; a payout retried after a final failure is a new request with a new key. */
export function idempotencyKeyOf(payout: Pick<Payout, "id" | "attempts">): string {
  return payout.attempts <= 1 ? payout.id : `${payout.id}:${payout.attempts}`;
}

type Verdict = { retry: true } | { retry: false; code: string; message: string };

/**
 * What a failed Stripe call means. Rate limits, Stripe's 5xx, a 409 (the same key still being
 * processed, or a lock timeout) and anything that never got an answer may succeed later with the
 * same key; an idempotency_error or any other 4xx is Stripe's final word.
 */
export function classifyStripeError(error: unknown): Verdict {
  const e = error as Partial<Stripe.errors.StripeError> & { message?: string };
  if (e?.type === "StripeConnectionError" || e?.statusCode === undefined) return { retry: true };
  const status = e.statusCode;
  // 409 is the same key still being processed (idempotency_key_in_use) or a lock timeout: wait.
  if (status === 429 || status === 409 || status >= 500) return { retry: true };
  if (e.type === "StripeIdempotencyError")
    return { retry: false, code: "idempotency_error", message: e.message ?? "idempotency_error" };
  return { retry: false, code: e.code ?? e.type ?? `http_${status}`, message: e.message ?? `HTTP ${status}` };
}

function backoff(attempt: number, options: Required<Omit<ExecutorOptions, "stripe">>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function resolveOptions(options: ExecutorOptions) {
  return {
    stripe: options.stripe ?? getStripe(),
    settings: {
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      baseDelayMs: options.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULTS.maxDelayMs,
      sleep: options.sleep ?? sleeper,
    },
  };
}

/** What the run's Stripe payouts still to send add up to, per currency. */
async function neededByCurrency(ctx: ServiceCtx, runId: string): Promise<Record<string, bigint>> {
  const rows = await ctx.db
    .select({ currency: payouts.currency, amount: sql<string>`sum(${payouts.amount})::text` })
    .from(payouts)
    .where(
      and(eq(payouts.runId, runId), eq(payouts.method, "stripe"), inArray(payouts.state, ["queued", "processing"])),
    )
    .groupBy(payouts.currency);
  return Object.fromEntries(rows.map((r) => [r.currency, BigInt(r.amount)]));
}

/** Stops a run before its first transfer, saying what is short; finance resumes it once funded. */
async function haltRun(ctx: ServiceCtx<SystemActor>, runId: string, detail: RunOutcome["halted"]) {
  await withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    await tx
      .update(payoutRuns)
      .set({ haltCode: "insufficient_balance", haltDetail: detail, haltedAt: now, updatedAt: now })
      .where(eq(payoutRuns.id, runId));
    await audit(
      tx,
      ctx.actor,
      {
        action: "payoutRun.halted",
        entityType: "payout_run",
        entityId: runId,
        after: { haltCode: "insufficient_balance", haltDetail: detail },
      },
      now,
    );
  });
}

type SendResult = "paid" | "failed" | "pending" | "skipped";

/**
 * Sends one payout: queued → processing (committed first, so a crash leaves a trace), then one
 * transfer with the payout's own idempotency key, retried with backoff while Stripe's answer may
 * still change. A crash anywhere is safe: the same key replays Stripe's first answer, and
 * reconciliation finds a transfer made before we could record it.
 */
async function sendPayout(
  ctx: ServiceCtx<SystemActor>,
  payoutId: string,
  transferGroup: string,
  stripe: Stripe,
  settings: ReturnType<typeof resolveOptions>["settings"],
): Promise<SendResult> {
  let payout: Payout;
  try {
    payout = await markProcessing(ctx, payoutId, "payout");
  } catch (error) {
    // Paid, failed or cancelled meanwhile (finance, a webhook): nothing to send.
    if (error instanceof DomainError) return "skipped";
    throw error;
  }
  if (payout.state !== "processing") return "skipped";
  const [account] = await ctx.db
    .select({ id: payoutAccounts.stripeAccountId })
    .from(payoutAccounts)
    .where(eq(payoutAccounts.partnerId, payout.partnerId));
  if (!account?.id) {
    await markFailed(
      ctx,
      payout.id,
      { code: "not_onboarded", message: "The partner has no connected Stripe account." },
      "payout",
    );
    return "failed";
  }
  const params: Stripe.TransferCreateParams = {
    amount: Number(payout.amount),
    currency: payout.currency.toLowerCase(),
    destination: account.id,
    transfer_group: transferGroup,
    metadata: { payout_id: payout.id, run_id: payout.runId, partner_id: payout.partnerId },
  };
  const idempotencyKey = idempotencyKeyOf(payout);
  for (let attempt = 1; attempt <= settings.maxAttempts; attempt++) {
    let transfer: Stripe.Transfer;
    try {
      transfer = await stripe.transfers.create(params, { idempotencyKey });
    } catch (error) {
      const verdict = classifyStripeError(error);
      if (!verdict.retry) {
        await markFailed(ctx, payout.id, { code: verdict.code, message: verdict.message }, "payout");
        return "failed";
      }
      if (attempt < settings.maxAttempts) await settings.sleep(backoff(attempt, settings));
      continue;
    }
    await markPaid(ctx, payout.id, { transferId: transfer.id, at: new Date(transfer.created * 1000) }, "payout");
    return "paid";
  }
  return "pending";
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

async function outcomeOf(ctx: ServiceCtx, runId: string, halted: RunOutcome["halted"]): Promise<RunOutcome> {
  const [run] = await ctx.db.select({ status: payoutRuns.status }).from(payoutRuns).where(eq(payoutRuns.id, runId));
  const counts = await payoutCountsOf(ctx.db, runId);
  return {
    runId,
    status: run!.status,
    halted,
    paid: counts.paid,
    failed: counts.failed + counts.reversed,
    pending: counts.queued + counts.processing,
  };
}

/**
 * Executes one approved run: checks the platform balance before the first transfer, then sends
 * every queued Stripe payout. Safe to call again at any time (after a crash, twice at once):
 * payouts left processing are first matched against Stripe's transfers of the run, then sent
 * again with their own key, which Stripe answers with the transfer it already made.
 */
export async function executeRun(
  ctx: ServiceCtx<SystemActor>,
  runId: string,
  options: ExecutorOptions = {},
): Promise<RunOutcome> {
  const { stripe, settings } = resolveOptions(options);
  const [run] = await ctx.db.select().from(payoutRuns).where(eq(payoutRuns.id, runId));
  if (!run || (run.status !== "approved" && run.status !== "executing") || run.haltCode)
    return outcomeOf(ctx, runId, (run?.haltDetail as RunOutcome["halted"]) ?? null);
  if (run.status === "approved") {
    const needed = await neededByCurrency(ctx, runId);
    const available = await availableBalance(stripe);
    const short = shortfalls(needed, available);
    if (Object.keys(short).length > 0) {
      const detail = Object.fromEntries(
        Object.keys(short).map((c) => [
          c,
          { needed: needed[c]!.toString(), available: (available[c] ?? 0n).toString() },
        ]),
      );
      await haltRun(ctx, runId, detail);
      return outcomeOf(ctx, runId, detail);
    }
    await markRunExecuting(ctx, { runId });
  }
  const [inFlight] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(payouts)
    .where(and(eq(payouts.runId, runId), eq(payouts.state, "processing")));
  if ((inFlight?.n ?? 0) > 0) await reconcileRun(ctx, runId, { stripe });
  const todo = await ctx.db
    .select({ id: payouts.id })
    .from(payouts)
    .where(
      and(eq(payouts.runId, runId), eq(payouts.method, "stripe"), inArray(payouts.state, ["queued", "processing"])),
    )
    .orderBy(asc(payouts.id));
  await pool(
    todo.map((t) => t.id),
    settings.concurrency,
    (id) => sendPayout(ctx, id, run.transferGroup, stripe, settings),
  );
  await settleRunStatus(ctx, runId);
  return outcomeOf(ctx, runId, null);
}

/** The executor job: every approved or executing run not halted, oldest approval first. */
export async function executeApprovedRuns(
  ctx: ServiceCtx<SystemActor>,
  options: ExecutorOptions = {},
): Promise<RunOutcome[]> {
  if (!options.stripe && !isStripeConfigured()) return [];
  const runs = await ctx.db
    .select({ id: payoutRuns.id })
    .from(payoutRuns)
    .where(and(inArray(payoutRuns.status, ["approved", "executing"]), isNull(payoutRuns.haltCode)))
    .orderBy(asc(payoutRuns.approvedAt));
  const outcomes: RunOutcome[] = [];
  for (const run of runs) outcomes.push(await executeRun(ctx, run.id, options));
  return outcomes;
}
