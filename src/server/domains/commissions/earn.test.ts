import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/clock";
import { leads, products, programSettings, wonRevenue } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { rolledBack } from "@/server/db/rollback";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import { SYSTEM, type PartnerActor } from "../actor";
import { registerLead } from "../leads/register";
import { approveLead, correctLeadDeal, markLeadLost, markLeadWon } from "../leads/review";
import { earn, type WonDeal } from "./earn";
import { trailingNumbers } from "./tiers";

/**
 * The one door: a won, corrected or lost deal becomes ledger entries, won revenue and a tier
 * recheck. Here the revenue side: whatever the history, the standing won revenue is exactly
 * what the won leads say, the tier numbers are measured on it, replays change nothing, and no
 * revision is ever deleted.
 */
const { db, clock, manager, ctxOf, actorByEmail } = await setupProgram();
await db.update(programSettings).set({ leadDailyLimit: 10_000 }).where(eq(programSettings.id, 1));
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
const [analytics] = await db.select({ id: products.id }).from(products).where(eq(products.name, "Analytics Cloud"));

let sequence = 0;
async function approvedLead(actor: PartnerActor) {
  const n = ++sequence;
  const lead = await registerLead(
    ctxOf(actor),
    await leadFor(db, `Earn Co ${n}`, `earn-${n}.example`, { productId: analytics!.id }),
  );
  await approveLead(ctxOf(manager), { leadId: lead.id });
  return lead;
}

const leadRow = async (leadId: string) => (await db.select().from(leads).where(eq(leads.id, leadId)))[0]!;
const revenueOf = (leadId: string) =>
  db
    .select()
    .from(wonRevenue)
    .where(and(eq(wonRevenue.sourceKind, "deal"), eq(wonRevenue.sourceRef, leadId)))
    .orderBy(asc(wonRevenue.revision));
const wonDealOf = (lead: Awaited<ReturnType<typeof leadRow>>): WonDeal => ({
  leadId: lead.id,
  partnerId: lead.partnerId,
  productId: lead.productId,
  amountMinor: lead.dealAmountMinor!,
  currency: lead.dealCurrency!,
  wonAt: lead.wonAt!,
  revision: lead.dealRevision,
});

/** Standing deal revenue, in a form to compare: one line per deal. */
async function standing(database: Db) {
  const rows = await database
    .select()
    .from(wonRevenue)
    .where(and(eq(wonRevenue.sourceKind, "deal"), isNull(wonRevenue.reversedAt)));
  return rows
    .map((r) => `${r.partnerId}|${r.sourceRef}|r${r.revision}|${r.amountMinor}|${r.currency}|${r.wonAt.toISOString()}`)
    .sort();
}

/** What the won leads say the standing revenue is (the tier numbers' old source). */
async function fromWonLeads() {
  const rows = await db.select().from(leads).where(eq(leads.status, "won"));
  return rows
    .map(
      (l) =>
        `${l.partnerId}|${l.id}|r${l.dealRevision}|${l.dealAmountMinor}|${l.dealCurrency}|${l.wonAt!.toISOString()}`,
    )
    .sort();
}

/** The tier numbers as they were measured before won revenue: straight from the won leads. */
async function numbersFromLeads(partnerId: string) {
  const [{ currency }] = (await db.select({ currency: programSettings.currency }).from(programSettings)) as [
    { currency: string },
  ];
  const since = new Date(clock.now().getTime() - 365 * DAY);
  const rows = await db
    .select()
    .from(leads)
    .where(and(eq(leads.partnerId, partnerId), eq(leads.status, "won")));
  const inWindow = rows.filter((l) => l.wonAt! >= since);
  return {
    revenueMinor: inWindow.filter((l) => l.dealCurrency === currency).reduce((sum, l) => sum + l.dealAmountMinor!, 0n),
    currency,
    wonDeals: inWindow.length,
  };
}

describe("won revenue through the one door", () => {
  it("a win stands at its amount, a correction replaces it (the old revision kept, reversed), a loss reverses it", async () => {
    const lead = await approvedLead(kestrel);
    const before = await trailingNumbers(db, kestrel.partnerId, clock);
    await markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "12,000", currency: "USD", closedOn: "2026-10-31" });
    const won = await leadRow(lead.id);
    expect(await revenueOf(lead.id)).toMatchObject([
      {
        partnerId: kestrel.partnerId,
        revision: 0,
        amountMinor: 1_200_000n,
        currency: "USD",
        wonAt: won.wonAt,
        reversedAt: null,
      },
    ]);
    expect(await trailingNumbers(db, kestrel.partnerId, clock)).toEqual({
      ...before,
      revenueMinor: before.revenueMinor + 1_200_000n,
      wonDeals: before.wonDeals + 1,
    });

    await correctLeadDeal(ctxOf(manager), {
      leadId: lead.id,
      amount: "15,000",
      reason: "The signed order was for 15,000.",
    });
    const [first, second] = await revenueOf(lead.id);
    expect(first).toMatchObject({ revision: 0, amountMinor: 1_200_000n, reversedAt: clock.now() });
    expect(second).toMatchObject({ revision: 1, amountMinor: 1_500_000n, wonAt: won.wonAt, reversedAt: null });
    expect(await trailingNumbers(db, kestrel.partnerId, clock)).toEqual({
      ...before,
      revenueMinor: before.revenueMinor + 1_500_000n,
      wonDeals: before.wonDeals + 1,
    });

    await markLeadLost(ctxOf(manager), { leadId: lead.id, reason: "The customer cancelled in the trial." });
    const history = await revenueOf(lead.id);
    expect(history.map((r) => [r.revision, r.amountMinor, r.reversedAt !== null])).toEqual([
      [0, 1_200_000n, true],
      [1, 1_500_000n, true],
    ]);
    expect(await trailingNumbers(db, kestrel.partnerId, clock)).toEqual(before);
  });

  it("a replayed fact posts nothing and wins no revenue twice", async () => {
    const lead = await approvedLead(kestrel);
    await markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "8,000", currency: "USD", closedOn: "2026-10-31" });
    const deal = wonDealOf(await leadRow(lead.id));
    const revenue = await revenueOf(lead.id);
    const replayed = await earn(ctxOf(manager), { kind: "deal_won", ...deal });
    expect(replayed.entries).toEqual([]);
    expect(replayed.tier).toMatchObject({ changed: false });
    expect(await revenueOf(lead.id)).toEqual(revenue);
    await correctLeadDeal(ctxOf(manager), { leadId: lead.id, amount: "9,000", reason: "Corrected to the invoice." });
    const corrected = wonDealOf(await leadRow(lead.id));
    const afterCorrection = await revenueOf(lead.id);
    // The correction again, and the first win once more (a late delivery): neither changes anything.
    expect(
      (await earn(ctxOf(manager), { kind: "deal_corrected", ...corrected, note: "Corrected to the invoice." })).entries,
    ).toEqual([]);
    expect((await earn(ctxOf(SYSTEM), { kind: "deal_won", ...deal })).entries).toEqual([]);
    expect(await revenueOf(lead.id)).toEqual(afterCorrection);
  });

  it("joins the caller's transaction: rolled back with it, nothing of the fact stays", async () => {
    const lead = await approvedLead(kestrel);
    const deal: WonDeal = {
      leadId: lead.id,
      partnerId: kestrel.partnerId,
      productId: lead.productId,
      amountMinor: 500_000n,
      currency: "USD",
      wonAt: clock.now(),
      revision: 0,
    };
    const earned = await rolledBack(db, (tx) => earn({ db: tx, actor: SYSTEM, clock }, { kind: "deal_won", ...deal }));
    expect(earned.entries.length).toBeGreaterThan(0);
    expect(await revenueOf(lead.id)).toEqual([]);
  });

  it("whatever the history of wins, corrections, losses and replays, the standing revenue is what the won leads say (property-based)", async () => {
    const step = fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant("win" as const),
          cents: fc.bigInt({ min: 1n, max: 20_000_000n }),
          currency: fc.constantFrom("USD", "USD", "EUR"),
        }),
        weight: 3,
      },
      {
        arbitrary: fc.record({
          kind: fc.constant("correct" as const),
          cents: fc.bigInt({ min: 1n, max: 20_000_000n }),
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ kind: fc.constant("lose" as const) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant("replay" as const) }), weight: 2 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const touched: string[] = [];
        let lead = await approvedLead(kestrel);
        touched.push(lead.id);
        for (const s of steps) {
          const current = await leadRow(lead.id);
          // Whole units of the currency (both have two decimals): the amount as typed, never zero.
          const units = s.kind === "win" || s.kind === "correct" ? s.cents / 100n + 1n : 0n;
          if (s.kind === "win" && current.status === "approved") {
            await markLeadWon(ctxOf(manager), {
              leadId: lead.id,
              amount: units.toString(),
              currency: s.currency,
              closedOn: "2026-10-31",
            });
          } else if (s.kind === "correct" && current.status === "won" && units * 100n !== current.dealAmountMinor) {
            await correctLeadDeal(ctxOf(manager), {
              leadId: lead.id,
              amount: units.toString(),
              reason: "Property test: corrected.",
            });
          } else if (s.kind === "lose" && (current.status === "approved" || current.status === "won")) {
            await markLeadLost(ctxOf(manager), { leadId: lead.id, reason: "Property test: lost." });
            lead = await approvedLead(kestrel);
            touched.push(lead.id);
          } else if (s.kind === "replay" && current.status === "won") {
            const revenue = await revenueOf(lead.id);
            const deal = wonDealOf(current);
            const replayed = await earn(
              ctxOf(manager),
              deal.revision === 0
                ? { kind: "deal_won", ...deal }
                : { kind: "deal_corrected", ...deal, note: "Property test: corrected." },
            );
            expect(replayed.entries).toEqual([]);
            expect(await revenueOf(lead.id)).toEqual(revenue);
          }
        }
        expect(await standing(db)).toEqual(await fromWonLeads());
        // Every revision a touched deal went through has its one row; only the last can stand.
        for (const id of touched) {
          const row = await leadRow(id);
          const history = await revenueOf(id);
          if (row.wonAt === null) {
            expect(history).toEqual([]);
            continue;
          }
          expect(history.map((r) => r.revision)).toEqual(Array.from({ length: row.dealRevision + 1 }, (_, i) => i));
          expect(history.filter((r) => r.reversedAt === null).map((r) => r.revision)).toEqual(
            row.status === "won" ? [row.dealRevision] : [],
          );
        }
        expect(await trailingNumbers(db, kestrel.partnerId, clock)).toEqual(await numbersFromLeads(kestrel.partnerId));
      }),
      { numRuns: 20 },
    );
  });
});

describe("the migration's backfill", () => {
  const file = fs.readFileSync(path.join(process.cwd(), "drizzle", "0007_won_revenue.sql"), "utf8");
  const backfill = file.split("--> statement-breakpoint").at(-1)!;

  it("gives every won deal the standing row the one door would have written", async () => {
    expect(backfill).toMatch(/INSERT INTO "won_revenue"/);
    const expected = await standing(db);
    expect(expected).toEqual(await fromWonLeads());
    const rebuilt = await rolledBack(db, async (tx) => {
      await tx.delete(wonRevenue).where(inArray(wonRevenue.sourceKind, ["deal", "referral"]));
      await tx.execute(sql.raw(backfill));
      return standing(tx);
    });
    expect(rebuilt).toEqual(expected);
  });
});
