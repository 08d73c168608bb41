import Link from "next/link";
import { LEDGER_SOURCE_TONE, LEDGER_STATE_TONE } from "@/components/ledger/tones";
import { LEDGER_SOURCES, LEDGER_STATES } from "@/server/domains/commissions/queries";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  ChartBar,
  cn,
  Download,
  EmptyState,
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
import { LedgerFilterFields } from "@/components/ledger/ledger-filter-fields";
import { PageHeader } from "@/components/page/page-header";
import { StatCard } from "@/components/page/stat-card";
import { dateParam, hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { ltr } from "@/lib/bidi";
import { LocalizedText, OptionalLocalizedText } from "@/components/content/localized-text";
import { localized, localizedName, localizedOrSelf } from "@/lib/localized";
import { formatBps, formatCount, formatMoney, isCurrencyCode } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("earnings"))("title") };
}

const PATH = "/earnings";

/** Pending and payable are always shown (the partner's first questions); the rest only when they hold something. */
const ALWAYS_SHOWN = new Set(["pending", "payable"]);

/** A yyyy-mm-dd filter kept only when it is a real day. */
const dayFilter = (value: string | undefined) => (dateParam(value) ? value : undefined);

export default async function EarningsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePartnerPage();
  const params = await searchParams;
  const state = oneOf(param(params, "state"), LEDGER_STATES);
  const source = oneOf(param(params, "source"), LEDGER_SOURCES);
  const currencyParam = param(params, "currency")?.toUpperCase();
  const asset = currencyParam && isCurrencyCode(currencyParam) ? currencyParam : undefined;
  const from = dayFilter(param(params, "from"));
  const to = dayFilter(param(params, "to"));
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "desc";
  const filters = { state, source, asset, from, to, sortDir };

  const caller = await api();
  const [overview, ledger] = await Promise.all([
    caller.partner.commissions.overview(),
    caller.partner.commissions.ledger({ ...filters, page: pageParam(params), pageSize: 25 }),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();

  const amount = (value: bigint, unit: string) =>
    isCurrencyCode(unit)
      ? formatMoney(value, unit, locale)
      : t("earnings.pointsAmount", { amount: formatCount(value, locale) });
  const percent = (bps: number) => formatBps(bps, locale);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const filtered = Boolean(state || source || asset || from || to);
  // Every asset with an entry has a balance row, so the balances name every currency the ledger holds.
  const currencies = [...new Set([...overview.balances.map((b) => b.asset), ...(asset ? [asset] : [])])]
    .filter(isCurrencyCode)
    .sort();
  // The export gets exactly the filters and order on screen (every page, not just this one).
  const exportHref = hrefWith(
    `${PATH}/export`,
    { state, source, currency: asset, from, to, dir: param(params, "dir") ? sortDir : undefined },
    {},
  );
  const dateHeader = t("ledger.columns.date");
  const none = <span className="text-muted">{t("earnings.none")}</span>;

  return (
    <>
      <PageHeader
        title={t("earnings.title")}
        description={t("earnings.subtitle")}
        actions={
          <a href={exportHref} download className={buttonClasses("secondary")} data-testid="export-earnings">
            <Download className="size-4" />
            {t("earnings.exportCsv")}
          </a>
        }
      />

      <section aria-labelledby="balances-title">
        <h2 id="balances-title" className="mb-3 text-base font-semibold text-neutral-900">
          {t("earnings.balancesTitle")}
        </h2>
        {overview.byFigure.every((f) => f.amounts.length === 0) ? (
          <EmptyState
            icon={<ChartBar className="size-6" />}
            title={t("earnings.noBalances")}
            description={t("earnings.noBalancesHint")}
          />
        ) : (
          // One card per figure, listing each currency's amount: two currencies make five cards, not ten.
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="balances">
            {overview.byFigure
              .filter((f) => f.amounts.length > 0 || ALWAYS_SHOWN.has(f.figure))
              .map(({ figure, amounts }) => (
                <StatCard
                  key={figure}
                  testId={`balance-${figure}`}
                  label={t(`earnings.${figure}`)}
                  value={
                    amounts.length === 0 ? (
                      <span className="text-base font-normal text-muted">{t("earnings.nothing")}</span>
                    ) : (
                      <span className="flex flex-col gap-0.5">
                        {amounts.map((a) => (
                          <bdi
                            key={a.asset}
                            dir="ltr"
                            className="block text-start"
                            data-testid="balance-amount"
                            data-asset={a.asset}
                          >
                            {amount(a.amount, a.asset)}
                          </bdi>
                        ))}
                      </span>
                    )
                  }
                  hint={t(`earnings.${figure}Hint`)}
                />
              ))}
          </div>
        )}
      </section>

      <Card className="mt-6" data-testid="active-campaigns">
        <CardHeader title={t("earnings.campaignsTitle")} description={t("earnings.campaignsHint")} as="h2" />
        <CardBody>
          {overview.campaigns.length === 0 ? (
            <p className="text-sm text-muted">{t("earnings.noCampaigns")}</p>
          ) : (
            <ul className="divide-y divide-border">
              {overview.campaigns.map((c) => (
                <li
                  key={c.id}
                  className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0"
                  data-testid="campaign"
                >
                  <div className="min-w-0">
                    <p className="font-medium text-neutral-900">
                      <LocalizedText value={localizedOrSelf(locale, c.name, c.nameAr)} />
                    </p>
                    <OptionalLocalizedText
                      value={localized(locale, c.description, c.descriptionAr)}
                      className="text-sm text-muted"
                    />
                  </div>
                  <div className="text-end text-sm">
                    <p className="font-medium text-success-700">
                      {c.kind === "percent" && c.rateBps !== null
                        ? t("earnings.campaignAddsRate", { rate: formatBps(c.rateBps, locale, { signed: true }) })
                        : c.flatMinor !== null && c.currency
                          ? // The plus sign belongs to the amount: inside its left-to-right island, so Arabic reads "+150.00 US$".
                            t("earnings.campaignAddsFlat", {
                              amount: ltr(`+${formatMoney(c.flatMinor, c.currency, locale)}`),
                            })
                          : null}
                    </p>
                    <p className="text-muted">{t("earnings.campaignEnds", { date: date(c.endsAt) })}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>

      <section className="mt-6" aria-labelledby="ledger-title">
        <h2 id="ledger-title" className="mb-3 text-base font-semibold text-neutral-900">
          {t("earnings.ledgerTitle")}
        </h2>
        {ledger.total === 0 && !filtered ? (
          <EmptyState
            icon={<ChartBar className="size-6" />}
            title={t("earnings.emptyLedger")}
            description={t("earnings.emptyLedgerHint")}
          />
        ) : (
          <>
            <FilterBar
              action={PATH}
              applyLabel={t("common.applyFilters")}
              clearLabel={t("common.clearFilters")}
              clearHref={PATH}
            >
              <LedgerFilterFields
                state={state}
                source={source}
                asset={asset}
                from={from}
                to={to}
                currencies={currencies}
              />
              {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
            </FilterBar>
            {ledger.rows.length === 0 ? (
              <EmptyState
                icon={<ChartBar className="size-6" />}
                title={t("common.noMatches")}
                description={t("common.noMatchesHint")}
              />
            ) : (
              <>
                <Table data-testid="ledger-table">
                  <caption className="sr-only">{t("earnings.ledgerCaption")}</caption>
                  <THead>
                    <TR>
                      <SortableTH
                        href={hrefWith(PATH, params, { dir: sortDir === "desc" ? "asc" : "desc", page: undefined })}
                        direction={sortDir}
                        sortHint={t("earnings.sortBy", { column: dateHeader })}
                      >
                        {dateHeader}
                      </SortableTH>
                      <TH>{t("ledger.columns.source")}</TH>
                      <TH>{t("ledger.columns.reference")}</TH>
                      <TH numeric>{t("earnings.rate")}</TH>
                      <TH numeric>{t("ledger.columns.base")}</TH>
                      <TH numeric>{t("ledger.columns.amount")}</TH>
                      <TH>{t("ledger.columns.state")}</TH>
                      <TH>{t("ledger.columns.availableAt")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {ledger.rows.map((row) => (
                      <TR key={row.id} data-testid="ledger-row" data-source={row.source} data-state={row.state}>
                        <TD className="whitespace-nowrap">{date(row.createdAt)}</TD>
                        <TD>
                          <Badge tone={LEDGER_SOURCE_TONE[row.source]}>{t(`ledger.sources.${row.source}`)}</Badge>
                        </TD>
                        <TD className="max-w-72">
                          {row.companyName && row.leadId ? (
                            <Link
                              href={`/leads/${row.leadId}`}
                              className="font-medium text-brand-700 hover:underline"
                              dir="auto"
                            >
                              <bdi>{row.companyName}</bdi>
                            </Link>
                          ) : row.campaignName ? (
                            <span className="font-medium" dir="auto">
                              {localizedName(locale, row.campaignName, row.campaignNameAr)}
                            </span>
                          ) : row.note ? (
                            <span dir="auto">{row.note}</span>
                          ) : (
                            none
                          )}
                          {row.companyName && row.campaignName ? (
                            <span className="block text-xs text-muted" dir="auto">
                              {t("earnings.campaign", {
                                name: localizedName(locale, row.campaignName, row.campaignNameAr),
                              })}
                            </span>
                          ) : null}
                          {row.tierKey && row.source === "deal" ? (
                            <span className="block text-xs text-muted">
                              {t("earnings.atTier", { tier: t(`tiers.${row.tierKey}` as never) })}
                            </span>
                          ) : null}
                          {row.reversesEntryId ? (
                            <span className="block text-xs text-muted">{t("earnings.reversal")}</span>
                          ) : null}
                          {row.note && (row.companyName || row.campaignName) ? (
                            <span className="block truncate text-xs text-muted" dir="auto">
                              {row.note}
                            </span>
                          ) : null}
                        </TD>
                        <TD numeric className="whitespace-nowrap">
                          {row.rateBps !== null
                            ? percent(row.rateBps)
                            : row.flatMinor !== null
                              ? t("earnings.flat", { amount: amount(row.flatMinor, row.asset) })
                              : none}
                        </TD>
                        <TD numeric className="whitespace-nowrap">
                          {row.baseAmountMinor !== null ? (
                            <bdi dir="ltr">{amount(row.baseAmountMinor, row.asset)}</bdi>
                          ) : (
                            none
                          )}
                        </TD>
                        <TD
                          numeric
                          className={cn(
                            "whitespace-nowrap font-medium",
                            row.amount < 0n ? "text-danger-700" : "text-neutral-900",
                          )}
                          data-testid="ledger-amount"
                        >
                          <bdi dir="ltr">{amount(row.amount, row.asset)}</bdi>
                        </TD>
                        <TD>
                          <Badge tone={LEDGER_STATE_TONE[row.state]}>{t(`ledger.states.${row.state}`)}</Badge>
                        </TD>
                        <TD className="whitespace-nowrap text-muted">{date(row.availableAt)}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
                <ListPagination
                  path={PATH}
                  params={params}
                  page={ledger.page}
                  pageCount={ledger.pageCount}
                  total={ledger.total}
                />
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
