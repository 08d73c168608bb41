import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import {
  certifications,
  courses,
  courseVersions,
  partnerMemberships,
  planTierCertifications,
  planTierRules,
  quizAttempts,
  tiers,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { currentPlanFor } from "@/server/domains/commissions/plans";

/**
 * Training rows built by direct inserts, for tests of what certifications do to tiers (the
 * authoring and quiz services are tested on their own).
 */
export async function insertCourse(db: Db, title: string, options: { retired?: boolean } = {}) {
  const [course] = await db
    .insert(courses)
    .values({ retiredAt: options.retired ? new Date("2026-01-01T00:00:00Z") : null })
    .returning();
  const [version] = await db
    .insert(courseVersions)
    .values({
      courseId: course!.id,
      version: 1,
      status: "published",
      title,
      language: "en",
      passMarkPercent: 75,
      attemptLimit: 3,
      validityMonths: 12,
      publishedAt: new Date("2026-01-01T00:00:00Z"),
    })
    .returning();
  return { courseId: course!.id, versionId: version!.id };
}

/** A new partner user (a member unless told otherwise). */
export async function addMember(db: Db, partnerId: string, name: string, role: "owner" | "member" = "member") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@cert.test`;
  const [user] = await db.insert(users).values({ name, email, kind: "partner", locale: "en" }).returning();
  await db.insert(partnerMemberships).values({ userId: user!.id, partnerId, role });
  return { userId: user!.id, email };
}

/** A certification as a passed attempt issues it, valid from `issuedAt` to `expiresAt`. */
export async function certify(
  db: Db,
  input: { userId: string; partnerId: string; courseId: string; versionId: string; issuedAt: Date; expiresAt: Date },
) {
  const [attempt] = await db
    .insert(quizAttempts)
    .values({
      userId: input.userId,
      partnerId: input.partnerId,
      versionId: input.versionId,
      presented: [],
      answers: [],
      startedAt: input.issuedAt,
      submittedAt: input.issuedAt,
      questionCount: 1,
      correctCount: 1,
      scorePercent: 100,
      passed: true,
    })
    .returning();
  const [cert] = await db
    .insert(certifications)
    .values({
      code: `TW-TEST-${randomUUID().slice(0, 13)}`,
      userId: input.userId,
      partnerId: input.partnerId,
      courseId: input.courseId,
      versionId: input.versionId,
      attemptId: attempt!.id,
      issuedAt: input.issuedAt,
      expiresAt: input.expiresAt,
    })
    .returning();
  return cert!;
}

/**
 * Makes the partner's plan ask exactly this at one tier: the tier's revenue and deal thresholds
 * dropped (so only the certification decides) and every other requirement of the plan removed.
 */
export async function onlyRequirement(
  db: Db,
  partnerId: string,
  tierKey: string,
  requirement: { courseId: string; minPeople: number },
) {
  const plan = (await currentPlanFor(db, partnerId))!;
  const [tier] = await db.select({ id: tiers.id }).from(tiers).where(eq(tiers.key, tierKey));
  const rule = plan.tierRules.find((r) => r.tierId === tier!.id)!;
  await db.delete(planTierCertifications).where(
    inArray(
      planTierCertifications.ruleId,
      plan.tierRules.map((r) => r.id),
    ),
  );
  await db
    .update(planTierRules)
    .set({ minRevenueMinor: null, minWonDeals: null })
    .where(and(eq(planTierRules.id, rule.id), eq(planTierRules.versionId, plan.version.id)));
  await db.insert(planTierCertifications).values({ ruleId: rule.id, ...requirement });
  return { ruleId: rule.id, tierId: tier!.id };
}
