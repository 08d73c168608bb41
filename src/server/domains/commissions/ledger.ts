import { and, eq, inArray, sql } from "drizzle-orm";
import { ledgerBalances, ledgerEntries } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;
export type LedgerState = LedgerEntry["state"];

/** Adds deltas to the running balances (one row per partner, asset and state). */
async function addToBalances(
  tx: Db,
  deltas: { partnerId: string; asset: string; state: LedgerState; amount: bigint }[],
) {
  const merged = new Map<string, { partnerId: string; asset: string; state: LedgerState; amount: bigint }>();
  for (const d of deltas) {
    const key = `${d.partnerId}|${d.asset}|${d.state}`;
    const current = merged.get(key);
    if (current) current.amount += d.amount;
    else merged.set(key, { ...d });
  }
  const rows = [...merged.values()].filter((d) => d.amount !== 0n);
  if (rows.length === 0) return;
  await tx
    .insert(ledgerBalances)
    .values(rows)
    .onConflictDoUpdate({
      target: [ledgerBalances.partnerId, ledgerBalances.asset, ledgerBalances.state],
      set: { amount: sql`${ledgerBalances.amount} + excluded.amount` },
    });
}

/**
 * Writes entries and their balances in the caller's transaction. An entry whose event key is
 * already in the ledger is skipped: posting the same facts twice changes nothing.
 */
export async function postEntries(tx: Db, entries: NewLedgerEntry[]): Promise<LedgerEntry[]> {
  if (entries.length === 0) return [];
  const inserted = await tx
    .insert(ledgerEntries)
    .values(entries)
    .onConflictDoNothing({ target: ledgerEntries.eventKey })
    .returning();
  await addToBalances(
    tx,
    inserted.map((e) => ({ partnerId: e.partnerId, asset: e.asset, state: e.state, amount: e.amount })),
  );
  return inserted;
}

/** Moves entries from one state to another (only those still in `from`), balances with them. */
export async function moveEntries(
  tx: Db,
  ids: string[],
  from: LedgerState,
  to: LedgerState,
  at: Date,
): Promise<LedgerEntry[]> {
  if (ids.length === 0) return [];
  const moved = await tx
    .update(ledgerEntries)
    .set({ state: to, stateChangedAt: at })
    .where(and(inArray(ledgerEntries.id, ids), eq(ledgerEntries.state, from)))
    .returning();
  await addToBalances(tx, [
    ...moved.map((e) => ({ partnerId: e.partnerId, asset: e.asset, state: from, amount: -e.amount })),
    ...moved.map((e) => ({ partnerId: e.partnerId, asset: e.asset, state: to, amount: e.amount })),
  ]);
  return moved;
}
