import { asc, eq, inArray } from "drizzle-orm";
import {
  certifications,
  courseVersions,
  quizAttempts,
  quizOptions,
  quizQuestions,
  type PresentedQuiz,
  type QuizAnswers,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { certificationStatusOf, verificationUrl } from "./certifications";
import { attemptsUsed } from "./quiz-standing";

/** The questions of an attempt with every option and whether it is right: for grading and results only. */
async function answerKey(db: Db, questionIds: string[]) {
  if (questionIds.length === 0) return new Map<string, never>();
  const [questions, options] = await Promise.all([
    db
      .select({ id: quizQuestions.id, prompt: quizQuestions.prompt, kind: quizQuestions.kind })
      .from(quizQuestions)
      .where(inArray(quizQuestions.id, questionIds)),
    db
      .select({
        id: quizOptions.id,
        questionId: quizOptions.questionId,
        label: quizOptions.label,
        isCorrect: quizOptions.isCorrect,
      })
      .from(quizOptions)
      .where(inArray(quizOptions.questionId, questionIds))
      .orderBy(asc(quizOptions.position)),
  ]);
  return new Map(questions.map((q) => [q.id, { ...q, options: options.filter((o) => o.questionId === q.id) }]));
}

/** Right when the chosen set is exactly the set of right options: a partly right answer is wrong. */
export function isRightAnswer(chosen: readonly string[], correct: readonly string[]): boolean {
  const picked = new Set(chosen);
  return picked.size === correct.length && correct.every((id) => picked.has(id));
}

/**
 * Checks the answers against what the attempt presented and grades them. Each answer must name a
 * presented question once and only its options (a single-choice question at most one); a question
 * left out counts as answered wrong. Null when the answers do not fit the attempt.
 */
export async function gradeAnswers(
  db: Db,
  presented: PresentedQuiz,
  given: QuizAnswers,
): Promise<{ answers: QuizAnswers; correctCount: number } | null> {
  const key = await answerKey(
    db,
    presented.map((p) => p.questionId),
  );
  const byQuestion = new Map<string, string[]>();
  for (const answer of given) {
    const shown = presented.find((p) => p.questionId === answer.questionId);
    const question = key.get(answer.questionId);
    if (!shown || !question || byQuestion.has(answer.questionId)) return null;
    const unique = [...new Set(answer.optionIds)];
    if (unique.some((id) => !shown.optionIds.includes(id))) return null;
    if (question.kind === "single" && unique.length > 1) return null;
    byQuestion.set(answer.questionId, unique);
  }
  let correctCount = 0;
  const answers = presented.map((p) => {
    const optionIds = byQuestion.get(p.questionId) ?? [];
    const correct = (key.get(p.questionId)?.options ?? []).filter((o) => o.isCorrect).map((o) => o.id);
    if (isRightAnswer(optionIds, correct)) correctCount++;
    return { questionId: p.questionId, optionIds };
  });
  return { answers, correctCount };
}

/**
 * A submitted attempt's result: the score, pass or fail, and per question (in the order it was
 * presented) what was chosen and what was right, plus the certification it earned. Only ever
 * built for an attempt already submitted.
 */
export async function attemptResultOf(db: Db, attemptId: string, now: Date) {
  const [row] = await db
    .select({ attempt: quizAttempts, version: courseVersions })
    .from(quizAttempts)
    .innerJoin(courseVersions, eq(courseVersions.id, quizAttempts.versionId))
    .where(eq(quizAttempts.id, attemptId));
  const { attempt, version } = row!;
  const key = await answerKey(
    db,
    attempt.presented.map((p) => p.questionId),
  );
  const chosenOf = new Map((attempt.answers ?? []).map((a) => [a.questionId, new Set(a.optionIds)]));
  const questions = attempt.presented.flatMap((p) => {
    const question = key.get(p.questionId);
    if (!question) return [];
    const chosen = chosenOf.get(p.questionId) ?? new Set<string>();
    const options = p.optionIds.flatMap((id) => {
      const option = question.options.find((o) => o.id === id);
      return option ? [{ id, label: option.label, chosen: chosen.has(id), isCorrect: option.isCorrect }] : [];
    });
    const right = isRightAnswer(
      [...chosen],
      question.options.filter((o) => o.isCorrect).map((o) => o.id),
    );
    return [{ id: question.id, prompt: question.prompt, kind: question.kind, right, options }];
  });
  const [cert] = await db.select().from(certifications).where(eq(certifications.attemptId, attemptId));
  const used = await attemptsUsed(db, attempt.userId, version);
  return {
    attemptId: attempt.id,
    courseId: version.courseId,
    courseTitle: version.title,
    language: version.language,
    submittedAt: attempt.submittedAt!,
    questionCount: attempt.questionCount,
    correctCount: attempt.correctCount ?? 0,
    scorePercent: attempt.scorePercent ?? 0,
    passMarkPercent: version.passMarkPercent,
    passed: attempt.passed ?? false,
    attemptsLeft: Math.max(0, version.attemptLimit - used),
    questions,
    certification: cert
      ? {
          id: cert.id,
          code: cert.code,
          issuedAt: cert.issuedAt,
          expiresAt: cert.expiresAt,
          status: certificationStatusOf(cert, now),
          verifyUrl: verificationUrl(cert.code),
        }
      : null,
  };
}
