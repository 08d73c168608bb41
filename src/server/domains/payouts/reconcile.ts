import { and, eq, gte, inArray, isNotNull, or } from "drizzle-orm";
import type Stripe from "stripe";
import { payoutDiscrepancies, payoutRuns, payouts } from "@/server/db/schema";
import { getStripe, isStripeConfigured } from "@/server/integrations/stripe";
import type { StaffActor, SystemActor } from "../actor";
import type { ServiceCtx } from "../context";
import { DomainError } from "../errors";
import { markPaid, markReversed } from "./transitions";

type Kind = (typeof payoutDiscrepancies.$inferInsert)["kind"];

export interface ReconcileResult {
  transfers: number;
  /** Payouts found paid on Stripe that we had not recorded yet (a crash before our commit). */
  recovered: number;
  reversed: number;
  discrepancies: number;
}

/**
 * Matches a run's transfers on Stripe to its payouts. Stripe lists transfers by transfer_group
 * (never by metadata), and every transfer of a run carries the run id as its group and the
 * payout id in its metadata. A payout left processing whose transfer exists is recorded paid
 * (never sent twice); a reversed transfer reverses its payout; anything else that does not match
 * is written down for finance.
 */
export async function reconcileRun(
  ctx: ServiceCtx<SystemActor | StaffActor>,
  runId: string,
  options: { stripe?: Stripe } = {},
): Promise<ReconcileResult> {
  const stripe = options.stripe ?? getStripe();
  const [run] = await ctx.db.select().from(payoutRuns).where(eq(payoutRuns.id, runId));
  if (!run) return { transfers: 0, recovered: 0, reversed: 0, discrepancies: 0 };
  const rows = await ctx.db.select().from(payouts).where(eq(payouts.runId, runId));
  const byId = new Map(rows.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const issues: (typeof payoutDiscrepancies.$inferInsert)[] = [];
  const issue = (kind: Kind, transfer: Stripe.Transfer, payout?: (typeof rows)[number]) =>
    issues.push({
      runId,
      payoutId: payout?.id ?? null,
      kind,
      stripeTransferId: transfer.id,
      amount: BigInt(transfer.amount),
      currency: transfer.currency.toUpperCase(),
      expectedAmount: payout?.amount ?? null,
      expectedCurrency: payout?.currency ?? null,
    });
  const result: ReconcileResult = { transfers: 0, recovered: 0, reversed: 0, discrepancies: 0 };
  for await (const transfer of stripe.transfers.list({ transfer_group: run.transferGroup, limit: 100 })) {
    result.transfers++;
    seen.add(transfer.id);
    const payout = byId.get(transfer.metadata?.payout_id ?? "");
    if (!payout) {
      issue("unknown_transfer", transfer);
      continue;
    }
    if (BigInt(transfer.amount) !== payout.amount || transfer.currency.toUpperCase() !== payout.currency) {
      issue("amount_mismatch", transfer, payout);
      continue;
    }
    if (payout.stripeTransferId && payout.stripeTransferId !== transfer.id) {
      issue("duplicate_transfer", transfer, payout);
      continue;
    }
    try {
      if (payout.state === "processing" || payout.state === "queued") {
        await markPaid(ctx, payout.id, { transferId: transfer.id, at: new Date(transfer.created * 1000) });
        result.recovered++;
      } else if (payout.state !== "paid" && payout.state !== "reversed") {
        // Failed or cancelled in our books, yet Stripe holds a transfer for it: finance must look.
        issue("unknown_transfer", transfer, payout);
        continue;
      }
      if (transfer.reversed && payout.state !== "reversed") {
        await markReversed(ctx, payout.id, { code: "transfer_reversed", message: "The transfer was reversed." });
        result.reversed++;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issue("unknown_transfer", transfer, payout);
    }
  }
  for (const payout of rows) {
    if (payout.state === "paid" && payout.stripeTransferId && !seen.has(payout.stripeTransferId)) {
      issues.push({
        runId,
        payoutId: payout.id,
        kind: "missing_transfer",
        stripeTransferId: payout.stripeTransferId,
        amount: null,
        currency: null,
        expectedAmount: payout.amount,
        expectedCurrency: payout.currency,
      });
    }
  }
  if (issues.length > 0) {
    const inserted = await ctx.db
      .insert(payoutDiscrepancies)
      .values(issues)
      .onConflictDoNothing()
      .returning({ id: payoutDiscrepancies.id });
    result.discrepancies = inserted.length;
  }
  await ctx.db.update(payoutRuns).set({ reconciledAt: ctx.clock.now() }).where(eq(payoutRuns.id, runId));
  return result;
}

const RECENT_DAYS = 7;

/** The reconciliation job: runs executing, and runs finished in the last week (late reversals). */
export async function reconcileRecentRuns(ctx: ServiceCtx<SystemActor>, options: { stripe?: Stripe } = {}) {
  if (!options.stripe && !isStripeConfigured()) return [];
  const since = new Date(ctx.clock.now().getTime() - RECENT_DAYS * 86_400_000);
  const runs = await ctx.db
    .select({ id: payoutRuns.id })
    .from(payoutRuns)
    .where(
      or(
        eq(payoutRuns.status, "executing"),
        and(
          inArray(payoutRuns.status, ["completed", "partly_failed"]),
          isNotNull(payoutRuns.finishedAt),
          gte(payoutRuns.finishedAt, since),
        ),
      ),
    );
  const results = [];
  for (const run of runs) results.push({ runId: run.id, ...(await reconcileRun(ctx, run.id, options)) });
  return results;
}
