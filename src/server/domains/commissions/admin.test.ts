import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import {
  auditLog,
  bonusCampaigns,
  commissionAdjustments,
  commissionPlans,
  ledgerEntries,
  partners,
  products,
  programSettings,
  tierChanges,
  tiers,
} from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import type { PartnerActor } from "../actor";
import { registerLead } from "../leads/register";
import { approveLead, markLeadWon } from "../leads/review";
import { proposeAdjustment, proposeAdjustmentInput } from "./adjustments";
import {
  archiveCampaign,
  assignPlan,
  createCampaign,
  createCampaignInput,
  createPlan,
  endTierOverride,
  listPlans,
  publishPlanVersion,
  setTierOverride,
} from "./admin";

const { db, clock, manager, actorByEmail, ctxOf } = await setupProgram();
await db.update(programSettings).set({ leadDailyLimit: 10_000 }).where(eq(programSettings.id, 1));
const brightpath = (await actorByEmail("hannah@brightpath.demo")) as PartnerActor;
const tierId = async (key: string) => (await db.select({ id: tiers.id }).from(tiers).where(eq(tiers.key, key)))[0]!.id;
const tierKeyOf = async (partnerId: string) =>
  (
    await db
      .select({ key: tiers.key })
      .from(partners)
      .innerJoin(tiers, eq(tiers.id, partners.tierId))
      .where(eq(partners.id, partnerId))
  )[0]!.key;
const tierRows = async (rate: number) =>
  Promise.all(
    ["registered", "silver", "gold", "platinum"].map(async (key, i) => ({
      tierId: await tierId(key),
      rateBps: rate + i * 100,
      minRevenue: i === 0 ? "" : `${i * 100000}`,
      minWonDeals: null,
      perks: "",
    })),
  );

let n = 0;
async function win(actor: PartnerActor, amount: string, at = clock) {
  const lead = await registerLead(ctxOf(actor, at), await leadFor(db, `Plan Co ${++n}`, `plan-co-${n}.example`));
  await approveLead(ctxOf(manager, at), { leadId: lead.id });
  await markLeadWon(ctxOf(manager, at), { leadId: lead.id, amount, currency: "USD", closedOn: "2026-10-31" });
  return (
    await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.leadId, lead.id), eq(ledgerEntries.source, "deal")))
  )[0]!;
}

describe("plans", () => {
  it("a new version applies from now on; earlier commissions keep the version and rate they were computed with", async () => {
    const plan = await createPlan(ctxOf(manager), {
      name: "Resellers 2027",
      description: "",
      baseKind: "percent",
      baseRateBps: 800,
      baseFlatAmount: "",
      recurringMonths: 12,
      tierRules: await tierRows(800),
      productRates: [],
    });
    await assignPlan(ctxOf(manager), { partnerId: brightpath.partnerId, planId: plan.id });
    const first = await win(brightpath, "1000");
    expect(first).toMatchObject({ rateBps: 800, amount: 8_000n });
    const v2 = await publishPlanVersion(ctxOf(manager), {
      planId: plan.id,
      baseKind: "percent",
      baseRateBps: 900,
      baseFlatAmount: "",
      recurringMonths: 6,
      tierRules: await tierRows(900),
      productRates: [],
    });
    expect(v2.version).toBe(2);
    const second = await win(brightpath, "1000");
    expect(second).toMatchObject({ rateBps: 900, amount: 9_000n, planVersionId: v2.id });
    const [again] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, first.id));
    expect(again).toMatchObject({ rateBps: 800, amount: 8_000n, planVersionId: first.planVersionId });
    const listed = (await listPlans(db)).find((p) => p.id === plan.id)!;
    expect(listed).toMatchObject({ assignedPartners: 1, version: { version: 2, recurringMonths: 6 } });
  });

  it("a flat plan pays its amount per won deal, in its own currency", async () => {
    const plan = await createPlan(ctxOf(manager), {
      name: "Referral flat",
      description: "",
      baseKind: "flat",
      baseRateBps: 0,
      baseFlatAmount: "250",
      baseFlatCurrency: "EUR",
      recurringMonths: 0,
      tierRules: [{ tierId: await tierId("registered"), rateBps: 0, minRevenue: "", minWonDeals: null, perks: "" }],
      productRates: [],
    });
    const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
    await assignPlan(ctxOf(manager), { partnerId: kestrel.partnerId, planId: plan.id });
    expect(await win(kestrel, "99999")).toMatchObject({
      asset: "EUR",
      amount: 25_000n,
      flatMinor: 25_000n,
      rateBps: null,
    });
  });

  it("refuses a second plan of the same name and a tier listed twice", async () => {
    await expect(
      createPlan(ctxOf(manager), {
        name: "resellers 2027",
        description: "",
        baseKind: "percent",
        baseRateBps: 800,
        baseFlatAmount: "",
        recurringMonths: 12,
        tierRules: await tierRows(800),
        productRates: [],
      }),
    ).rejects.toMatchObject({ code: "plan.nameTaken", field: "name" });
    const rows = await tierRows(800);
    await expect(
      createPlan(ctxOf(manager), {
        name: "Doubled",
        description: "",
        baseKind: "percent",
        baseRateBps: 800,
        baseFlatAmount: "",
        recurringMonths: 12,
        tierRules: [rows[0]!, rows[0]!],
        productRates: [],
      }),
    ).rejects.toMatchObject({ code: "plan.duplicateTier" });
    expect((await db.select().from(commissionPlans)).map((p) => p.name).filter((name) => name === "Doubled")).toEqual(
      [],
    );
  });
});

describe("campaigns", () => {
  it("pays deals won inside the window for eligible products, and nothing once ended", async () => {
    const [connectors] = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.name, "Data Connectors"));
    const campaign = await createCampaign(ctxOf(manager), {
      name: "Connector week",
      description: "",
      startsOn: "2026-10-30",
      endsOn: "2026-11-05",
      kind: "flat",
      rateBps: 0,
      flatAmount: "100",
      currency: "USD",
      tierIds: [],
      productIds: [connectors!.id],
    });
    const lead = await registerLead(
      ctxOf(brightpath),
      await leadFor(db, "Spif Co", "spif.example", { productId: connectors!.id }),
    );
    await approveLead(ctxOf(manager), { leadId: lead.id });
    await markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "500", currency: "USD", closedOn: "2026-10-31" });
    const bonus = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.leadId, lead.id), eq(ledgerEntries.campaignId, campaign.id)));
    expect(bonus.map((b) => b.amount)).toEqual([10_000n]);
    await archiveCampaign(ctxOf(manager), { campaignId: campaign.id });
    const later = await registerLead(
      ctxOf(brightpath),
      await leadFor(db, "Spif Co 2", "spif-2.example", { productId: connectors!.id }),
    );
    await approveLead(ctxOf(manager), { leadId: later.id });
    await markLeadWon(ctxOf(manager), { leadId: later.id, amount: "500", currency: "USD", closedOn: "2026-10-31" });
    expect(
      await db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.leadId, later.id), eq(ledgerEntries.campaignId, campaign.id))),
    ).toEqual([]);
  });

  it("refuses a window that ends before it starts", async () => {
    await expect(
      createCampaign(ctxOf(manager), {
        name: "Backwards",
        description: "",
        startsOn: "2026-11-05",
        endsOn: "2026-11-01",
        kind: "percent",
        rateBps: 100,
        flatAmount: "",
        tierIds: [],
        productIds: [],
      }),
    ).rejects.toMatchObject({ field: "endsOn" });
  });
});

describe("tier overrides", () => {
  it("hold a partner at a tier until the end date, recorded with the reason, then the numbers decide again", async () => {
    const cobalt = (await actorByEmail("lena@cobalt.demo")) as PartnerActor;
    await setTierOverride(ctxOf(manager), {
      partnerId: cobalt.partnerId,
      tierId: await tierId("gold"),
      reason: "Strategic account: hold at Gold through the transition.",
      endsOn: "2026-12-01",
    });
    expect(await tierKeyOf(cobalt.partnerId)).toBe("gold");
    await endTierOverride(ctxOf(manager, fixedClock(new Date(clock.now().getTime() + DAY))), {
      partnerId: cobalt.partnerId,
    });
    const changes = await db
      .select()
      .from(tierChanges)
      .where(eq(tierChanges.partnerId, cobalt.partnerId))
      .orderBy(asc(tierChanges.at));
    expect(changes.slice(-2).map((c) => c.cause)).toEqual(["override", "override_ended"]);
    await expect(
      setTierOverride(ctxOf(manager), {
        partnerId: cobalt.partnerId,
        tierId: await tierId("gold"),
        reason: "Too late for this one, surely.",
        endsOn: "2026-01-01",
      }),
    ).rejects.toMatchObject({ code: "tierOverride.endInPast" });
  });
});

describe("amounts out of range", () => {
  /** 10^17 minor units, 2^63 minor units, and 2^63 in major units (all USD): none may reach the database. */
  const HUGE = ["1000000000000000.00", "92233720368547758.08", "9223372036854775808"];
  const written = async () => ({
    adjustments: (await db.select().from(commissionAdjustments)).length,
    campaigns: (await db.select().from(bonusCampaigns)).length,
    plans: (await db.select().from(commissionPlans)).length,
    audit: (await db.select().from(auditLog)).length,
  });

  it.each(["100000000000000000", "9223372036854775808", "-9223372036854775808"])(
    "the input schemas refuse %s on its field, whatever the other fields say",
    (amount) => {
      const paths = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
        result.error?.issues.map((i) => [i.path.join("."), i.message]);
      expect(
        paths(
          proposeAdjustmentInput.safeParse({
            partnerId: brightpath.partnerId,
            amount,
            currency: "USD",
            reason: "Far too much money for anyone.",
          }),
        ),
      ).toEqual([["amount", "money.tooLarge"]]);
      // A percent campaign does not use its flat amount, and still may not carry an impossible one.
      expect(
        paths(
          createCampaignInput.safeParse({
            name: "Jackpot",
            startsOn: "2026-11-01",
            endsOn: "2026-11-30",
            kind: "percent",
            rateBps: 100,
            flatAmount: amount,
          }),
        ),
      ).toEqual([["flatAmount", "money.tooLarge"]]);
    },
  );

  it.each([...HUGE, ...HUGE.map((h) => `-${h}`)])(
    "an adjustment of %s is refused on its amount, writing nothing",
    async (amount) => {
      const before = await written();
      await expect(
        proposeAdjustment(ctxOf(manager), {
          partnerId: brightpath.partnerId,
          amount,
          currency: "USD",
          reason: "Far too much money for anyone.",
        }),
      ).rejects.toMatchObject({ kind: "invalid", code: "money.tooLarge", field: "amount" });
      expect(await written()).toEqual(before);
    },
  );

  it("an adjustment of exactly the maximum, either way, is accepted", async () => {
    for (const amount of ["100000000000", "-100000000000"]) {
      await expect(
        proposeAdjustment(ctxOf(manager), {
          partnerId: brightpath.partnerId,
          amount,
          currency: "USD",
          reason: "The largest adjustment there is.",
        }),
      ).resolves.toMatchObject({ amount: BigInt(amount) * 100n });
    }
  });

  it.each(HUGE)("a flat campaign of %s is refused on its amount, writing nothing", async (flatAmount) => {
    const before = await written();
    await expect(
      createCampaign(ctxOf(manager), {
        name: "Jackpot",
        description: "",
        startsOn: "2026-11-01",
        endsOn: "2026-11-30",
        kind: "flat",
        rateBps: 0,
        flatAmount,
        currency: "USD",
        tierIds: [],
        productIds: [],
      }),
    ).rejects.toMatchObject({ kind: "invalid", code: "money.tooLarge", field: "flatAmount" });
    expect(await written()).toEqual(before);
  });

  it("a flat campaign of nothing is refused before anything is written", async () => {
    const before = await written();
    await expect(
      createCampaign(ctxOf(manager), {
        name: "Nothing",
        description: "",
        startsOn: "2026-11-01",
        endsOn: "2026-11-30",
        kind: "flat",
        rateBps: 0,
        flatAmount: "0",
        currency: "USD",
        tierIds: [],
        productIds: [],
      }),
    ).rejects.toMatchObject({ code: "campaign.amountRequired", field: "flatAmount" });
    expect(await written()).toEqual(before);
  });

  it.each(HUGE)(
    "a flat plan of %s, or a tier threshold of it, is refused on that field, writing nothing",
    async (amount) => {
      const before = await written();
      const flat = {
        name: `Huge flat ${amount}`,
        description: "",
        baseKind: "flat" as const,
        baseRateBps: 0,
        baseFlatAmount: amount,
        baseFlatCurrency: "USD",
        recurringMonths: 0,
        tierRules: [{ tierId: await tierId("registered"), rateBps: 0, minRevenue: "", minWonDeals: null, perks: "" }],
        productRates: [],
      };
      await expect(createPlan(ctxOf(manager), flat)).rejects.toMatchObject({
        kind: "invalid",
        code: "money.tooLarge",
        field: "baseFlatAmount",
      });
      const rows = await tierRows(800);
      const threshold = {
        name: `Huge threshold ${amount}`,
        description: "",
        baseKind: "percent" as const,
        baseRateBps: 800,
        baseFlatAmount: "",
        recurringMonths: 12,
        tierRules: [rows[0]!, { ...rows[1]!, minRevenue: amount }],
        productRates: [],
      };
      await expect(createPlan(ctxOf(manager), threshold)).rejects.toMatchObject({
        kind: "invalid",
        code: "money.tooLarge",
        field: "tierRules.1.minRevenue",
      });
      expect(await written()).toEqual(before);
    },
  );
});
