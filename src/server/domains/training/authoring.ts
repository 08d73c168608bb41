import { and, count, eq, max, ne } from "drizzle-orm";
import {
  courseLessons,
  courses,
  courseVersions,
  planTierCertifications,
  quizOptions,
  quizQuestions,
  tiers,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import {
  assertOptionCounts,
  createCourseInput,
  discardDraftInput,
  publishCourseInput,
  restoreCourseInput,
  retireCourseInput,
  saveDraftInput,
  type CourseContent,
  type CreateCourseInput,
  type SaveDraftInput,
} from "./authoring-input";

export {
  createCourseInput,
  discardDraftInput,
  publishCourseInput,
  restoreCourseInput,
  retireCourseInput,
  saveDraftInput,
} from "./authoring-input";

type CourseIdInput = { courseId: string };
type VersionRow = typeof courseVersions.$inferSelect;

/** The course row, locked so two staff saving or publishing at once take turns. */
async function lockCourse(tx: Db, courseId: string) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId)).for("update");
  if (!course) throw new NotFoundError("course.notFound");
  return course;
}

async function versionsOf(tx: Db, courseId: string) {
  const rows = await tx
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), ne(courseVersions.status, "superseded")));
  return {
    draft: rows.find((v) => v.status === "draft") ?? null,
    published: rows.find((v) => v.status === "published") ?? null,
  };
}

/** What the audit keeps of a version: its settings and the size of its content, not the content itself. */
async function summaryOf(tx: Db, version: VersionRow) {
  const [[lessons], [questions]] = await Promise.all([
    tx.select({ n: count() }).from(courseLessons).where(eq(courseLessons.versionId, version.id)),
    tx.select({ n: count() }).from(quizQuestions).where(eq(quizQuestions.versionId, version.id)),
  ]);
  return {
    versionId: version.id,
    version: version.version,
    status: version.status,
    title: version.title,
    language: version.language,
    minTierId: version.minTierId,
    passMarkPercent: version.passMarkPercent,
    attemptLimit: version.attemptLimit,
    validityMonths: version.validityMonths,
    lessons: lessons?.n ?? 0,
    questions: questions?.n ?? 0,
  };
}

async function assertTier(tx: Db, tierId: string | null) {
  if (!tierId) return;
  const [tier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, tierId));
  if (!tier) throw new InvalidError("course.tierUnknown", "minTierId");
}

function settingsOf(content: CourseContent) {
  return {
    title: content.title,
    summary: content.summary,
    language: content.language,
    minTierId: content.minTierId,
    passMarkPercent: content.passMarkPercent,
    attemptLimit: content.attemptLimit,
    validityMonths: content.validityMonths,
  };
}

/** Writes a version's lessons, questions and options afresh, in the order given. */
async function writeContent(tx: Db, versionId: string, content: CourseContent) {
  await tx.delete(courseLessons).where(eq(courseLessons.versionId, versionId));
  await tx.delete(quizQuestions).where(eq(quizQuestions.versionId, versionId));
  await tx.insert(courseLessons).values(
    content.lessons.map((lesson, position) => ({
      versionId,
      position,
      title: lesson.title,
      body: lesson.body,
      videoUrl: lesson.videoUrl,
    })),
  );
  const questions = await tx
    .insert(quizQuestions)
    .values(content.questions.map((q, position) => ({ versionId, position, prompt: q.prompt, kind: q.kind })))
    .returning({ id: quizQuestions.id, position: quizQuestions.position });
  const idAt = new Map(questions.map((q) => [q.position, q.id]));
  await tx.insert(quizOptions).values(
    content.questions.flatMap((q, i) =>
      q.options.map((o, position) => ({
        questionId: idAt.get(i)!,
        position,
        label: o.label,
        isCorrect: o.isCorrect,
      })),
    ),
  );
}

/** A new course and its first draft (version 1), content and all. */
export async function createCourse(ctx: ServiceCtx<StaffActor>, raw: CreateCourseInput) {
  const input = createCourseInput.parse(raw);
  assertOptionCounts(input);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    await assertTier(tx, input.minTierId);
    const [course] = await tx.insert(courses).values({ createdBy: actor.userId, createdAt: clock.now() }).returning();
    const [version] = await tx
      .insert(courseVersions)
      .values({
        courseId: course!.id,
        version: 1,
        status: "draft",
        ...settingsOf(input),
        createdBy: actor.userId,
        createdAt: clock.now(),
      })
      .returning();
    await writeContent(tx, version!.id, input);
    await audit(
      tx,
      actor,
      { action: "course.created", entityType: "course", entityId: course!.id, after: await summaryOf(tx, version!) },
      clock.now(),
    );
    return { courseId: course!.id, versionId: version!.id };
  });
}

/**
 * Saves the course's draft whole. With no draft, a new one is started after the latest version: a
 * published version is never changed, so partners keep learning (and certifying) on it until the
 * draft is published.
 */
export async function saveDraft(ctx: ServiceCtx<StaffActor>, raw: SaveDraftInput) {
  const input = saveDraftInput.parse(raw);
  assertOptionCounts(input);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    await lockCourse(tx, input.courseId);
    await assertTier(tx, input.minTierId);
    const { draft } = await versionsOf(tx, input.courseId);
    const before = draft ? await summaryOf(tx, draft) : null;
    let version: VersionRow;
    if (draft) {
      [version] = (await tx
        .update(courseVersions)
        .set(settingsOf(input))
        .where(eq(courseVersions.id, draft.id))
        .returning()) as [VersionRow];
    } else {
      const [latest] = await tx
        .select({ n: max(courseVersions.version) })
        .from(courseVersions)
        .where(eq(courseVersions.courseId, input.courseId));
      [version] = (await tx
        .insert(courseVersions)
        .values({
          courseId: input.courseId,
          version: (latest?.n ?? 0) + 1,
          status: "draft",
          ...settingsOf(input),
          createdBy: actor.userId,
          createdAt: clock.now(),
        })
        .returning()) as [VersionRow];
    }
    await writeContent(tx, version.id, input);
    await audit(
      tx,
      actor,
      {
        action: "course.draftSaved",
        entityType: "course",
        entityId: input.courseId,
        before,
        after: await summaryOf(tx, version),
      },
      clock.now(),
    );
    return { courseId: input.courseId, versionId: version.id, version: version.version };
  });
}

/**
 * The draft becomes what partners see; the version it replaces is superseded (first, since only
 * one version may be published at a time). Certifications keep pointing at the version they were
 * earned on.
 */
export async function publishCourse(ctx: ServiceCtx<StaffActor>, raw: CourseIdInput) {
  const input = publishCourseInput.parse(raw);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    await lockCourse(tx, input.courseId);
    const { draft, published } = await versionsOf(tx, input.courseId);
    if (!draft) throw new ConflictError("course.noDraft");
    const content = await summaryOf(tx, draft);
    if (content.lessons === 0) throw new InvalidError("course.noLessons", "lessons");
    if (content.questions === 0) throw new InvalidError("course.noQuestions", "questions");
    if (published)
      await tx.update(courseVersions).set({ status: "superseded" }).where(eq(courseVersions.id, published.id));
    const [version] = await tx
      .update(courseVersions)
      .set({ status: "published", publishedAt: clock.now() })
      .where(eq(courseVersions.id, draft.id))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "course.published",
        entityType: "course",
        entityId: input.courseId,
        before: published ? { versionId: published.id, version: published.version } : null,
        after: { ...content, status: "published" },
      },
      clock.now(),
    );
    return { courseId: input.courseId, versionId: version!.id, version: version!.version };
  });
}

/**
 * Throws the draft away. A course that was never published goes with it, unless a tier rule
 * already names it (then it is kept, and can be retired).
 */
export async function discardDraft(ctx: ServiceCtx<StaffActor>, raw: CourseIdInput) {
  const input = discardDraftInput.parse(raw);
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    await lockCourse(tx, input.courseId);
    const { draft } = await versionsOf(tx, input.courseId);
    if (!draft) throw new ConflictError("course.noDraft");
    const before = await summaryOf(tx, draft);
    const [others] = await tx
      .select({ n: count() })
      .from(courseVersions)
      .where(and(eq(courseVersions.courseId, input.courseId), ne(courseVersions.id, draft.id)));
    if ((others?.n ?? 0) === 0) {
      const [rule] = await tx
        .select({ courseId: planTierCertifications.courseId })
        .from(planTierCertifications)
        .where(eq(planTierCertifications.courseId, input.courseId))
        .limit(1);
      if (rule) throw new ConflictError("course.inUse");
    }
    await tx.delete(courseVersions).where(eq(courseVersions.id, draft.id));
    const courseDeleted = (others?.n ?? 0) === 0;
    // Audit first: the entry names the course, which may be deleted next.
    await audit(
      tx,
      actor,
      {
        action: "course.draftDiscarded",
        entityType: "course",
        entityId: input.courseId,
        before,
        after: { courseDeleted },
      },
      clock.now(),
    );
    if (courseDeleted) await tx.delete(courses).where(eq(courses.id, input.courseId));
    return { courseId: input.courseId, courseDeleted };
  });
}

async function setRetired(ctx: ServiceCtx<StaffActor>, courseId: string, retire: boolean) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const course = await lockCourse(tx, courseId);
    if (retire && course.retiredAt) throw new ConflictError("course.alreadyRetired");
    if (!retire && !course.retiredAt) throw new ConflictError("course.notRetired");
    const retiredAt = retire ? clock.now() : null;
    await tx.update(courses).set({ retiredAt }).where(eq(courses.id, courseId));
    await audit(
      tx,
      actor,
      {
        action: retire ? "course.retired" : "course.restored",
        entityType: "course",
        entityId: courseId,
        before: { retiredAt: course.retiredAt },
        after: { retiredAt },
      },
      clock.now(),
    );
    return { courseId, retiredAt };
  });
}

/** Takes the course out of the catalogue; certifications earned on it stay valid until they expire. */
export function retireCourse(ctx: ServiceCtx<StaffActor>, raw: CourseIdInput) {
  return setRetired(ctx, retireCourseInput.parse(raw).courseId, true);
}

export function restoreCourse(ctx: ServiceCtx<StaffActor>, raw: CourseIdInput) {
  return setRetired(ctx, restoreCourseInput.parse(raw).courseId, false);
}
