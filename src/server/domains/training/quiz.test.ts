import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import { auditLog, certifications, courseVersions, quizAttempts } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import type { PartnerActor } from "../actor";
import { DomainError } from "../errors";
import { addMonthsUtc } from "./certifications";
import { insertCourse, rightAnswers, wrongAnswers, type InsertedCourse } from "./fixtures.test-helpers";
import { completeLesson, courseForLearner } from "./lessons";
import { attemptResult, startAttempt, submitAttempt } from "./quiz";

const { db, clock, partnerOwner, partnerMember, actorByEmail, ctxOf } = await setupProgram();
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;

async function readAll(actor: PartnerActor, course: InsertedCourse, at = clock) {
  for (const lessonId of course.lessonIds)
    await completeLesson(ctxOf(actor, at), { courseId: course.courseId, lessonId });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "no error";
}

describe("starting a quiz", () => {
  it("opens only when every lesson is done, and a second start resumes the same attempt", async () => {
    const course = await insertCourse(db, { title: "Start rules" });
    const ctx = ctxOf(partnerOwner);
    expect(await codeOf(startAttempt(ctx, { courseId: course.courseId }))).toBe("quiz.lessonsIncomplete");
    await readAll(partnerOwner, course);
    const first = await startAttempt(ctx, { courseId: course.courseId });
    const again = await startAttempt(ctx, { courseId: course.courseId });
    expect(again.attemptId).toBe(first.attemptId);
    expect(again.questions).toEqual(first.questions);
    expect(first.questions).toHaveLength(3);
    const [stored] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, first.attemptId));
    // The order presented is the order stored.
    expect(stored!.presented).toEqual(
      first.questions.map((q) => ({ questionId: q.id, optionIds: q.options.map((o) => o.id) })),
    );
  });

  it("never sends which option is right before the attempt is submitted", async () => {
    const course = await insertCourse(db, { title: "No answers leak" });
    const ctx = ctxOf(partnerMember);
    await readAll(partnerMember, course);
    const payloads = [
      await startAttempt(ctx, { courseId: course.courseId }),
      await courseForLearner(ctx, { courseId: course.courseId }),
    ];
    for (const payload of payloads) {
      const json = JSON.stringify(payload);
      expect(json).not.toMatch(/isCorrect|correct|"right"|"wrong"/i);
    }
  });

  it("shuffles questions and options with the crypto random source (orders differ between people)", async () => {
    const many = Array.from({ length: 8 }, () => ({ kind: "single" as const, options: [true, false, false, false] }));
    const course = await insertCourse(db, { title: "Shuffled", questions: many });
    const orders = new Set<string>();
    for (const actor of [partnerOwner, partnerMember, kestrel]) {
      await readAll(actor, course);
      const attempt = await startAttempt(ctxOf(actor), { courseId: course.courseId });
      orders.add(JSON.stringify(attempt.questions.map((q) => [q.id, q.options.map((o) => o.id)])));
    }
    // Three identical orders of 8 questions × 4 options by chance: about 1 in 10^19.
    expect(orders.size).toBeGreaterThan(1);
  });

  it("refuses past the attempt limit, counting only submitted attempts", async () => {
    const course = await insertCourse(db, { title: "Limit", attemptLimit: 2 });
    const ctx = ctxOf(partnerOwner);
    await readAll(partnerOwner, course);
    for (let n = 0; n < 2; n++) {
      const attempt = await startAttempt(ctx, { courseId: course.courseId });
      const result = await submitAttempt(ctx, { attemptId: attempt.attemptId, answers: wrongAnswers(course) });
      expect(result.passed).toBe(false);
      expect(result.attemptsLeft).toBe(1 - n);
    }
    const outline = await courseForLearner(ctx, { courseId: course.courseId });
    expect(outline.quiz).toMatchObject({
      attemptsUsed: 2,
      attemptsLeft: 0,
      canStart: false,
      blockedBy: "noAttemptsLeft",
    });
    expect(await codeOf(startAttempt(ctx, { courseId: course.courseId }))).toBe("quiz.noAttemptsLeft");
    // Another person of the same partner has their own attempts.
    await readAll(partnerMember, course);
    await expect(startAttempt(ctxOf(partnerMember), { courseId: course.courseId })).resolves.toBeTruthy();
  });
});

describe("grading", () => {
  it("grades single and multiple choice exactly: a partly right multiple choice is wrong", async () => {
    const course = await insertCourse(db, { title: "Grading", passMarkPercent: 100, attemptLimit: 5 });
    const ctx = ctxOf(kestrel);
    await readAll(kestrel, course);
    const [single1, single2, multiple] = course.questions;
    const attempt = await startAttempt(ctx, { courseId: course.courseId });
    const result = await submitAttempt(ctx, {
      attemptId: attempt.attemptId,
      answers: [
        { questionId: single1!.id, optionIds: single1!.right },
        { questionId: single2!.id, optionIds: single2!.wrong.slice(0, 1) },
        // One of the two right options only.
        { questionId: multiple!.id, optionIds: multiple!.right.slice(0, 1) },
      ],
    });
    expect(result).toMatchObject({
      correctCount: 1,
      questionCount: 3,
      scorePercent: 33,
      passed: false,
      certification: null,
    });
    const byId = new Map(result.questions.map((q) => [q.id, q]));
    expect(byId.get(single1!.id)!.right).toBe(true);
    expect(byId.get(single2!.id)!.right).toBe(false);
    expect(byId.get(multiple!.id)!.right).toBe(false);
    // After submitting, the result says what was right.
    expect(
      byId
        .get(multiple!.id)!
        .options.filter((o) => o.isCorrect)
        .map((o) => o.id)
        .sort(),
    ).toEqual([...multiple!.right].sort());
    expect(
      byId
        .get(multiple!.id)!
        .options.filter((o) => o.chosen)
        .map((o) => o.id),
    ).toEqual(multiple!.right.slice(0, 1));

    // A right option plus a wrong one is wrong too; all right is right.
    const second = await startAttempt(ctx, { courseId: course.courseId });
    const again = await submitAttempt(ctx, {
      attemptId: second.attemptId,
      answers: [
        { questionId: single1!.id, optionIds: single1!.right },
        { questionId: single2!.id, optionIds: single2!.right },
        { questionId: multiple!.id, optionIds: [...multiple!.right, multiple!.wrong[0]!] },
      ],
    });
    expect(again).toMatchObject({ correctCount: 2, scorePercent: 66, passed: false });
    expect(await attemptResult(ctx, { attemptId: second.attemptId })).toEqual(again);
  });

  it("refuses answers that do not fit the attempt, and someone else's attempt", async () => {
    const course = await insertCourse(db, { title: "Bad answers" });
    const other = await insertCourse(db, { title: "Other course" });
    const ctx = ctxOf(partnerMember);
    await readAll(partnerMember, course);
    const attempt = await startAttempt(ctx, { courseId: course.courseId });
    const [single] = course.questions;
    const bad = [
      [{ questionId: single!.id, optionIds: [...single!.right, single!.wrong[0]!] }],
      [{ questionId: single!.id, optionIds: other.questions[0]!.right }],
      [{ questionId: other.questions[0]!.id, optionIds: other.questions[0]!.right }],
      [
        { questionId: single!.id, optionIds: single!.right },
        { questionId: single!.id, optionIds: single!.right },
      ],
    ];
    for (const answers of bad)
      expect(await codeOf(submitAttempt(ctx, { attemptId: attempt.attemptId, answers }))).toBe("quiz.invalidAnswers");
    expect(await codeOf(submitAttempt(ctxOf(partnerOwner), { attemptId: attempt.attemptId, answers: [] }))).toBe(
      "quiz.attemptNotFound",
    );
    expect(await codeOf(attemptResult(ctxOf(partnerOwner), { attemptId: attempt.attemptId }))).toBe(
      "quiz.attemptNotFound",
    );
    // Not yet submitted: there is no result to read.
    expect(await codeOf(attemptResult(ctx, { attemptId: attempt.attemptId }))).toBe("quiz.attemptNotFound");
    // Unanswered questions count as wrong.
    const result = await submitAttempt(ctx, { attemptId: attempt.attemptId, answers: [] });
    expect(result).toMatchObject({ correctCount: 0, scorePercent: 0, passed: false });
  });

  it("refuses an attempt whose version is no longer the published one", async () => {
    const course = await insertCourse(db, { title: "Republished" });
    const ctx = ctxOf(kestrel);
    await readAll(kestrel, course);
    const attempt = await startAttempt(ctx, { courseId: course.courseId });
    await db.transaction(async (tx) => {
      await tx.update(courseVersions).set({ status: "superseded" }).where(eq(courseVersions.id, course.versionId));
      await insertCourse(tx, { courseId: course.courseId, version: 2, title: "Republished v2" });
    });
    expect(await codeOf(submitAttempt(ctx, { attemptId: attempt.attemptId, answers: rightAnswers(course) }))).toBe(
      "quiz.versionChanged",
    );
  });
});

describe("passing", () => {
  it("issues one certification with a typable code, dated by calendar months, audited", async () => {
    const course = await insertCourse(db, { title: "Pass once", validityMonths: 3 });
    const at = fixedClock("2027-01-31T12:00:00Z");
    const ctx = ctxOf(partnerOwner, at);
    await readAll(partnerOwner, course, at);
    const attempt = await startAttempt(ctx, { courseId: course.courseId });
    const result = await submitAttempt(ctx, { attemptId: attempt.attemptId, answers: rightAnswers(course) });
    expect(result).toMatchObject({ scorePercent: 100, passed: true });
    expect(result.certification!.code).toMatch(
      /^TW-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    expect(result.certification!.issuedAt).toEqual(at.now());
    // 31 January + 3 months = 30 April (the month has no 31st).
    expect(result.certification!.expiresAt).toEqual(new Date("2027-04-30T12:00:00Z"));
    expect(result.certification!.verifyUrl).toMatch(new RegExp(`/verify/${result.certification!.code}$`));
    const [cert] = await db.select().from(certifications).where(eq(certifications.attemptId, attempt.attemptId));
    expect(cert).toMatchObject({
      userId: partnerOwner.userId,
      partnerId: partnerOwner.partnerId,
      versionId: course.versionId,
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "certification.issued"), eq(auditLog.entityId, cert!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(partnerOwner.userId);
    // A second submit is a conflict and writes nothing.
    expect(await codeOf(submitAttempt(ctx, { attemptId: attempt.attemptId, answers: rightAnswers(course) }))).toBe(
      "quiz.alreadySubmitted",
    );
    expect(await db.select().from(certifications).where(eq(certifications.attemptId, attempt.attemptId))).toHaveLength(
      1,
    );
  });

  it("makes exactly one certification when the same attempt is submitted twice at once", async () => {
    const course = await insertCourse(db, { title: "Double submit" });
    const ctx = ctxOf(partnerMember);
    await readAll(partnerMember, course);
    const attempt = await startAttempt(ctx, { courseId: course.courseId });
    const outcomes = await Promise.allSettled([
      submitAttempt(ctx, { attemptId: attempt.attemptId, answers: rightAnswers(course) }),
      submitAttempt(ctx, { attemptId: attempt.attemptId, answers: rightAnswers(course) }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as DomainError).code).toBe("quiz.alreadySubmitted");
    expect(await db.select().from(certifications).where(eq(certifications.attemptId, attempt.attemptId))).toHaveLength(
      1,
    );
    expect(
      await db
        .select()
        .from(certifications)
        .where(and(eq(certifications.userId, partnerMember.userId), eq(certifications.courseId, course.courseId))),
    ).toHaveLength(1);
  });

  it("renews: refused while valid, open within 30 days of expiry, with the attempts counted afresh", async () => {
    const course = await insertCourse(db, { title: "Renewal", validityMonths: 12, attemptLimit: 2 });
    const start = fixedClock("2027-02-01T09:00:00Z");
    await readAll(kestrel, course, start);
    // One failed attempt, then a pass: both attempts of the limit used.
    const failed = await startAttempt(ctxOf(kestrel, start), { courseId: course.courseId });
    await submitAttempt(ctxOf(kestrel, start), { attemptId: failed.attemptId, answers: wrongAnswers(course) });
    const passed = await startAttempt(ctxOf(kestrel, start), { courseId: course.courseId });
    const result = await submitAttempt(ctxOf(kestrel, start), {
      attemptId: passed.attemptId,
      answers: rightAnswers(course),
    });
    const expiresAt = result.certification!.expiresAt;
    expect(expiresAt).toEqual(addMonthsUtc(start.now(), 12));

    expect(await codeOf(startAttempt(ctxOf(kestrel, start), { courseId: course.courseId }))).toBe(
      "quiz.alreadyCertified",
    );
    const early = fixedClock(new Date(expiresAt.getTime() - 31 * DAY));
    expect(await codeOf(startAttempt(ctxOf(kestrel, early), { courseId: course.courseId }))).toBe(
      "quiz.alreadyCertified",
    );
    const window = fixedClock(new Date(expiresAt.getTime() - 29 * DAY));
    const outline = await courseForLearner(ctxOf(kestrel, window), { courseId: course.courseId });
    expect(outline.quiz).toMatchObject({ attemptsUsed: 0, attemptsLeft: 2, canStart: true });
    expect(outline.quiz.certification?.status).toBe("expiringSoon");
    const renewal = await startAttempt(ctxOf(kestrel, window), { courseId: course.courseId });
    const renewed = await submitAttempt(ctxOf(kestrel, window), {
      attemptId: renewal.attemptId,
      answers: rightAnswers(course),
    });
    expect(renewed.certification!.expiresAt).toEqual(addMonthsUtc(window.now(), 12));
    // And expired (no renewal in time) opens the quiz too.
    const course2 = await insertCourse(db, { title: "Expired", validityMonths: 1 });
    await readAll(partnerOwner, course2, start);
    const a = await startAttempt(ctxOf(partnerOwner, start), { courseId: course2.courseId });
    await submitAttempt(ctxOf(partnerOwner, start), { attemptId: a.attemptId, answers: rightAnswers(course2) });
    const later = fixedClock(new Date(start.now().getTime() + 60 * DAY));
    const outline2 = await courseForLearner(ctxOf(partnerOwner, later), { courseId: course2.courseId });
    expect(outline2.quiz.certification?.status).toBe("expired");
    expect(outline2.quiz.canStart).toBe(true);
  });
});
