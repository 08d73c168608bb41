import { and, asc, count, desc, eq, gt, ilike, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { toCsv } from "@/lib/csv";
import { certifications, courses, courseVersions, partners, users } from "@/server/db/schema";
import { containsPattern } from "@/server/db/like";
import type { StaffActor } from "../actor";
import { courseTitles } from "../commissions/certified";
import type { ServiceCtx } from "../context";
import { offsetOf, pageInput, pageOf } from "../pagination";

/**
 * How staff filter certifications: valid (not revoked, not expired), expiring this month (valid,
 * expiring before the current calendar month ends, UTC: "who expires this month"), expired,
 * revoked, or all.
 */
export const CERTIFICATION_FILTERS = ["expiringThisMonth", "valid", "expired", "revoked", "all"] as const;
export type CertificationFilter = (typeof CERTIFICATION_FILTERS)[number];
export const CERTIFICATION_SORTS = ["expiresAt", "issuedAt", "partner", "person"] as const;

export const certificationFilters = z.object({
  status: z.enum(CERTIFICATION_FILTERS).default("expiringThisMonth"),
  courseId: z.uuid().optional(),
  /** Matches the partner's name, or the person's name or email. */
  search: z.string().trim().max(100).optional(),
  sort: z.enum(CERTIFICATION_SORTS).default("expiresAt"),
  sortDir: z.enum(["asc", "desc"]).default("asc"),
});
export const listCertificationsInput = certificationFilters.extend({
  page: pageInput.page,
  pageSize: pageInput.pageSize,
});
export type ListCertificationsInput = z.input<typeof listCertificationsInput>;

/** The start of the next calendar month (UTC): "this month" ends there. */
export function endOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

function statusWhere(status: CertificationFilter, now: Date): SQL | undefined {
  const live = and(isNull(certifications.revokedAt), gt(certifications.expiresAt, now));
  switch (status) {
    case "valid":
      return live;
    case "expiringThisMonth":
      return and(live, lt(certifications.expiresAt, endOfMonth(now)));
    case "expired":
      return and(isNull(certifications.revokedAt), lte(certifications.expiresAt, now));
    case "revoked":
      return isNotNull(certifications.revokedAt);
    case "all":
      return undefined;
  }
}

function whereOf(input: z.infer<typeof certificationFilters>, now: Date): SQL | undefined {
  const pattern = input.search ? containsPattern(input.search) : null;
  return and(
    statusWhere(input.status, now),
    input.courseId ? eq(certifications.courseId, input.courseId) : undefined,
    pattern ? or(ilike(partners.name, pattern), ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
  );
}

function certificationQuery(ctx: ServiceCtx, input: z.infer<typeof certificationFilters>) {
  const now = ctx.clock.now();
  const sortColumn = {
    expiresAt: certifications.expiresAt,
    issuedAt: certifications.issuedAt,
    partner: partners.name,
    person: users.name,
  }[input.sort];
  return ctx.db
    .select({
      id: certifications.id,
      code: certifications.code,
      userId: certifications.userId,
      personName: users.name,
      personEmail: users.email,
      partnerId: certifications.partnerId,
      partnerName: partners.name,
      courseId: certifications.courseId,
      // The version it was earned on: its title and number, as the certificate shows them.
      courseTitle: courseVersions.title,
      version: courseVersions.version,
      issuedAt: certifications.issuedAt,
      expiresAt: certifications.expiresAt,
      revokedAt: certifications.revokedAt,
      revokeReason: certifications.revokeReason,
      // A subquery, not a second join of users: the person's join already holds that name.
      revokedByName: sql<string | null>`(select r.name from ${users} r where r.id = ${certifications.revokedBy})`,
    })
    .from(certifications)
    .innerJoin(users, eq(users.id, certifications.userId))
    .innerJoin(partners, eq(partners.id, certifications.partnerId))
    .innerJoin(courseVersions, eq(courseVersions.id, certifications.versionId))
    .where(whereOf(input, now))
    .orderBy(input.sortDir === "asc" ? asc(sortColumn) : desc(sortColumn), asc(certifications.id));
}

/** Where a listed certification stands now (revoked wins over expired). */
function statusOf(row: { revokedAt: Date | null; expiresAt: Date }, now: Date) {
  if (row.revokedAt) return "revoked" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return row.expiresAt < endOfMonth(now) ? ("expiringThisMonth" as const) : ("valid" as const);
}

/** Staff list of certifications, filtered, sorted and paged on the server (default: who expires this month). */
export async function listCertifications(ctx: ServiceCtx<StaffActor>, raw: ListCertificationsInput = {}) {
  const input = listCertificationsInput.parse(raw);
  const now = ctx.clock.now();
  const [rows, [total]] = await Promise.all([
    certificationQuery(ctx, input).limit(input.pageSize).offset(offsetOf(input.page, input.pageSize)),
    ctx.db
      .select({ n: count() })
      .from(certifications)
      .innerJoin(users, eq(users.id, certifications.userId))
      .innerJoin(partners, eq(partners.id, certifications.partnerId))
      .where(whereOf(input, now)),
  ]);
  return pageOf(
    rows.map((r) => ({ ...r, status: statusOf(r, now) })),
    total?.n ?? 0,
    input.page,
    input.pageSize,
  );
}

/** The export's columns, keys of `certificationsAdmin.columns`. */
export const CERTIFICATION_CSV_COLUMNS = [
  "person",
  "email",
  "partner",
  "course",
  "version",
  "code",
  "issuedAt",
  "expiresAt",
  "status",
  "revokeReason",
] as const;

/** The filtered list as CSV (headers in the reader's language, given by the caller). */
export async function exportCertificationsCsv(
  ctx: ServiceCtx<StaffActor>,
  raw: z.input<typeof certificationFilters>,
  headers: string[],
  statusLabel: (status: ReturnType<typeof statusOf>) => string,
): Promise<string> {
  const input = certificationFilters.parse(raw);
  const now = ctx.clock.now();
  const rows = await certificationQuery(ctx, input).limit(100_000);
  return toCsv(
    headers,
    rows.map((r) => [
      r.personName,
      r.personEmail,
      r.partnerName,
      r.courseTitle,
      r.version,
      r.code,
      r.issuedAt,
      r.expiresAt,
      statusLabel(statusOf(r, now)),
      r.revokeReason ?? "",
    ]),
  );
}

/**
 * The courses a tier rule may require (not retired), by their title as people know it: the
 * published version's, else the draft's. For the plan editor's course select.
 */
export async function requirableCourses(ctx: ServiceCtx<StaffActor>) {
  const rows = await ctx.db.select({ id: courses.id }).from(courses).where(isNull(courses.retiredAt));
  const titles = await courseTitles(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, title: titles.get(r.id) ?? "" })).sort((a, b) => a.title.localeCompare(b.title));
}
