import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { z } from "zod";
import {
  certifications,
  courseLessons,
  courses,
  courseVersions,
  locale,
  quizOptions,
  quizQuestions,
  tiers,
} from "@/server/db/schema";
import { containsPattern } from "@/server/db/like";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { courseForEditingInput } from "./authoring-input";

export { courseForEditingInput } from "./authoring-input";

/** A course as staff list it: published (partners see it), draft (never published) or retired. */
export const COURSE_LIST_STATUSES = ["published", "draft", "retired"] as const;
export type CourseListStatus = (typeof COURSE_LIST_STATUSES)[number];

export const listCoursesInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100).optional(),
  status: z.enum(COURSE_LIST_STATUSES).optional(),
  language: z.enum(locale.enumValues).optional(),
  sort: z.enum(["title", "createdAt", "certified"]).default("createdAt"),
});

const pub = aliasedTable(courseVersions, "pub");
const dft = aliasedTable(courseVersions, "dft");
const minTier = aliasedTable(tiers, "min_tier");

/** The version a course is shown by: what partners see when it is published, else its draft. */
const current = {
  id: sql<string>`coalesce(${pub.id}, ${dft.id})`,
  title: sql<string>`coalesce(${pub.title}, ${dft.title})`,
  language: sql<"en" | "ar">`coalesce(${pub.language}, ${dft.language})`,
  minTierId: sql<string | null>`coalesce(${pub.minTierId}, ${dft.minTierId})`,
};

export async function listCourses(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof listCoursesInput>) {
  const input = listCoursesInput.parse(raw);
  const { db, clock } = ctx;
  const now = clock.now();
  const certified = sql<number>`(select count(distinct ${certifications.userId})::int from ${certifications}
    where ${certifications.courseId} = ${courses.id} and ${certifications.revokedAt} is null
    and ${certifications.expiresAt} > ${now.toISOString()}::timestamptz)`;
  const statusWhere: Record<CourseListStatus, SQL | undefined> = {
    published: and(isNull(courses.retiredAt), isNotNull(pub.id)),
    draft: and(isNull(courses.retiredAt), isNull(pub.id)),
    retired: isNotNull(courses.retiredAt),
  };
  const where = and(
    input.search
      ? or(ilike(pub.title, containsPattern(input.search)), ilike(dft.title, containsPattern(input.search)))
      : undefined,
    input.status ? statusWhere[input.status] : undefined,
    input.language ? sql`${current.language} = ${input.language}` : undefined,
  );
  const order = input.sortDir === "asc" ? asc : desc;
  const sortColumn = { title: sql`lower(${current.title})`, createdAt: courses.createdAt, certified }[input.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        courseId: courses.id,
        createdAt: courses.createdAt,
        retiredAt: courses.retiredAt,
        title: current.title,
        language: current.language,
        publishedVersion: pub.version,
        publishedAt: pub.publishedAt,
        draftVersion: dft.version,
        minTierId: current.minTierId,
        minTierKey: minTier.key,
        lessons: sql<number>`(select count(*)::int from ${courseLessons} where ${courseLessons.versionId} = ${current.id})`,
        questions: sql<number>`(select count(*)::int from ${quizQuestions} where ${quizQuestions.versionId} = ${current.id})`,
        certified,
      })
      .from(courses)
      .leftJoin(pub, and(eq(pub.courseId, courses.id), eq(pub.status, "published")))
      .leftJoin(dft, and(eq(dft.courseId, courses.id), eq(dft.status, "draft")))
      .leftJoin(minTier, eq(minTier.id, current.minTierId))
      .where(where)
      .orderBy(order(sortColumn), desc(courses.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db
      .select({ n: count() })
      .from(courses)
      .leftJoin(pub, and(eq(pub.courseId, courses.id), eq(pub.status, "published")))
      .leftJoin(dft, and(eq(dft.courseId, courses.id), eq(dft.status, "draft")))
      .where(where),
  ]);
  return pageOf(
    rows.map((row) => ({
      ...row,
      hasDraft: row.draftVersion !== null,
      status: (row.retiredAt ? "retired" : row.publishedVersion !== null ? "published" : "draft") as CourseListStatus,
    })),
    total?.n ?? 0,
    input.page,
    input.pageSize,
  );
}

/** A version's lessons and questions, with which options are right: for staff only. */
export async function versionContent(db: Db, versionId: string) {
  const [lessons, questions] = await Promise.all([
    db.select().from(courseLessons).where(eq(courseLessons.versionId, versionId)).orderBy(asc(courseLessons.position)),
    db.select().from(quizQuestions).where(eq(quizQuestions.versionId, versionId)).orderBy(asc(quizQuestions.position)),
  ]);
  const options = questions.length
    ? await db
        .select()
        .from(quizOptions)
        .where(
          inArray(
            quizOptions.questionId,
            questions.map((q) => q.id),
          ),
        )
        .orderBy(asc(quizOptions.position))
    : [];
  return {
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, body: l.body, videoUrl: l.videoUrl })),
    questions: questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      kind: q.kind,
      options: options
        .filter((o) => o.questionId === q.id)
        .map((o) => ({ id: o.id, label: o.label, isCorrect: o.isCorrect })),
    })),
  };
}

function settingsOf(version: typeof courseVersions.$inferSelect) {
  return {
    versionId: version.id,
    version: version.version,
    status: version.status,
    title: version.title,
    summary: version.summary,
    language: version.language,
    minTierId: version.minTierId,
    passMarkPercent: version.passMarkPercent,
    attemptLimit: version.attemptLimit,
    validityMonths: version.validityMonths,
    publishedAt: version.publishedAt,
  };
}

/**
 * What the editor opens: the draft when there is one, else the published version, with every
 * lesson, question and option (right answers included: staff only), plus the published version for
 * the preview partners see.
 */
export async function courseForEditing(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof courseForEditingInput>) {
  const { courseId } = courseForEditingInput.parse(raw);
  const { db } = ctx;
  const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError("course.notFound");
  const versions = await db
    .select()
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId))
    .orderBy(desc(courseVersions.version));
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const published = versions.find((v) => v.status === "published") ?? null;
  const editing = draft ?? published;
  if (!editing) throw new NotFoundError("course.notFound");
  const [content, publishedContent] = await Promise.all([
    versionContent(db, editing.id),
    published && published.id !== editing.id ? versionContent(db, published.id) : null,
  ]);
  return {
    courseId,
    retiredAt: course.retiredAt,
    hasDraft: draft !== null,
    publishedVersion: published?.version ?? null,
    editing: { ...settingsOf(editing), ...content },
    published: published ? { ...settingsOf(published), ...(publishedContent ?? content) } : null,
    history: versions.map((v) => ({ version: v.version, status: v.status, publishedAt: v.publishedAt })),
  };
}
