import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "../columns";
import { planTierRules } from "./commissions";
import { partners, tiers } from "./partners";
import { storedFiles } from "./storage";
import { locale, users } from "./users";

/**
 * A course is the stable identity tier rules and certifications point at; what it teaches lives in
 * versions. A published version is never edited: changing it writes a new draft, which becomes the
 * course's current version when published, and certifications keep the version they were earned on.
 */
export const courses = pgTable("courses", {
  id: id(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  /** A retired course leaves the catalogue; certifications earned on it stay valid until they expire. */
  retiredAt: timestamptz("retired_at"),
});

export const courseVersionStatus = pgEnum("course_version_status", ["draft", "published", "superseded"]);

export const courseVersions = pgTable(
  "course_versions",
  {
    id: id(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    status: courseVersionStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** The language the course is taught in. */
    language: locale("language").notNull(),
    /** The lowest tier that sees the course; null = every partner. */
    minTierId: uuid("min_tier_id").references(() => tiers.id),
    /** The share of questions a pass needs, in whole percent. */
    passMarkPercent: integer("pass_mark_percent").notNull(),
    /** Quiz attempts a person has on this version before a certification (each renewal starts afresh). */
    attemptLimit: integer("attempt_limit").notNull(),
    /** How long the certification it grants stays valid. */
    validityMonths: integer("validity_months").notNull(),
    publishedAt: timestamptz("published_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("course_versions_course_version_key").on(t.courseId, t.version),
    // At most one draft and one published version per course at a time.
    uniqueIndex("course_versions_one_draft_key")
      .on(t.courseId)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex("course_versions_one_published_key")
      .on(t.courseId)
      .where(sql`${t.status} = 'published'`),
    check("course_versions_pass_mark", sql`${t.passMarkPercent} between 1 and 100`),
    check("course_versions_attempt_limit", sql`${t.attemptLimit} between 1 and 20`),
    check("course_versions_validity", sql`${t.validityMonths} between 1 and 120`),
  ],
);

/** A lesson of a version, read in `position` order. */
export const courseLessons = pgTable(
  "course_lessons",
  {
    id: id(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => courseVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** Markdown; images point at the course's stored images. */
    body: text("body").notNull().default(""),
    /** A video to watch with the lesson (https only). */
    videoUrl: text("video_url"),
  },
  (t) => [uniqueIndex("course_lessons_version_position_key").on(t.versionId, t.position)],
);

/** An image a lesson shows, kept by the storage module and served only to those who may see the course. */
export const courseImages = pgTable(
  "course_images",
  {
    id: id(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    createdAt: createdAt(),
  },
  (t) => [index("course_images_course_idx").on(t.courseId)],
);

export const quizQuestionKind = pgEnum("quiz_question_kind", ["single", "multiple"]);

export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: id(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => courseVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    prompt: text("prompt").notNull(),
    kind: quizQuestionKind("kind").notNull(),
  },
  (t) => [uniqueIndex("quiz_questions_version_position_key").on(t.versionId, t.position)],
);

/** A question's choices; which are right never leaves the server before an attempt is submitted. */
export const quizOptions = pgTable(
  "quiz_options",
  {
    id: id(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    isCorrect: boolean("is_correct").notNull(),
  },
  (t) => [uniqueIndex("quiz_options_question_position_key").on(t.questionId, t.position)],
);

/** A lesson a person has read. */
export const lessonCompletions = pgTable(
  "lesson_completions",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => courseLessons.id, { onDelete: "cascade" }),
    completedAt: timestamptz("completed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);

/** The order an attempt presented: questions, each with its options, both shuffled. */
export type PresentedQuiz = { questionId: string; optionIds: string[] }[];
/** What the person chose, per question. */
export type QuizAnswers = { questionId: string; optionIds: string[] }[];

/** One try at a version's quiz: started (its shuffled order kept), then submitted and graded once. */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => courseVersions.id),
    presented: jsonb("presented").$type<PresentedQuiz>().notNull(),
    answers: jsonb("answers").$type<QuizAnswers>(),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    submittedAt: timestamptz("submitted_at"),
    questionCount: integer("question_count").notNull(),
    correctCount: integer("correct_count"),
    scorePercent: integer("score_percent"),
    passed: boolean("passed"),
  },
  (t) => [
    index("quiz_attempts_user_version_idx").on(t.userId, t.versionId),
    index("quiz_attempts_partner_idx").on(t.partnerId),
    check(
      "quiz_attempts_graded_shape",
      sql`(${t.submittedAt} is null and ${t.passed} is null) or (${t.submittedAt} is not null and ${t.passed} is not null and ${t.scorePercent} between 0 and 100)`,
    ),
  ],
);

/**
 * A person's certification in a course, earned by one passed attempt on one version; valid until
 * `expiresAt` unless revoked. `code` is what the public verification page looks up.
 */
export const certifications = pgTable(
  "certifications",
  {
    id: id(),
    code: text("code").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The partner the person earned it for: tier rules count the partner's certified people. */
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => courseVersions.id),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => quizAttempts.id),
    issuedAt: timestamptz("issued_at").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    revokeReason: text("revoke_reason"),
    /** When the "expires soon" reminder went out, and when the expiry was acted on (tier recheck, email). */
    remindedAt: timestamptz("reminded_at"),
    expiryHandledAt: timestamptz("expiry_handled_at"),
  },
  (t) => [
    uniqueIndex("certifications_code_key").on(t.code),
    uniqueIndex("certifications_attempt_key").on(t.attemptId),
    index("certifications_partner_course_idx").on(t.partnerId, t.courseId, t.expiresAt),
    index("certifications_user_course_idx").on(t.userId, t.courseId),
    index("certifications_expires_idx").on(t.expiresAt),
    check("certifications_window", sql`${t.expiresAt} > ${t.issuedAt}`),
  ],
);

/** A tier rule's training requirement: at least `minPeople` of the partner certified in the course. */
export const planTierCertifications = pgTable(
  "plan_tier_certifications",
  {
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => planTierRules.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    minPeople: integer("min_people").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ruleId, t.courseId] }),
    check("plan_tier_certifications_min_people", sql`${t.minPeople} between 1 and 1000`),
  ],
);
