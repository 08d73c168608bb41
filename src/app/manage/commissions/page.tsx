import Link from "next/link";
import { LEDGER_STATE_TONE } from "@/components/ledger/tones";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  ChartBar,
  Download,
  EmptyState,
  FileText,
  FormField,
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
import { PartnerPicker } from "@/components/partners/partner-picker";
import { LedgerFilterFields } from "@/components/ledger/ledger-filter-fields";
import { PageHeader } from "@/components/page/page-header";
import { isUuid } from "@/lib/ids";
import { dateParam, hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatBps, formatMoney, isCurrencyCode, toDecimalString } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { LEDGER_SOURCES, LEDGER_STATES } from "@/server/domains/commissions/queries";
import { api } from "@/server/trpc/server";
import { LiabilityChart, type LiabilityBar } from "./liability-chart";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("commissionsAdmin"))("title") };
}

const PATH = "/manage/commissions";

/** The balances a liability card lists, in order; the chart plots the ledger states among them. */
const TOTALS = ["pending", "payable", "inPayout", "paid", "clawedBack"] as const;
const CHARTED = ["pending", "payable", "inPayout", "paid"] as const;
/** How many of the largest open balances the page lists. */
const LARGEST = 10;

/** A yyyy-mm-dd filter value, kept only when it is a real day. */
const dayFilter = (value: string | undefined) => (dateParam(value) ? value : undefined);

async function CommissionsLedgerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager", "finance");
  const params = await searchParams;
  const partnerParam = param(params, "partner");
  const partnerId = isUuid(partnerParam) ? partnerParam : undefined;
  const state = oneOf(param(params, "state"), LEDGER_STATES);
  const source = oneOf(param(params, "source"), LEDGER_SOURCES);
  const currencyParam = param(params, "currency")?.toUpperCase();
  const asset = currencyParam && isCurrencyCode(currencyParam) ? currencyParam : undefined;
  const from = dayFilter(param(params, "from"));
  const to = dayFilter(param(params, "to"));
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "desc";

  const caller = await api();
  const [liability, result, options] = await Promise.all([
    caller.manage.commissions.liability(),
    caller.manage.commissions.ledger({
      page: pageParam(params),
      pageSize: 25,
      sortDir,
      partnerId,
      state,
      source,
      asset,
      from,
      to,
    }),
    caller.manage.leads.options({ partnerId }),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();

  const money = (amount: bigint, unit: string) =>
    isCurrencyCode(unit)
      ? formatMoney(amount, unit, locale)
      : t("commissionsAdmin.points", { amount: format.number(amount) });
  // For the chart's axis only: a float of the major units, never used to compute money.
  const plotted = (amount: bigint, unit: string) =>
    isCurrencyCode(unit) ? Number(toDecimalString(amount, unit)) : Number(amount);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const tierLabel = (key: string) => (t.has(`tiers.${key}`) ? t(`tiers.${key}` as never) : key);
  const totalLabel = (key: (typeof TOTALS)[number]) => t(`commissionsAdmin.liability.${key}`);

  const currencies = [
    ...new Set([...liability.totals.map((total) => total.asset).filter(isCurrencyCode), ...(asset ? [asset] : [])]),
  ].sort();
  const filtered = Boolean(partnerId || state || source || asset || from || to);
  const filters = {
    partner: partnerId,
    state,
    source,
    currency: asset,
    from,
    to,
    dir: param(params, "dir") ? sortDir : undefined,
  };
  const exportHref = hrefWith(`${PATH}/export`, filters, {});
  const dateSortHref = hrefWith(PATH, params, { dir: sortDir === "desc" ? "asc" : "desc", page: undefined });
  const largest = liability.byPartner.slice(0, LARGEST);

  return (
    <>
      <PageHeader title={t("commissionsAdmin.title")} description={t("commissionsAdmin.subtitle")} />

      <section aria-labelledby="liability-title" className="mb-8" data-testid="liability">
        <h2 id="liability-title" className="text-lg font-semibold text-neutral-900">
          {t("commissionsAdmin.liability.title")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("commissionsAdmin.liability.hint")}</p>
        {liability.totals.length === 0 ? (
          <EmptyState
            icon={<ChartBar className="size-6" />}
            title={t("commissionsAdmin.liability.empty")}
            description={t("commissionsAdmin.liability.emptyHint")}
          />
        ) : (
          <div className="grid gap-4 xl:grid-cols-2">
            {liability.totals.map((total) => {
              const bars: LiabilityBar[] = CHARTED.map((key) => ({
                key,
                label: totalLabel(key),
                value: plotted(total[key], total.asset),
                formatted: money(total[key], total.asset),
              }));
              return (
                <Card key={total.asset} data-testid={`liability-${total.asset}`}>
                  <CardHeader
                    as="h3"
                    title={t("commissionsAdmin.liability.asset", { asset: total.asset })}
                    description={t("commissionsAdmin.liability.outstanding", {
                      amount: money(total.pending + total.payable + total.inPayout, total.asset),
                    })}
                  />
                  <CardBody className="grid items-center gap-4 sm:grid-cols-2">
                    <dl className="grid grid-cols-2 gap-3">
                      {TOTALS.map((key) => (
                        <div
                          key={key}
                          className="rounded-md border border-border p-3"
                          data-testid={`liability-${total.asset}-${key}`}
                        >
                          <dt className="text-xs text-muted">{totalLabel(key)}</dt>
                          <dd className="mt-1 font-semibold tabular-nums text-neutral-900">
                            {money(total[key], total.asset)}
                          </dd>
                        </div>
                      ))}
                    </dl>
                    <LiabilityChart
                      summary={t("commissionsAdmin.liability.chartSummary", { asset: total.asset })}
                      valueLabel={t("commissionsAdmin.largest.amount")}
                      bars={bars}
                    />
                  </CardBody>
                </Card>
              );
            })}
          </div>
        )}
        {liability.totals.length > 0 ? (
          <Card className="mt-4">
            <CardHeader
              as="h3"
              title={t("commissionsAdmin.largest.title")}
              description={t("commissionsAdmin.largest.hint")}
            />
            <CardBody>
              {largest.length === 0 ? (
                <p className="text-sm text-muted">{t("commissionsAdmin.largest.empty")}</p>
              ) : (
                <Table data-testid="largest-balances">
                  <caption className="sr-only">{t("commissionsAdmin.largest.title")}</caption>
                  <THead>
                    <TR>
                      <TH>{t("commissionsAdmin.largest.partner")}</TH>
                      <TH>{t("commissionsAdmin.largest.asset")}</TH>
                      <TH>{t("commissionsAdmin.largest.state")}</TH>
                      <TH numeric>{t("commissionsAdmin.largest.amount")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {largest.map((row) => (
                      <TR key={`${row.partnerId}-${row.asset}-${row.state}`}>
                        <TD>
                          <Link
                            href={`/manage/partners/${row.partnerId}`}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            {row.partnerName}
                          </Link>
                        </TD>
                        <TD>
                          <bdi dir="ltr">{row.asset}</bdi>
                        </TD>
                        <TD>
                          <Badge tone={LEDGER_STATE_TONE[row.state]}>{t(`ledger.states.${row.state}`)}</Badge>
                        </TD>
                        <TD numeric>{money(row.amount, row.asset)}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              )}
            </CardBody>
          </Card>
        ) : null}
      </section>

      <section aria-labelledby="ledger-title">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="ledger-title" className="text-lg font-semibold text-neutral-900">
              {t("commissionsAdmin.ledgerSection.title")}
            </h2>
            <p className="mt-1 text-sm text-muted">{t("commissionsAdmin.ledgerSection.hint")}</p>
          </div>
          <a href={exportHref} download className={buttonClasses("secondary")} data-testid="export-ledger">
            <Download className="size-4" />
            {t("commissionsAdmin.ledgerSection.exportCsv")}
          </a>
        </div>
        <FilterBar
          action={PATH}
          applyLabel={t("common.applyFilters")}
          clearLabel={t("common.clearFilters")}
          clearHref={PATH}
        >
          <FormField label={t("commissionsAdmin.filters.partner")} htmlFor="filter-partner">
            <PartnerPicker id="filter-partner" name="partner" initial={options.partner} className="w-56" />
          </FormField>
          <LedgerFilterFields state={state} source={source} asset={asset} from={from} to={to} currencies={currencies} />
          {/* Applying filters keeps the order on screen. */}
          {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
        </FilterBar>
        {result.rows.length === 0 ? (
          <EmptyState
            icon={<FileText className="size-6" />}
            title={filtered ? t("common.noMatches") : t("commissionsAdmin.ledgerSection.empty")}
            description={filtered ? t("common.noMatchesHint") : t("commissionsAdmin.ledgerSection.emptyHint")}
          />
        ) : (
          <>
            <Table data-testid="ledger-table">
              <caption className="sr-only">{t("commissionsAdmin.ledgerSection.title")}</caption>
              <THead>
                <TR>
                  <SortableTH href={dateSortHref} direction={sortDir}>
                    {t("ledger.columns.date")}
                  </SortableTH>
                  <TH>{t("ledger.columns.partner")}</TH>
                  <TH>{t("ledger.columns.reference")}</TH>
                  <TH>{t("ledger.columns.source")}</TH>
                  <TH>{t("ledger.columns.state")}</TH>
                  <TH>{t("commissionsAdmin.ledgerSection.rate")}</TH>
                  <TH numeric>{t("ledger.columns.base")}</TH>
                  <TH numeric>{t("ledger.columns.amount")}</TH>
                  <TH>{t("ledger.columns.availableAt")}</TH>
                </TR>
              </THead>
              <TBody>
                {result.rows.map((row) => {
                  const rate =
                    row.rateBps !== null
                      ? formatBps(row.rateBps, locale)
                      : row.flatMinor !== null
                        ? t("commissionsAdmin.ledgerSection.flat", { amount: money(row.flatMinor, row.asset) })
                        : null;
                  return (
                    <TR key={row.id} data-testid="ledger-row">
                      <TD className="whitespace-nowrap text-muted">{date(row.createdAt)}</TD>
                      <TD>
                        <Link
                          href={`/manage/partners/${row.partnerId}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {row.partnerName}
                        </Link>
                      </TD>
                      <TD>
                        {row.leadId && row.companyName ? (
                          <Link href={`/manage/leads/${row.leadId}`} className="text-brand-700 hover:underline">
                            {row.companyName}
                          </Link>
                        ) : (
                          <span
                            className="block max-w-64 truncate"
                            dir="auto"
                            title={row.campaignName ?? row.note ?? undefined}
                          >
                            {row.campaignName ?? row.note ?? t("commissionsAdmin.none")}
                          </span>
                        )}
                      </TD>
                      <TD>{t(`ledger.sources.${row.source}`)}</TD>
                      <TD>
                        <Badge tone={LEDGER_STATE_TONE[row.state]}>{t(`ledger.states.${row.state}`)}</Badge>
                      </TD>
                      <TD className="whitespace-nowrap">
                        {rate === null
                          ? t("commissionsAdmin.none")
                          : row.tierKey
                            ? t("commissionsAdmin.ledgerSection.rateWithTier", { rate, tier: tierLabel(row.tierKey) })
                            : rate}
                      </TD>
                      <TD numeric>
                        {row.baseAmountMinor !== null
                          ? money(row.baseAmountMinor, row.asset)
                          : t("commissionsAdmin.none")}
                      </TD>
                      <TD numeric className={row.amount < 0n ? "text-danger-700" : undefined}>
                        {money(row.amount, row.asset)}
                      </TD>
                      <TD className="whitespace-nowrap text-muted">{date(row.availableAt)}</TD>
                    </TR>
                  );
                })}
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
      </section>
    </>
  );
}

export default withClientMessages("manage/commissions/page", CommissionsLedgerPage);
