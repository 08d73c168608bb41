import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courseLessons, lessonCompletions, quizAttempts, quizQuestions } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import type { PartnerActor } from "../actor";
import { createCourse, publishCourse } from "./authoring";
import type { CreateCourseInput } from "./authoring-input";
import { courseReport, partnerTrainingReport } from "./reports";
import { courseReportCsv, partnerTrainingReportCsv } from "./reports-csv";

const { db, clock, manager, finance, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } = await setupProgram();
const ctx = ctxOf(manager);

const course = (title: string): CreateCourseInput => ({
  title,
  summary: "",
  language: "en",
  minTierId: null,
  passMarkPercent: 60,
  attemptLimit: 3,
  validityMonths: 12,
  lessons: [
    { title: "One", body: "", videoUrl: null },
    { title: "Two", body: "", videoUrl: null },
  ],
  questions: [
    {
      prompt: "Q",
      kind: "single",
      options: [
        { label: "Yes", isCorrect: true },
        { label: "No", isCorrect: false },
      ],
    },
  ],
});

const tracked = await createCourse(ctx, course("Zephyr reporting course"));
const quiet = await createCourse(ctx, course("Zephyr quiet course"));
await publishCourse(ctx, { courseId: tracked.courseId });
await publishCourse(ctx, { courseId: quiet.courseId });
const lessons = await db
  .select()
  .from(courseLessons)
  .where(eq(courseLessons.versionId, tracked.versionId))
  .orderBy(asc(courseLessons.position));
const [question] = await db.select().from(quizQuestions).where(eq(quizQuestions.versionId, tracked.versionId));

async function read(person: PartnerActor, count: number) {
  for (const lesson of lessons.slice(0, count))
    await db.insert(lessonCompletions).values({ userId: person.userId, lessonId: lesson.id, completedAt: clock.now() });
}
async function attempt(person: PartnerActor, scorePercent: number | null) {
  await db.insert(quizAttempts).values({
    userId: person.userId,
    partnerId: person.partnerId,
    versionId: tracked.versionId,
    presented: [{ questionId: question!.id, optionIds: [] }],
    questionCount: 1,
    startedAt: clock.now(),
    ...(scorePercent === null
      ? {}
      : { submittedAt: clock.now(), correctCount: 0, scorePercent, passed: scorePercent >= 60, answers: [] }),
  });
}

// Olivia (Northwind) reads both lessons, fails once and passes; James (Northwind) reads one lesson;
// Lena (Cobalt) skips the lessons, fails, and leaves a second attempt unsubmitted.
await read(partnerOwner, 2);
await attempt(partnerOwner, 50);
await attempt(partnerOwner, 100);
await read(partnerMember, 1);
await attempt(otherPartnerOwner, 0);
await attempt(otherPartnerOwner, null);

describe("training reports", () => {
  it("gives per course: started, read, attempted, passed, pass rate, attempts and average score", async () => {
    const report = await courseReport(ctx, { search: "Zephyr", sort: "name", sortDir: "desc" });
    expect(report.total).toBe(2);
    expect(report.rows).toEqual([
      {
        courseId: tracked.courseId,
        name: "Zephyr reporting course",
        language: "en",
        started: 3,
        completedLessons: 1,
        attempted: 2,
        passed: 1,
        passRate: 50,
        attempts: 3,
        averageScore: 50,
      },
      {
        courseId: quiet.courseId,
        name: "Zephyr quiet course",
        language: "en",
        started: 0,
        completedLessons: 0,
        attempted: 0,
        passed: 0,
        passRate: null,
        attempts: 0,
        averageScore: null,
      },
    ]);
    const byPassRate = await courseReport(ctx, { search: "zephyr", sort: "passRate", sortDir: "asc", pageSize: 5 });
    // Courses nobody attempted sort last either way.
    expect(byPassRate.rows.map((r) => r.courseId)).toEqual([tracked.courseId, quiet.courseId]);
  });

  it("gives the same per partner, for one course, searchable by name", async () => {
    const report = await partnerTrainingReport(ctx, { courseId: tracked.courseId, sort: "started", sortDir: "desc" });
    const northwind = report.rows.find((r) => r.partnerId === partnerOwner.partnerId);
    const cobalt = report.rows.find((r) => r.partnerId === otherPartnerOwner.partnerId);
    expect(northwind).toMatchObject({
      started: 2,
      completedLessons: 1,
      attempted: 1,
      passed: 1,
      passRate: 100,
      attempts: 2,
      averageScore: 75,
    });
    expect(cobalt).toMatchObject({
      started: 1,
      completedLessons: 0,
      attempted: 1,
      passed: 0,
      passRate: 0,
      attempts: 1,
      averageScore: 0,
    });
    expect(report.rows[0]!.partnerId).toBe(partnerOwner.partnerId);
    expect(report.rows.slice(2).every((r) => r.started === 0)).toBe(true);
    const searched = await partnerTrainingReport(ctx, { courseId: tracked.courseId, search: "cobalt" });
    expect(searched.rows.map((r) => r.partnerId)).toEqual([otherPartnerOwner.partnerId]);
    expect(searched.total).toBe(1);
    const paged = await partnerTrainingReport(ctx, { pageSize: 5, page: 1 });
    expect(paged.rows).toHaveLength(5);
    expect(paged.total).toBeGreaterThan(5);
  });

  it("exports both as CSV with the given headers", async () => {
    const courses = await courseReportCsv(ctxOf(finance), { search: "Zephyr reporting" }, ["Course", "Lang", "S"]);
    expect(courses.trim().split("\r\n")).toEqual([
      '"Course","Lang","S"',
      '"Zephyr reporting course","en","3","1","2","1","50","3","50"',
    ]);
    const partners = await partnerTrainingReportCsv(ctx, { courseId: tracked.courseId, search: "cobalt" }, ["P"]);
    expect(partners.trim().split("\r\n")[1]).toBe('"Cobalt Cloud Partners","1","0","1","0","0","1","0"');
  });
});
