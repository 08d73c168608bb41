import { aliasedTable, and, eq, isNull, or, sql } from "drizzle-orm";
import { courses, courseVersions, partners, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

const minTier = aliasedTable(tiers, "min_tier");
const partnerTier = aliasedTable(tiers, "partner_tier");

/**
 * The one rule for who sees a course: its published version, the course not retired, and the
 * partner's tier at or above the version's minimum tier (no minimum: everyone). Every partner-facing
 * read of a course (catalogue, lessons, quiz, lesson images) goes through this condition.
 */
export function visibleToPartner(partnerId: string) {
  return and(
    eq(courseVersions.status, "published"),
    isNull(courses.retiredAt),
    or(
      isNull(courseVersions.minTierId),
      // An aliased table renders as its alias alone in raw SQL, so the real table is named before it.
      sql`${minTier.rank} <= (select ${partnerTier.rank} from ${partners} join ${tiers} ${partnerTier} on ${partnerTier.id} = ${partners.tierId} where ${partners.id} = ${partnerId})`,
    ),
  );
}

/** The published versions a partner may see, joined to their course (and the minimum tier, aliased). */
export function visibleVersions(db: Db, partnerId: string) {
  return db
    .select({ version: courseVersions, minTierKey: minTier.key })
    .from(courseVersions)
    .innerJoin(courses, eq(courses.id, courseVersions.courseId))
    .leftJoin(minTier, eq(minTier.id, courseVersions.minTierId))
    .where(visibleToPartner(partnerId))
    .$dynamic();
}

/** The course's published version when the partner may see it, else null (never a hint that it exists). */
export async function visibleVersionOf(db: Db, partnerId: string, courseId: string) {
  const [row] = await visibleVersions(db, partnerId).where(
    and(visibleToPartner(partnerId), eq(courseVersions.courseId, courseId)),
  );
  return row?.version ?? null;
}
