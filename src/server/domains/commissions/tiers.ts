import { and, asc, count, eq, gt, gte, isNull, lte, sql } from "drizzle-orm";
import { leads, partnerMemberships, partners, tierChanges, tierOverrides, tiers, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import { env } from "@/lib/env";
import { SYSTEM, type StaffActor } from "../actor";
import { audit } from "../audit/service";
import { getProgramSettings } from "../program/service";
import { currentPlanFor, type TierRule } from "./plans";

/** What the tier thresholds are measured on: the trailing 12 months of won deals. */
export interface TierNumbers {
  /** Won revenue in the program currency (deals in other currencies are not converted). */
  revenueMinor: bigint;
  currency: string;
  wonDeals: number;
}

export async function trailingNumbers(tx: Db, partnerId: string, clock: Clock): Promise<TierNumbers> {
  const { currency } = await getProgramSettings(tx);
  const since = new Date(clock.now().getTime() - 365 * DAY);
  const [row] = await tx
    .select({
      wonDeals: count(),
      revenue: sql<string>`coalesce(sum(${leads.dealAmountMinor}) filter (where ${leads.dealCurrency} = ${currency}), 0)::text`,
    })
    .from(leads)
    .where(and(eq(leads.partnerId, partnerId), eq(leads.status, "won"), gte(leads.wonAt, since)));
  return { revenueMinor: BigInt(row?.revenue ?? "0"), currency, wonDeals: row?.wonDeals ?? 0 };
}

/** A rule is met when every threshold it sets is met; a rule with none is the entry tier. */
export function meets(rule: Pick<TierRule, "minRevenueMinor" | "minWonDeals">, numbers: TierNumbers): boolean {
  return (rule.minRevenueMinor === null || numbers.revenueMinor >= rule.minRevenueMinor) && (rule.minWonDeals === null || numbers.wonDeals >= rule.minWonDeals);
}

/** The highest-ranked tier whose rule the numbers meet (the lowest tier when none is). */
export function qualifyingTier(ranked: { id: string; rank: number }[], rules: Pick<TierRule, "tierId" | "minRevenueMinor" | "minWonDeals">[], numbers: TierNumbers): string {
  const byRankDesc = [...ranked].sort((a, b) => b.rank - a.rank);
  for (const tier of byRankDesc) {
    const rule = rules.find((r) => r.tierId === tier.id);
    if (rule && meets(rule, numbers)) return tier.id;
  }
  return [...ranked].sort((a, b) => a.rank - b.rank)[0]!.id;
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

async function emailOwners(tx: Db, partnerId: string, fromTierKey: string | null, toTierKey: string, promoted: boolean, clock: Clock) {
  const owners = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(and(eq(partnerMemberships.partnerId, partnerId), eq(partnerMemberships.role, "owner"), isNull(users.deactivatedAt)));
  for (const owner of owners) {
    const locale = owner.locale === "ar" ? "ar" : "en";
    await enqueueEmail(
      tx,
      { to: owner.email, locale, template: promoted ? "tierPromoted" : "tierDemoted", params: { url: `${env().APP_URL}/dashboard`, name: owner.name, fromTier: fromTierKey ?? "", toTier: toTierKey } },
      clock,
    );
  }
}

/**
 * Puts the partner at the tier its numbers (or an active override) call for. A change is
 * recorded with the numbers that caused it, audited and emailed to the owners.
 */
export async function recomputeTier(tx: Db, partnerId: string, clock: Clock, options: { actor?: StaffActor; cause?: "recompute" | "override" | "override_ended"; note?: string } = {}) {
  const [partner] = await tx.select({ tierId: partners.tierId }).from(partners).where(eq(partners.id, partnerId)).for("update");
  if (!partner) return null;
  const now = clock.now();
  const numbers = await trailingNumbers(tx, partnerId, clock);
  const ranked = await tx.select({ id: tiers.id, rank: tiers.rank, key: tiers.key }).from(tiers).orderBy(asc(tiers.rank));
  const override = await activeOverride(tx, partnerId, now);
  const plan = await currentPlanFor(tx, partnerId);
  // Without a plan there is no tier table: the partner stays where it is.
  const target = override ? override.tierId : plan ? qualifyingTier(ranked, plan.tierRules, numbers) : partner.tierId;
  if (target === partner.tierId) return { changed: false as const, tierId: target, numbers };
  const from = ranked.find((t) => t.id === partner.tierId);
  const to = ranked.find((t) => t.id === target)!;
  const cause = options.cause ?? (override ? "override" : "recompute");
  await tx.update(partners).set({ tierId: target }).where(eq(partners.id, partnerId));
  await tx.insert(tierChanges).values({ partnerId, fromTierId: partner.tierId, toTierId: target, cause, revenueMinor: numbers.revenueMinor, currency: numbers.currency, wonDeals: numbers.wonDeals, note: options.note ?? override?.reason ?? null, actorId: options.actor?.userId ?? null, at: now });
  await audit(tx, options.actor ?? SYSTEM, { action: "partner.tierChanged", entityType: "partner", entityId: partnerId, before: { tierId: partner.tierId }, after: { tierId: target, cause, ...numbers } }, now);
  await emailOwners(tx, partnerId, from?.key ?? null, to.key, (from?.rank ?? -1) < to.rank, clock);
  return { changed: true as const, tierId: target, numbers };
}

/** Ends overrides whose date has passed and recomputes those partners; part of the nightly run. */
export async function recomputeAllTiers(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const ended = await db.update(tierOverrides).set({ endedAt: now }).where(and(isNull(tierOverrides.endedAt), lte(tierOverrides.endsAt, now))).returning({ partnerId: tierOverrides.partnerId });
  const endedFor = new Set(ended.map((e) => e.partnerId));
  const all = await db.select({ id: partners.id }).from(partners).where(eq(partners.status, "active"));
  let changed = 0;
  for (const { id } of all) {
    const result = await db.transaction((tx) => recomputeTier(tx, id, clock, endedFor.has(id) ? { cause: "override_ended" } : {}));
    if (result?.changed) changed++;
  }
  return changed;
}
