import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  Banknote,
  buttonClasses,
  Card,
  CardBody,
  EmptyState,
  FormField,
  Plus,
  Select,
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
import { formatMoney } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { nextQuarter, previousQuarter } from "@/server/domains/enablement/mdf-budgets";
import { MDF_REQUEST_STATUSES } from "@/server/domains/enablement/mdf-queries";
import { api } from "@/server/trpc/server";
import { BudgetSummary } from "./_parts/budget-summary";
import { CLAIM_TONE, dayDate, REQUEST_TONE } from "./_parts/tones";

export async function generateMetadata() {
  return { title: (await getTranslations("mdf"))("title") };
}

const PATH = "/mdf";

/** A quarter from the address (?year=2026&quarter=4), or none (the current one). */
function quarterParams(params: SearchParams) {
  const year = Number(param(params, "year"));
  const quarter = Number(param(params, "quarter"));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 && [1, 2, 3, 4].includes(quarter)
    ? { year, quarter }
    : {};
}

export default async function MdfPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePartnerPage();
  const params = await searchParams;
  const status = oneOf(param(params, "status"), MDF_REQUEST_STATUSES);
  const caller = await api();
  const [budget, requests] = await Promise.all([
    caller.partner.mdf.budget(quarterParams(params)),
    caller.partner.mdf.requests({ status, page: pageParam(params), pageSize: 20 }),
  ]);
  const [t, tc, format, locale] = await Promise.all([
    getTranslations("mdf"),
    getTranslations("common"),
    getFormatter(),
    getLocale(),
  ]);
  const money = (amount: bigint, currency: string) => <bdi dir="ltr">{formatMoney(amount, currency, locale)}</bdi>;
  const day = (d: string) => format.dateTime(dayDate(d), { dateStyle: "medium", timeZone: "UTC" });
  const q = { year: budget.year, quarter: budget.quarter };
  const prev = previousQuarter(q);
  const next = nextQuarter(q);
  const isCurrent = q.year === budget.current.year && q.quarter === budget.current.quarter;
  const label = (x: { year: number; quarter: number }) =>
    t("quarterLabel", { quarter: format.number(x.quarter), year: String(x.year) });
  const canCreate = actor.partnerStatus === "active";

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          canCreate ? (
            <Link href="/mdf/new" className={buttonClasses("primary")} data-testid="new-mdf-request">
              <Plus className="size-4" aria-hidden="true" />
              {t("newRequest")}
            </Link>
          ) : null
        }
      />

      <section aria-labelledby="budget-title" className="mb-8">
        <Card>
          <CardBody className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="budget-title" className="text-base font-semibold text-neutral-900" data-testid="budget-quarter">
                {t("budgetFor", { quarter: label(q) })}
                {isCurrent ? (
                  <Badge tone="brand" className="ms-2">
                    {t("currentQuarter")}
                  </Badge>
                ) : null}
              </h2>
              <nav aria-label={t("quarterNav")} className="flex flex-wrap gap-2">
                <Link
                  href={hrefWith(PATH, params, { ...prev, page: undefined })}
                  className={buttonClasses("secondary", "sm")}
                >
                  {label(prev)}
                </Link>
                {!isCurrent ? (
                  <Link
                    href={hrefWith(PATH, params, { year: undefined, quarter: undefined })}
                    className={buttonClasses("ghost", "sm")}
                  >
                    {t("backToCurrent")}
                  </Link>
                ) : null}
                <Link
                  href={hrefWith(PATH, params, { ...next, page: undefined })}
                  className={buttonClasses("secondary", "sm")}
                >
                  {label(next)}
                </Link>
              </nav>
            </div>
            <BudgetSummary budget={budget} />
            <p className="text-sm text-muted">
              {budget.allocatedMinor === null
                ? t("noBudgetHint")
                : t("deadlineHint", { days: format.number(budget.deadlineDays) })}
            </p>
          </CardBody>
        </Card>
      </section>

      <section aria-labelledby="requests-title">
        <h2 id="requests-title" className="mb-3 text-lg font-semibold text-neutral-900">
          {t("requests.title")}
        </h2>
        {requests.total === 0 && !status ? (
          <EmptyState
            icon={<Banknote className="size-6" />}
            title={t("requests.empty")}
            description={t("requests.emptyHint")}
            action={
              canCreate ? (
                <Link href="/mdf/new" className={buttonClasses("primary")}>
                  {t("newRequest")}
                </Link>
              ) : undefined
            }
          />
        ) : (
          <>
            <FilterBar action={PATH} applyLabel={tc("applyFilters")} clearLabel={tc("clearFilters")} clearHref={PATH}>
              <FormField label={t("requests.status")} htmlFor="mdf-status">
                <Select name="status" defaultValue={status ?? ""} wrapperClassName="min-w-40">
                  <option value="">{t("requests.anyStatus")}</option>
                  {MDF_REQUEST_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statuses.${s}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
            </FilterBar>
            {requests.rows.length === 0 ? (
              <EmptyState
                icon={<Banknote className="size-6" />}
                title={tc("noMatches")}
                description={tc("noMatchesHint")}
              />
            ) : (
              <>
                <Table data-testid="mdf-requests">
                  <caption className="sr-only">{t("requests.caption")}</caption>
                  <THead>
                    <TR>
                      <TH>{t("requests.campaign")}</TH>
                      <TH>{t("requests.dates")}</TH>
                      <TH numeric>{t("requests.requested")}</TH>
                      <TH numeric>{t("requests.approved")}</TH>
                      <TH>{t("requests.statusColumn")}</TH>
                      <TH>{t("requests.claim")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {requests.rows.map((r) => (
                      <TR key={r.id} data-testid="mdf-request-row" data-status={r.status}>
                        <TD>
                          <Link
                            href={`/mdf/${r.id}`}
                            className="inline-block min-w-40 font-medium text-brand-700 hover:underline"
                          >
                            <bdi>{r.campaignName}</bdi>
                          </Link>
                          <div className="text-xs text-muted">
                            <bdi dir="ltr">{r.code}</bdi> · {t(`activities.${r.activityType}`)}
                          </div>
                        </TD>
                        <TD className="whitespace-nowrap">
                          {day(r.startsOn)} – {day(r.endsOn)}
                        </TD>
                        <TD numeric>{money(r.requestedMinor, r.currency)}</TD>
                        <TD numeric>
                          {r.approvedMinor !== null ? (
                            money(r.approvedMinor, r.currency)
                          ) : (
                            <span className="text-muted">—</span>
                          )}
                        </TD>
                        <TD>
                          <Badge tone={REQUEST_TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>
                        </TD>
                        <TD>
                          {r.claimStatus ? (
                            <Badge tone={CLAIM_TONE[r.claimStatus]}>{t(`claimStatuses.${r.claimStatus}`)}</Badge>
                          ) : (
                            <span className="text-muted">—</span>
                          )}
                        </TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
                <ListPagination
                  path={PATH}
                  params={params}
                  page={requests.page}
                  pageCount={requests.pageCount}
                  total={requests.total}
                />
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
