import { randomInt } from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { courseVersions, quizAttempts, quizOptions, quizQuestions, type PresentedQuiz } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { recomputeTier } from "@/server/domains/commissions/tiers";
import type { PartnerActor } from "../actor";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { issueCertification } from "./certifications";
import { allLessonsDone, courseInput, requireVisibleVersion } from "./lessons";
import { attemptResultOf, gradeAnswers } from "./quiz-result";
import { quizStanding } from "./quiz-standing";
import { visibleVersionOf } from "./visibility";

/** Fisher–Yates with the crypto random source: the order cannot be predicted from earlier ones. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A version's questions with their options (never whether an option is right). */
async function questionsOf(db: Db, versionId: string) {
  const questions = await db
    .select({ id: quizQuestions.id, prompt: quizQuestions.prompt, kind: quizQuestions.kind })
    .from(quizQuestions)
    .where(eq(quizQuestions.versionId, versionId))
    .orderBy(asc(quizQuestions.position));
  const options = questions.length
    ? await db
        .select({ id: quizOptions.id, questionId: quizOptions.questionId, label: quizOptions.label })
        .from(quizOptions)
        .where(
          inArray(
            quizOptions.questionId,
            questions.map((q) => q.id),
          ),
        )
        .orderBy(asc(quizOptions.position))
    : [];
  return questions.map((q) => ({
    ...q,
    options: options.filter((o) => o.questionId === q.id).map((o) => ({ id: o.id, label: o.label })),
  }));
}

/** The attempt as the person takes it: questions and options in the attempt's own shuffled order. */
async function presentAttempt(
  db: Db,
  attempt: typeof quizAttempts.$inferSelect,
  version: typeof courseVersions.$inferSelect,
) {
  const byId = new Map((await questionsOf(db, attempt.versionId)).map((q) => [q.id, q]));
  const questions = attempt.presented.flatMap((p) => {
    const question = byId.get(p.questionId);
    if (!question) return [];
    const options = new Map(question.options.map((o) => [o.id, o]));
    return [
      {
        id: question.id,
        prompt: question.prompt,
        kind: question.kind,
        options: p.optionIds.flatMap((id) => (options.has(id) ? [options.get(id)!] : [])),
      },
    ];
  });
  return {
    attemptId: attempt.id,
    courseId: version.courseId,
    courseTitle: version.title,
    language: version.language,
    passMarkPercent: version.passMarkPercent,
    startedAt: attempt.startedAt,
    questions,
  };
}

/**
 * Starts the quiz, or resumes the open attempt (a double click gets the same one). Refused until
 * every lesson is done, when the attempts are used up, or while a valid certification is held
 * outside its renewal window. The order of questions and of each one's options is drawn here
 * and kept on the attempt; nothing returned says which option is right.
 */
export async function startAttempt(ctx: ServiceCtx<PartnerActor>, rawInput: z.input<typeof courseInput>) {
  const input = courseInput.parse(rawInput);
  return withTransaction(ctx, async (tx, inner) => {
    const { actor, clock } = inner;
    const version = await requireVisibleVersion(tx, actor.partnerId, input.courseId);
    // One start at a time per person and version, so two clicks cannot open two attempts.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`quiz:${actor.userId}:${version.id}`}, 0))`);
    const standing = await quizStanding(inner, version, await allLessonsDone(tx, actor.userId, version.id));
    if (standing.blockedBy === "lessonsIncomplete") throw new ConflictError("quiz.lessonsIncomplete");
    if (standing.openAttemptId) {
      const [open] = await tx.select().from(quizAttempts).where(eq(quizAttempts.id, standing.openAttemptId));
      return presentAttempt(tx, open!, version);
    }
    if (standing.blockedBy === "alreadyCertified") throw new ConflictError("quiz.alreadyCertified");
    if (standing.blockedBy === "noAttemptsLeft") throw new ConflictError("quiz.noAttemptsLeft");
    const questions = await questionsOf(tx, version.id);
    if (questions.length === 0) throw new ConflictError("quiz.noQuestions");
    const presented: PresentedQuiz = shuffled(questions).map((q) => ({
      questionId: q.id,
      optionIds: shuffled(q.options.map((o) => o.id)),
    }));
    const [attempt] = await tx
      .insert(quizAttempts)
      .values({
        userId: actor.userId,
        partnerId: actor.partnerId,
        versionId: version.id,
        presented,
        questionCount: presented.length,
        startedAt: clock.now(),
      })
      .returning();
    return presentAttempt(tx, attempt!, version);
  });
}

export const submitAttemptInput = z.object({
  attemptId: z.uuid(),
  answers: z.array(z.object({ questionId: z.uuid(), optionIds: z.array(z.uuid()).max(50) })).max(500),
});
export type SubmitAttemptInput = z.input<typeof submitAttemptInput>;

/**
 * Grades an attempt on the server, once. The attempt row is locked first, so two submits of it run
 * one after the other and the second finds it submitted (a conflict that writes nothing). A pass
 * issues the certification (one per attempt, by a unique constraint) and rechecks the partner's
 * tier, all in the same transaction.
 */
export async function submitAttempt(ctx: ServiceCtx<PartnerActor>, rawInput: SubmitAttemptInput) {
  const input = submitAttemptInput.parse(rawInput);
  return withTransaction(ctx, async (tx) => {
    const { actor, clock } = ctx;
    const [attempt] = await tx.select().from(quizAttempts).where(eq(quizAttempts.id, input.attemptId)).for("update");
    if (!attempt || attempt.userId !== actor.userId) throw new NotFoundError("quiz.attemptNotFound", "attemptId");
    if (attempt.submittedAt) throw new ConflictError("quiz.alreadySubmitted", "attemptId");
    const [version] = await tx.select().from(courseVersions).where(eq(courseVersions.id, attempt.versionId));
    const visible = await visibleVersionOf(tx, actor.partnerId, version!.courseId);
    if (!visible || visible.id !== attempt.versionId) throw new ConflictError("quiz.versionChanged", "attemptId");

    const graded = await gradeAnswers(tx, attempt.presented, input.answers);
    if (!graded) throw new InvalidError("quiz.invalidAnswers", "answers");
    const now = clock.now();
    const scorePercent = Math.floor((graded.correctCount * 100) / attempt.questionCount);
    const passed = scorePercent >= version!.passMarkPercent;
    await tx
      .update(quizAttempts)
      .set({
        answers: graded.answers,
        submittedAt: now,
        correctCount: graded.correctCount,
        scorePercent,
        passed,
      })
      .where(eq(quizAttempts.id, attempt.id));
    if (passed) {
      await issueCertification(
        tx,
        actor,
        {
          attemptId: attempt.id,
          courseId: version!.courseId,
          versionId: version!.id,
          validityMonths: version!.validityMonths,
        },
        clock,
      );
      await recomputeTier(tx, actor.partnerId, clock);
    }
    return attemptResultOf(tx, attempt.id, clock.now());
  });
}

export const attemptInput = z.object({ attemptId: z.uuid() });

/** A submitted attempt's result, read back by the person who took it (anyone else: not found). */
export async function attemptResult(ctx: ServiceCtx<PartnerActor>, rawInput: z.input<typeof attemptInput>) {
  const input = attemptInput.parse(rawInput);
  const { db, actor, clock } = ctx;
  const [attempt] = await db
    .select({ userId: quizAttempts.userId, submittedAt: quizAttempts.submittedAt })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, input.attemptId));
  if (!attempt || attempt.userId !== actor.userId || !attempt.submittedAt)
    throw new NotFoundError("quiz.attemptNotFound", "attemptId");
  return attemptResultOf(db, input.attemptId, clock.now());
}
