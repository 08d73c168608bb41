import { asc, eq } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { DAY, fixedClock } from "@/lib/clock";
import { SYSTEM } from "@/server/domains/actor";
import { commissionWonDeal, releaseDueEntries } from "@/server/domains/commissions/engine";
import { earningBasis } from "@/server/domains/commissions/plans";
import { recordWonRevenue } from "@/server/domains/commissions/revenue";
import { trailingNumbers } from "@/server/domains/commissions/tiers";
import {
  bonusCampaigns,
  commissionAdjustments,
  commissionPlans,
  commissionPlanVersions,
  leads,
  partners,
  planProductRates,
  planTierRules,
  products,
  tierChanges,
  tiers,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/**
 * The standard plan every install starts with: 10% base, tier rates from 10% to 20% on
 * trailing-12-month won revenue (USD) and deal count.
 */
export async function seedStandardPlan(tx: Db, clock: Clock, tierIds: Map<string, string>): Promise<void> {
  const [plan] = await tx
    .insert(commissionPlans)
    .values({
      name: "Standard partner plan",
      description: "Percent of each won deal, rising with the partner's tier.",
      isDefault: true,
      createdAt: clock.now(),
    })
    .returning();
  const [version] = await tx
    .insert(commissionPlanVersions)
    .values({
      planId: plan!.id,
      version: 1,
      baseKind: "percent",
      baseRateBps: 1000,
      recurringMonths: 12,
      createdAt: clock.now(),
    })
    .returning();
  const rules = [
    {
      key: "registered",
      rateBps: 1000,
      minRevenueMinor: null,
      minWonDeals: null,
      perks: "Deal registration and protection; partner portal access.",
      perksAr: "تسجيل الصفقات وحمايتها، والدخول إلى بوابة الشركاء.",
    },
    {
      key: "silver",
      rateBps: 1200,
      minRevenueMinor: 5_000_000n,
      minWonDeals: null,
      perks: "Co-branded assets and the partner newsletter.",
      perksAr: "مواد تسويقية مشتركة العلامة والنشرة الإخبارية للشركاء.",
    },
    {
      key: "gold",
      rateBps: 1500,
      minRevenueMinor: 15_000_000n,
      minWonDeals: 3,
      perks: "A named partner manager and marketing development funds.",
      perksAr: "مدير شركاء مخصص وأموال لتطوير التسويق.",
    },
    {
      key: "platinum",
      rateBps: 2000,
      minRevenueMinor: 40_000_000n,
      minWonDeals: 6,
      perks: "Joint business planning and early access to the roadmap.",
      perksAr: "تخطيط أعمال مشترك واطلاع مبكر على خارطة طريق المنتج.",
    },
  ];
  await tx
    .insert(planTierRules)
    .values(rules.map(({ key, ...rule }) => ({ ...rule, versionId: version!.id, tierId: tierIds.get(key)! })));
}

/** Demo extras: a lower rate for services, and a bonus campaign running now. */
export async function seedDemoIncentives(tx: Db, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  const [{ versionId }] = (await tx
    .select({ versionId: commissionPlanVersions.id })
    .from(commissionPlanVersions)
    .innerJoin(commissionPlans, eq(commissionPlans.id, commissionPlanVersions.planId))
    .where(eq(commissionPlans.isDefault, true))) as [{ versionId: string }];
  const catalog = await tx.select({ id: products.id, name: products.name }).from(products);
  const id = (name: string) => catalog.find((p) => p.name === name)!.id;
  await tx.insert(planProductRates).values({ versionId, productId: id("Onboarding Services"), rateBps: 500 });
  await tx.insert(bonusCampaigns).values({
    name: "Analytics Cloud quarter push",
    description: "An extra 5% on Analytics Cloud deals won this quarter.",
    nameAr: "حملة الربع لمنصة التحليلات السحابية",
    descriptionAr: "نسبة إضافية قدرها 5% على صفقات منصة التحليلات السحابية المربوحة في هذا الربع.",
    startsAt: new Date(now - 40 * DAY),
    endsAt: new Date(now + 40 * DAY),
    kind: "percent",
    rateBps: 500,
    productIds: [id("Analytics Cloud")],
    createdAt: new Date(now - 45 * DAY),
  });
}

/**
 * Commissions and won revenue for the demo's won deals, earned as the engine would have when
 * each was won at the tier the seed put its partner at (those past the hold period are payable;
 * no tier is rechecked, so the seed's tiers stand), the tier history that got each partner there,
 * and an adjustment waiting for finance.
 */
export async function seedDemoCommissions(tx: Db, clock: Clock, managerId: string | null): Promise<void> {
  const won = await tx.select().from(leads).where(eq(leads.status, "won")).orderBy(asc(leads.wonAt));
  for (const lead of won) {
    const deal = {
      leadId: lead.id,
      partnerId: lead.partnerId,
      productId: lead.productId,
      amountMinor: lead.dealAmountMinor!,
      currency: lead.dealCurrency!,
      wonAt: lead.wonAt!,
      revision: 0,
    };
    await commissionWonDeal(tx, deal, fixedClock(deal.wonAt), await earningBasis(tx, deal.partnerId));
    await recordWonRevenue(
      tx,
      {
        partnerId: deal.partnerId,
        sourceKind: "deal",
        sourceRef: deal.leadId,
        revision: 0,
        amountMinor: deal.amountMinor,
        currency: deal.currency,
        wonAt: deal.wonAt,
      },
      deal.wonAt,
    );
  }
  await releaseDueEntries({ db: tx, actor: SYSTEM, clock });
  const all = await tx
    .select({ id: partners.id, tierId: partners.tierId, createdAt: partners.createdAt })
    .from(partners);
  const ranked = await tx.select({ id: tiers.id, rank: tiers.rank }).from(tiers).orderBy(asc(tiers.rank));
  for (const partner of all) {
    if (partner.tierId === ranked[0]!.id) continue;
    const numbers = await trailingNumbers(tx, partner.id, clock);
    await tx.insert(tierChanges).values({
      partnerId: partner.id,
      fromTierId: ranked[0]!.id,
      toTierId: partner.tierId,
      cause: "recompute",
      ...numbers,
      at: new Date(partner.createdAt.getTime() + 120 * DAY),
    });
  }
  const [northwind] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.name, "Northwind Analytics"));
  if (northwind) {
    await tx.insert(commissionAdjustments).values({
      partnerId: northwind.id,
      asset: "USD",
      amount: 50_000n,
      reason: "Co-marketing webinar in October: agreed contribution to the partner's costs.",
      proposedBy: managerId,
      proposedAt: new Date(clock.now().getTime() - 2 * DAY),
    });
  }
}
