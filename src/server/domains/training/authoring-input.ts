import { z } from "zod";
import { locale, quizQuestionKind } from "@/server/db/schema";
import { InvalidError } from "../errors";

/** Limits a course's content is held to; the editor reads them from here instead of repeating them. */
export const COURSE_LIMITS = {
  title: 160,
  summary: 1_000,
  lessonTitle: 160,
  lessonBody: 50_000,
  lessons: 50,
  questions: 100,
  prompt: 1_000,
  optionLabel: 300,
  minOptions: 2,
  maxOptions: 8,
  passMark: { min: 1, max: 100 },
  attemptLimit: { min: 1, max: 20 },
  validityMonths: { min: 1, max: 120 },
} as const;

const videoUrl = z
  .string()
  .trim()
  .max(2_000)
  // Videos play from elsewhere; https only, so a lesson never embeds a plain-http or script target.
  .refine((value) => /^https:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value), {
    message: "course.videoHttps",
  });

export const lessonInput = z.object({
  title: z.string().trim().min(1).max(COURSE_LIMITS.lessonTitle),
  body: z.string().max(COURSE_LIMITS.lessonBody).default(""),
  videoUrl: videoUrl.nullable().default(null),
});

export const optionInput = z.object({
  label: z.string().trim().min(1).max(COURSE_LIMITS.optionLabel),
  isCorrect: z.boolean(),
});

export const questionInput = z.object({
  prompt: z.string().trim().min(1).max(COURSE_LIMITS.prompt),
  kind: z.enum(quizQuestionKind.enumValues),
  // At least two options: checked by the service (assertOptionCounts), so a one-option value stays
  // buildable for the router-wide input sweep.
  options: z.array(optionInput).min(1).max(COURSE_LIMITS.maxOptions),
});

/** Everything a version of a course holds; a draft is saved whole. */
const courseContentShape = {
  title: z.string().trim().min(1).max(COURSE_LIMITS.title),
  summary: z.string().trim().max(COURSE_LIMITS.summary).default(""),
  language: z.enum(locale.enumValues),
  minTierId: z.uuid().nullable(),
  passMarkPercent: z.number().int().min(COURSE_LIMITS.passMark.min).max(COURSE_LIMITS.passMark.max),
  attemptLimit: z.number().int().min(COURSE_LIMITS.attemptLimit.min).max(COURSE_LIMITS.attemptLimit.max),
  validityMonths: z.number().int().min(COURSE_LIMITS.validityMonths.min).max(COURSE_LIMITS.validityMonths.max),
  lessons: z.array(lessonInput).min(1).max(COURSE_LIMITS.lessons),
  questions: z.array(questionInput).min(1).max(COURSE_LIMITS.questions),
};

/**
 * A single-choice question has exactly one right answer, a multiple-choice one at least one: each
 * refusal names the question's options (`questions.2.options`), so the editor marks that question.
 */
function checkAnswers(content: { questions: z.infer<typeof questionInput>[] }, issues: z.RefinementCtx) {
  content.questions.forEach((question, i) => {
    const correct = question.options.filter((o) => o.isCorrect).length;
    if (question.kind === "single" && correct !== 1)
      issues.addIssue({ code: "custom", path: ["questions", i, "options"], message: "course.singleNeedsOneCorrect" });
    if (question.kind === "multiple" && correct < 1)
      issues.addIssue({ code: "custom", path: ["questions", i, "options"], message: "course.multipleNeedsCorrect" });
  });
}

/** A question needs a choice to make: refused by field (`questions.2.options`) before anything is written. */
export function assertOptionCounts(content: { questions: { options: unknown[] }[] }) {
  content.questions.forEach((question, i) => {
    if (question.options.length < COURSE_LIMITS.minOptions)
      throw new InvalidError("course.tooFewOptions", `questions.${i}.options`, { min: COURSE_LIMITS.minOptions });
  });
}

export const createCourseInput = z.object(courseContentShape).superRefine(checkAnswers);
export const saveDraftInput = z.object({ courseId: z.uuid(), ...courseContentShape }).superRefine(checkAnswers);
export const courseIdInput = z.object({ courseId: z.uuid() });
export const publishCourseInput = courseIdInput;
export const discardDraftInput = courseIdInput;
export const retireCourseInput = courseIdInput;
export const restoreCourseInput = courseIdInput;
export const courseForEditingInput = courseIdInput;

export type CourseContent = z.infer<typeof createCourseInput>;
export type CreateCourseInput = z.input<typeof createCourseInput>;
export type SaveDraftInput = z.input<typeof saveDraftInput>;
