import { and, asc, count, desc, eq, gt } from "drizzle-orm";
import { partnerMemberships, partners, partnerStatusEvents, tiers, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";

/** The partner dashboard's numbers, for the caller's own organization only. */
export async function partnerDashboard(ctx: ServiceCtx<PartnerActor>) {
  const { db, actor } = ctx;
  const [org] = await db
    .select({
      id: partners.id,
      name: partners.name,
      type: partners.type,
      status: partners.status,
      createdAt: partners.createdAt,
      tierKey: tiers.key,
      tierName: tiers.name,
      tierRank: tiers.rank,
      managerName: users.name,
      managerEmail: users.email,
    })
    .from(partners)
    .innerJoin(tiers, eq(tiers.id, partners.tierId))
    .leftJoin(users, eq(users.id, partners.managerId))
    .where(eq(partners.id, actor.partnerId));
  if (!org) throw new NotFoundError("partner.notFound");
  const [[team], [nextTier], allTiers] = await Promise.all([
    db.select({ n: count() }).from(partnerMemberships).where(eq(partnerMemberships.partnerId, actor.partnerId)),
    db
      .select({ key: tiers.key, name: tiers.name })
      .from(tiers)
      .where(gt(tiers.rank, org.tierRank))
      .orderBy(asc(tiers.rank))
      .limit(1),
    db.select({ key: tiers.key, name: tiers.name, rank: tiers.rank }).from(tiers).orderBy(asc(tiers.rank)),
  ]);
  return { organization: org, teamSize: team?.n ?? 0, nextTier: nextTier ?? null, tiers: allTiers };
}

/** Name of the caller's organization, for the portal shell. */
export async function partnerName(db: Db, partnerId: string): Promise<string> {
  const [row] = await db.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId));
  return row?.name ?? "";
}

/** Why the caller's organization was suspended (the latest suspension's reason and date). */
export async function suspensionOf(db: Db, partnerId: string) {
  const [row] = await db
    .select({ reason: partnerStatusEvents.reason, at: partnerStatusEvents.at })
    .from(partnerStatusEvents)
    .where(and(eq(partnerStatusEvents.partnerId, partnerId), eq(partnerStatusEvents.toStatus, "suspended")))
    .orderBy(desc(partnerStatusEvents.at))
    .limit(1);
  return row ?? null;
}
