import { eq, inArray, sql } from "drizzle-orm";
import Stripe from "stripe";
import { startStripeStandin, type StandinOptions, type StripeStandin } from "../../../../e2e/fixtures/stripe";
import { ledgerEntries, partners, payoutAccounts, payoutItems, payoutRuns, payouts, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { postPayable } from "./fixtures";
import { approveRun, cancelRun, createRun } from "./runs";

/**
 * Test support (imported by tests only): the Stripe stand-in with an SDK client pointed at it,
 * and programs whose partners have real connected accounts on it, so a run can be executed.
 */
export async function startStandinClient(options: StandinOptions = {}) {
  const standin = await startStripeStandin(options);
  const stripe = new Stripe("sk_test_payouts", {
    host: "127.0.0.1",
    port: standin.port,
    protocol: "http",
    maxNetworkRetries: 0,
    timeout: 10_000,
  });
  return { standin, stripe };
}

export async function standinControl(standin: StripeStandin, path: string, body?: unknown, method = "POST") {
  const res = await fetch(`${standin.url}/_standin${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A connected account on the stand-in with onboarding finished. */
export async function onboardedAccount(stripe: Stripe, standin: StripeStandin, partnerId: string) {
  const account = await stripe.accounts.create(
    { type: "express", country: "US", metadata: { partner_id: partnerId } },
    { idempotencyKey: `account:${partnerId}` },
  );
  await standinControl(standin, `/accounts/${account.id}/complete`);
  return account.id;
}

/**
 * Gives every partner already paid through Stripe (the demo's) an account on the stand-in, then
 * adds `count` partners more, each onboarded with payable money in one of `currencies`
 * (1 to 3 entries each, whose amounts vary). Returns the new partners' ids.
 */
export async function connectedProgram(
  db: Db,
  stripe: Stripe,
  standin: StripeStandin,
  at: Date,
  count: number,
  currencies: string[] = ["USD", "EUR"],
) {
  const existing = await db
    .select({ partnerId: payoutAccounts.partnerId })
    .from(payoutAccounts)
    .where(eq(payoutAccounts.method, "stripe"));
  for (const { partnerId } of existing) {
    const accountId = await onboardedAccount(stripe, standin, partnerId);
    await db.update(payoutAccounts).set({ stripeAccountId: accountId }).where(eq(payoutAccounts.partnerId, partnerId));
  }
  const [tier] = await db.select({ id: tiers.id }).from(tiers).limit(1);
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const [partner] = await db
      .insert(partners)
      .values({ name: `Payee ${String(n).padStart(4, "0")}`, type: "reseller", tierId: tier!.id })
      .returning({ id: partners.id });
    const accountId = await onboardedAccount(stripe, standin, partner!.id);
    await db.insert(payoutAccounts).values({
      partnerId: partner!.id,
      method: "stripe",
      stripeAccountId: accountId,
      onboardingState: "enabled",
    });
    const currency = currencies[n % currencies.length]!;
    for (let e = 0; e <= n % 3; e++)
      await postPayable(db, partner!.id, BigInt(10_000 + n * 137 + e * 9_901), currency, at);
    ids.push(partner!.id);
  }
  return ids;
}

/** Cancels any draft (the demo's), then finance creates a run for `cutoff` and the admin approves it. */
export async function approvedRun(finance: ServiceCtx<StaffActor>, admin: ServiceCtx<StaffActor>, cutoff: string) {
  const drafts = await finance.db.select({ id: payoutRuns.id }).from(payoutRuns).where(eq(payoutRuns.status, "draft"));
  for (const d of drafts) await cancelRun(finance, { runId: d.id });
  const run = await createRun(finance, { cutoff });
  await approveRun(admin, { runId: run.id });
  return run;
}

/** Per currency: what the run's paid payouts' commissions add up to, from the ledger itself. */
export async function paidCommissionTotals(db: Db, runId: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ currency: ledgerEntries.asset, amount: sql<string>`sum(${ledgerEntries.amount})::text` })
    .from(payoutItems)
    .innerJoin(payouts, eq(payouts.id, payoutItems.payoutId))
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutItems.ledgerEntryId))
    .where(
      sql`${payouts.runId} = ${runId} and ${payouts.state} = 'paid' and ${payoutItems.releasedAt} is null
        and ${ledgerEntries.state} = 'paid'`,
    )
    .groupBy(ledgerEntries.asset);
  return Object.fromEntries(rows.map((r) => [r.currency, r.amount]));
}

/** Per currency: what the stand-in actually transferred in the run's group. */
export async function transferredTotals(stripe: Stripe, transferGroup: string) {
  const totals: Record<string, bigint> = {};
  const byPayout = new Map<string, number>();
  for await (const t of stripe.transfers.list({ transfer_group: transferGroup, limit: 100 })) {
    const code = t.currency.toUpperCase();
    totals[code] = (totals[code] ?? 0n) + BigInt(t.amount);
    const pid = t.metadata.payout_id ?? "";
    byPayout.set(pid, (byPayout.get(pid) ?? 0) + 1);
  }
  return {
    totals: Object.fromEntries(Object.entries(totals).map(([c, a]) => [c, a.toString()])),
    transfersPerPayout: byPayout,
  };
}

export async function payoutsOf(db: Db, runId: string) {
  return db.select().from(payouts).where(eq(payouts.runId, runId));
}

export async function payoutIdsIn(db: Db, runId: string, states: (typeof payouts.$inferSelect)["state"][]) {
  const rows = await db
    .select({ id: payouts.id })
    .from(payouts)
    .where(sql`${payouts.runId} = ${runId} and ${inArray(payouts.state, states)}`);
  return rows.map((r) => r.id);
}
