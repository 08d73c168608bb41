import { and, asc, count, desc, eq, ilike, inArray, isNotNull, max, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { locales } from "@/i18n/config";
import { containsPattern } from "@/server/db/like";
import {
  certifications,
  courseLessons,
  courseVersions,
  lessonCompletions,
  quizAttempts,
  quizQuestions,
} from "@/server/db/schema";
import type { PartnerActor } from "../actor";
import type { ServiceCtx } from "../context";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { certificationStatusOf } from "./certifications";
import { attemptsUsed } from "./quiz-standing";
import { visibleToPartner, visibleVersions } from "./visibility";

export const CATALOGUE_STATUSES = ["notStarted", "inProgress", "certified"] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

export const catalogueInput = z.object({
  language: z.enum(locales).optional(),
  status: z.enum(CATALOGUE_STATUSES).optional(),
  search: z.string().trim().max(200).optional(),
  page: pageInput.page,
  pageSize: pageInput.pageSize,
});
export type CatalogueInput = z.input<typeof catalogueInput>;

/**
 * Per version, as SQL for the status filter (inside the joined visibility query, where every column
 * is written with its table): the person's lessons done, a valid certification, any attempt.
 */
function progressOf(userId: string, now: Date) {
  const lessonsDone = sql<number>`(select count(*)::int from ${lessonCompletions} join ${courseLessons} on ${courseLessons.id} = ${lessonCompletions.lessonId} where ${courseLessons.versionId} = ${courseVersions.id} and ${lessonCompletions.userId} = ${userId})`;
  const certified = sql<boolean>`exists (select 1 from ${certifications} where ${certifications.userId} = ${userId} and ${certifications.courseId} = ${courseVersions.courseId} and ${certifications.revokedAt} is null and ${certifications.expiresAt} > ${now.toISOString()}::timestamptz)`;
  const attempted = sql<boolean>`exists (select 1 from ${quizAttempts} where ${quizAttempts.userId} = ${userId} and ${quizAttempts.versionId} = ${courseVersions.id})`;
  return { lessonsDone, certified, attempted };
}

function statusCondition(status: CatalogueStatus, userId: string, now: Date): SQL {
  const p = progressOf(userId, now);
  if (status === "certified") return p.certified;
  const begun = sql`(${p.lessonsDone} > 0 or ${p.attempted})`;
  return status === "notStarted" ? sql`not ${p.certified} and not ${begun}` : sql`not ${p.certified} and ${begun}`;
}

/**
 * The courses the partner may see, with the calling person's progress in each: lessons done of
 * the total, quiz attempts used of the limit, best score on this version, and the certification
 * they hold (valid, expiring soon, expired, revoked or none). Filtered by language, by the
 * person's status and by title on the server; ordered by title.
 */
export async function catalogue(ctx: ServiceCtx<PartnerActor>, rawInput: CatalogueInput = {}) {
  const input = catalogueInput.parse(rawInput);
  const { db, actor, clock } = ctx;
  const now = clock.now();
  const where = and(
    visibleToPartner(actor.partnerId),
    input.language ? eq(courseVersions.language, input.language) : undefined,
    input.search ? ilike(courseVersions.title, containsPattern(input.search)) : undefined,
    input.status ? statusCondition(input.status, actor.userId, now) : undefined,
  );
  // A program's catalogue is tens of courses: one filtered read through the visibility rule, paged here.
  const all = await visibleVersions(db, actor.partnerId)
    .where(where)
    .orderBy(asc(courseVersions.title), asc(courseVersions.id));
  const pageRows = all.slice(
    offsetOf(input.page, input.pageSize),
    offsetOf(input.page, input.pageSize) + input.pageSize,
  );
  const ids = pageRows.map((r) => r.version.id);
  const courseIds = pageRows.map((r) => r.version.courseId);
  const [lessonCounts, doneCounts, questionCounts, attempted, best, certs] = ids.length
    ? await Promise.all([
        db
          .select({ versionId: courseLessons.versionId, n: count() })
          .from(courseLessons)
          .where(inArray(courseLessons.versionId, ids))
          .groupBy(courseLessons.versionId),
        db
          .select({ versionId: courseLessons.versionId, n: count() })
          .from(lessonCompletions)
          .innerJoin(courseLessons, eq(courseLessons.id, lessonCompletions.lessonId))
          .where(and(eq(lessonCompletions.userId, actor.userId), inArray(courseLessons.versionId, ids)))
          .groupBy(courseLessons.versionId),
        db
          .select({ versionId: quizQuestions.versionId, n: count() })
          .from(quizQuestions)
          .where(inArray(quizQuestions.versionId, ids))
          .groupBy(quizQuestions.versionId),
        db
          .selectDistinct({ versionId: quizAttempts.versionId })
          .from(quizAttempts)
          .where(and(eq(quizAttempts.userId, actor.userId), inArray(quizAttempts.versionId, ids))),
        db
          .select({ versionId: quizAttempts.versionId, best: max(quizAttempts.scorePercent) })
          .from(quizAttempts)
          .where(
            and(
              eq(quizAttempts.userId, actor.userId),
              inArray(quizAttempts.versionId, ids),
              isNotNull(quizAttempts.submittedAt),
            ),
          )
          .groupBy(quizAttempts.versionId),
        db
          .selectDistinctOn([certifications.courseId])
          .from(certifications)
          .where(and(eq(certifications.userId, actor.userId), inArray(certifications.courseId, courseIds)))
          .orderBy(certifications.courseId, desc(certifications.issuedAt), desc(certifications.id)),
      ])
    : [[], [], [], [], [], []];
  const countOf = (counted: { versionId: string; n: number }[], versionId: string) =>
    counted.find((c) => c.versionId === versionId)?.n ?? 0;
  const rows = await Promise.all(
    pageRows.map(async ({ version, minTierKey }) => {
      const cert = certs.find((c) => c.courseId === version.courseId);
      const lessonsDone = countOf(doneCounts, version.id);
      const used = await attemptsUsed(db, actor.userId, version);
      const status = cert ? certificationStatusOf(cert, now) : null;
      const certified = status === "valid" || status === "expiringSoon";
      return {
        courseId: version.courseId,
        title: version.title,
        summary: version.summary,
        language: version.language,
        minTierKey,
        lessonCount: countOf(lessonCounts, version.id),
        lessonsDone,
        questionCount: countOf(questionCounts, version.id),
        passMarkPercent: version.passMarkPercent,
        attemptLimit: version.attemptLimit,
        attemptsUsed: used,
        bestScorePercent: best.find((b) => b.versionId === version.id)?.best ?? null,
        validityMonths: version.validityMonths,
        progress: (certified
          ? "certified"
          : lessonsDone > 0 || attempted.some((a) => a.versionId === version.id)
            ? "inProgress"
            : "notStarted") satisfies CatalogueStatus as CatalogueStatus,
        certification: cert
          ? { id: cert.id, code: cert.code, issuedAt: cert.issuedAt, expiresAt: cert.expiresAt, status: status! }
          : null,
      };
    }),
  );
  return pageOf(rows, all.length, input.page, input.pageSize);
}
