import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  auditLog,
  courseLessons,
  courses,
  courseVersions,
  quizOptions,
  quizQuestions,
  tiers,
} from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import {
  createCourse,
  discardDraft,
  publishCourse,
  restoreCourse,
  retireCourse,
  saveDraft,
  type saveDraftInput,
} from "./authoring";
import type { CreateCourseInput } from "./authoring-input";
import { courseForEditing, listCourses } from "./authoring-queries";
import type { z } from "zod";

const { db, manager, ctxOf } = await setupProgram();
const gold = (await db.select().from(tiers).where(eq(tiers.key, "gold")))[0]!;

let n = 0;
function content(overrides: Partial<CreateCourseInput> = {}): CreateCourseInput {
  n += 1;
  return {
    title: `Selling the platform ${n}`,
    summary: "What a partner needs to pitch it.",
    language: "en",
    minTierId: null,
    passMarkPercent: 80,
    attemptLimit: 3,
    validityMonths: 12,
    lessons: [
      { title: "Why it sells", body: "# Value\n\nIt **saves** time.", videoUrl: "https://video.example/intro" },
      { title: "Objections", body: "- price\n- fit", videoUrl: null },
    ],
    questions: [
      {
        prompt: "What does it save?",
        kind: "single",
        options: [
          { label: "Time", isCorrect: true },
          { label: "Nothing", isCorrect: false },
        ],
      },
      {
        prompt: "Which are objections?",
        kind: "multiple",
        options: [
          { label: "Price", isCorrect: true },
          { label: "Fit", isCorrect: true },
          { label: "Colour", isCorrect: false },
        ],
      },
    ],
    ...overrides,
  };
}

const versionsOf = (courseId: string) =>
  db.select().from(courseVersions).where(eq(courseVersions.courseId, courseId)).orderBy(asc(courseVersions.version));
const auditsOf = (courseId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "course"), eq(auditLog.entityId, courseId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
const tableCounts = async () => ({
  courses: (await db.select({ n: count() }).from(courses))[0]!.n,
  versions: (await db.select({ n: count() }).from(courseVersions))[0]!.n,
  lessons: (await db.select({ n: count() }).from(courseLessons))[0]!.n,
  questions: (await db.select({ n: count() }).from(quizQuestions))[0]!.n,
  options: (await db.select({ n: count() }).from(quizOptions))[0]!.n,
  audits: (await db.select({ n: count() }).from(auditLog))[0]!.n,
});

/** The first issue of a refusal, by its path. */
async function zodIssues(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZodError);
  return Object.fromEntries((error as ZodError).issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("course versions", () => {
  it("create → save → publish → edit starts v2 while v1 stays published → publishing v2 supersedes v1", async () => {
    const ctx = ctxOf(manager);
    const { courseId, versionId } = await createCourse(ctx, content());
    expect(await versionsOf(courseId)).toMatchObject([{ id: versionId, version: 1, status: "draft" }]);

    // Saving the draft replaces its content wholesale, in the order given.
    const saved = await saveDraft(ctx, {
      courseId,
      ...content({ title: "Selling, revised", minTierId: gold.id }),
      lessons: [{ title: "Only lesson", body: "Short.", videoUrl: null }],
    });
    expect(saved).toMatchObject({ versionId, version: 1 });
    const draftView = await courseForEditing(ctx, { courseId });
    expect(draftView.editing).toMatchObject({
      version: 1,
      status: "draft",
      title: "Selling, revised",
      minTierId: gold.id,
    });
    expect(draftView.editing.lessons.map((l) => l.title)).toEqual(["Only lesson"]);
    expect(draftView.editing.questions[1]!.options.map((o) => o.isCorrect)).toEqual([true, true, false]);
    expect(draftView.published).toBeNull();

    const v1 = await publishCourse(ctx, { courseId });
    expect(v1).toMatchObject({ versionId, version: 1 });
    expect(await versionsOf(courseId)).toMatchObject([{ version: 1, status: "published" }]);

    // An edit of a published course is a new draft; the published version is untouched.
    const v2 = await saveDraft(ctx, { courseId, ...content({ title: "Selling, v2" }) });
    expect(v2.version).toBe(2);
    expect(v2.versionId).not.toBe(versionId);
    const during = await versionsOf(courseId);
    expect(during).toMatchObject([
      { version: 1, status: "published", title: "Selling, revised" },
      { version: 2, status: "draft", title: "Selling, v2" },
    ]);
    const lessonsOfV1 = await db.select().from(courseLessons).where(eq(courseLessons.versionId, versionId));
    expect(lessonsOfV1.map((l) => l.title)).toEqual(["Only lesson"]);
    const view = await courseForEditing(ctx, { courseId });
    expect(view).toMatchObject({ hasDraft: true, publishedVersion: 1, editing: { version: 2, status: "draft" } });
    expect(view.published?.lessons.map((l) => l.title)).toEqual(["Only lesson"]);

    // Saving again edits the same v2 draft.
    expect((await saveDraft(ctx, { courseId, ...content({ title: "Selling, v2b" }) })).versionId).toBe(v2.versionId);

    await publishCourse(ctx, { courseId });
    expect(await versionsOf(courseId)).toMatchObject([
      { version: 1, status: "superseded" },
      { version: 2, status: "published", title: "Selling, v2b" },
    ]);
    await expect(publishCourse(ctx, { courseId })).rejects.toMatchObject({ code: "course.noDraft" });

    const actions = (await auditsOf(courseId)).map((a) => a.action);
    expect(actions).toEqual([
      "course.created",
      "course.draftSaved",
      "course.published",
      "course.draftSaved",
      "course.draftSaved",
      "course.published",
    ]);
    const [created] = await auditsOf(courseId);
    expect(created).toMatchObject({ actorId: manager.userId, after: { version: 1, lessons: 2, questions: 2 } });
  });

  it("refuses invalid content by field and writes nothing", async () => {
    const ctx = ctxOf(manager);
    const before = await tableCounts();
    const base = content();
    const issues = await zodIssues(
      createCourse(ctx, {
        ...base,
        passMarkPercent: 0,
        attemptLimit: 21,
        validityMonths: 121,
        lessons: [{ title: "Plain http", body: "", videoUrl: "http://video.example/x" }],
        questions: [
          base.questions[0]!,
          base.questions[1]!,
          {
            prompt: "Two right on a single",
            kind: "single",
            options: [
              { label: "A", isCorrect: true },
              { label: "B", isCorrect: true },
            ],
          },
          {
            prompt: "None right",
            kind: "multiple",
            options: [
              { label: "A", isCorrect: false },
              { label: "B", isCorrect: false },
            ],
          },
          { prompt: "One option only", kind: "single", options: [{ label: "A", isCorrect: true }] },
        ],
      }),
    );
    expect(issues).toMatchObject({
      passMarkPercent: expect.any(String),
      attemptLimit: expect.any(String),
      validityMonths: expect.any(String),
      "lessons.0.videoUrl": "course.videoHttps",
    });
    await expect(
      createCourse(ctx, {
        ...base,
        questions: [
          base.questions[0]!,
          { prompt: "One option only", kind: "single", options: [{ label: "A", isCorrect: true }] },
        ],
      }),
    ).rejects.toMatchObject({ code: "course.tooFewOptions", field: "questions.1.options" });
    // The answer rules run only on otherwise well-formed content; checked on their own below.
    const answers = await zodIssues(
      createCourse(ctx, {
        ...base,
        questions: [
          base.questions[0]!,
          {
            prompt: "Two right on a single",
            kind: "single",
            options: [
              { label: "A", isCorrect: true },
              { label: "B", isCorrect: true },
            ],
          },
          {
            prompt: "None right",
            kind: "multiple",
            options: [
              { label: "A", isCorrect: false },
              { label: "B", isCorrect: false },
            ],
          },
        ],
      }),
    );
    expect(answers).toEqual({
      "questions.1.options": "course.singleNeedsOneCorrect",
      "questions.2.options": "course.multipleNeedsCorrect",
    });
    expect(await zodIssues(createCourse(ctx, { ...base, lessons: [], questions: [] }))).toMatchObject({
      lessons: expect.any(String),
      questions: expect.any(String),
    });
    await expect(
      createCourse(ctx, { ...base, minTierId: "00000000-0000-7000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "course.tierUnknown", field: "minTierId" });

    const { courseId } = await createCourse(ctx, content());
    const afterCreate = await tableCounts();
    const bad: z.input<typeof saveDraftInput> = {
      courseId,
      ...content(),
      lessons: [{ title: "x", body: "", videoUrl: "javascript:alert(1)" }],
    };
    expect(await zodIssues(saveDraft(ctx, bad))).toEqual({ "lessons.0.videoUrl": "course.videoHttps" });
    expect(await tableCounts()).toEqual(afterCreate);
    expect(afterCreate).toMatchObject({
      courses: before.courses + 1,
      versions: before.versions + 1,
      lessons: before.lessons + 2,
      audits: before.audits + 1,
    });
  });

  it("discards a draft: a published course keeps its version, a never-published one goes", async () => {
    const ctx = ctxOf(manager);
    const { courseId } = await createCourse(ctx, content());
    await publishCourse(ctx, { courseId });
    await saveDraft(ctx, { courseId, ...content({ title: "To throw away" }) });
    expect(await discardDraft(ctx, { courseId })).toEqual({ courseId, courseDeleted: false });
    expect(await versionsOf(courseId)).toMatchObject([{ version: 1, status: "published" }]);
    await expect(discardDraft(ctx, { courseId })).rejects.toMatchObject({ code: "course.noDraft" });

    const fresh = await createCourse(ctx, content());
    expect(await discardDraft(ctx, { courseId: fresh.courseId })).toEqual({
      courseId: fresh.courseId,
      courseDeleted: true,
    });
    expect(await db.select().from(courses).where(eq(courses.id, fresh.courseId))).toEqual([]);
    expect((await auditsOf(fresh.courseId)).map((a) => a.action)).toEqual(["course.created", "course.draftDiscarded"]);
  });

  it("retires and restores, audited, refusing the same step twice", async () => {
    const ctx = ctxOf(manager);
    const { courseId } = await createCourse(ctx, content());
    await publishCourse(ctx, { courseId });
    const retired = await retireCourse(ctx, { courseId });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    await expect(retireCourse(ctx, { courseId })).rejects.toMatchObject({ code: "course.alreadyRetired" });
    await restoreCourse(ctx, { courseId });
    await expect(restoreCourse(ctx, { courseId })).rejects.toMatchObject({ code: "course.notRetired" });
    const actions = (await auditsOf(courseId)).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(["course.retired", "course.restored"]);
  });

  it("lists courses on the server: search, status, language, counts and sort", async () => {
    const ctx = ctxOf(manager);
    const arabic = await createCourse(ctx, content({ title: "مقدمة في المنصة", language: "ar", minTierId: gold.id }));
    await publishCourse(ctx, { courseId: arabic.courseId });
    await saveDraft(ctx, { courseId: arabic.courseId, ...content({ title: "مقدمة في المنصة ٢", language: "ar" }) });

    const found = await listCourses(ctx, { search: "مقدمة", pageSize: 5 });
    expect(found.total).toBe(1);
    expect(found.rows[0]).toMatchObject({
      courseId: arabic.courseId,
      title: "مقدمة في المنصة",
      status: "published",
      publishedVersion: 1,
      hasDraft: true,
      lessons: 2,
      questions: 2,
      certified: 0,
      minTierKey: "gold",
    });
    const arabicOnly = await listCourses(ctx, { language: "ar" });
    expect(arabicOnly.rows.every((r) => r.language === "ar")).toBe(true);
    const drafts = await listCourses(ctx, { status: "draft", pageSize: 100 });
    expect(drafts.rows.every((r) => r.status === "draft" && r.publishedVersion === null)).toBe(true);
    const byTitle = await listCourses(ctx, { sort: "title", sortDir: "asc", pageSize: 100 });
    const byTitleDesc = await listCourses(ctx, { sort: "title", sortDir: "desc", pageSize: 100 });
    // Titles here are unique, so the two orders mirror each other (whatever the collation).
    expect(byTitleDesc.rows.map((r) => r.courseId)).toEqual(byTitle.rows.map((r) => r.courseId).reverse());
    const paged = await listCourses(ctx, { page: 1, pageSize: 5 });
    expect(paged.rows.length).toBeLessThanOrEqual(5);
    expect(paged.total).toBeGreaterThanOrEqual(paged.rows.length);
  });
});
