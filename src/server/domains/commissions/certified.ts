import { and, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { certifications, courseVersions, partnerMemberships, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/** A tier rule's training requirement: at least `minPeople` of the partner certified in the course. */
export interface CertificationRequirement {
  courseId: string;
  minPeople: number;
}

/** Per course: how many distinct people of the partner hold a valid certification in it. */
export type CertifiedCounts = ReadonlyMap<string, number>;

export const NO_CERTIFIED: CertifiedCounts = new Map();

/**
 * The one rule for who counts: a certification for the partner, neither revoked nor expired at
 * `at`, held by someone still an active member of that partner (a person who left no longer
 * counts, even with a valid certificate).
 */
export function countableAt(at: Date): SQL {
  return and(isNull(certifications.revokedAt), gt(certifications.expiresAt, at), isNull(users.deactivatedAt))!;
}

function countedCertifications(db: Db, at: Date, where: SQL | undefined) {
  return db
    .select({
      partnerId: certifications.partnerId,
      courseId: certifications.courseId,
      people: sql<number>`count(distinct ${certifications.userId})::int`,
    })
    .from(certifications)
    .innerJoin(
      partnerMemberships,
      and(
        eq(partnerMemberships.userId, certifications.userId),
        eq(partnerMemberships.partnerId, certifications.partnerId),
      ),
    )
    .innerJoin(users, eq(users.id, certifications.userId))
    .where(and(countableAt(at), where))
    .groupBy(certifications.partnerId, certifications.courseId);
}

/** One partner's certified people per course, valid at `at` (only the given courses, when given). */
export async function certifiedCounts(
  db: Db,
  partnerId: string,
  at: Date,
  courseIds?: readonly string[],
): Promise<Map<string, number>> {
  if (courseIds && courseIds.length === 0) return new Map();
  const rows = await countedCertifications(
    db,
    at,
    and(
      eq(certifications.partnerId, partnerId),
      courseIds ? inArray(certifications.courseId, [...courseIds]) : undefined,
    ),
  );
  return new Map(rows.map((r) => [r.courseId, r.people]));
}

/** Every partner's certified people per course in one read (the nightly pre-check). */
export async function certifiedCountsByPartner(
  db: Db,
  at: Date,
  courseIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const byPartner = new Map<string, Map<string, number>>();
  if (courseIds.length === 0) return byPartner;
  for (const row of await countedCertifications(db, at, inArray(certifications.courseId, [...courseIds]))) {
    const counts = byPartner.get(row.partnerId) ?? new Map<string, number>();
    counts.set(row.courseId, row.people);
    byPartner.set(row.partnerId, counts);
  }
  return byPartner;
}

/** The requirements the counts fall short of, with how many people are certified. */
export function unmetCertifications(
  requirements: readonly CertificationRequirement[] | undefined,
  certified: CertifiedCounts,
): (CertificationRequirement & { have: number })[] {
  return (requirements ?? [])
    .map((r) => ({ ...r, have: certified.get(r.courseId) ?? 0 }))
    .filter((r) => r.have < r.minPeople);
}

/** A course's title as people know it: its published version's, else its draft's, else its latest. */
export async function courseTitles(db: Db, courseIds: readonly string[]): Promise<Map<string, string>> {
  if (courseIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([courseVersions.courseId], { courseId: courseVersions.courseId, title: courseVersions.title })
    .from(courseVersions)
    .where(inArray(courseVersions.courseId, [...new Set(courseIds)]))
    .orderBy(
      courseVersions.courseId,
      sql`case ${courseVersions.status} when 'published' then 0 when 'draft' then 1 else 2 end`,
      sql`${courseVersions.version} desc`,
    );
  return new Map(rows.map((r) => [r.courseId, r.title]));
}

/** Per course: the earliest expiry among the partner's counted certifications (what puts a tier at risk first). */
export async function soonestExpiries(
  db: Db,
  partnerId: string,
  at: Date,
  courseIds: readonly string[],
): Promise<Map<string, Date>> {
  if (courseIds.length === 0) return new Map();
  const rows = await db
    .select({
      courseId: certifications.courseId,
      first: sql<string>`min(${certifications.expiresAt})`,
    })
    .from(certifications)
    .innerJoin(
      partnerMemberships,
      and(
        eq(partnerMemberships.userId, certifications.userId),
        eq(partnerMemberships.partnerId, certifications.partnerId),
      ),
    )
    .innerJoin(users, eq(users.id, certifications.userId))
    .where(
      and(countableAt(at), eq(certifications.partnerId, partnerId), inArray(certifications.courseId, [...courseIds])),
    )
    .groupBy(certifications.courseId);
  return new Map(rows.map((r) => [r.courseId, new Date(r.first)]));
}
