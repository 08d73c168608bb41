import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { ledgerEntries, payoutItems, payouts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { LedgerState } from "../commissions/ledger";
import { ConflictError } from "../errors";

/**
 * Everything that takes payable entries into payouts (creating a run, retrying a failed payout)
 * holds this transaction lock, so two of them never read the same entries as payable: the second
 * waits, then sees them in_payout. Releases back to payable need no lock.
 */
export async function lockPayableLedger(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('payouts:payable-ledger', 0))`);
}

/** Which payouts a set-based step works on: a whole run's, or one payout's. */
export type PayoutScope = { runId: string } | { payoutId: string };

function scopeOf(scope: PayoutScope) {
  return "runId" in scope ? eq(payouts.runId, scope.runId) : eq(payouts.id, scope.payoutId);
}

/**
 * Moves the entries of the live items of the payouts in `scope` from one state to another,
 * with the running balances, in one statement (a run can hold hundreds of thousands of entries,
 * more than a parameter list takes). The balance deltas are summed from the rows the update
 * actually changed, so they are exact whatever else happens.
 */
export async function moveRunEntries(
  tx: Db,
  scope: PayoutScope,
  from: LedgerState,
  to: LedgerState,
  at: Date,
): Promise<void> {
  await tx.execute(sql`
    with moved as (
      update ledger_entries e set state = ${to}::ledger_state, state_changed_at = ${at.toISOString()}::timestamptz
      from payout_items i join payouts p on p.id = i.payout_id
      where i.ledger_entry_id = e.id and i.released_at is null and e.state = ${from}::ledger_state
        and ${"runId" in scope ? sql`p.run_id = ${scope.runId}::uuid` : sql`p.id = ${scope.payoutId}::uuid`}
      returning e.partner_id, e.asset, e.amount
    ),
    deltas as (
      select partner_id, asset, sum(amount) as amount from moved group by partner_id, asset having sum(amount) <> 0
    )
    insert into ledger_balances (partner_id, asset, state, amount)
    select d.partner_id, d.asset, s.state, d.amount * s.sign
    from deltas d cross join (values (${from}::ledger_state, -1), (${to}::ledger_state, 1)) as s(state, sign)
    on conflict (partner_id, asset, state) do update set amount = ledger_balances.amount + excluded.amount`);
}

/**
 * The guard under the money rule, checked before commit: every live item of these payouts has
 * its entry in `state`, and each payout's amount is the exact sum of its live items.
 */
export async function assertPayoutsBalanced(tx: Db, scope: PayoutScope, state: LedgerState): Promise<void> {
  const [strays] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(payoutItems)
    .innerJoin(payouts, eq(payouts.id, payoutItems.payoutId))
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutItems.ledgerEntryId))
    .where(and(scopeOf(scope), isNull(payoutItems.releasedAt), ne(ledgerEntries.state, state)));
  const [unequal] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(payouts)
    .where(
      and(
        scopeOf(scope),
        sql`${payouts.amount} <> (select coalesce(sum(i.amount), 0) from payout_items i
          where i.payout_id = ${payouts.id} and i.released_at is null)`,
      ),
    );
  if ((strays?.n ?? 0) > 0 || (unequal?.n ?? 0) > 0) throw new ConflictError("payoutRun.ledgerChanged");
}
