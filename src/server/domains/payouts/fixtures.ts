import { eq, sql } from "drizzle-orm";
import { ledgerBalances, ledgerEntries, partners, payoutItems, payouts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { postEntries, type LedgerEntry } from "../commissions/ledger";

/**
 * Test support for the payouts domain (imported by its tests only): post payable money for a
 * partner, and read back the sums the invariants compare.
 */
let posted = 0;
export async function postPayable(
  db: Db,
  partnerId: string,
  amount: bigint,
  currency: string,
  at: Date,
): Promise<LedgerEntry> {
  const [entry] = await postEntries(db, [
    {
      partnerId,
      asset: currency,
      amount,
      source: amount < 0n ? "clawback" : "adjustment",
      state: "payable",
      availableAt: at,
      eventKey: `payout-test:${Date.now()}:${++posted}`,
      createdAt: at,
      stateChangedAt: at,
    },
  ]);
  return entry!;
}

export async function partnerIdByName(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.name, name));
  return row!.id;
}

/** Payouts whose amount is not the exact sum of their items (live or released): must be none. */
export async function unbalancedPayouts(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: payouts.id })
    .from(payouts)
    .where(
      sql`${payouts.amount} <> (select coalesce(sum(i.amount), 0) from ${payoutItems} i where i.payout_id = ${payouts.id})`,
    );
  return rows.map((r) => r.id);
}

/** Entries in more than one paid payout, or paid with no live item of a paid payout: must be none. */
export async function doublyPaidEntries(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(
      sql`(select count(*) from ${payoutItems} i join ${payouts} p on p.id = i.payout_id
            where i.ledger_entry_id = ${ledgerEntries.id} and p.state = 'paid') > 1
       or (${ledgerEntries.state} = 'paid' and ${ledgerEntries.eventKey} like 'payout-test:%' and not exists (
            select 1 from ${payoutItems} i join ${payouts} p on p.id = i.payout_id
            where i.ledger_entry_id = ${ledgerEntries.id} and p.state = 'paid' and i.released_at is null))
       or (${ledgerEntries.state} in ('in_payout') and not exists (
            select 1 from ${payoutItems} i where i.ledger_entry_id = ${ledgerEntries.id} and i.released_at is null))`,
    );
  return rows.map((r) => r.id);
}

/** Per partner, asset and state: the running balance against the entries' sum (mismatches only). */
export async function balanceMismatches(db: Db) {
  const sums = await db
    .select({
      partnerId: ledgerEntries.partnerId,
      asset: ledgerEntries.asset,
      state: ledgerEntries.state,
      amount: sql<string>`sum(${ledgerEntries.amount})::text`,
    })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.partnerId, ledgerEntries.asset, ledgerEntries.state);
  const balances = await db.select().from(ledgerBalances);
  const key = (p: string, a: string, s: string) => `${p}|${a}|${s}`;
  const fromEntries = new Map(sums.map((s) => [key(s.partnerId, s.asset, s.state), BigInt(s.amount)]));
  const fromBalances = new Map(balances.map((b) => [key(b.partnerId, b.asset, b.state), b.amount]));
  const keys = new Set([...fromEntries.keys(), ...fromBalances.keys()]);
  return [...keys].filter((k) => (fromEntries.get(k) ?? 0n) !== (fromBalances.get(k) ?? 0n));
}

/** Per currency: what paid payouts paid, against the paid entries they hold. */
export async function paidTotals(db: Db) {
  const [byPayouts, byEntries] = await Promise.all([
    db
      .select({ currency: payouts.currency, amount: sql<string>`sum(${payouts.amount})::text` })
      .from(payouts)
      .where(eq(payouts.state, "paid"))
      .groupBy(payouts.currency),
    db
      .select({ currency: payouts.currency, amount: sql<string>`sum(${payoutItems.amount})::text` })
      .from(payoutItems)
      .innerJoin(payouts, eq(payouts.id, payoutItems.payoutId))
      .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutItems.ledgerEntryId))
      .where(sql`${payouts.state} = 'paid' and ${payoutItems.releasedAt} is null and ${ledgerEntries.state} = 'paid'`)
      .groupBy(payouts.currency),
  ]);
  const norm = (rows: { currency: string; amount: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.currency, BigInt(r.amount)]));
  return { byPayouts: norm(byPayouts), byEntries: norm(byEntries) };
}
