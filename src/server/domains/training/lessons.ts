import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { courseLessons, courseVersions, lessonCompletions, quizQuestions } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor } from "../actor";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { quizStanding } from "./quiz-standing";
import { visibleVersionOf } from "./visibility";

export const courseInput = z.object({ courseId: z.uuid() });
export const lessonInput = z.object({ courseId: z.uuid(), lessonId: z.uuid() });

type Version = typeof courseVersions.$inferSelect;

/** The course's version the partner may see, or "not found" (never a hint that it exists). */
export async function requireVisibleVersion(db: Db, partnerId: string, courseId: string): Promise<Version> {
  const version = await visibleVersionOf(db, partnerId, courseId);
  if (!version) throw new NotFoundError("training.courseNotFound", "courseId");
  return version;
}

/**
 * A version's lessons in order with the person's progress: lessons are read in order, so lesson n
 * is unlocked once every lesson before it is done.
 */
export async function lessonsWithProgress(db: Db, userId: string, versionId: string) {
  const rows = await db
    .select({
      id: courseLessons.id,
      position: courseLessons.position,
      title: courseLessons.title,
      hasVideo: sql<boolean>`${courseLessons.videoUrl} is not null`,
      done: sql<boolean>`${lessonCompletions.lessonId} is not null`,
    })
    .from(courseLessons)
    .leftJoin(
      lessonCompletions,
      and(eq(lessonCompletions.lessonId, courseLessons.id), eq(lessonCompletions.userId, userId)),
    )
    .where(eq(courseLessons.versionId, versionId))
    .orderBy(asc(courseLessons.position));
  let open = true;
  return rows.map((row) => {
    const unlocked = open;
    open = open && row.done;
    return { ...row, unlocked };
  });
}

/** Whether every lesson of the version is done (a version with no lessons: yes). */
export async function allLessonsDone(db: Db, userId: string, versionId: string): Promise<boolean> {
  return (await lessonsWithProgress(db, userId, versionId)).every((l) => l.done);
}

/**
 * The course as a learner sees it: the visible version's lessons in order (done, unlocked), and
 * the quiz's outline (how many questions, the pass mark, attempts left, whether it may start).
 * Never a question, an option or which answer is right.
 */
export async function courseForLearner(ctx: ServiceCtx<PartnerActor>, rawInput: z.input<typeof courseInput>) {
  const input = courseInput.parse(rawInput);
  const { db, actor } = ctx;
  const version = await requireVisibleVersion(db, actor.partnerId, input.courseId);
  const lessons = await lessonsWithProgress(db, actor.userId, version.id);
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(quizQuestions)
    .where(eq(quizQuestions.versionId, version.id));
  const standing = await quizStanding(ctx, version, lessons.length === 0 || lessons.every((l) => l.done));
  return {
    courseId: version.courseId,
    versionId: version.id,
    title: version.title,
    summary: version.summary,
    language: version.language,
    validityMonths: version.validityMonths,
    lessons,
    lessonsDone: lessons.filter((l) => l.done).length,
    quiz: {
      questionCount: counted?.n ?? 0,
      passMarkPercent: version.passMarkPercent,
      attemptLimit: version.attemptLimit,
      ...standing,
    },
  };
}

/** One lesson to read; a lesson whose predecessors are not all done is refused. */
export async function lessonForLearner(ctx: ServiceCtx<PartnerActor>, rawInput: z.input<typeof lessonInput>) {
  const input = lessonInput.parse(rawInput);
  const { db, actor } = ctx;
  const version = await requireVisibleVersion(db, actor.partnerId, input.courseId);
  const lessons = await lessonsWithProgress(db, actor.userId, version.id);
  const at = lessons.findIndex((l) => l.id === input.lessonId);
  if (at < 0) throw new NotFoundError("training.lessonNotFound", "lessonId");
  if (!lessons[at]!.unlocked) throw new ConflictError("training.lessonLocked", "lessonId");
  const [lesson] = await db.select().from(courseLessons).where(eq(courseLessons.id, input.lessonId));
  return {
    courseId: version.courseId,
    courseTitle: version.title,
    language: version.language,
    id: lesson!.id,
    position: at + 1,
    lessonCount: lessons.length,
    title: lesson!.title,
    body: lesson!.body,
    videoUrl: lesson!.videoUrl,
    done: lessons[at]!.done,
    previousLessonId: at > 0 ? lessons[at - 1]!.id : null,
    nextLessonId: lessons[at + 1]?.id ?? null,
  };
}

/**
 * Marks a lesson read. Idempotent (a second call changes nothing); refused while an earlier lesson
 * is unread, so lessons are read in order. Returns where to go next.
 */
export async function completeLesson(ctx: ServiceCtx<PartnerActor>, rawInput: z.input<typeof lessonInput>) {
  const input = lessonInput.parse(rawInput);
  return withTransaction(ctx, async (tx) => {
    const { actor, clock } = ctx;
    const version = await requireVisibleVersion(tx, actor.partnerId, input.courseId);
    const lessons = await lessonsWithProgress(tx, actor.userId, version.id);
    const at = lessons.findIndex((l) => l.id === input.lessonId);
    if (at < 0) throw new NotFoundError("training.lessonNotFound", "lessonId");
    if (!lessons[at]!.unlocked) throw new ConflictError("training.lessonLocked", "lessonId");
    await tx
      .insert(lessonCompletions)
      .values({ userId: actor.userId, lessonId: input.lessonId, completedAt: clock.now() })
      .onConflictDoNothing();
    return {
      nextLessonId: lessons[at + 1]?.id ?? null,
      allDone: lessons.every((l, i) => i === at || l.done),
    };
  });
}
