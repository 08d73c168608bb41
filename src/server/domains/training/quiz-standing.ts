import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { courseVersions, quizAttempts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { DAY } from "@/lib/clock";
import type { PartnerActor } from "../actor";
import type { ServiceCtx } from "../context";
import { certificationStatusOf, latestCertification, RENEWAL_WINDOW_DAYS } from "./certifications";

type Version = typeof courseVersions.$inferSelect;

/** Why the quiz may not start now; null when it may. */
export type QuizBlock = "lessonsIncomplete" | "noAttemptsLeft" | "alreadyCertified" | null;

/**
 * The submitted attempts that count against the limit: this person's, on this version, since
 * their last certification in the course (the attempt that earned it included), so a renewal
 * starts afresh.
 */
export async function attemptsUsed(db: Db, userId: string, version: Version): Promise<number> {
  const last = await latestCertification(db, userId, version.courseId);
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, userId),
        eq(quizAttempts.versionId, version.id),
        isNotNull(quizAttempts.submittedAt),
        // The attempt that earned it was submitted at its issuedAt: strictly after leaves it out.
        last ? sql`${quizAttempts.submittedAt} > ${last.issuedAt.toISOString()}::timestamptz` : undefined,
      ),
    );
  return counted?.n ?? 0;
}

/** The person's unsubmitted attempt on the version, if one is open. */
export async function openAttemptOf(db: Db, userId: string, versionId: string) {
  const [open] = await db
    .select()
    .from(quizAttempts)
    .where(
      and(eq(quizAttempts.userId, userId), eq(quizAttempts.versionId, versionId), isNull(quizAttempts.submittedAt)),
    )
    .orderBy(desc(quizAttempts.startedAt))
    .limit(1);
  return open ?? null;
}

/**
 * Where the person stands with the version's quiz: attempts used and left, an open attempt to
 * resume, the last result, the certification held, and whether a new attempt may start (lessons
 * all done, attempts left, and no valid certification outside its renewal window).
 */
export async function quizStanding(ctx: ServiceCtx<PartnerActor>, version: Version, lessonsDone: boolean) {
  const { db, actor, clock } = ctx;
  const now = clock.now();
  const [used, open, cert, [last]] = await Promise.all([
    attemptsUsed(db, actor.userId, version),
    openAttemptOf(db, actor.userId, version.id),
    latestCertification(db, actor.userId, version.courseId),
    db
      .select({ id: quizAttempts.id, scorePercent: quizAttempts.scorePercent, passed: quizAttempts.passed })
      .from(quizAttempts)
      .where(
        and(
          eq(quizAttempts.userId, actor.userId),
          eq(quizAttempts.versionId, version.id),
          isNotNull(quizAttempts.submittedAt),
        ),
      )
      .orderBy(desc(quizAttempts.submittedAt))
      .limit(1),
  ]);
  const certification = cert
    ? { id: cert.id, code: cert.code, expiresAt: cert.expiresAt, status: certificationStatusOf(cert, now) }
    : null;
  const attemptsLeft = Math.max(0, version.attemptLimit - used);
  const blockedBy: QuizBlock = !lessonsDone
    ? "lessonsIncomplete"
    : open
      ? null
      : certification?.status === "valid"
        ? "alreadyCertified"
        : attemptsLeft === 0
          ? "noAttemptsLeft"
          : null;
  return {
    attemptsUsed: used,
    attemptsLeft,
    openAttemptId: open?.id ?? null,
    lastAttempt: last ?? null,
    certification,
    canStart: blockedBy === null,
    blockedBy,
    renewableFrom: cert && !cert.revokedAt ? new Date(cert.expiresAt.getTime() - RENEWAL_WINDOW_DAYS * DAY) : null,
  };
}
