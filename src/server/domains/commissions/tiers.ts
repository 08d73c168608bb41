import { and, asc, desc, eq, gt, isNull, lte } from "drizzle-orm";
import {
  commissionPlans,
  commissionPlanVersions,
  partnerMemberships,
  partnerPlans,
  partners,
  planTierRules,
  tierChanges,
  tierOverrides,
  tiers,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import { env } from "@/lib/env";
import { SYSTEM } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type AnyActor, type ServiceCtx } from "../context";
import { getProgramSettings } from "../program/service";
import { currentPlanFor, type EarningBasis, type TierRule } from "./plans";
import { standingRevenue } from "./revenue";

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

/** A rule is met when every threshold it sets is met; a rule with none is the entry tier. */
export function meets(rule: Pick<TierRule, "minRevenueMinor" | "minWonDeals">, numbers: TierNumbers): boolean {
  return (
    (rule.minRevenueMinor === null || numbers.revenueMinor >= rule.minRevenueMinor) &&
    (rule.minWonDeals === null || numbers.wonDeals >= rule.minWonDeals)
  );
}

/** The highest-ranked tier whose rule the numbers meet (the lowest tier when none is). */
export function qualifyingTier(
  ranked: { id: string; rank: number }[],
  rules: Pick<TierRule, "tierId" | "minRevenueMinor" | "minWonDeals">[],
  numbers: TierNumbers,
): string {
  const byRankDesc = [...ranked].sort((a, b) => b.rank - a.rank);
  for (const tier of byRankDesc) {
    const rule = rules.find((r) => r.tierId === tier.id);
    if (rule && meets(rule, numbers)) return tier.id;
  }
  return [...ranked].sort((a, b) => a.rank - b.rank)[0]!.id;
}

/** Where a partner belongs: an active override wins; without a plan there is no tier table, so it stays. */
export function targetTier(
  current: string,
  overrideTierId: string | null,
  rules: Pick<TierRule, "tierId" | "minRevenueMinor" | "minWonDeals">[] | null,
  ranked: { id: string; rank: number }[],
  numbers: TierNumbers,
): string {
  if (overrideTierId) return overrideTierId;
  return rules ? qualifyingTier(ranked, rules, numbers) : current;
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

async function emailOwners(
  tx: Db,
  partnerId: string,
  fromTierKey: string | null,
  toTierKey: string,
  promoted: boolean,
  clock: Clock,
) {
  const owners = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(
      and(
        eq(partnerMemberships.partnerId, partnerId),
        eq(partnerMemberships.role, "owner"),
        isNull(users.deactivatedAt),
      ),
    );
  for (const owner of owners) {
    const locale = owner.locale === "ar" ? "ar" : "en";
    await enqueueEmail(
      tx,
      {
        to: owner.email,
        locale,
        template: promoted ? "tierPromoted" : "tierDemoted",
        params: { url: `${env().APP_URL}/dashboard`, name: owner.name, fromTier: fromTierKey ?? "", toTier: toTierKey },
      },
      clock,
    );
  }
}

export interface RecomputeOptions {
  /** Who decided (a manager's override or plan change); the system when the numbers moved it. */
  actor?: AnyActor;
  cause?: "recompute" | "override" | "override_ended";
  note?: string;
  /** The partner's plan and the program settings, when the caller has read them in this transaction. */
  basis?: EarningBasis;
}

export type TierRecompute = Awaited<ReturnType<typeof recomputeTier>>;

/**
 * Puts the partner at the tier its numbers (or an active override) call for. A change is
 * recorded with the numbers that caused it, audited and emailed to the owners.
 */
export async function recomputeTier(tx: Db, partnerId: string, clock: Clock, options: RecomputeOptions = {}) {
  const [partner] = await tx
    .select({ tierId: partners.tierId })
    .from(partners)
    .where(eq(partners.id, partnerId))
    .for("no key update");
  if (!partner) return null;
  const now = clock.now();
  const numbers = await trailingNumbers(tx, partnerId, clock, options.basis?.settings.currency);
  const ranked = await tx
    .select({ id: tiers.id, rank: tiers.rank, key: tiers.key })
    .from(tiers)
    .orderBy(asc(tiers.rank));
  const override = await activeOverride(tx, partnerId, now);
  const plan = options.basis ? options.basis.plan : await currentPlanFor(tx, partnerId);
  const target = targetTier(partner.tierId, override?.tierId ?? null, plan?.tierRules ?? null, ranked, numbers);
  if (target === partner.tierId) return { changed: false as const, tierId: target, numbers };
  const from = ranked.find((t) => t.id === partner.tierId);
  const to = ranked.find((t) => t.id === target)!;
  const cause = options.cause ?? (override ? "override" : "recompute");
  await tx.update(partners).set({ tierId: target }).where(eq(partners.id, partnerId));
  await tx.insert(tierChanges).values({
    partnerId,
    fromTierId: partner.tierId,
    toTierId: target,
    cause,
    revenueMinor: numbers.revenueMinor,
    currency: numbers.currency,
    wonDeals: numbers.wonDeals,
    note: options.note ?? override?.reason ?? null,
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
      after: { tierId: target, cause, ...numbers },
    },
    now,
  );
  await emailOwners(tx, partnerId, from?.key ?? null, to.key, (from?.rank ?? -1) < to.rank, clock);
  return { changed: true as const, tierId: target, numbers };
}

/**
 * The partners whose tier the nightly run would change, found in a handful of set-based reads
 * over the whole program (numbers, plans, overrides) instead of a transaction per partner.
 */
export async function partnersDueForRecompute(ctx: ServiceCtx): Promise<string[]> {
  const { db, clock } = ctx;
  const now = clock.now();
  const { currency } = await getProgramSettings(db);
  const [active, numbers, assigned, versions, rules, overrides, ranked] = await Promise.all([
    db.select({ id: partners.id, tierId: partners.tierId }).from(partners).where(eq(partners.status, "active")),
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
  const rulesOf = new Map<string, TierRule[]>();
  for (const rule of rules) rulesOf.set(rule.versionId, [...(rulesOf.get(rule.versionId) ?? []), rule]);
  const overrideOf = new Map(overrides.map((o) => [o.partnerId, o.tierId]));
  const none: TierNumbers = { revenueMinor: 0n, currency, wonDeals: 0 };
  return active
    .filter((p) => {
      const planId = planOf.get(p.id) ?? defaultPlan;
      const versionId = planId ? versionOf.get(planId) : undefined;
      const tierRules = versionId ? (rulesOf.get(versionId) ?? []) : null;
      return (
        targetTier(p.tierId, overrideOf.get(p.id) ?? null, tierRules, ranked, numbersOf.get(p.id) ?? none) !== p.tierId
      );
    })
    .map((p) => p.id);
}

/**
 * The nightly run: ends overrides whose date has passed, then recomputes the partners whose
 * tier would change (and those whose override just ended), each in its own transaction under
 * its row lock, with the same function a won deal calls. A deal won between the read and the
 * recompute recomputes its partner itself, so nothing is missed.
 */
export async function recomputeAllTiers(ctx: ServiceCtx): Promise<number> {
  const { db, clock } = ctx;
  const now = clock.now();
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
      recomputeTier(tx, id, clock, endedFor.has(id) ? { cause: "override_ended" } : {}),
    );
    if (result?.changed) changed++;
  }
  return changed;
}
