import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  EmptyState,
  FileText,
  FormField,
  Input,
  Select,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { countryName } from "@/lib/display";
import { APPLICATION_STATUSES, APPLICATION_STATUS_TONE, PARTNER_TYPES } from "./status";

export async function generateMetadata() {
  return { title: (await getTranslations("applications"))("title") };
}

const PATH = "/manage/applications";
const SORTS = ["createdAt", "company", "expectedDealsPerQuarter"] as const;

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager");
  const params = await searchParams;
  const sort = oneOf(param(params, "sort"), SORTS) ?? "createdAt";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? (sort === "company" ? "asc" : "desc");
  // The queue opens on what waits for review; "all" shows every status.
  const statusChoice = oneOf(param(params, "status"), [...APPLICATION_STATUSES, "all"] as const) ?? "pending";
  const status = statusChoice === "all" ? undefined : statusChoice;
  const type = oneOf(param(params, "type"), PARTNER_TYPES);
  const search = param(params, "q")?.slice(0, 100);
  const result = await (
    await api()
  ).manage.applications.list({ page: pageParam(params), pageSize: 25, sort, sortDir, status, type, search });
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const filtered = Boolean(search || type || statusChoice !== "pending");
  const sortHref = (column: (typeof SORTS)[number]) =>
    hrefWith(PATH, params, {
      sort: column,
      dir: sort === column ? (sortDir === "asc" ? "desc" : "asc") : column === "company" ? "asc" : "desc",
      page: undefined,
    });
  const direction = (column: (typeof SORTS)[number]) => (sort === column ? sortDir : null);
  return (
    <>
      <PageHeader title={t("applications.title")} description={t("applications.subtitle")} />
      <FilterBar
        action={PATH}
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref={PATH}
      >
        <FormField label={t("applications.search")} htmlFor="filter-q">
          <Input id="filter-q" name="q" type="search" defaultValue={search} maxLength={100} className="w-64" />
        </FormField>
        <FormField label={t("applications.status")} htmlFor="filter-status">
          <Select id="filter-status" name="status" defaultValue={statusChoice}>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`applications.statuses.${s}`)}
              </option>
            ))}
            <option value="all">{t("applications.statuses.all")}</option>
          </Select>
        </FormField>
        <FormField label={t("applications.type")} htmlFor="filter-type">
          <Select id="filter-type" name="type" defaultValue={type ?? ""}>
            <option value="">{t("common.all")}</option>
            {PARTNER_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`partnerTypes.${p}`)}
              </option>
            ))}
          </Select>
        </FormField>
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={filtered ? t("common.noMatches") : t("applications.empty")}
          description={filtered ? t("common.noMatchesHint") : t("applications.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="applications-table">
            <THead>
              <TR>
                <SortableTH href={sortHref("company")} direction={direction("company")}>
                  {t("applications.company")}
                </SortableTH>
                <TH>{t("applications.contact")}</TH>
                <TH>{t("applications.domain")}</TH>
                <TH>{t("applications.country")}</TH>
                <TH>{t("applications.type")}</TH>
                <SortableTH
                  href={sortHref("expectedDealsPerQuarter")}
                  direction={direction("expectedDealsPerQuarter")}
                  numeric
                >
                  {t("applications.expectedDealsShort")}
                </SortableTH>
                <SortableTH href={sortHref("createdAt")} direction={direction("createdAt")}>
                  {t("applications.submitted")}
                </SortableTH>
                <TH>{t("applications.status")}</TH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.id}>
                  <TD>
                    <Link href={`${PATH}/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.company}
                    </Link>
                  </TD>
                  <TD>
                    <span className="block">{row.contactName}</span>
                    <span className="block max-w-56 truncate text-xs text-muted">
                      <bdi dir="ltr">{row.contactEmail}</bdi>
                    </span>
                  </TD>
                  <TD>
                    <bdi dir="ltr">{row.domain}</bdi>
                  </TD>
                  <TD>{countryName(locale, row.country)}</TD>
                  <TD>{t(`partnerTypes.${row.type}`)}</TD>
                  <TD numeric>{format.number(row.expectedDealsPerQuarter)}</TD>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                  </TD>
                  <TD>
                    <Badge tone={APPLICATION_STATUS_TONE[row.status]}>{t(`applications.statuses.${row.status}`)}</Badge>
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
