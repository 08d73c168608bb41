import { eq } from "drizzle-orm";
import type { Locale } from "@/i18n/config";
import { courseLessons, courses, courseVersions, quizOptions, quizQuestions, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

export interface CourseFixture {
  title?: string;
  language?: Locale;
  /** A tier key (registered, silver, gold, platinum); none = every partner. */
  minTier?: string;
  status?: "draft" | "published" | "superseded";
  passMarkPercent?: number;
  attemptLimit?: number;
  validityMonths?: number;
  lessons?: number;
  /** Per question its kind and, per option, whether it is right. */
  questions?: { kind: "single" | "multiple"; options: boolean[] }[];
  /** Another version of this course instead of a new course. */
  courseId?: string;
  version?: number;
}

/** Two single-choice questions and one multiple-choice (two right of four). */
export const DEFAULT_QUESTIONS: CourseFixture["questions"] = [
  { kind: "single", options: [true, false, false] },
  { kind: "single", options: [false, true, false] },
  { kind: "multiple", options: [true, false, true, false] },
];

/**
 * A course written straight into the tables (the authoring service is not needed for learning
 * tests): one version with lessons and a quiz. Returns every id, and per question the right and
 * wrong option ids, so a test can answer it well or badly.
 */
export async function insertCourse(db: Db, fixture: CourseFixture = {}) {
  const courseId = fixture.courseId ?? (await db.insert(courses).values({}).returning())[0]!.id;
  const minTierId = fixture.minTier
    ? (await db.select({ id: tiers.id }).from(tiers).where(eq(tiers.key, fixture.minTier)))[0]!.id
    : null;
  const status = fixture.status ?? "published";
  const [version] = await db
    .insert(courseVersions)
    .values({
      courseId,
      version: fixture.version ?? 1,
      status,
      title: fixture.title ?? "Selling the platform",
      summary: "What every seller should know.",
      language: fixture.language ?? "en",
      minTierId,
      passMarkPercent: fixture.passMarkPercent ?? 60,
      attemptLimit: fixture.attemptLimit ?? 3,
      validityMonths: fixture.validityMonths ?? 12,
      publishedAt: status === "draft" ? null : new Date("2026-10-01T00:00:00Z"),
    })
    .returning();
  const lessonIds: string[] = [];
  for (let n = 1; n <= (fixture.lessons ?? 3); n++) {
    const [lesson] = await db
      .insert(courseLessons)
      .values({
        versionId: version!.id,
        position: n,
        title: `Lesson ${n}`,
        body: `# Lesson ${n}\n\nRead **this** carefully.`,
        videoUrl: n === 1 ? "https://videos.example/lesson-1" : null,
      })
      .returning();
    lessonIds.push(lesson!.id);
  }
  const questions: { id: string; kind: "single" | "multiple"; right: string[]; wrong: string[] }[] = [];
  for (const [at, q] of (fixture.questions ?? DEFAULT_QUESTIONS)!.entries()) {
    const [question] = await db
      .insert(quizQuestions)
      .values({ versionId: version!.id, position: at + 1, prompt: `Question ${at + 1}?`, kind: q.kind })
      .returning();
    const options = await db
      .insert(quizOptions)
      .values(
        q.options.map((isCorrect, n) => ({
          questionId: question!.id,
          position: n + 1,
          label: `Q${at + 1} option ${n + 1}`,
          isCorrect,
        })),
      )
      .returning();
    questions.push({
      id: question!.id,
      kind: q.kind,
      right: options.filter((o) => o.isCorrect).map((o) => o.id),
      wrong: options.filter((o) => !o.isCorrect).map((o) => o.id),
    });
  }
  return { courseId, versionId: version!.id, lessonIds, questions };
}

export type InsertedCourse = Awaited<ReturnType<typeof insertCourse>>;

/** Answers every question right. */
export function rightAnswers(course: InsertedCourse) {
  return course.questions.map((q) => ({ questionId: q.id, optionIds: q.right }));
}

/** Answers every question wrong. */
export function wrongAnswers(course: InsertedCourse) {
  return course.questions.map((q) => ({ questionId: q.id, optionIds: q.wrong.slice(0, 1) }));
}
