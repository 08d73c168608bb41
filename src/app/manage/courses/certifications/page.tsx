import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import {
  Badge,
  buttonClasses,
  EmptyState,
  FormField,
  GraduationCap,
  Input,
  Select,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  type BadgeTone,
} from "@/components/ui";
import { withClientMessages } from "@/i18n/client-messages";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { CERTIFICATION_FILTERS, CERTIFICATION_SORTS } from "@/server/domains/training/certification-admin";
import { api } from "@/server/trpc/server";
import { RevokeCertification } from "./revoke-dialog";

export async function generateMetadata() {
  return { title: (await getTranslations("certificationsAdmin"))("title") };
}

const PATH = "/manage/courses/certifications";
/** The page opens on who expires this month. */
const DEFAULT_STATUS = "expiringThisMonth";
const TONE: Record<"expiringThisMonth" | "valid" | "expired" | "revoked", BadgeTone> = {
  expiringThisMonth: "warning",
  valid: "success",
  expired: "neutral",
  revoked: "danger",
};

async function CertificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager");
  const params = await searchParams;
  const status = oneOf(param(params, "status"), CERTIFICATION_FILTERS) ?? DEFAULT_STATUS;
  const courseId = param(params, "course");
  const search = param(params, "q")?.slice(0, 100);
  const sort = oneOf(param(params, "sort"), CERTIFICATION_SORTS) ?? "expiresAt";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "asc";
  const caller = await api();
  const validCourse = courseId && /^[0-9a-f-]{36}$/i.test(courseId) ? courseId : undefined;
  const [result, courses] = await Promise.all([
    caller.manage.certifications.list({
      page: pageParam(params),
      pageSize: 25,
      status,
      courseId: validCourse,
      search: search || undefined,
      sort,
      sortDir,
    }),
    caller.manage.certifications.requirableCourses(),
  ]);
  const t = await getTranslations("certificationsAdmin");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const filtered = Boolean(validCourse || search);
  const sortHref = (key: (typeof CERTIFICATION_SORTS)[number]) =>
    hrefWith(PATH, params, {
      sort: key,
      dir: sort === key ? (sortDir === "asc" ? "desc" : "asc") : "asc",
      page: undefined,
    });
  const exportHref = hrefWith(`${PATH}/export`, params, { page: undefined, status });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <a href={exportHref} download className={buttonClasses("secondary")} data-testid="export-certifications">
            {t("exportCsv")}
          </a>
        }
      />
      <FilterBar action={PATH} applyLabel={tc("applyFilters")} clearLabel={tc("clearFilters")} clearHref={PATH}>
        <FormField label={t("filters.status")} htmlFor="certification-status">
          <Select name="status" defaultValue={status}>
            {CERTIFICATION_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("filters.course")} htmlFor="certification-course">
          <Select name="course" defaultValue={validCourse ?? ""}>
            <option value="">{t("filters.anyCourse")}</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("filters.search")} htmlFor="certification-search">
          <Input type="search" name="q" defaultValue={search} maxLength={100} className="w-56" />
        </FormField>
        {param(params, "sort") ? <input type="hidden" name="sort" value={sort} /> : null}
        {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
      </FilterBar>

      {result.rows.length === 0 ? (
        <EmptyState
          icon={<GraduationCap className="size-6" />}
          title={filtered ? tc("noMatches") : status === DEFAULT_STATUS ? t("empty") : t("emptyAll")}
          description={filtered ? tc("noMatchesHint") : status === DEFAULT_STATUS ? t("emptyHint") : t("emptyAllHint")}
        />
      ) : (
        <>
          <Table data-testid="certifications-table">
            <caption className="sr-only">{t("title")}</caption>
            <THead>
              <TR>
                <SortableTH href={sortHref("person")} direction={sort === "person" ? sortDir : null}>
                  {t("columns.person")}
                </SortableTH>
                <SortableTH href={sortHref("partner")} direction={sort === "partner" ? sortDir : null}>
                  {t("columns.partner")}
                </SortableTH>
                <TH>{t("columns.course")}</TH>
                <SortableTH href={sortHref("issuedAt")} direction={sort === "issuedAt" ? sortDir : null}>
                  {t("columns.issuedAt")}
                </SortableTH>
                <SortableTH href={sortHref("expiresAt")} direction={sort === "expiresAt" ? sortDir : null}>
                  {t("columns.expiresAt")}
                </SortableTH>
                <TH>{t("columns.status")}</TH>
                <TH className="text-end">
                  <span className="sr-only">{t("columns.actions")}</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.id} data-testid="certification-row">
                  <TD>
                    <span className="block font-medium" dir="auto">
                      {row.personName}
                    </span>
                    <span className="block text-xs text-muted" dir="ltr">
                      {row.personEmail}
                    </span>
                  </TD>
                  <TD>
                    <Link href={`/manage/partners/${row.partnerId}`} className="text-brand-700 hover:underline">
                      <bdi>{row.partnerName}</bdi>
                    </Link>
                  </TD>
                  <TD>
                    <bdi>{row.courseTitle}</bdi>{" "}
                    <span className="text-xs text-muted">{t("versionNumber", { version: row.version })}</span>
                    <span className="block font-mono text-xs text-muted" dir="ltr">
                      {row.code}
                    </span>
                  </TD>
                  <TD className="whitespace-nowrap">{date(row.issuedAt)}</TD>
                  <TD className="whitespace-nowrap">{date(row.expiresAt)}</TD>
                  <TD>
                    <Badge tone={TONE[row.status]}>{t(`status.${row.status}`)}</Badge>
                    {row.revokedAt ? (
                      <p className="mt-1 max-w-xs text-xs text-muted">
                        {row.revokedByName
                          ? t("revokedBy", { name: row.revokedByName, date: date(row.revokedAt) })
                          : t("revokedOn", { date: date(row.revokedAt) })}
                        {row.revokeReason ? (
                          <span className="block whitespace-pre-line" dir="auto">
                            {row.revokeReason}
                          </span>
                        ) : null}
                      </p>
                    ) : null}
                  </TD>
                  <TD className="text-end">
                    {row.revokedAt ? null : (
                      <RevokeCertification
                        certificationId={row.id}
                        person={row.personName}
                        partner={row.partnerName}
                        course={row.courseTitle}
                      />
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path={PATH}
            params={params}
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
          />
        </>
      )}
    </>
  );
}

export default withClientMessages("manage/courses/certifications/page", CertificationsPage);
