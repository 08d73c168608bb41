import { and, asc, eq, ne, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import { applyRateBps } from "@/lib/money";
import {
  bonusCampaigns,
  emailOutbox,
  programSettings,
  ledgerBalances,
  ledgerEntries,
  leads as leadsTable,
  partners,
  products,
  tierChanges,
  tiers,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import { SYSTEM, type PartnerActor } from "../actor";
import { registerLead } from "../leads/register";
import { approveLead, correctLeadDeal, markLeadLost, markLeadWon } from "../leads/review";
import { decideAdjustment, proposeAdjustment } from "./adjustments";
import { archiveCampaign, createCampaign, endTierOverride, setTierOverride } from "./admin";
import { currentPlanFor, earningBasis } from "./plans";
import {
  commissionWonDeal,
  correctDealCommissions,
  entriesForWonDeal,
  releaseDueEntries,
  reverseLeadCommissions,
} from "./engine";

const { db, clock, manager, finance, admin, actorByEmail, ctxOf } = await setupProgram();
// The property runs register many leads; the daily limit is another test's business.
await db.update(programSettings).set({ leadDailyLimit: 10_000 }).where(eq(programSettings.id, 1));
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
const brightpath = (await actorByEmail("hannah@brightpath.demo")) as PartnerActor;
const tierKey = async (partnerId: string) =>
  (
    await db
      .select({ key: tiers.key })
      .from(partners)
      .innerJoin(tiers, eq(tiers.id, partners.tierId))
      .where(eq(partners.id, partnerId))
  )[0]!.key;

let sequence = 0;
/** A lead registered and approved for the partner, ready to be won. */
async function approvedLead(actor: PartnerActor, product = "Data Connectors") {
  const n = ++sequence;
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.name, product));
  const lead = await registerLead(
    ctxOf(actor),
    await leadFor(db, `Engine Co ${n}`, `engine-${n}.example`, { productId: row!.id }),
  );
  await approveLead(ctxOf(manager), { leadId: lead.id });
  return lead;
}

async function entriesOf(leadId: string) {
  return db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.leadId, leadId))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.eventKey));
}

/** The running balances against the sums of the entries themselves. */
async function balancesMatchEntries(database: Db) {
  const sums = await database
    .select({
      partnerId: ledgerEntries.partnerId,
      asset: ledgerEntries.asset,
      state: ledgerEntries.state,
      amount: sql<string>`sum(${ledgerEntries.amount})::text`,
    })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.partnerId, ledgerEntries.asset, ledgerEntries.state);
  const balances = await database.select().from(ledgerBalances);
  const key = (r: { partnerId: string; asset: string; state: string }) => `${r.partnerId}|${r.asset}|${r.state}`;
  const fromEntries = new Map(sums.map((s) => [key(s), BigInt(s.amount)]));
  for (const b of balances) expect(b.amount, key(b)).toBe(fromEntries.get(key(b)) ?? 0n);
  for (const [k, amount] of fromEntries) expect(balances.find((b) => key(b) === k)?.amount ?? 0n, k).toBe(amount);
}

describe("winning a deal", () => {
  it("earns the tier rate on the deal, pending for the hold period, then payable", async () => {
    const lead = await approvedLead(brightpath);
    const at = fixedClock(clock.now());
    await markLeadWon(ctxOf(manager, at), {
      leadId: lead.id,
      amount: "10,000.05",
      currency: "EUR",
      closedOn: "2026-10-31",
    });
    const [entry] = await entriesOf(lead.id);
    // Brightpath is Registered: 10%, rounded half away from zero on the cent.
    expect(entry).toMatchObject({
      source: "deal",
      asset: "EUR",
      amount: 100_001n,
      rateBps: 1000,
      baseAmountMinor: 1_000_005n,
      state: "pending",
    });
    expect(entry!.availableAt.getTime() - at.now().getTime()).toBe(30 * DAY);
    at.advance(30 * DAY);
    expect(await releaseDueEntries(ctxOf(SYSTEM, at))).toBeGreaterThanOrEqual(1);
    expect((await entriesOf(lead.id))[0]?.state).toBe("payable");
    await balancesMatchEntries(db);
  });

  it("adds every active eligible bonus as its own entry, and uses the plan's product rate", async () => {
    const cloud = await approvedLead(brightpath, "Analytics Cloud");
    await markLeadWon(ctxOf(manager), { leadId: cloud.id, amount: "20000", currency: "USD", closedOn: "2026-10-31" });
    const [campaign] = await db.select().from(bonusCampaigns);
    expect((await entriesOf(cloud.id)).map((e) => [e.source, e.amount, e.rateBps, e.campaignId])).toEqual([
      ["bonus", 100_000n, 500, campaign!.id],
      ["deal", 200_000n, 1000, null],
    ]);
    const services = await approvedLead(brightpath, "Onboarding Services");
    await markLeadWon(ctxOf(manager), {
      leadId: services.id,
      amount: "20000",
      currency: "USD",
      closedOn: "2026-10-31",
    });
    expect((await entriesOf(services.id)).map((e) => [e.source, e.amount, e.rateBps])).toEqual([
      ["deal", 100_000n, 500],
    ]);
  });

  it("creates nothing new when the same win is replayed", async () => {
    const lead = await approvedLead(brightpath);
    await markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "5000", currency: "USD", closedOn: "2026-10-31" });
    const before = await entriesOf(lead.id);
    const replay = await db.transaction(async (tx) =>
      commissionWonDeal(
        tx,
        {
          leadId: lead.id,
          partnerId: brightpath.partnerId,
          productId: before[0]!.leadId ? lead.productId : "",
          amountMinor: 500_000n,
          currency: "USD",
          wonAt: clock.now(),
          revision: 0,
        },
        clock,
        await earningBasis(tx, brightpath.partnerId),
      ),
    );
    expect(replay).toEqual([]);
    expect(await entriesOf(lead.id)).toEqual(before);
  });
});

describe("a won deal is decided once", () => {
  it("a replay after the partner moved into a campaign's tier posts nothing new", async () => {
    const cobalt = (await actorByEmail("lena@cobalt.demo")) as PartnerActor;
    const [current] = await db
      .select({ tierId: partners.tierId })
      .from(partners)
      .where(eq(partners.id, cobalt.partnerId));
    const [other] = await db
      .select({ id: tiers.id })
      .from(tiers)
      .where(ne(tiers.id, current!.tierId))
      .orderBy(asc(tiers.rank))
      .limit(1);
    const campaign = await createCampaign(ctxOf(manager), {
      name: "Other tier SPIF",
      description: "",
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
      kind: "flat",
      rateBps: 0,
      flatAmount: "250",
      currency: "USD",
      tierIds: [other!.id],
      productIds: [],
    });
    try {
      const lead = await approvedLead(cobalt);
      await markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "5000", currency: "USD", closedOn: "2026-10-31" });
      const before = await entriesOf(lead.id);
      expect(before.filter((e) => e.campaignId === campaign.id)).toEqual([]);
      await setTierOverride(ctxOf(manager), {
        partnerId: cobalt.partnerId,
        tierId: other!.id,
        reason: "Moved into the campaign's tier after the win.",
        endsOn: "2026-12-01",
      });
      const [won] = await db.select().from(leadsTable).where(eq(leadsTable.id, lead.id));
      const deal = {
        leadId: lead.id,
        partnerId: cobalt.partnerId,
        productId: lead.productId,
        amountMinor: won!.dealAmountMinor!,
        currency: "USD",
        wonAt: won!.wonAt!,
        revision: won!.dealRevision,
      };
      expect(
        await db.transaction(async (tx) => commissionWonDeal(tx, deal, clock, await earningBasis(tx, deal.partnerId))),
      ).toEqual([]);
      expect(await entriesOf(lead.id)).toEqual(before);
    } finally {
      await archiveCampaign(ctxOf(manager), { campaignId: campaign.id });
      await endTierOverride(ctxOf(manager), { partnerId: cobalt.partnerId });
    }
  });

  it("a campaign created after a deal was won never pays on it, even when its window covers the win", async () => {
    const cobalt = (await actorByEmail("lena@cobalt.demo")) as PartnerActor;
    const lead = await approvedLead(cobalt);
    const at = fixedClock(clock.now());
    await markLeadWon(ctxOf(manager, at), { leadId: lead.id, amount: "5000", currency: "USD", closedOn: "2026-10-31" });
    const [won] = await db.select().from(leadsTable).where(eq(leadsTable.id, lead.id));
    at.advance(60 * 60 * 1000);
    // Created an hour after the win, "starting today" (from 00:00 UTC, before the win).
    const campaign = await createCampaign(ctxOf(manager, at), {
      name: "Too late SPIF",
      description: "",
      startsOn: at.now().toISOString().slice(0, 10),
      endsOn: "2026-11-30",
      kind: "percent",
      rateBps: 700,
      flatAmount: "",
      tierIds: [],
      productIds: [],
    });
    try {
      const fresh = await db.transaction(async (tx) =>
        entriesForWonDeal(
          tx,
          {
            leadId: lead.id,
            partnerId: cobalt.partnerId,
            productId: lead.productId,
            amountMinor: won!.dealAmountMinor!,
            currency: "USD",
            wonAt: won!.wonAt!,
            revision: 0,
          },
          at,
          await earningBasis(tx, cobalt.partnerId),
        ),
      );
      expect(fresh.filter((e) => e.campaignId === campaign.id)).toEqual([]);
    } finally {
      await archiveCampaign(ctxOf(manager, at), { campaignId: campaign.id });
    }
  });
});

describe("clawbacks", () => {
  it("a won deal turned lost is reversed exactly, and the customer it made is released", async () => {
    const lead = await approvedLead(brightpath, "Analytics Cloud");
    await markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "8000", currency: "USD", closedOn: "2026-10-31" });
    await markLeadLost(ctxOf(manager), { leadId: lead.id, reason: "Contract cancelled in the trial period." });
    const entries = await entriesOf(lead.id);
    const clawbacks = entries.filter((e) => e.source === "clawback");
    expect(clawbacks).toHaveLength(2);
    for (const c of clawbacks) expect(c.amount).toBe(-entries.find((e) => e.id === c.reversesEntryId)!.amount);
    expect(entries.reduce((sum, e) => sum + e.amount, 0n)).toBe(0n);
    // A loss never moves a partner down (only the periodic tier review does): the 8,000 took
    // Brightpath past Silver's 50,000 and it stays there. Back to Registered, where the tests below start.
    expect(await tierKey(brightpath.partnerId)).toBe("silver");
    const [registered] = await db.select({ id: tiers.id }).from(tiers).where(eq(tiers.key, "registered"));
    await db.update(partners).set({ tierId: registered!.id }).where(eq(partners.id, brightpath.partnerId));
    await expect(
      registerLead(ctxOf(kestrel), await leadFor(db, "Again", `engine-${sequence}.example`)),
    ).resolves.toMatchObject({ status: "submitted" });
  });

  it("a corrected amount reverses what was computed from it and earns again at the recorded rate", async () => {
    const lead = await approvedLead(brightpath);
    await markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "1000", currency: "USD", closedOn: "2026-10-31" });
    await correctLeadDeal(ctxOf(manager), { leadId: lead.id, amount: "1500", reason: "Signed order was for 1,500." });
    const amounts = (await entriesOf(lead.id)).map((e) => [e.source, e.amount]);
    expect(amounts).toEqual(
      expect.arrayContaining([
        ["deal", 10_000n],
        ["clawback", -10_000n],
        ["deal", 15_000n],
      ]),
    );
    expect(amounts).toHaveLength(3);
  });
});

describe("tiers", () => {
  it("a deal that crosses a threshold promotes the partner, the next deal pays the new rate, and the history says why", async () => {
    expect(await tierKey(brightpath.partnerId)).toBe("registered");
    // Silver needs 50,000 USD of won revenue in 12 months.
    const big = await approvedLead(brightpath);
    await markLeadWon(ctxOf(manager), { leadId: big.id, amount: "60,000", currency: "USD", closedOn: "2026-10-31" });
    expect((await entriesOf(big.id))[0]).toMatchObject({ rateBps: 1000 });
    expect(await tierKey(brightpath.partnerId)).toBe("silver");
    const next = await approvedLead(brightpath);
    await markLeadWon(ctxOf(manager), { leadId: next.id, amount: "1000", currency: "USD", closedOn: "2026-10-31" });
    expect((await entriesOf(next.id))[0]).toMatchObject({ rateBps: 1200, amount: 12_000n });
    const [change] = await db
      .select()
      .from(tierChanges)
      .where(eq(tierChanges.partnerId, brightpath.partnerId))
      .orderBy(asc(tierChanges.at));
    expect(change).toMatchObject({ cause: "recompute", currency: "USD" });
    expect(change!.revenueMinor).toBeGreaterThanOrEqual(5_000_000n);
    const emails = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, "hannah@brightpath.demo"), eq(emailOutbox.template, "tierPromoted")));
    expect(emails[0]?.subject).toBe("You reached Silver");
  });
});

describe("adjustments", () => {
  it("enter the ledger only when someone other than the proposer approves, once", async () => {
    const proposed = await proposeAdjustment(ctxOf(manager), {
      partnerId: kestrel.partnerId,
      amount: "-125.50",
      currency: "USD",
      reason: "Duplicate payout in September, recovered.",
    });
    const count = async () =>
      (await db.select().from(ledgerEntries).where(eq(ledgerEntries.adjustmentId, proposed.id))).length;
    expect(await count()).toBe(0);
    await expect(
      decideAdjustment(ctxOf({ ...finance, userId: manager.userId }), {
        adjustmentId: proposed.id,
        approve: true,
        note: "",
      }),
    ).rejects.toMatchObject({ code: "adjustment.ownProposal" });
    await decideAdjustment(ctxOf(finance), {
      adjustmentId: proposed.id,
      approve: true,
      note: "Checked against the bank statement.",
    });
    await expect(
      decideAdjustment(ctxOf(admin), { adjustmentId: proposed.id, approve: true, note: "" }),
    ).rejects.toMatchObject({ code: "adjustment.alreadyDecided" });
    const [entry] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.adjustmentId, proposed.id));
    expect(entry).toMatchObject({ amount: -12_550n, asset: "USD", state: "payable", source: "adjustment" });
    await balancesMatchEntries(db);
  });
});

describe("ledger invariants (property-based)", () => {
  const operation = fc.oneof(
    fc.record({
      kind: fc.constant("win" as const),
      cents: fc.bigInt({ min: 1n, max: 50_000_000n }),
      currency: fc.constantFrom("USD", "EUR", "JPY"),
    }),
    fc.record({ kind: fc.constant("lose" as const) }),
    fc.record({ kind: fc.constant("correct" as const), cents: fc.bigInt({ min: 1n, max: 50_000_000n }) }),
    fc.record({ kind: fc.constant("wait" as const), days: fc.integer({ min: 1, max: 40 }) }),
  );

  it("balances equal the sums of the entries by state, and no clawback exceeds what it reverses", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 6 }), async (ops) => {
        const at = fixedClock(clock.now());
        let lead: { id: string; status: "approved" | "won" | "lost"; currency: string } | null = null;
        for (const op of ops) {
          if (!lead || lead.status === "lost") {
            const created = await approvedLead(kestrel, "Analytics Cloud");
            lead = { id: created.id, status: "approved", currency: "USD" };
          }
          if (op.kind === "win" && lead.status === "approved") {
            const amount = (op.currency === "JPY" ? op.cents : op.cents).toString();
            await markLeadWon(ctxOf(manager, at), {
              leadId: lead.id,
              amount,
              currency: op.currency,
              closedOn: "2026-10-31",
            });
            lead = { ...lead, status: "won", currency: op.currency };
          } else if (op.kind === "lose" && lead.status !== "lost") {
            await markLeadLost(ctxOf(manager, at), { leadId: lead.id, reason: "Property test: lost." });
            lead = { ...lead, status: "lost" };
          } else if (op.kind === "correct" && lead.status === "won") {
            await correctLeadDeal(ctxOf(manager, at), {
              leadId: lead.id,
              amount: op.cents.toString(),
              reason: "Property test: corrected.",
            }).catch((e: unknown) => {
              if (!(e instanceof Error && "code" in e && e.code === "lead.amountUnchanged")) throw e;
            });
          } else if (op.kind === "wait") {
            at.advance(op.days * DAY);
            await releaseDueEntries(ctxOf(SYSTEM, at));
          }
        }
        await balancesMatchEntries(db);
        const all = await db.select().from(ledgerEntries);
        for (const c of all.filter((e) => e.source === "clawback")) {
          const original = all.find((e) => e.id === c.reversesEntryId)!;
          expect(c.amount).toBe(-original.amount);
          expect(c.asset).toBe(original.asset);
        }
      }),
      { numRuns: 12 },
    );
  });

  it("replaying any history of won, corrected and lost events (each maybe delivered twice) gives the same ledger", async () => {
    const history = fc.record({
      amounts: fc.array(fc.bigInt({ min: 1n, max: 10_000_000n }), { minLength: 1, maxLength: 4 }),
      lost: fc.boolean(),
      duplicated: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(history, async ({ amounts, lost, duplicated }) => {
        const lead = await approvedLead(kestrel, "Analytics Cloud");
        const deal = (revision: number) => ({
          leadId: lead.id,
          partnerId: kestrel.partnerId,
          productId: lead.productId,
          amountMinor: amounts[revision]!,
          currency: "USD",
          wonAt: clock.now(),
          revision,
        });
        // The win, each correction, then perhaps the loss: what the leads service emits, in order.
        const events: ((tx: Db) => Promise<unknown>)[] = amounts.map((_, revision) =>
          revision === 0
            ? async (tx: Db) => commissionWonDeal(tx, deal(0), clock, await earningBasis(tx, kestrel.partnerId))
            : (tx: Db) => correctDealCommissions(tx, deal(revision), "corrected", clock),
        );
        if (lost) events.push((tx) => reverseLeadCommissions(tx, lead.id, amounts.length - 1, "lost", clock));
        const deliveries = events.flatMap((event, i) => (duplicated[i] ? [event, event] : [event]));
        const apply = () =>
          db.transaction(async (tx) => {
            for (const event of deliveries) await event(tx);
          });
        await apply();
        const once = await entriesOf(lead.id);
        await apply();
        expect(await entriesOf(lead.id)).toEqual(once);
        // What stands is the last amount at the partner's tier rate plus the running 5% campaign, or nothing once lost.
        const [partner] = await db
          .select({ tierId: partners.tierId })
          .from(partners)
          .where(eq(partners.id, kestrel.partnerId));
        const rate = (await db.transaction((tx) => currentPlanFor(tx, kestrel.partnerId)))!.tierRules.find(
          (r) => r.tierId === partner!.tierId,
        )!.rateBps;
        const last = amounts[amounts.length - 1]!;
        expect(once.reduce((sum, e) => sum + e.amount, 0n)).toBe(
          lost ? 0n : applyRateBps(last, rate) + applyRateBps(last, 500),
        );
        await balancesMatchEntries(db);
      }),
      {
        numRuns: 15,
        examples: [[{ amounts: [1n, 5_000_000n], lost: false, duplicated: [false, true, false, false, false] }]],
      },
    );
  });

  it("a won deal is one fact: replaying it, before or after campaigns created later or a loss, posts nothing new", async () => {
    // Weighted towards wins, campaigns and replays: the orders that matter need all three.
    const step = fc.oneof(
      {
        arbitrary: fc.record({ kind: fc.constant("win" as const), cents: fc.bigInt({ min: 1n, max: 50_000_000n }) }),
        weight: 3,
      },
      { arbitrary: fc.record({ kind: fc.constant("campaign" as const), flat: fc.boolean() }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant("replay" as const) }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant("lose" as const) }), weight: 1 },
      {
        arbitrary: fc.record({ kind: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: 30 }) }),
        weight: 1,
      },
    );
    const win = { kind: "win" as const, cents: 1_000_000n };
    const campaign = { kind: "campaign" as const, flat: true };
    const replay = { kind: "replay" as const };
    const lose = { kind: "lose" as const };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 8 }), async (steps) => {
        const at = fixedClock(clock.now());
        const campaigns: string[] = [];
        const leadIds: string[] = [];
        let lead = await approvedLead(kestrel, "Analytics Cloud");
        leadIds.push(lead.id);
        try {
          for (const s of steps) {
            const [current] = await db.select().from(leadsTable).where(eq(leadsTable.id, lead.id));
            if (s.kind === "win" && current!.status === "approved") {
              await markLeadWon(ctxOf(manager, at), {
                leadId: lead.id,
                amount: s.cents.toString(),
                currency: "USD",
                closedOn: "2026-10-31",
              });
            } else if (s.kind === "campaign") {
              // "Starting today": from 00:00 UTC, so its window covers wins from earlier today.
              const today = at.now().toISOString().slice(0, 10);
              const created = await createCampaign(ctxOf(manager, at), {
                name: `Later SPIF ${campaigns.length}`,
                description: "",
                startsOn: today,
                endsOn: today,
                kind: s.flat ? "flat" : "percent",
                rateBps: s.flat ? 0 : 300,
                flatAmount: s.flat ? "100" : "",
                currency: "USD",
                tierIds: [],
                productIds: [],
              });
              campaigns.push(created.id);
            } else if (s.kind === "replay" && current!.wonAt) {
              const before = await entriesOf(lead.id);
              const deal = {
                leadId: lead.id,
                partnerId: current!.partnerId,
                productId: current!.productId,
                amountMinor: current!.dealAmountMinor!,
                currency: current!.dealCurrency!,
                wonAt: current!.wonAt,
                revision: current!.dealRevision,
              };
              expect(
                await db.transaction(async (tx) =>
                  commissionWonDeal(tx, deal, at, await earningBasis(tx, deal.partnerId)),
                ),
              ).toEqual([]);
              expect(await entriesOf(lead.id)).toEqual(before);
            } else if (s.kind === "lose" && (current!.status === "approved" || current!.status === "won")) {
              await markLeadLost(ctxOf(manager, at), { leadId: lead.id, reason: "Property test: lost." });
              lead = await approvedLead(kestrel, "Analytics Cloud");
              leadIds.push(lead.id);
            } else if (s.kind === "wait") {
              at.advance(s.hours * 60 * 60 * 1000);
            }
          }
          for (const id of leadIds) {
            const [row] = await db.select().from(leadsTable).where(eq(leadsTable.id, id));
            const entries = await entriesOf(id);
            // A lost deal keeps nothing.
            if (row!.status === "lost")
              expect(
                entries.reduce((sum, e) => sum + e.amount, 0n),
                `lost lead ${id}`,
              ).toBe(0n);
            // No campaign created after a deal was won pays on it.
            for (const e of entries.filter((x) => x.campaignId && campaigns.includes(x.campaignId))) {
              const [c] = await db.select().from(bonusCampaigns).where(eq(bonusCampaigns.id, e.campaignId!));
              expect(c!.createdAt.getTime(), `campaign ${c!.name} on lead ${id}`).toBeLessThanOrEqual(
                row!.wonAt!.getTime(),
              );
            }
          }
          await balancesMatchEntries(db);
        } finally {
          // Each run's campaigns end with it, so runs (and the tests after) stay independent.
          for (const campaignId of campaigns) await archiveCampaign(ctxOf(manager, at), { campaignId });
        }
      }),
      {
        numRuns: 25,
        examples: [
          [[win, campaign, replay]],
          [[win, campaign, lose, replay]],
          [[win, { kind: "wait", hours: 2 }, campaign, replay, lose]],
        ],
      },
    );
  });

  it("commission = base × rate / 10000, rounded half away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 10_000 }), (base, bps) => {
        const exact = base * BigInt(bps);
        const result = applyRateBps(base, bps);
        // |result × 10000 − exact| ≤ 5000, and exactly half rounds up (away from zero).
        const diff = result * 10_000n - exact;
        expect(diff >= -5_000n && diff <= 5_000n).toBe(true);
        if (exact % 10_000n === 5_000n) expect(diff).toBe(5_000n);
      }),
    );
  });
});
