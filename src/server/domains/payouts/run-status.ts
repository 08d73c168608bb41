import { eq, sql } from "drizzle-orm";
import { payoutRuns, payouts, payoutState } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { NotFoundError } from "../errors";

export type PayoutState = (typeof payoutState.enumValues)[number];
export type RunStatus = (typeof payoutRuns.$inferSelect)["status"];

/** A run's payouts counted by state (every state present, zero when none). */
export async function payoutCountsOf(db: Db, runId: string): Promise<Record<PayoutState, number>> {
  const rows = await db
    .select({ state: payouts.state, n: sql<number>`count(*)::int` })
    .from(payouts)
    .where(eq(payouts.runId, runId))
    .groupBy(payouts.state);
  const counts = Object.fromEntries(payoutState.enumValues.map((s) => [s, 0])) as Record<PayoutState, number>;
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/**
 * What an approved run's status is, from its payouts: executing while any is queued or
 * processing (approved until the first one moves), then completed when nothing failed or was
 * reversed, else partly failed. A retry puts a finished run back to executing.
 */
export function derivedRunStatus(current: RunStatus, counts: Record<PayoutState, number>): RunStatus {
  if (current === "draft" || current === "cancelled") return current;
  const inFlight = counts.queued + counts.processing;
  const settled = counts.paid + counts.failed + counts.reversed;
  if (inFlight > 0)
    return current === "approved" && settled === 0 && counts.processing === 0 ? "approved" : "executing";
  return counts.failed + counts.reversed > 0 ? "partly_failed" : "completed";
}

/** Updates a run's status from its payouts, in the caller's transaction (which holds the run's lock). */
export async function refreshRunStatus(tx: Db, runId: string, now: Date) {
  const [run] = await tx.select().from(payoutRuns).where(eq(payoutRuns.id, runId));
  if (!run) throw new NotFoundError("payoutRun.notFound", "runId");
  const status = derivedRunStatus(run.status, await payoutCountsOf(tx, runId));
  if (status === run.status) return run;
  const finished = status === "completed" || status === "partly_failed";
  const [after] = await tx
    .update(payoutRuns)
    .set({ status, finishedAt: finished ? now : null, updatedAt: now })
    .where(eq(payoutRuns.id, runId))
    .returning();
  return after!;
}
