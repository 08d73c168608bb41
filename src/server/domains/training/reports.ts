import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { containsPattern } from "@/server/db/like";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { offsetOf, pageInput, pageOf } from "../pagination";

/** The figures both reports give, per course or per partner. */
export const REPORT_SORTS = [
  "name",
  "started",
  "completedLessons",
  "attempted",
  "passed",
  "passRate",
  "attempts",
  "averageScore",
] as const;

const reportFilters = {
  search: z.string().trim().max(100).optional(),
  sort: z.enum(REPORT_SORTS).default("name"),
  sortDir: z.enum(["asc", "desc"]).default("asc"),
};

export const courseReportInput = z.object({ ...pageInput, ...reportFilters });
/** Per partner, across every course or for one. */
export const partnerTrainingReportInput = z.object({ ...pageInput, ...reportFilters, courseId: z.uuid().optional() });
/** The exports take the same filters, without the page. */
export const courseReportExportInput = z.object(reportFilters);
export const partnerTrainingReportExportInput = z.object({ ...reportFilters, courseId: z.uuid().optional() });

export interface ReportFigures {
  /** People with any lesson read or any attempt begun. */
  started: number;
  /** People who read every lesson of a version they studied. */
  completedLessons: number;
  /** People with at least one submitted attempt. */
  attempted: number;
  passed: number;
  /** Passed people of attempted people, whole percent; null before anyone attempted. */
  passRate: number | null;
  /** Submitted attempts. */
  attempts: number;
  /** Mean score of submitted attempts, whole percent; null before any. */
  averageScore: number | null;
}

export type CourseReportRow = ReportFigures & { courseId: string; name: string; language: "en" | "ar" };
export type PartnerReportRow = ReportFigures & { partnerId: string; name: string };

/**
 * One row per person and course: what they did. Lesson reading is counted per version (a person
 * completed the lessons when they read every lesson of one version); attempts across versions.
 * The person's partner is the one an attempt was made for, else their membership.
 */
function peopleOf(courseId?: string): SQL {
  const onlyCourse = (column: SQL) => (courseId ? sql`and ${column} = ${courseId}` : sql``);
  return sql`
    read as (
      select l.version_id, lc.user_id, count(*)::int as done
      from lesson_completions lc join course_lessons l on l.id = lc.lesson_id
      group by l.version_id, lc.user_id
    ),
    readers as (
      select v.course_id, r.user_id,
        bool_or(r.done >= (select count(*) from course_lessons cl where cl.version_id = r.version_id)) as completed
      from read r join course_versions v on v.id = r.version_id
      where true ${onlyCourse(sql`v.course_id`)}
      group by v.course_id, r.user_id
    ),
    triers as (
      select v.course_id, a.user_id, (array_agg(a.partner_id order by a.started_at desc))[1] as partner_id,
        count(a.submitted_at)::int as attempts,
        coalesce(sum(a.score_percent), 0)::int as score_sum,
        coalesce(bool_or(a.passed), false) as passed
      from quiz_attempts a join course_versions v on v.id = a.version_id
      where true ${onlyCourse(sql`v.course_id`)}
      group by v.course_id, a.user_id
    ),
    people as (
      select coalesce(t.course_id, r.course_id) as course_id,
        coalesce(t.user_id, r.user_id) as user_id,
        coalesce(t.partner_id, m.partner_id) as partner_id,
        coalesce(r.completed, false) as completed,
        coalesce(t.attempts, 0) as attempts,
        coalesce(t.score_sum, 0) as score_sum,
        coalesce(t.passed, false) as passed
      from readers r
      full join triers t on t.course_id = r.course_id and t.user_id = r.user_id
      left join partner_memberships m on m.user_id = coalesce(t.user_id, r.user_id)
    )`;
}

/** The figures of the people rows `p` grouped under one key. */
const FIGURES = sql`
  count(p.user_id)::int as started,
  (count(*) filter (where p.completed))::int as completed_lessons,
  (count(*) filter (where p.attempts > 0))::int as attempted,
  (count(*) filter (where p.passed))::int as passed,
  coalesce(sum(p.attempts), 0)::int as attempts,
  case when count(*) filter (where p.attempts > 0) > 0
    then round(100.0 * count(*) filter (where p.passed) / count(*) filter (where p.attempts > 0))::int end as pass_rate,
  case when sum(p.attempts) > 0 then round(sum(p.score_sum)::numeric / sum(p.attempts))::int end as average_score`;

const SORT_SQL: Record<(typeof REPORT_SORTS)[number], SQL> = {
  name: sql`lower(name)`,
  started: sql`started`,
  completedLessons: sql`completed_lessons`,
  attempted: sql`attempted`,
  passed: sql`passed`,
  passRate: sql`pass_rate`,
  attempts: sql`attempts`,
  averageScore: sql`average_score`,
};

interface RawRow {
  id: string;
  name: string;
  language?: "en" | "ar";
  started: number;
  completed_lessons: number;
  attempted: number;
  passed: number;
  pass_rate: number | null;
  attempts: number;
  average_score: number | null;
  total: number;
}

/** Rows of a raw query, whichever driver ran it (postgres-js answers an array, PGlite `{ rows }`). */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

const figuresOf = (row: RawRow): ReportFigures => ({
  started: Number(row.started),
  completedLessons: Number(row.completed_lessons),
  attempted: Number(row.attempted),
  passed: Number(row.passed),
  passRate: row.pass_rate === null ? null : Number(row.pass_rate),
  attempts: Number(row.attempts),
  averageScore: row.average_score === null ? null : Number(row.average_score),
});

type Paging = { limit: number; offset: number };
type Filters = z.infer<typeof courseReportExportInput>;

function tail(filters: Filters, paging: Paging) {
  const dir = filters.sortDir === "asc" ? sql`asc` : sql`desc`;
  return sql`order by ${SORT_SQL[filters.sort]} ${dir} nulls last, id limit ${paging.limit} offset ${paging.offset}`;
}

async function courseRows(db: Db, filters: Filters, paging: Paging) {
  const search = filters.search ? sql`and name ilike ${containsPattern(filters.search)}` : sql``;
  // Courses listed by the version partners see (else the draft); never-published drafts included.
  const rows = await rowsOf<RawRow>(
    db,
    sql`with ${peopleOf()},
    listed as (
      select c.id, cv.title as name, cv.language
      from courses c
      join lateral (
        select title, language from course_versions v
        where v.course_id = c.id and v.status <> 'superseded'
        order by (v.status = 'published') desc limit 1
      ) cv on true
    ),
    figures as (
      select listed.id, listed.name, listed.language, ${FIGURES}
      from listed left join people p on p.course_id = listed.id
      group by listed.id, listed.name, listed.language
    )
    select *, (count(*) over ())::int as total from figures where true ${search} ${tail(filters, paging)}`,
  );
  return {
    rows: rows.map((row): CourseReportRow => ({
      courseId: row.id,
      name: row.name,
      language: row.language ?? "en",
      ...figuresOf(row),
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

async function partnerRows(db: Db, filters: Filters & { courseId?: string }, paging: Paging) {
  const search = filters.search ? sql`and name ilike ${containsPattern(filters.search)}` : sql``;
  // Every partner in the program is listed, those who have not started included.
  const rows = await rowsOf<RawRow>(
    db,
    sql`with ${peopleOf(filters.courseId)},
    figures as (
      select pa.id, pa.name, ${FIGURES}
      from partners pa left join people p on p.partner_id = pa.id
      where pa.status in ('active', 'suspended')
      group by pa.id, pa.name
    )
    select *, (count(*) over ())::int as total from figures where true ${search} ${tail(filters, paging)}`,
  );
  return {
    rows: rows.map((row): PartnerReportRow => ({ partnerId: row.id, name: row.name, ...figuresOf(row) })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** Completion and pass rates per course: started, read, attempted, passed, attempts, average score. */
export async function courseReport(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof courseReportInput>) {
  const input = courseReportInput.parse(raw);
  const { rows, total } = await courseRows(ctx.db, input, {
    limit: input.pageSize,
    offset: offsetOf(input.page, input.pageSize),
  });
  return pageOf(rows, total, input.page, input.pageSize);
}

/** The same figures per partner, across courses or for one. */
export async function partnerTrainingReport(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof partnerTrainingReportInput>,
) {
  const input = partnerTrainingReportInput.parse(raw);
  const { rows, total } = await partnerRows(ctx.db, input, {
    limit: input.pageSize,
    offset: offsetOf(input.page, input.pageSize),
  });
  return pageOf(rows, total, input.page, input.pageSize);
}

/** Enough for any program's export, bounded so one download cannot take the database down. */
const EXPORT_LIMIT = 10_000;

export async function courseReportRows(ctx: ServiceCtx<StaffActor>, raw: z.input<typeof courseReportExportInput>) {
  return (await courseRows(ctx.db, courseReportExportInput.parse(raw), { limit: EXPORT_LIMIT, offset: 0 })).rows;
}

export async function partnerTrainingReportRows(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof partnerTrainingReportExportInput>,
) {
  return (await partnerRows(ctx.db, partnerTrainingReportExportInput.parse(raw), { limit: EXPORT_LIMIT, offset: 0 }))
    .rows;
}
