import { eq } from "drizzle-orm";
import { partnerMemberships, partners, staffRoles, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domains/actor";

/** Loads who a signed-in user is right now (role changes and deactivation apply at once). */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      kind: users.kind,
      locale: users.locale,
      deactivatedAt: users.deactivatedAt,
      staffRole: staffRoles.role,
      partnerId: partnerMemberships.partnerId,
      partnerRole: partnerMemberships.role,
      partnerStatus: partners.status,
    })
    .from(users)
    .leftJoin(staffRoles, eq(staffRoles.userId, users.id))
    .leftJoin(partnerMemberships, eq(partnerMemberships.userId, users.id))
    .leftJoin(partners, eq(partners.id, partnerMemberships.partnerId))
    .where(eq(users.id, userId));
  if (!row || row.deactivatedAt) return null;
  const base = { userId: row.id, email: row.email, name: row.name, locale: row.locale };
  if (row.kind === "staff" && row.staffRole) return { kind: "staff", ...base, staffRole: row.staffRole };
  if (row.kind === "partner" && row.partnerId && row.partnerRole && row.partnerStatus) {
    return { kind: "partner", ...base, partnerId: row.partnerId, partnerRole: row.partnerRole, partnerStatus: row.partnerStatus };
  }
  return null;
}
