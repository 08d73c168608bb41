import { and, asc, desc, eq, sql } from "drizzle-orm";
import { partnerMemberships, partners, partnerStatusEvents, tiers, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";

/** The partner dashboard's numbers, for the caller's own organization only. */
export async function partnerDashboard(ctx: ServiceCtx<PartnerActor>) {
  const { db, actor } = ctx;
  // One round trip: the organization with its team size, and the ranked tiers (the next one is
  // read from them), side by side.
  const [[org], allTiers] = await Promise.all([
    db
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
        teamSize: sql<number>`(select count(*)::int from ${partnerMemberships} where ${partnerMemberships.partnerId} = ${partners.id})`,
      })
      .from(partners)
      .innerJoin(tiers, eq(tiers.id, partners.tierId))
      .leftJoin(users, eq(users.id, partners.managerId))
      .where(eq(partners.id, actor.partnerId)),
    db.select({ key: tiers.key, name: tiers.name, rank: tiers.rank }).from(tiers).orderBy(asc(tiers.rank)),
  ]);
  if (!org) throw new NotFoundError("partner.notFound");
  const { teamSize, ...organization } = org;
  const next = allTiers.find((t) => t.rank > org.tierRank);
  return {
    organization,
    teamSize,
    nextTier: next ? { key: next.key, name: next.name } : null,
    tiers: allTiers,
  };
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
