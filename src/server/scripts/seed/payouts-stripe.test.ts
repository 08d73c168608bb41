import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startStripeStandin } from "../../../../e2e/fixtures/stripe";
import { fixedClock } from "@/lib/clock";
import { partners, payoutAccounts, payoutRuns, payouts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { resetStripeClient } from "@/server/integrations/stripe";
import { createTestDatabase } from "@/server/testing/db";
import { seedDemo } from "./demo";

/**
 * The demo seed against the Stripe stand-in (as `npm run demo` runs it): the Stripe partners get
 * real connected accounts there, the onboarded ones finished, and the demo reads exactly as it
 * does without Stripe apart from the account ids.
 */
const standin = await startStripeStandin();
const withStripe = await createTestDatabase();
const withoutStripe = await createTestDatabase();
const clock = () => fixedClock("2026-11-01T09:00:00Z");

afterAll(async () => {
  vi.unstubAllEnvs();
  resetStripeClient();
  await Promise.all([withStripe.close(), withoutStripe.close(), standin.close()]);
});

async function accountsOf(db: Db) {
  return db
    .select({
      partner: partners.name,
      method: payoutAccounts.method,
      stripeAccountId: payoutAccounts.stripeAccountId,
      onboardingState: payoutAccounts.onboardingState,
    })
    .from(payoutAccounts)
    .innerJoin(partners, eq(partners.id, payoutAccounts.partnerId))
    .orderBy(asc(partners.name));
}

async function runsOf(db: Db) {
  const runs = await db.select().from(payoutRuns).orderBy(asc(payoutRuns.createdAt));
  const paid = await db
    .select({
      state: payouts.state,
      currency: payouts.currency,
      amount: payouts.amount,
      transferId: payouts.stripeTransferId,
      bankReference: payouts.bankReference,
    })
    .from(payouts);
  // Partner ids are random per database, and the past run numbers its transfers in partner id
  // order: compare the payouts as a set of values, transfer ids without their number.
  const key = (p: (typeof paid)[number]) =>
    `${p.state} ${p.currency} ${p.amount} ${p.transferId?.replace(/\d+$/, "#")} ${p.bankReference}`;
  return { statuses: runs.map((r) => r.status), payouts: paid.map(key).sort() };
}

describe("demo payouts seed with Stripe configured", () => {
  it("creates the Stripe partners' accounts on the stand-in and finishes Northwind's and Cobalt's", async () => {
    await seedDemo(withoutStripe.db as Db, clock());

    vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_demo_seed");
    vi.stubEnv("STRIPE_API_BASE", standin.url);
    resetStripeClient();
    await seedDemo(withStripe.db as Db, clock());

    const real = await accountsOf(withStripe.db as Db);
    const fake = await accountsOf(withoutStripe.db as Db);
    // The same partners in the same states; only the account ids differ.
    const strip = (rows: typeof real) => rows.map((r) => ({ ...r, stripeAccountId: r.stripeAccountId !== null }));
    expect(strip(real)).toEqual(strip(fake));
    expect(fake.find((r) => r.partner === "Northwind Analytics")?.stripeAccountId).toBe("acct_demo_northwind");

    const stripeRows = real.filter((r) => r.stripeAccountId !== null);
    expect(stripeRows.map((r) => [r.partner, r.onboardingState])).toEqual([
      ["Brightpath Media", "details_needed"],
      ["Cobalt Cloud Partners", "enabled"],
      ["Northwind Analytics", "enabled"],
    ]);
    expect(standin.state.accounts.size).toBe(3);
    for (const row of stripeRows) {
      const account = standin.state.accounts.get(row.stripeAccountId!);
      expect(account, row.partner).toBeDefined();
      const [partner] = await (withStripe.db as Db)
        .select({ id: partners.id })
        .from(partners)
        .where(eq(partners.name, row.partner));
      expect(account!.metadata).toEqual({ partner_id: partner!.id });
      expect(account!.type).toBe("express");
      expect(account!.payouts_enabled).toBe(row.onboardingState === "enabled");
    }

    // The runs are the same: the past one paid with its demo transfer ids, the draft waiting.
    const runs = await runsOf(withStripe.db as Db);
    expect(runs).toEqual(await runsOf(withoutStripe.db as Db));
    expect(runs.statuses).toEqual(["completed", "draft"]);
    expect(runs.payouts.some((p) => p.includes(" tr_demo_# "))).toBe(true);
    expect(standin.state.transferCount()).toBe(0);
  });
});
