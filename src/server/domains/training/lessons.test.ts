import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courses, lessonCompletions } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import type { PartnerActor } from "../actor";
import { DomainError } from "../errors";
import { catalogue } from "./catalogue";
import { myCertifications } from "./certifications";
import { insertCourse, rightAnswers } from "./fixtures.test-helpers";
import { completeLesson, courseForLearner, lessonForLearner } from "./lessons";
import { attemptResult, startAttempt, submitAttempt } from "./quiz";

const { db, partnerOwner, partnerMember, otherPartnerOwner, actorByEmail, ctxOf } = await setupProgram();
const brightpath = (await actorByEmail("hannah@brightpath.demo")) as PartnerActor; // registered tier
const rimal = (await actorByEmail("omar@rimal.demo")) as PartnerActor; // silver

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "no error";
}

describe("lessons in order", () => {
  it("unlocks each lesson after the one before, refuses reading or completing out of order, idempotently", async () => {
    const course = await insertCourse(db, { title: "Order matters", lessons: 3 });
    const ctx = ctxOf(partnerOwner);
    const [first, second, third] = course.lessonIds;
    let outline = await courseForLearner(ctx, { courseId: course.courseId });
    expect(outline.lessons.map((l) => [l.done, l.unlocked])).toEqual([
      [false, true],
      [false, false],
      [false, false],
    ]);
    expect(outline.quiz).toMatchObject({ questionCount: 3, canStart: false, blockedBy: "lessonsIncomplete" });
    expect(await codeOf(lessonForLearner(ctx, { courseId: course.courseId, lessonId: second! }))).toBe(
      "training.lessonLocked",
    );
    expect(await codeOf(completeLesson(ctx, { courseId: course.courseId, lessonId: third! }))).toBe(
      "training.lessonLocked",
    );

    const lesson = await lessonForLearner(ctx, { courseId: course.courseId, lessonId: first! });
    expect(lesson).toMatchObject({ position: 1, lessonCount: 3, nextLessonId: second, previousLessonId: null });
    expect(lesson.videoUrl).toBe("https://videos.example/lesson-1");
    expect(await completeLesson(ctx, { courseId: course.courseId, lessonId: first! })).toEqual({
      nextLessonId: second,
      allDone: false,
    });
    // Twice is the same as once.
    await completeLesson(ctx, { courseId: course.courseId, lessonId: first! });
    const rows = await db.select().from(lessonCompletions).where(eq(lessonCompletions.lessonId, first!));
    expect(rows).toHaveLength(1);
    await completeLesson(ctx, { courseId: course.courseId, lessonId: second! });
    expect(await completeLesson(ctx, { courseId: course.courseId, lessonId: third! })).toEqual({
      nextLessonId: null,
      allDone: true,
    });
    outline = await courseForLearner(ctx, { courseId: course.courseId });
    expect(outline.lessonsDone).toBe(3);
    expect(outline.quiz).toMatchObject({ canStart: true, attemptsLeft: 3, blockedBy: null });
    // Progress is the person's: a colleague starts from the first lesson.
    const theirs = await courseForLearner(ctxOf(partnerMember), { courseId: course.courseId });
    expect(theirs.lessonsDone).toBe(0);
    // A lesson of another course is not in this one.
    const other = await insertCourse(db, { title: "Order matters too" });
    expect(await codeOf(lessonForLearner(ctx, { courseId: course.courseId, lessonId: other.lessonIds[0]! }))).toBe(
      "training.lessonNotFound",
    );
  });
});

describe("who sees a course", () => {
  it("answers a course above the tier, a draft or a retired one as not found in every procedure", async () => {
    const gold = await insertCourse(db, { title: "Gold only", minTier: "gold" });
    const draft = await insertCourse(db, { title: "Draft only", status: "draft" });
    const retired = await insertCourse(db, { title: "Retired course" });
    await db
      .update(courses)
      .set({ retiredAt: new Date("2026-10-15T00:00:00Z") })
      .where(eq(courses.id, retired.courseId));
    // Gold (Northwind) and platinum (Cobalt) see the gold course; silver and registered do not.
    for (const actor of [partnerOwner, otherPartnerOwner])
      await expect(courseForLearner(ctxOf(actor), { courseId: gold.courseId })).resolves.toBeTruthy();
    const cases: [PartnerActor, (typeof gold)[]][] = [
      [rimal, [gold, draft, retired]],
      [brightpath, [gold, draft, retired]],
      [partnerOwner, [draft, retired]],
    ];
    for (const [actor, hidden] of cases) {
      const ctx = ctxOf(actor);
      const listed = await catalogue(ctx, { pageSize: 100 });
      for (const course of hidden) {
        const input = { courseId: course.courseId };
        const lesson = { ...input, lessonId: course.lessonIds[0]! };
        expect(listed.rows.some((r) => r.courseId === course.courseId)).toBe(false);
        expect(await codeOf(courseForLearner(ctx, input))).toBe("training.courseNotFound");
        expect(await codeOf(lessonForLearner(ctx, lesson))).toBe("training.courseNotFound");
        expect(await codeOf(completeLesson(ctx, lesson))).toBe("training.courseNotFound");
        expect(await codeOf(startAttempt(ctx, input))).toBe("training.courseNotFound");
      }
    }
    // An attempt on a course the partner no longer sees (a tier lost) cannot be submitted either.
    const ctx = ctxOf(partnerOwner);
    const seen = await insertCourse(db, { title: "Seen then hidden", lessons: 1 });
    await completeLesson(ctx, { courseId: seen.courseId, lessonId: seen.lessonIds[0]! });
    const attempt = await startAttempt(ctx, { courseId: seen.courseId });
    await db
      .update(courses)
      .set({ retiredAt: new Date("2026-10-31T00:00:00Z") })
      .where(eq(courses.id, seen.courseId));
    expect(await codeOf(submitAttempt(ctx, { attemptId: attempt.attemptId, answers: rightAnswers(seen) }))).toBe(
      "quiz.versionChanged",
    );
  });
});

describe("the catalogue", () => {
  it("shows each person's progress, filters by language, status and title, pages on the server, and leaks no answers", async () => {
    const tag = "Catalogue";
    const fresh = await insertCourse(db, { title: `${tag} A fresh` });
    const begun = await insertCourse(db, { title: `${tag} B begun` });
    const passed = await insertCourse(db, { title: `${tag} C passed`, lessons: 1, validityMonths: 6 });
    const arabic = await insertCourse(db, { title: `${tag} D عربي`, language: "ar" });
    const ctx = ctxOf(rimal);
    await completeLesson(ctx, { courseId: begun.courseId, lessonId: begun.lessonIds[0]! });
    await completeLesson(ctx, { courseId: passed.courseId, lessonId: passed.lessonIds[0]! });
    const attempt = await startAttempt(ctx, { courseId: passed.courseId });
    const result = await submitAttempt(ctx, { attemptId: attempt.attemptId, answers: rightAnswers(passed) });
    expect(result.passed).toBe(true);

    const all = await catalogue(ctx, { search: tag, pageSize: 100 });
    expect(all.rows.map((r) => r.title)).toEqual([
      `${tag} A fresh`,
      `${tag} B begun`,
      `${tag} C passed`,
      `${tag} D عربي`,
    ]);
    const row = (id: string) => all.rows.find((r) => r.courseId === id)!;
    expect(row(fresh.courseId)).toMatchObject({
      lessonsDone: 0,
      lessonCount: 3,
      progress: "notStarted",
      certification: null,
    });
    expect(row(begun.courseId)).toMatchObject({ lessonsDone: 1, progress: "inProgress", attemptsUsed: 0 });
    expect(row(passed.courseId)).toMatchObject({
      lessonsDone: 1,
      lessonCount: 1,
      progress: "certified",
      bestScorePercent: 100,
      attemptLimit: 3,
    });
    expect(row(passed.courseId).certification).toMatchObject({ status: "valid", code: result.certification!.code });
    expect(JSON.stringify(all)).not.toMatch(/isCorrect|correct/i);

    const titles = async (input: Parameters<typeof catalogue>[1]) =>
      (await catalogue(ctx, { search: tag, pageSize: 100, ...input })).rows.map((r) => r.courseId);
    expect(await titles({ status: "notStarted" })).toEqual([fresh.courseId, arabic.courseId]);
    expect(await titles({ status: "inProgress" })).toEqual([begun.courseId]);
    expect(await titles({ status: "certified" })).toEqual([passed.courseId]);
    expect(await titles({ language: "ar" })).toEqual([arabic.courseId]);
    expect(await titles({ search: "عربي" })).toEqual([arabic.courseId]);
    // "%" is a character to search for, not a wildcard.
    expect(await titles({ search: "%" })).toEqual([]);
    const page2 = await catalogue(ctx, { search: tag, pageSize: 5, page: 1 });
    expect(page2).toMatchObject({ total: 4, pageCount: 1 });
    // Another person of another partner sees none of this person's progress.
    const theirs = await catalogue(ctxOf(otherPartnerOwner), { search: `${tag} C`, pageSize: 100 });
    expect(theirs.rows[0]).toMatchObject({ progress: "notStarted", certification: null, bestScorePercent: null });

    const mine = await myCertifications(ctx);
    expect(mine.find((c) => c.courseId === passed.courseId)).toMatchObject({
      code: result.certification!.code,
      courseTitle: `${tag} C passed`,
      status: "valid",
    });
    expect((await myCertifications(ctxOf(otherPartnerOwner))).some((c) => c.courseId === passed.courseId)).toBe(false);
    // The result reads back what was submitted.
    expect((await attemptResult(ctx, { attemptId: attempt.attemptId })).scorePercent).toBe(100);
  });
});
