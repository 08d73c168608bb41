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
  Plus,
  Select,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { COURSE_LIST_STATUSES } from "@/server/domains/training/authoring-queries";
import { api } from "@/server/trpc/server";
import { STATUS_TONE } from "./tones";

export async function generateMetadata() {
  return { title: (await getTranslations("coursesAdmin"))("title") };
}

const PATH = "/manage/courses";
const SORTS = ["title", "createdAt", "certified"] as const;
const LANGUAGES = ["en", "ar"] as const;

export default async function CoursesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager");
  const params = await searchParams;
  const search = param(params, "q")?.slice(0, 100);
  const status = oneOf(param(params, "status"), COURSE_LIST_STATUSES);
  const language = oneOf(param(params, "language"), LANGUAGES);
  const sort = oneOf(param(params, "sort"), SORTS) ?? "createdAt";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? (sort === "title" ? "asc" : "desc");
  const result = await (
    await api()
  ).manage.courses.list({ page: pageParam(params), pageSize: 20, search, status, language, sort, sortDir });
  const t = await getTranslations();
  const format = await getFormatter();
  const filtered = Boolean(search || status || language);
  const sortHref = (key: (typeof SORTS)[number]) =>
    hrefWith(PATH, params, {
      sort: key,
      dir: sort === key ? (sortDir === "asc" ? "desc" : "asc") : key === "title" ? "asc" : "desc",
      page: undefined,
    });
  const tierLabel = (key: string) => (t.has(`tiers.${key}`) ? t(`tiers.${key}` as never) : key);

  return (
    <>
      <PageHeader
        title={t("coursesAdmin.title")}
        description={t("coursesAdmin.subtitle")}
        actions={
          <Link href={`${PATH}/new`} className={buttonClasses("primary")} data-testid="new-course">
            <Plus className="size-4" />
            {t("coursesAdmin.newCourse")}
          </Link>
        }
      />
      <FilterBar
        action={PATH}
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref={PATH}
      >
        <FormField label={t("coursesAdmin.filters.search")} htmlFor="course-search">
          <Input type="search" name="q" defaultValue={search} maxLength={100} className="w-56" />
        </FormField>
        <FormField label={t("coursesAdmin.filters.status")} htmlFor="course-status">
          <Select name="status" defaultValue={status ?? ""}>
            <option value="">{t("coursesAdmin.filters.any")}</option>
            {COURSE_LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`coursesAdmin.status.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("coursesAdmin.filters.language")} htmlFor="course-language">
          <Select name="language" defaultValue={language ?? ""}>
            <option value="">{t("coursesAdmin.filters.any")}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`coursesAdmin.languages.${l}`)}
              </option>
            ))}
          </Select>
        </FormField>
        {param(params, "sort") ? <input type="hidden" name="sort" value={sort} /> : null}
        {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
      </FilterBar>

      {result.rows.length === 0 ? (
        <EmptyState
          icon={<GraduationCap className="size-6" />}
          title={filtered ? t("common.noMatches") : t("coursesAdmin.list.empty")}
          description={filtered ? t("common.noMatchesHint") : t("coursesAdmin.list.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="courses-table">
            <caption className="sr-only">{t("coursesAdmin.title")}</caption>
            <THead>
              <TR>
                <SortableTH href={sortHref("title")} direction={sort === "title" ? sortDir : null}>
                  {t("coursesAdmin.columns.title")}
                </SortableTH>
                <TH>{t("coursesAdmin.columns.status")}</TH>
                <TH>{t("coursesAdmin.columns.language")}</TH>
                <TH>{t("coursesAdmin.columns.minTier")}</TH>
                <TH numeric>{t("coursesAdmin.columns.lessons")}</TH>
                <TH numeric>{t("coursesAdmin.columns.questions")}</TH>
                <SortableTH numeric href={sortHref("certified")} direction={sort === "certified" ? sortDir : null}>
                  {t("coursesAdmin.columns.certified")}
                </SortableTH>
                <SortableTH href={sortHref("createdAt")} direction={sort === "createdAt" ? sortDir : null}>
                  {t("coursesAdmin.columns.created")}
                </SortableTH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.courseId} data-testid="course-row">
                  <TD>
                    <Link
                      href={`${PATH}/${row.courseId}`}
                      className="font-medium text-brand-700 hover:underline"
                      dir="auto"
                    >
                      {row.title}
                    </Link>
                  </TD>
                  <TD>
                    <div className="flex flex-wrap items-center gap-1">
                      <Badge tone={STATUS_TONE[row.status]}>{t(`coursesAdmin.status.${row.status}`)}</Badge>
                      {row.publishedVersion !== null ? (
                        <span className="text-xs text-muted">
                          {t("coursesAdmin.version", { version: row.publishedVersion })}
                        </span>
                      ) : null}
                      {row.hasDraft && row.publishedVersion !== null ? (
                        <Badge tone="warning">{t("coursesAdmin.status.hasDraft")}</Badge>
                      ) : null}
                    </div>
                  </TD>
                  <TD>{t(`coursesAdmin.languages.${row.language}`)}</TD>
                  <TD>{row.minTierKey ? tierLabel(row.minTierKey) : t("coursesAdmin.everyone")}</TD>
                  <TD numeric>{format.number(row.lessons)}</TD>
                  <TD numeric>{format.number(row.questions)}</TD>
                  <TD numeric>{format.number(row.certified)}</TD>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(row.createdAt, { dateStyle: "medium" })}
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
