import { and, asc, desc, eq, gt, isNull, lt, lte, or } from "drizzle-orm";
import {
  commissionPlans,
  commissionPlanVersions,
  partnerPlans,
  partners,
  planTierCertifications,
  planTierRules,
  tierChanges,
  tierOverrides,
  tiers,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { isReviewDay, nextReviewDay } from "@/lib/tier-review";
import { SYSTEM } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type AnyActor, type ServiceCtx } from "../context";
import { getProgramSettings } from "../program/service";
import {
  certifiedCounts,
  certifiedCountsByPartner,
  courseTitles,
  NO_CERTIFIED,
  unmetCertifications,
  type CertificationRequirement,
  type CertifiedCounts,
} from "./certified";
import { currentPlanFor, type EarningBasis, type TierRule } from "./plans";
import { standingRevenue } from "./revenue";
import { emailOwners, missedCertifications, missedThresholds } from "./tier-notices";

/** What the tier thresholds are measured on: the trailing 12 months of won revenue. */
export interface TierNumbers {
  /** Won revenue in the program currency (revenue in other currencies is not converted). */
  revenueMinor: bigint;
  currency: string;
  wonDeals: number;
}

/** The window tier numbers look back over. */
function windowStart(clock: Clock): Date {
  return new Date(clock.now().getTime() - 365 * DAY);
}

/** The partner's standing won revenue of the last 12 months; `currency` is the program's (read when not given). */
export async function trailingNumbers(
  tx: Db,
  partnerId: string,
  clock: Clock,
  currency?: string,
): Promise<TierNumbers> {
  const programCurrency = currency ?? (await getProgramSettings(tx)).currency;
  const [row] = await standingRevenue(tx, { since: windowStart(clock), currency: programCurrency, partnerId });
  return { revenueMinor: BigInt(row?.revenue ?? "0"), currency: programCurrency, wonDeals: row?.wonDeals ?? 0 };
}

/** What a tier rule asks for: revenue, won deals and (when it has any) certified people. */
export type RuleThresholds = Pick<TierRule, "minRevenueMinor" | "minWonDeals"> & {
  certifications?: CertificationRequirement[];
};
type RankedRule = RuleThresholds & Pick<TierRule, "tierId">;

/** Whether the partner has enough certified people for every training requirement of the rule. */
export function meetsCertifications(rule: RuleThresholds, certified: CertifiedCounts = NO_CERTIFIED): boolean {
  return unmetCertifications(rule.certifications, certified).length === 0;
}

/**
 * A rule is met when every threshold it sets is met, certifications included (counted in
 * `certified`, none when not given); a rule with none is the entry tier.
 */
export function meets(rule: RuleThresholds, numbers: TierNumbers, certified: CertifiedCounts = NO_CERTIFIED): boolean {
  return (
    (rule.minRevenueMinor === null || numbers.revenueMinor >= rule.minRevenueMinor) &&
    (rule.minWonDeals === null || numbers.wonDeals >= rule.minWonDeals) &&
    meetsCertifications(rule, certified)
  );
}

/** The highest-ranked tier whose rule the numbers meet (the lowest tier when none is). */
export function qualifyingTier(
  ranked: { id: string; rank: number }[],
  rules: RankedRule[],
  numbers: TierNumbers,
  certified: CertifiedCounts = NO_CERTIFIED,
): string {
  const byRankDesc = [...ranked].sort((a, b) => b.rank - a.rank);
  for (const tier of byRankDesc) {
    const rule = rules.find((r) => r.tierId === tier.id);
    if (rule && meets(rule, numbers, certified)) return tier.id;
  }
  return [...ranked].sort((a, b) => a.rank - b.rank)[0]!.id;
}

/**
 * Where a missing certification puts the partner: when the current tier's training requirements
 * are met, the current tier; else the highest tier below it whose requirements are (revenue is
 * left to the review), the lowest tier when none is.
 */
export function certificationFloor(
  current: string,
  rules: RankedRule[],
  ranked: { id: string; rank: number }[],
  certified: CertifiedCounts = NO_CERTIFIED,
): string {
  const ruleOf = (id: string) => rules.find((r) => r.tierId === id);
  const currentRule = ruleOf(current);
  if (!currentRule || meetsCertifications(currentRule, certified)) return current;
  const currentRank = ranked.find((t) => t.id === current)?.rank ?? -1;
  const below = ranked.filter((t) => t.rank < currentRank).sort((a, b) => b.rank - a.rank);
  for (const tier of below) {
    const rule = ruleOf(tier.id);
    if (rule && meetsCertifications(rule, certified)) return tier.id;
  }
  return [...ranked].sort((a, b) => a.rank - b.rank)[0]!.id;
}

/**
 * Where a partner belongs: an active override wins (a manager's explicit decision, up or down);
 * without a plan there is no tier table, so it stays. Otherwise the numbers promote at once (every
 * requirement met, certifications included), but revenue and deals move a partner down only when
 * `mayDemote` (the periodic review, after the starting tier's hold); a certification the current
 * tier requires and the partner no longer has moves it down at once (`certificationFloor`).
 */
export function targetTier(
  current: string,
  overrideTierId: string | null,
  rules: RankedRule[] | null,
  ranked: { id: string; rank: number }[],
  numbers: TierNumbers,
  mayDemote = false,
  certified: CertifiedCounts = NO_CERTIFIED,
): string {
  if (overrideTierId) return overrideTierId;
  if (!rules) return current;
  const qualified = qualifyingTier(ranked, rules, numbers, certified);
  const rankOf = (id: string) => ranked.find((t) => t.id === id)?.rank ?? -1;
  if (mayDemote || rankOf(qualified) > rankOf(current)) return qualified;
  return certificationFloor(current, rules, ranked, certified);
}

/** The courses any of the rules asks certifications in. */
export function requiredCourses(rules: { certifications?: CertificationRequirement[] }[] | null | undefined): string[] {
  return [...new Set((rules ?? []).flatMap((r) => (r.certifications ?? []).map((c) => c.courseId)))];
}

/** The partner's certified people now, counted only for the courses its plan asks for. */
export function partnerCertified(tx: Db, partnerId: string, rules: TierRule[] | null | undefined, at: Date) {
  const courses = requiredCourses(rules);
  return courses.length ? certifiedCounts(tx, partnerId, at, courses) : Promise.resolve(new Map<string, number>());
}

/** Midnight UTC at the start of `at`'s day. */
function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * The review running now, if today is a review day: its day's start. A partner is looked at by
 * it when its hold ended before that day began (so the next review after the hold is exactly
 * `nextReviewDay(heldUntil)`) and this review has not looked at it yet (a job may run twice).
 */
function reviewOf(now: Date, months: number): Date | null {
  return isReviewDay(now, months) ? startOfUtcDay(now) : null;
}

function underReview(
  partner: { tierHeldUntil: Date | null; tierReviewedAt: Date | null },
  review: Date | null,
): boolean {
  return (
    review !== null &&
    (partner.tierHeldUntil === null || partner.tierHeldUntil < review) &&
    (partner.tierReviewedAt === null || partner.tierReviewedAt < review)
  );
}

async function activeOverride(tx: Db, partnerId: string, now: Date) {
  const [row] = await tx
    .select()
    .from(tierOverrides)
    .where(and(eq(tierOverrides.partnerId, partnerId), isNull(tierOverrides.endedAt), gt(tierOverrides.endsAt, now)))
    .orderBy(asc(tierOverrides.createdAt))
    .limit(1);
  return row ?? null;
}

export interface RecomputeOptions {
  /** Who decided (a manager's override or plan change); the system when the numbers moved it. */
  actor?: AnyActor;
  cause?: "recompute" | "override" | "override_ended";
  note?: string;
  /**
   * The periodic review's day (its midnight, UTC), given only by the nightly run on a review day:
   * then, and only for a partner whose starting tier's hold ended before it, the numbers may move
   * the partner down. Every other caller (a won deal, a plan change, an override ending) promotes
   * at once and never demotes.
   */
  review?: Date;
  /** The partner's plan and the program settings, when the caller has read them in this transaction. */
  basis?: EarningBasis;
}

export { isReviewDay, nextReviewDay };

export type TierRecompute = Awaited<ReturnType<typeof recomputeTier>>;

/**
 * Puts the partner at the tier its numbers (or an active override) call for: promotions at once,
 * demotions only at a review (see `RecomputeOptions.review`) or by a manager's override. A change
 * is recorded with the numbers that caused it, audited and emailed to the owners.
 */
export async function recomputeTier(tx: Db, partnerId: string, clock: Clock, options: RecomputeOptions = {}) {
  const [partner] = await tx
    .select({ tierId: partners.tierId, tierHeldUntil: partners.tierHeldUntil, tierReviewedAt: partners.tierReviewedAt })
    .from(partners)
    .where(eq(partners.id, partnerId))
    .for("no key update");
  if (!partner) return null;
  const now = clock.now();
  const numbers = await trailingNumbers(tx, partnerId, clock, options.basis?.settings.currency);
  const ranked = await tx
    .select({ id: tiers.id, rank: tiers.rank, key: tiers.key, name: tiers.name })
    .from(tiers)
    .orderBy(asc(tiers.rank));
  const override = await activeOverride(tx, partnerId, now);
  const plan = options.basis ? options.basis.plan : await currentPlanFor(tx, partnerId);
  const mayDemote = underReview(partner, options.review ?? null);
  const certified = await partnerCertified(tx, partnerId, plan?.tierRules, now);
  const target = targetTier(
    partner.tierId,
    override?.tierId ?? null,
    plan?.tierRules ?? null,
    ranked,
    numbers,
    mayDemote,
    certified,
  );
  if (target === partner.tierId) return { changed: false as const, tierId: target, numbers };
  const from = ranked.find((t) => t.id === partner.tierId);
  const to = ranked.find((t) => t.id === target)!;
  const promoted = (from?.rank ?? -1) < to.rank;
  const fromRule = plan?.tierRules.find((r) => r.tierId === partner.tierId);
  // A move down no override made: a certification the tier left requires, else the review's numbers.
  const unmet = !override && !promoted ? unmetCertifications(fromRule?.certifications, certified) : [];
  const titles = await courseTitles(
    tx,
    unmet.map((u) => u.courseId),
  );
  const missing = unmet.map((u) => ({ ...u, title: titles.get(u.courseId) ?? u.courseId }));
  const byCertification = missing.length > 0;
  const byReview = !override && !promoted && !byCertification;
  const cause = byCertification
    ? "certification"
    : byReview
      ? "review"
      : (options.cause ?? (override ? "override" : "recompute"));
  const note = byCertification
    ? `${missedCertifications(missing)}.`
    : byReview
      ? missedThresholds(from?.name ?? "previous tier", fromRule, numbers)
      : (options.note ?? override?.reason ?? null);
  await tx.update(partners).set({ tierId: target }).where(eq(partners.id, partnerId));
  await tx.insert(tierChanges).values({
    partnerId,
    fromTierId: partner.tierId,
    toTierId: target,
    cause,
    revenueMinor: numbers.revenueMinor,
    currency: numbers.currency,
    wonDeals: numbers.wonDeals,
    note,
    actorId: options.actor?.userId ?? null,
    at: now,
  });
  await audit(
    tx,
    options.actor ?? SYSTEM,
    {
      action: "partner.tierChanged",
      entityType: "partner",
      entityId: partnerId,
      before: { tierId: partner.tierId },
      after: { tierId: target, cause, note, ...numbers, certified: Object.fromEntries(certified) },
    },
    now,
  );
  await emailOwners(
    tx,
    partnerId,
    from?.key ?? null,
    to.key,
    promoted
      ? null
      : {
          cause: byCertification ? "certification" : byReview ? "review" : "override",
          numbers,
          needed: fromRule ?? null,
          missing,
        },
    clock,
  );
  return { changed: true as const, tierId: target, numbers };
}

/**
 * The partners whose tier the nightly run would change, found in a handful of set-based reads
 * over the whole program (numbers, plans, overrides) instead of a transaction per partner: on any
 * night those the numbers promote or an override moves; on a review day also those the review
 * may move down (hold over, not yet looked at by this review).
 */
export async function partnersDueForRecompute(ctx: ServiceCtx): Promise<string[]> {
  const { db, clock } = ctx;
  const now = clock.now();
  const { currency, tierReviewMonths } = await getProgramSettings(db);
  const review = reviewOf(now, tierReviewMonths);
  const [active, numbers, assigned, versions, rules, requirements, overrides, ranked] = await Promise.all([
    db
      .select({
        id: partners.id,
        tierId: partners.tierId,
        tierHeldUntil: partners.tierHeldUntil,
        tierReviewedAt: partners.tierReviewedAt,
      })
      .from(partners)
      .where(eq(partners.status, "active")),
    standingRevenue(db, { since: windowStart(clock), currency }),
    db.select({ partnerId: partnerPlans.partnerId, planId: partnerPlans.planId }).from(partnerPlans),
    // Each plan's latest version, and which plan is the default.
    db
      .selectDistinctOn([commissionPlanVersions.planId], {
        planId: commissionPlanVersions.planId,
        versionId: commissionPlanVersions.id,
        isDefault: commissionPlans.isDefault,
      })
      .from(commissionPlanVersions)
      .innerJoin(commissionPlans, eq(commissionPlans.id, commissionPlanVersions.planId))
      .orderBy(commissionPlanVersions.planId, desc(commissionPlanVersions.version)),
    db.select().from(planTierRules),
    db.select().from(planTierCertifications),
    db
      .selectDistinctOn([tierOverrides.partnerId], { partnerId: tierOverrides.partnerId, tierId: tierOverrides.tierId })
      .from(tierOverrides)
      .where(and(isNull(tierOverrides.endedAt), gt(tierOverrides.endsAt, now)))
      .orderBy(tierOverrides.partnerId, asc(tierOverrides.createdAt)),
    db.select({ id: tiers.id, rank: tiers.rank }).from(tiers).orderBy(asc(tiers.rank)),
  ]);
  const numbersOf = new Map(
    numbers.map((n) => [n.partnerId, { revenueMinor: BigInt(n.revenue), currency, wonDeals: n.wonDeals }]),
  );
  const planOf = new Map(assigned.map((a) => [a.partnerId, a.planId]));
  const versionOf = new Map(versions.map((v) => [v.planId, v.versionId]));
  const defaultPlan = versions.find((v) => v.isDefault)?.planId;
  const requirementsOf = new Map<string, CertificationRequirement[]>();
  for (const r of requirements)
    requirementsOf.set(r.ruleId, [
      ...(requirementsOf.get(r.ruleId) ?? []),
      { courseId: r.courseId, minPeople: r.minPeople },
    ]);
  const rulesOf = new Map<string, TierRule[]>();
  for (const rule of rules)
    rulesOf.set(rule.versionId, [
      ...(rulesOf.get(rule.versionId) ?? []),
      { ...rule, certifications: requirementsOf.get(rule.id) ?? [] },
    ]);
  // Certified people, counted the way `recomputeTier` counts them, for every course a rule asks for.
  const certifiedOf = await certifiedCountsByPartner(db, now, [...new Set(requirements.map((r) => r.courseId))]);
  const overrideOf = new Map(overrides.map((o) => [o.partnerId, o.tierId]));
  const none: TierNumbers = { revenueMinor: 0n, currency, wonDeals: 0 };
  return active
    .filter((p) => {
      const planId = planOf.get(p.id) ?? defaultPlan;
      const versionId = planId ? versionOf.get(planId) : undefined;
      const tierRules = versionId ? (rulesOf.get(versionId) ?? []) : null;
      return (
        targetTier(
          p.tierId,
          overrideOf.get(p.id) ?? null,
          tierRules,
          ranked,
          numbersOf.get(p.id) ?? none,
          underReview(p, review),
          certifiedOf.get(p.id) ?? NO_CERTIFIED,
        ) !== p.tierId
      );
    })
    .map((p) => p.id);
}

/**
 * The nightly run: ends overrides whose date has passed, then recomputes the partners whose
 * tier would change (and those whose override just ended), each in its own transaction under
 * its row lock, with the same function a won deal calls. Every night it promotes; on a review
 * day it also moves down the partners whose hold is over, and then marks every partner the
 * review looked at (so a second run that day changes nothing). A deal won between the read and
 * the recompute recomputes its partner itself, so nothing is missed.
 */
export async function recomputeAllTiers(ctx: ServiceCtx): Promise<number> {
  const { db, clock } = ctx;
  const now = clock.now();
  const review = reviewOf(now, (await getProgramSettings(db)).tierReviewMonths);
  const ended = await db
    .update(tierOverrides)
    .set({ endedAt: now })
    .where(and(isNull(tierOverrides.endedAt), lte(tierOverrides.endsAt, now)))
    .returning({ partnerId: tierOverrides.partnerId });
  const endedFor = new Set(ended.map((e) => e.partnerId));
  const due = new Set([...(await partnersDueForRecompute(ctx)), ...endedFor]);
  let changed = 0;
  for (const id of due) {
    const result = await withTransaction(ctx, (tx) =>
      recomputeTier(tx, id, clock, {
        ...(endedFor.has(id) ? { cause: "override_ended" as const } : {}),
        ...(review ? { review } : {}),
      }),
    );
    if (result?.changed) changed++;
  }
  if (review) {
    // One statement, the same condition as `underReview`: these partners this review has seen.
    await db
      .update(partners)
      .set({ tierReviewedAt: now })
      .where(
        and(
          eq(partners.status, "active"),
          or(isNull(partners.tierHeldUntil), lt(partners.tierHeldUntil, review)),
          or(isNull(partners.tierReviewedAt), lt(partners.tierReviewedAt, review)),
        ),
      );
  }
  return changed;
}

/**
 * What a partner's tier card says about the starting tier's promise: until when it holds, when
 * the next review that may move the partner down falls, and whether the numbers would keep the
 * tier there today (`atRisk`: they would not, and no override holds it).
 */
/**
 * Everything the tier card and the tier promise read about one partner, in one round of queries
 * (the dashboard shows both: reading them once halves its tier statements).
 */
export async function tierStanding(ctx: ServiceCtx, partnerId: string) {
  const { db, clock } = ctx;
  const now = clock.now();
  const [[partner], settings, plan, override, ranked] = await Promise.all([
    db
      .select({
        tierId: partners.tierId,
        tierHeldUntil: partners.tierHeldUntil,
        tierReviewedAt: partners.tierReviewedAt,
      })
      .from(partners)
      .where(eq(partners.id, partnerId)),
    getProgramSettings(db),
    currentPlanFor(db, partnerId),
    activeOverride(db, partnerId, now),
    db.select({ id: tiers.id, rank: tiers.rank, key: tiers.key }).from(tiers).orderBy(asc(tiers.rank)),
  ]);
  if (!partner) return null;
  const [numbers, certified] = await Promise.all([
    trailingNumbers(db, partnerId, clock, settings.currency),
    partnerCertified(db, partnerId, plan?.tierRules, now),
  ]);
  return { partner, settings, plan, override, ranked, numbers, certified: certified as CertifiedCounts };
}

export type TierStanding = Awaited<ReturnType<typeof tierStanding>>;

/** The promise on the tier card; `standing` when the caller has already read it (tierStanding). */
export async function tierPromise(ctx: ServiceCtx, partnerId: string, standing?: TierStanding) {
  const now = ctx.clock.now();
  const read = standing === undefined ? await tierStanding(ctx, partnerId) : standing;
  if (!read) return null;
  const { partner, settings, plan, override, ranked, numbers, certified } = read;
  const heldUntil = partner.tierHeldUntil && partner.tierHeldUntil > now ? partner.tierHeldUntil : null;
  const review = reviewOf(now, settings.tierReviewMonths);
  // Today's review counts only while it has not looked at the partner yet.
  const nextReview =
    review && underReview(partner, review) ? review : nextReviewDay(heldUntil ?? now, settings.tierReviewMonths);
  const wouldBe = targetTier(
    partner.tierId,
    override?.tierId ?? null,
    plan?.tierRules ?? null,
    ranked,
    numbers,
    true,
    certified,
  );
  const rankOf = (id: string) => ranked.find((t) => t.id === id)?.rank ?? -1;
  return {
    heldUntil,
    nextReviewAt: nextReview,
    reviewMonths: settings.tierReviewMonths,
    atRisk: rankOf(wouldBe) < rankOf(partner.tierId),
    /** The current tier requires certifications: losing one moves the partner down at once, not at a review. */
    requiresCertifications: (plan?.tierRules.find((r) => r.tierId === partner.tierId)?.certifications.length ?? 0) > 0,
    /** The tier the review would move the partner to on today's numbers, when lower. */
    reviewTierKey:
      rankOf(wouldBe) < rankOf(partner.tierId) ? (ranked.find((t) => t.id === wouldBe)?.key ?? null) : null,
  };
}
