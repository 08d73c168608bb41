import { and, desc, eq, inArray } from "drizzle-orm";
import {
  commissionPlans,
  commissionPlanVersions,
  partnerPlans,
  planProductRates,
  planTierCertifications,
  planTierRules,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { getProgramSettings, type ProgramSettings } from "../program/service";
import type { CertificationRequirement } from "./certified";

export type PlanVersion = typeof commissionPlanVersions.$inferSelect;
/** A tier rule with its training requirements (none: the tier asks for no certification). */
export type TierRule = typeof planTierRules.$inferSelect & { certifications: CertificationRequirement[] };
export interface PartnerPlan {
  version: PlanVersion;
  tierRules: TierRule[];
}

/** The partner's plan (or the program's default plan), at its latest version, with its tier table. */
export async function currentPlanFor(tx: Db, partnerId: string): Promise<PartnerPlan | null> {
  const [assigned] = await tx
    .select({ planId: partnerPlans.planId })
    .from(partnerPlans)
    .where(eq(partnerPlans.partnerId, partnerId));
  const [version] = await tx
    .select({ version: commissionPlanVersions })
    .from(commissionPlanVersions)
    .innerJoin(commissionPlans, eq(commissionPlans.id, commissionPlanVersions.planId))
    .where(assigned ? eq(commissionPlans.id, assigned.planId) : eq(commissionPlans.isDefault, true))
    .orderBy(desc(commissionPlanVersions.version))
    .limit(1);
  if (!version) return null;
  const rules = await tx.select().from(planTierRules).where(eq(planTierRules.versionId, version.version.id));
  return { version: version.version, tierRules: await withRequirements(tx, rules) };
}

/** Attaches each rule's certification requirements (read in one statement). */
export async function withRequirements(tx: Db, rules: (typeof planTierRules.$inferSelect)[]): Promise<TierRule[]> {
  const requirements = rules.length
    ? await tx
        .select()
        .from(planTierCertifications)
        .where(
          inArray(
            planTierCertifications.ruleId,
            rules.map((r) => r.id),
          ),
        )
    : [];
  return rules.map((rule) => ({
    ...rule,
    certifications: requirements
      .filter((r) => r.ruleId === rule.id)
      .map((r) => ({ courseId: r.courseId, minPeople: r.minPeople })),
  }));
}

/** A version's own rate for a product, if it has one. */
export async function productRate(tx: Db, versionId: string, productId: string): Promise<number | null> {
  const [row] = await tx
    .select({ rateBps: planProductRates.rateBps })
    .from(planProductRates)
    .where(and(eq(planProductRates.versionId, versionId), eq(planProductRates.productId, productId)));
  return row?.rateBps ?? null;
}

/**
 * What a partner earns under, read once per transaction and passed down: its plan (the rates
 * and the tier table) and the program's settings (the hold period, the currency tiers count in).
 */
export interface EarningBasis {
  plan: PartnerPlan | null;
  settings: ProgramSettings;
}

export async function earningBasis(tx: Db, partnerId: string): Promise<EarningBasis> {
  const plan = await currentPlanFor(tx, partnerId);
  return { plan, settings: await getProgramSettings(tx) };
}
