import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import {
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  ChartBar,
  Download,
  EmptyState,
  FormField,
  Input,
  Select,
} from "@/components/ui";
import { isUuid } from "@/lib/ids";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { FiguresTable, SORTS } from "./figures-table";

export async function generateMetadata() {
  return { title: (await getTranslations("coursesAdmin.reports"))("title") };
}

const PATH = "/manage/courses/reports";
const COURSE_PARAMS = ["cq", "csort", "cdir", "cpage"] as const;
const PARTNER_PARAMS = ["pq", "pcourse", "psort", "pdir", "ppage"] as const;

/** Hidden fields keeping the other table's state when one table's filters are applied. */
function Keep({ params, names }: { params: SearchParams; names: readonly string[] }) {
  return names.map((name) => {
    const value = param(params, name);
    return value ? <input key={name} type="hidden" name={name} value={value} /> : null;
  });
}

export default async function TrainingReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager", "finance");
  const params = await searchParams;
  const dir = (name: string) => oneOf(param(params, name), ["asc", "desc"] as const);
  const course = {
    search: param(params, "cq")?.slice(0, 100),
    sort: oneOf(param(params, "csort"), SORTS) ?? "name",
    sortDir: dir("cdir") ?? "asc",
  };
  const courseParam = param(params, "pcourse");
  const partner = {
    search: param(params, "pq")?.slice(0, 100),
    courseId: isUuid(courseParam) ? courseParam : undefined,
    sort: oneOf(param(params, "psort"), SORTS) ?? "name",
    sortDir: dir("pdir") ?? "asc",
  };
  const caller = await api();
  const [courses, partners, allCourses] = await Promise.all([
    caller.manage.courses.courseReport({ ...course, page: pageParam(params, "cpage"), pageSize: 20 }),
    caller.manage.courses.partnerReport({ ...partner, page: pageParam(params, "ppage"), pageSize: 20 }),
    // The course choices of the partner table, and the chart: the first hundred courses by name.
    caller.manage.courses.courseReport({ sort: "name", sortDir: "asc", pageSize: 100 }),
  ]);
  const [t, tc, locale] = await Promise.all([getTranslations("coursesAdmin"), getTranslations("common"), getLocale()]);
  const charted = allCourses.rows.filter((row) => row.passRate !== null);
  const chartAlternative = `${t("reports.chartSummary")}: ${new Intl.ListFormat(locale, { type: "unit" }).format(
    charted.map((row) => `${row.name} ${row.passRate}%`),
  )}`;
  const exportCourses = hrefWith(
    `${PATH}/export/courses`,
    {},
    { cq: course.search, csort: param(params, "csort"), cdir: param(params, "cdir") },
  );
  const exportPartners = hrefWith(
    `${PATH}/export/partners`,
    {},
    { pq: partner.search, pcourse: partner.courseId, psort: param(params, "psort"), pdir: param(params, "pdir") },
  );

  return (
    <>
      <PageHeader title={t("reports.title")} description={t("reports.subtitle")} />

      {charted.length > 0 ? (
        <Card className="mb-8">
          <CardHeader as="h2" title={t("reports.chartTitle")} description={t("reports.chartSummary")} />
          <CardBody>
            <div role="img" aria-label={chartAlternative} data-testid="pass-rate-chart">
              <SimpleBarChart
                data={charted.map((row) => ({ label: row.name, value: row.passRate ?? 0 }))}
                valueLabel={t("columns.passRate")}
                rtl={locale === "ar"}
              />
            </div>
          </CardBody>
        </Card>
      ) : null}

      <section aria-labelledby="by-course" className="mb-10">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <h2 id="by-course" className="text-lg font-semibold text-neutral-900">
            {t("reports.byCourse")}
          </h2>
          <a href={exportCourses} download className={buttonClasses("secondary")} data-testid="export-course-report">
            <Download className="size-4" />
            {t("reports.exportCsv")}
          </a>
        </div>
        <FilterBar
          action={PATH}
          applyLabel={tc("applyFilters")}
          clearLabel={tc("clearFilters")}
          clearHref={hrefWith(PATH, params, Object.fromEntries(COURSE_PARAMS.map((n) => [n, undefined])))}
        >
          <FormField label={t("reports.searchCourse")} htmlFor="report-course-search">
            <Input type="search" name="cq" defaultValue={course.search} maxLength={100} className="w-56" />
          </FormField>
          <Keep params={params} names={["csort", "cdir", ...PARTNER_PARAMS]} />
        </FilterBar>
        {courses.rows.length === 0 ? (
          <EmptyState
            icon={<ChartBar className="size-6" />}
            title={course.search ? tc("noMatches") : t("reports.empty")}
            description={course.search ? tc("noMatchesHint") : t("reports.emptyHint")}
          />
        ) : (
          <>
            <FiguresTable
              caption={t("reports.byCourse")}
              nameHeader={t("columns.course")}
              rows={courses.rows.map((row) => ({ ...row, id: row.courseId }))}
              renderName={(row) => (
                <Link
                  href={`/manage/courses/${row.courseId}`}
                  className="font-medium text-brand-700 hover:underline"
                  dir="auto"
                >
                  {row.name}
                </Link>
              )}
              extra={{ header: t("columns.language"), cell: (row) => t(`languages.${row.language}`) }}
              path={PATH}
              params={params}
              prefix="c"
              sort={course.sort}
              sortDir={course.sortDir}
              testId="course-report"
            />
            <ListPagination
              path={PATH}
              params={params}
              name="cpage"
              page={courses.page}
              pageCount={courses.pageCount}
              total={courses.total}
            />
          </>
        )}
      </section>

      <section aria-labelledby="by-partner">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="by-partner" className="text-lg font-semibold text-neutral-900">
              {t("reports.byPartner")}
            </h2>
            {partner.courseId ? null : <p className="mt-1 text-sm text-muted">{t("reports.byPartnerHint")}</p>}
          </div>
          <a href={exportPartners} download className={buttonClasses("secondary")} data-testid="export-partner-report">
            <Download className="size-4" />
            {t("reports.exportCsv")}
          </a>
        </div>
        <FilterBar
          action={PATH}
          applyLabel={tc("applyFilters")}
          clearLabel={tc("clearFilters")}
          clearHref={hrefWith(PATH, params, Object.fromEntries(PARTNER_PARAMS.map((n) => [n, undefined])))}
        >
          <FormField label={t("reports.searchPartner")} htmlFor="report-partner-search">
            <Input type="search" name="pq" defaultValue={partner.search} maxLength={100} className="w-56" />
          </FormField>
          <FormField label={t("reports.course")} htmlFor="report-partner-course">
            <Select name="pcourse" defaultValue={partner.courseId ?? ""}>
              <option value="">{t("reports.allCourses")}</option>
              {allCourses.rows.map((row) => (
                <option key={row.courseId} value={row.courseId}>
                  {row.name}
                </option>
              ))}
            </Select>
          </FormField>
          <Keep params={params} names={["psort", "pdir", ...COURSE_PARAMS]} />
        </FilterBar>
        {partners.rows.length === 0 ? (
          <EmptyState
            icon={<ChartBar className="size-6" />}
            title={tc("noMatches")}
            description={tc("noMatchesHint")}
          />
        ) : (
          <>
            <FiguresTable
              caption={t("reports.byPartner")}
              nameHeader={t("columns.partner")}
              rows={partners.rows.map((row) => ({ ...row, id: row.partnerId }))}
              renderName={(row) => (
                <Link
                  href={`/manage/partners/${row.partnerId}`}
                  className="font-medium text-brand-700 hover:underline"
                  dir="auto"
                >
                  {row.name}
                </Link>
              )}
              path={PATH}
              params={params}
              prefix="p"
              sort={partner.sort}
              sortDir={partner.sortDir}
              testId="partner-report"
            />
            <ListPagination
              path={PATH}
              params={params}
              name="ppage"
              page={partners.page}
              pageCount={partners.pageCount}
              total={partners.total}
            />
          </>
        )}
      </section>
    </>
  );
}
