import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { z } from "zod";
import {
  bonusCampaigns,
  commissionPlans,
  commissionPlanVersions,
  courses,
  partnerPlans,
  partners,
  planBaseKind,
  planProductRates,
  planTierCertifications,
  planTierRules,
  products,
  tierOverrides,
  tiers,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { isCurrencyCode, moneyText } from "@/lib/money";
import type { StaffActor } from "../actor";
import { amountOf } from "../amounts";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { getProgramSettings } from "../program/service";
import { courseTitles } from "./certified";
import { recomputeTier } from "./tiers";

const bps = z.number().int().min(0).max(10_000);
const currency = z.string().trim().toUpperCase().refine(isCurrencyCode, { message: "currency.invalid" });
/** Money as typed, parsed by the service in the currency's minor units. */
const amountText = moneyText({ sign: "nonNegative", required: false });

function minorOf(text: string, code: string, field: string): bigint {
  return amountOf(text, code, field, "nonNegative");
}

/** Plans with their latest version, tier table and how many partners earn under each. */
export async function listPlans(db: Db) {
  const plans = await db
    .select()
    .from(commissionPlans)
    .orderBy(desc(commissionPlans.isDefault), asc(commissionPlans.name));
  // Partners in the program (active or suspended: both still earn or keep earnings) with no
  // explicit plan; they earn under the default one.
  const [{ n: unassigned } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partners)
    .leftJoin(partnerPlans, eq(partnerPlans.partnerId, partners.id))
    .where(and(isNull(partnerPlans.partnerId), inArray(partners.status, ["active", "suspended"])));
  return Promise.all(
    plans.map(async (plan) => {
      const [version] = await db
        .select()
        .from(commissionPlanVersions)
        .where(eq(commissionPlanVersions.planId, plan.id))
        .orderBy(desc(commissionPlanVersions.version))
        .limit(1);
      const [rules, rates, [assigned]] = await Promise.all([
        version
          ? db
              .select({
                ruleId: planTierRules.id,
                tierId: planTierRules.tierId,
                tierKey: tiers.key,
                rank: tiers.rank,
                rateBps: planTierRules.rateBps,
                minRevenueMinor: planTierRules.minRevenueMinor,
                minWonDeals: planTierRules.minWonDeals,
                perks: planTierRules.perks,
                perksAr: planTierRules.perksAr,
              })
              .from(planTierRules)
              .innerJoin(tiers, eq(tiers.id, planTierRules.tierId))
              .where(eq(planTierRules.versionId, version.id))
              .orderBy(asc(tiers.rank))
          : [],
        version
          ? db
              .select({
                productId: planProductRates.productId,
                productName: products.name,
                rateBps: planProductRates.rateBps,
              })
              .from(planProductRates)
              .innerJoin(products, eq(products.id, planProductRates.productId))
              .where(eq(planProductRates.versionId, version.id))
          : [],
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(partnerPlans)
          .where(eq(partnerPlans.planId, plan.id)),
      ]);
      const requirements = rules.length
        ? await db
            .select()
            .from(planTierCertifications)
            .where(
              inArray(
                planTierCertifications.ruleId,
                rules.map((r) => r.ruleId),
              ),
            )
        : [];
      const titles = await courseTitles(
        db,
        requirements.map((r) => r.courseId),
      );
      return {
        ...plan,
        version: version ?? null,
        tierRules: rules.map(({ ruleId, ...rule }) => ({
          ...rule,
          certifications: requirements
            .filter((r) => r.ruleId === ruleId)
            .map((r) => ({ courseId: r.courseId, minPeople: r.minPeople, courseTitle: titles.get(r.courseId) ?? "" })),
        })),
        productRates: rates,
        assignedPartners: assigned?.n ?? 0,
        // The default plan also applies to every partner without a plan of its own.
        unassignedPartners: plan.isDefault ? unassigned : 0,
      };
    }),
  );
}

export const planVersionFields = {
  baseKind: z.enum(planBaseKind.enumValues),
  baseRateBps: bps.default(0),
  baseFlatAmount: amountText.default(""),
  baseFlatCurrency: currency.optional(),
  recurringMonths: z.number().int().min(0).max(120),
  tierRules: z
    .array(
      z.object({
        tierId: z.uuid(),
        rateBps: bps,
        minRevenue: amountText.default(""),
        minWonDeals: z.number().int().min(0).max(100_000).nullable(),
        perks: z.string().trim().max(500).default(""),
        /** The perks in Arabic (optional); Arabic readers see the English, marked, without it. */
        perksAr: z.string().trim().max(500).optional(),
        /**
         * "At least `minPeople` of the partner certified in the course", every one needed for the
         * tier; left out means none (optional rather than defaulted so callers may omit it).
         */
        certifications: z
          .array(z.object({ courseId: z.uuid(), minPeople: z.number().int().min(1).max(1000) }))
          .max(20)
          .optional(),
      }),
    )
    .min(1)
    .max(20),
  productRates: z
    .array(z.object({ productId: z.uuid(), rateBps: bps }))
    .max(100)
    .default([]),
};
export const createPlanInput = z.object({
  name: z.string().trim().min(2).max(80),
  description: z.string().trim().max(500).default(""),
  ...planVersionFields,
});
export const publishVersionInput = z.object({ planId: z.uuid(), ...planVersionFields });

/** Writes a new version: plans in use are never edited in place, so past commissions keep their rules. */
async function writeVersion(
  tx: Db,
  actor: StaffActor,
  planId: string,
  input: z.infer<typeof publishVersionInput>,
  clock: Clock,
) {
  const { currency: programCurrency } = await getProgramSettings(tx);
  const flatCurrency = input.baseFlatCurrency ?? programCurrency;
  if (new Set(input.tierRules.map((r) => r.tierId)).size !== input.tierRules.length)
    throw new InvalidError("plan.duplicateTier", "tierRules");
  const [latest] = await tx
    .select({ version: max(commissionPlanVersions.version) })
    .from(commissionPlanVersions)
    .where(eq(commissionPlanVersions.planId, planId));
  const [version] = await tx
    .insert(commissionPlanVersions)
    .values({
      planId,
      version: (latest?.version ?? 0) + 1,
      baseKind: input.baseKind,
      baseRateBps: input.baseKind === "percent" ? input.baseRateBps : null,
      baseFlatMinor: input.baseKind === "flat" ? minorOf(input.baseFlatAmount, flatCurrency, "baseFlatAmount") : null,
      baseFlatCurrency: input.baseKind === "flat" ? flatCurrency : null,
      recurringMonths: input.recurringMonths,
      createdBy: actor.userId,
      createdAt: clock.now(),
    })
    .returning();
  await assertRequirableCourses(tx, input.tierRules);
  const written = await tx
    .insert(planTierRules)
    .values(
      input.tierRules.map((r, i) => ({
        versionId: version!.id,
        tierId: r.tierId,
        rateBps: r.rateBps,
        minRevenueMinor: r.minRevenue ? minorOf(r.minRevenue, programCurrency, `tierRules.${i}.minRevenue`) : null,
        minWonDeals: r.minWonDeals,
        perks: r.perks || null,
        perksAr: r.perksAr || null,
      })),
    )
    .returning({ id: planTierRules.id, tierId: planTierRules.tierId });
  // Each version carries its own copy of the requirements, like the rest of its tier table.
  const requirements = input.tierRules.flatMap((r) =>
    (r.certifications ?? []).map((c) => ({
      ruleId: written.find((w) => w.tierId === r.tierId)!.id,
      courseId: c.courseId,
      minPeople: c.minPeople,
    })),
  );
  if (requirements.length) await tx.insert(planTierCertifications).values(requirements);
  if (input.productRates.length)
    await tx.insert(planProductRates).values(input.productRates.map((r) => ({ versionId: version!.id, ...r })));
  return version!;
}

/** Every required course exists and is not retired, and appears once per tier; errors name the field. */
async function assertRequirableCourses(tx: Db, rules: z.infer<typeof publishVersionInput>["tierRules"]) {
  const ids = [...new Set(rules.flatMap((r) => (r.certifications ?? []).map((c) => c.courseId)))];
  const found = ids.length
    ? await tx.select({ id: courses.id, retiredAt: courses.retiredAt }).from(courses).where(inArray(courses.id, ids))
    : [];
  rules.forEach((rule, i) => {
    const seen = new Set<string>();
    (rule.certifications ?? []).forEach((c, j) => {
      const field = `tierRules.${i}.certifications.${j}.courseId`;
      const course = found.find((f) => f.id === c.courseId);
      if (!course) throw new InvalidError("plan.certificationCourseUnknown", field);
      if (course.retiredAt) throw new InvalidError("plan.certificationCourseRetired", field);
      if (seen.has(c.courseId)) throw new InvalidError("plan.certificationDuplicate", field);
      seen.add(c.courseId);
    });
  });
}

export async function createPlan(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof createPlanInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [clash] = await tx
      .select({ id: commissionPlans.id })
      .from(commissionPlans)
      .where(sql`lower(${commissionPlans.name}) = lower(${input.name})`);
    if (clash) throw new ConflictError("plan.nameTaken", "name");
    const [plan] = await tx
      .insert(commissionPlans)
      .values({ name: input.name, description: input.description || null, createdAt: clock.now() })
      .returning();
    const version = await writeVersion(tx, actor, plan!.id, { planId: plan!.id, ...input }, clock);
    await audit(
      tx,
      actor,
      { action: "plan.created", entityType: "plan", entityId: plan!.id, after: { ...input, version: version.version } },
      clock.now(),
    );
    return plan!;
  });
}

export async function publishPlanVersion(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof publishVersionInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [plan] = await tx.select().from(commissionPlans).where(eq(commissionPlans.id, input.planId)).for("update");
    if (!plan) throw new NotFoundError("plan.notFound", "planId");
    const version = await writeVersion(tx, actor, plan.id, input, clock);
    await audit(
      tx,
      actor,
      {
        action: "plan.versionPublished",
        entityType: "plan",
        entityId: plan.id,
        after: { ...input, version: version.version },
      },
      clock.now(),
    );
    return version;
  });
}

export const assignPlanInput = z.object({ partnerId: z.uuid(), planId: z.uuid() });

/** Puts a partner on a plan; new commissions use its latest version, and the tier follows its table. */
export async function assignPlan(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof assignPlanInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId));
    if (!partner) throw new NotFoundError("partner.notFound", "partnerId");
    const [plan] = await tx
      .select({ id: commissionPlans.id })
      .from(commissionPlans)
      .where(eq(commissionPlans.id, input.planId));
    if (!plan) throw new InvalidError("plan.notFound", "planId");
    const [before] = await tx.select().from(partnerPlans).where(eq(partnerPlans.partnerId, input.partnerId));
    await tx
      .insert(partnerPlans)
      .values({ partnerId: input.partnerId, planId: input.planId, assignedBy: actor.userId, assignedAt: clock.now() })
      .onConflictDoUpdate({
        target: partnerPlans.partnerId,
        set: { planId: input.planId, assignedBy: actor.userId, assignedAt: clock.now() },
      });
    await audit(
      tx,
      actor,
      {
        action: "partner.planAssigned",
        entityType: "partner",
        entityId: input.partnerId,
        before: { planId: before?.planId ?? null },
        after: { planId: input.planId },
      },
      clock.now(),
    );
    await recomputeTier(tx, input.partnerId, clock, { actor });
  });
}

export const createCampaignInput = z.object({
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(1000).default(""),
  /** Optional Arabic texts; empty means English only (Arabic readers see the English, marked). */
  nameAr: z.string().trim().max(120).optional(),
  descriptionAr: z.string().trim().max(1000).optional(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  kind: z.enum(planBaseKind.enumValues),
  rateBps: bps.default(0),
  flatAmount: amountText.default(""),
  currency: currency.optional(),
  tierIds: z.array(z.uuid()).max(20).default([]),
  productIds: z.array(z.uuid()).max(100).default([]),
});

/** A SPIF from the start of its first day to the end of its last (UTC). */
export async function createCampaign(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof createCampaignInput>) {
  const { actor, clock } = ctx;
  if (input.endsOn < input.startsOn) throw new InvalidError("campaign.endsBeforeStart", "endsOn");
  if (input.kind === "percent" && input.rateBps <= 0) throw new InvalidError("campaign.rateRequired", "rateBps");
  return withTransaction(ctx, async (tx) => {
    const flatCurrency = input.currency ?? (await getProgramSettings(tx)).currency;
    const flatMinor =
      input.kind !== "flat"
        ? null
        : input.flatAmount === ""
          ? 0n
          : minorOf(input.flatAmount, flatCurrency, "flatAmount");
    if (flatMinor === 0n) throw new InvalidError("campaign.amountRequired", "flatAmount");
    const [row] = await tx
      .insert(bonusCampaigns)
      .values({
        name: input.name,
        description: input.description || null,
        nameAr: input.nameAr || null,
        descriptionAr: input.descriptionAr || null,
        startsAt: new Date(`${input.startsOn}T00:00:00Z`),
        endsAt: new Date(new Date(`${input.endsOn}T00:00:00Z`).getTime() + 86_400_000),
        kind: input.kind,
        rateBps: input.kind === "percent" ? input.rateBps : null,
        flatMinor,
        currency: input.kind === "flat" ? flatCurrency : null,
        tierIds: input.tierIds,
        productIds: input.productIds,
        createdBy: actor.userId,
        createdAt: clock.now(),
      })
      .returning();
    await audit(
      tx,
      actor,
      { action: "campaign.created", entityType: "campaign", entityId: row!.id, after: row },
      clock.now(),
    );
    return row!;
  });
}

export async function listCampaigns(db: Db) {
  return db.select().from(bonusCampaigns).orderBy(desc(bonusCampaigns.startsAt));
}

export const archiveCampaignInput = z.object({ campaignId: z.uuid() });

/** Ends a campaign for deals won from now on; entries it already earned stay. */
export async function archiveCampaign(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof archiveCampaignInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(bonusCampaigns)
      .set({ archivedAt: clock.now() })
      .where(and(eq(bonusCampaigns.id, input.campaignId), isNull(bonusCampaigns.archivedAt)))
      .returning();
    if (!row) throw new NotFoundError("campaign.notFound", "campaignId");
    await audit(tx, actor, { action: "campaign.archived", entityType: "campaign", entityId: row.id }, clock.now());
  });
}

export const setOverrideInput = z.object({
  partnerId: z.uuid(),
  tierId: z.uuid(),
  reason: z.string().trim().min(10).max(1000),
  endsOn: z.iso.date(),
});

/** Holds a partner at a tier until a date, whatever the numbers say; recorded like any tier change. */
export async function setTierOverride(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof setOverrideInput>) {
  const { actor, clock } = ctx;
  const endsAt = new Date(`${input.endsOn}T00:00:00Z`);
  if (endsAt <= clock.now()) throw new InvalidError("tierOverride.endInPast", "endsOn");
  return withTransaction(ctx, async (tx) => {
    const [tier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, input.tierId));
    if (!tier) throw new InvalidError("application.tierUnknown", "tierId");
    await tx
      .update(tierOverrides)
      .set({ endedAt: clock.now() })
      .where(and(eq(tierOverrides.partnerId, input.partnerId), isNull(tierOverrides.endedAt)));
    const [row] = await tx
      .insert(tierOverrides)
      .values({
        partnerId: input.partnerId,
        tierId: input.tierId,
        reason: input.reason,
        endsAt,
        createdBy: actor.userId,
        createdAt: clock.now(),
      })
      .returning();
    await audit(
      tx,
      actor,
      { action: "partner.tierOverridden", entityType: "partner", entityId: input.partnerId, after: row },
      clock.now(),
    );
    await recomputeTier(tx, input.partnerId, clock, { actor, cause: "override", note: input.reason });
    return row!;
  });
}

export const endOverrideInput = z.object({ partnerId: z.uuid() });

export async function endTierOverride(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof endOverrideInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const ended = await tx
      .update(tierOverrides)
      .set({ endedAt: clock.now() })
      .where(and(eq(tierOverrides.partnerId, input.partnerId), isNull(tierOverrides.endedAt)))
      .returning();
    if (ended.length === 0) throw new NotFoundError("tierOverride.none", "partnerId");
    await audit(
      tx,
      actor,
      { action: "partner.tierOverrideEnded", entityType: "partner", entityId: input.partnerId },
      clock.now(),
    );
    await recomputeTier(tx, input.partnerId, clock, { actor, cause: "override_ended" });
  });
}
