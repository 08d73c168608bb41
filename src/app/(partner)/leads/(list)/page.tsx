import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  EmptyState,
  FormField,
  Input,
  Plus,
  Select,
  SortableTH,
  Table,
  Target,
  TBody,
  TD,
  TH,
  THead,
  TR,
  Upload,
} from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatCount, formatMoney } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { LEAD_STATUSES } from "@/server/domains/leads/queries";
import { api } from "@/server/trpc/server";
import { canChangeLeads, LeadActionLink, SuspendedNotice } from "../lead-actions-gate";
import { localizedName } from "@/lib/localized";

export async function generateMetadata() {
  return { title: (await getTranslations("leadsPortal.list"))("title") };
}

const PATH = "/leads";
const SORTS = ["createdAt", "companyName", "estimatedValue", "expectedCloseDate", "status"] as const;
type Sort = (typeof SORTS)[number];
/** Text columns read best A→Z first; dates and amounts newest/largest first. */
const ASCENDING_FIRST: readonly Sort[] = ["companyName", "status"];

/** A calendar day (yyyy-mm-dd) as a Date at its start in UTC, the time zone pages format in. */
const day = (text: string) => new Date(`${text}T00:00:00Z`);

export default async function PartnerLeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requirePartnerPage();
  const canRegister = canChangeLeads(me.partnerStatus);
  const params = await searchParams;
  const sort = oneOf(param(params, "sort"), SORTS) ?? "createdAt";
  const sortDir =
    oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? (ASCENDING_FIRST.includes(sort) ? "asc" : "desc");
  const statusChoice = oneOf(param(params, "status"), [...LEAD_STATUSES, "all"] as const) ?? "all";
  const status = statusChoice === "all" ? undefined : statusChoice;
  const search = param(params, "q")?.slice(0, 100);
  const result = await (
    await api()
  ).partner.leads.list({ page: pageParam(params), pageSize: 25, sort, sortDir, status, search });
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const filtered = Boolean(search || status);
  const countOf = (s: (typeof LEAD_STATUSES)[number]) => result.byStatus[s] ?? 0;
  const allCount = LEAD_STATUSES.reduce((sum, s) => sum + countOf(s), 0);
  const sortHref = (column: Sort) =>
    hrefWith(PATH, params, {
      sort: column,
      dir: sort === column ? (sortDir === "asc" ? "desc" : "asc") : ASCENDING_FIRST.includes(column) ? "asc" : "desc",
      page: undefined,
    });
  const direction = (column: Sort) => (sort === column ? sortDir : null);
  const sortHint = (label: string) => t("leadsPortal.list.sortBy", { column: label });
  const columns = {
    company: t("leads.columns.company"),
    product: t("leads.columns.product"),
    estimatedValue: t("leads.columns.estimatedValue"),
    expectedClose: t("leads.columns.expectedClose"),
    status: t("leads.columns.status"),
    registered: t("leads.columns.registered"),
  };
  const registerLink = (
    <LeadActionLink href="/leads/new" enabled={canRegister} testId="new-lead">
      <Plus className="size-4" />
      {t("leadsPortal.list.register")}
    </LeadActionLink>
  );

  return (
    <>
      <PageHeader
        title={t("leadsPortal.list.title")}
        description={t("leadsPortal.list.subtitle")}
        actions={
          <>
            <LeadActionLink href="/leads/import" enabled={canRegister} variant="secondary" testId="import-leads">
              <Upload className="size-4" />
              {t("leadsPortal.list.import")}
            </LeadActionLink>
            {registerLink}
          </>
        }
      />
      {canRegister ? null : <SuspendedNotice className="mb-4" />}
      {allCount === 0 && !filtered ? (
        <EmptyState
          icon={<Target className="size-6" />}
          title={t("leadsPortal.list.empty")}
          description={t("leadsPortal.list.emptyHint")}
          action={registerLink}
        />
      ) : (
        <>
          <FilterBar
            action={PATH}
            applyLabel={t("common.applyFilters")}
            clearLabel={t("common.clearFilters")}
            clearHref={PATH}
          >
            <FormField label={t("common.search")} htmlFor="filter-q">
              <Input
                id="filter-q"
                name="q"
                type="search"
                defaultValue={search}
                maxLength={100}
                placeholder={t("leadsPortal.list.searchPlaceholder")}
                className="w-64 max-w-full"
              />
            </FormField>
            <FormField label={t("leads.columns.status")} htmlFor="filter-status">
              <Select id="filter-status" name="status" defaultValue={statusChoice} data-testid="status-filter">
                <option value="all">
                  {t("leadsPortal.list.statusOption", {
                    status: t("common.all"),
                    count: formatCount(allCount, locale),
                  })}
                </option>
                {LEAD_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t("leadsPortal.list.statusOption", {
                      status: t(`leadStatus.${s}`),
                      count: formatCount(countOf(s), locale),
                    })}
                  </option>
                ))}
              </Select>
            </FormField>
            {sort !== "createdAt" ? <input type="hidden" name="sort" value={sort} /> : null}
            {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
          </FilterBar>
          {result.rows.length === 0 ? (
            <EmptyState
              icon={<Target className="size-6" />}
              title={t("common.noMatches")}
              description={t("common.noMatchesHint")}
            />
          ) : (
            <>
              <Table data-testid="leads-table">
                <caption className="sr-only">{t("leadsPortal.list.caption")}</caption>
                <THead>
                  <TR>
                    <SortableTH
                      href={sortHref("companyName")}
                      direction={direction("companyName")}
                      sortHint={sortHint(columns.company)}
                    >
                      {columns.company}
                    </SortableTH>
                    <TH>{columns.product}</TH>
                    <SortableTH
                      href={sortHref("estimatedValue")}
                      direction={direction("estimatedValue")}
                      sortHint={sortHint(columns.estimatedValue)}
                      numeric
                    >
                      {columns.estimatedValue}
                    </SortableTH>
                    <SortableTH
                      href={sortHref("expectedCloseDate")}
                      direction={direction("expectedCloseDate")}
                      sortHint={sortHint(columns.expectedClose)}
                    >
                      {columns.expectedClose}
                    </SortableTH>
                    <SortableTH
                      href={sortHref("status")}
                      direction={direction("status")}
                      sortHint={sortHint(columns.status)}
                    >
                      {columns.status}
                    </SortableTH>
                    <SortableTH
                      href={sortHref("createdAt")}
                      direction={direction("createdAt")}
                      sortHint={sortHint(columns.registered)}
                    >
                      {columns.registered}
                    </SortableTH>
                  </TR>
                </THead>
                <TBody>
                  {result.rows.map((row) => (
                    <TR key={row.id} data-testid="lead-row">
                      <TD>
                        <Link
                          href={`${PATH}/${row.id}`}
                          className="font-medium text-brand-700 hover:underline"
                          dir="auto"
                        >
                          <bdi>{row.companyName}</bdi>
                        </Link>
                        <span className="block max-w-56 truncate text-xs text-muted">
                          <bdi dir="ltr">{row.domain}</bdi>
                        </span>
                      </TD>
                      <TD>{localizedName(locale, row.productName, row.productNameAr)}</TD>
                      <TD numeric className="whitespace-nowrap">
                        <bdi dir="ltr">{formatMoney(row.estimatedValueMinor, row.currency, locale)}</bdi>
                      </TD>
                      <TD className="whitespace-nowrap">
                        {format.dateTime(day(row.expectedCloseDate), { dateStyle: "medium" })}
                      </TD>
                      <TD>
                        <span className="flex flex-wrap items-center gap-1.5">
                          <LeadStatusBadge status={row.status} />
                          {row.infoRequestedAt ? (
                            <Badge tone="warning" data-testid="info-requested-badge">
                              {t("leadsPortal.list.infoRequested")}
                            </Badge>
                          ) : null}
                        </span>
                      </TD>
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
      )}
    </>
  );
}
