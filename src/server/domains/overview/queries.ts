import { asc, count, eq, sql } from "drizzle-orm";
import { leads, partnerApplications, partnerMemberships, partners, staffRoles, tiers, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/** What the staff overview shows: the program at a glance. */
export async function programOverview(db: Db) {
  const [byTier, byStatus, byType, [memberCount], [staffCount], [pending], [leadQueue]] = await Promise.all([
    db
      .select({
        tierKey: tiers.key,
        tierName: tiers.name,
        rank: tiers.rank,
        count: sql<number>`count(${partners.id})::int`,
      })
      .from(tiers)
      .leftJoin(partners, sql`${partners.tierId} = ${tiers.id} and ${partners.status} = 'active'`)
      .groupBy(tiers.id)
      .orderBy(asc(tiers.rank)),
    db.select({ status: partners.status, count: count() }).from(partners).groupBy(partners.status),
    db
      .select({ type: partners.type, count: count() })
      .from(partners)
      .where(eq(partners.status, "active"))
      .groupBy(partners.type),
    db.select({ n: count() }).from(partnerMemberships),
    db
      .select({ n: count() })
      .from(staffRoles)
      .innerJoin(users, eq(users.id, staffRoles.userId))
      .where(sql`${users.deactivatedAt} is null`),
    db.select({ n: count() }).from(partnerApplications).where(eq(partnerApplications.status, "pending")),
    db
      .select({ n: count(), flagged: sql<number>`count(*) filter (where ${leads.flagged})::int` })
      .from(leads)
      .where(eq(leads.status, "submitted")),
  ]);
  const activePartners = byStatus.find((s) => s.status === "active")?.count ?? 0;
  return {
    activePartners,
    partnerUsers: memberCount?.n ?? 0,
    staffUsers: staffCount?.n ?? 0,
    pendingApplications: pending?.n ?? 0,
    pendingLeads: leadQueue?.n ?? 0,
    flaggedLeads: leadQueue?.flagged ?? 0,
    byTier,
    byStatus,
    byType,
  };
}
