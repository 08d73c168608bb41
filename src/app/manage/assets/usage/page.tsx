import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
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
  Select,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { isUuid } from "@/lib/ids";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import { USAGE_PERIODS } from "@/server/domains/enablement/assets-input";
import { api } from "@/server/trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("assetsAdmin.usage"))("title") };
}

const PATH = "/manage/assets/usage";

export default async function AssetUsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager", "finance");
  const params = await searchParams;
  const period = oneOf(param(params, "period"), USAGE_PERIODS) ?? "30d";
  const assetParam = param(params, "asset");
  const assetId = isUuid(assetParam) ? assetParam : undefined;
  const caller = await api();
  const [top, usage, t, tc, format, locale] = await Promise.all([
    caller.manage.assets.topAssets({ period, page: pageParam(params), pageSize: 20 }),
    assetId
      ? caller.manage.assets
          .usage({ assetId, period, page: pageParam(params, "upage"), pageSize: 20 })
          .catch(() => null)
      : null,
    getTranslations("assetsAdmin"),
    getTranslations("common"),
    getFormatter(),
    getLocale(),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const charted = top.rows.slice(0, 10);
  const chartAlternative = `${t("usage.chartSummary")}: ${new Intl.ListFormat(locale, { type: "unit" }).format(
    charted.map((row) => `${row.title} ${format.number(row.downloads)}`),
  )}`;

  return (
    <>
      <PageHeader title={t("usage.title")} description={t("usage.subtitle")} />
      <FilterBar action={PATH} applyLabel={t("usage.show")} clearLabel={tc("clearFilters")} clearHref={PATH}>
        <FormField label={t("usage.period")} htmlFor="usage-period">
          <Select name="period" defaultValue={period} data-testid="usage-period">
            {USAGE_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`usage.periods.${p}`)}
              </option>
            ))}
          </Select>
        </FormField>
        {assetId ? <input type="hidden" name="asset" value={assetId} /> : null}
      </FilterBar>

      {top.total === 0 ? (
        <EmptyState
          icon={<ChartBar className="size-6" />}
          title={t("usage.empty")}
          description={t("usage.emptyHint")}
        />
      ) : (
        <>
          <Card className="mb-8">
            <CardHeader as="h2" title={t("usage.chartTitle")} description={t("usage.chartSummary")} />
            <CardBody>
              <div role="img" aria-label={chartAlternative} data-testid="usage-chart">
                <SimpleBarChart
                  data={charted.map((row) => ({ label: row.title, value: row.downloads }))}
                  valueLabel={t("columns.downloads")}
                  rtl={locale === "ar"}
                />
              </div>
            </CardBody>
          </Card>
          <section aria-labelledby="top-assets" className="mb-10">
            <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
              <h2 id="top-assets" className="text-lg font-semibold text-neutral-900">
                {t("usage.topTitle")}
              </h2>
              <a
                href={hrefWith(`${PATH}/export/top`, {}, { period })}
                download
                className={buttonClasses("secondary")}
                data-testid="export-top-assets"
              >
                <Download className="size-4" />
                {t("usage.exportCsv")}
              </a>
            </div>
            <Table data-testid="top-assets">
              <caption className="sr-only">{t("usage.topTitle")}</caption>
              <THead>
                <TR>
                  <TH>{t("columns.title")}</TH>
                  <TH>{t("columns.kind")}</TH>
                  <TH numeric>{t("columns.downloads")}</TH>
                  <TH numeric>{t("columns.partners")}</TH>
                  <TH>{t("columns.lastDownload")}</TH>
                  <TH>
                    <span className="sr-only">{t("usage.view")}</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {top.rows.map((row) => (
                  <TR
                    key={row.assetId}
                    data-testid="top-asset"
                    aria-current={row.assetId === assetId ? "true" : undefined}
                  >
                    <TD dir="auto">{row.title}</TD>
                    <TD>{t(`kinds.${row.kind}`)}</TD>
                    <TD numeric>{format.number(row.downloads)}</TD>
                    <TD numeric>{format.number(row.partners)}</TD>
                    <TD className="whitespace-nowrap">{date(row.lastDownloadAt)}</TD>
                    <TD>
                      <Link
                        href={hrefWith(PATH, params, { asset: row.assetId, upage: undefined })}
                        className="text-sm font-medium text-brand-700 hover:underline"
                      >
                        {t("usage.view")}
                      </Link>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <ListPagination path={PATH} params={params} page={top.page} pageCount={top.pageCount} total={top.total} />
          </section>
        </>
      )}

      <section aria-labelledby="asset-users">
        {usage ? (
          <>
            <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="asset-users" className="text-lg font-semibold text-neutral-900" dir="auto">
                  {t("usage.whoTitle", { title: usage.asset.title })}
                </h2>
                <p className="text-sm text-muted">{t("usage.total", { count: usage.asset.downloadCount })}</p>
              </div>
              <a
                href={hrefWith(`${PATH}/export/asset`, {}, { asset: usage.asset.assetId, period })}
                download
                className={buttonClasses("secondary")}
                data-testid="export-asset-usage"
              >
                <Download className="size-4" />
                {t("usage.exportCsv")}
              </a>
            </div>
            {usage.rows.length === 0 ? (
              <p className="text-sm text-muted">{t("usage.whoEmpty")}</p>
            ) : (
              <>
                <Table data-testid="asset-users">
                  <caption className="sr-only">{t("usage.whoTitle", { title: usage.asset.title })}</caption>
                  <THead>
                    <TR>
                      <TH>{t("columns.partner")}</TH>
                      <TH numeric>{t("columns.people")}</TH>
                      <TH numeric>{t("columns.downloads")}</TH>
                      <TH>{t("columns.lastDownload")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {usage.rows.map((row) => (
                      <TR key={row.partnerId} data-testid="asset-user">
                        <TD dir="auto">{row.partnerName}</TD>
                        <TD numeric>{format.number(row.people)}</TD>
                        <TD numeric>{format.number(row.downloads)}</TD>
                        <TD className="whitespace-nowrap">{date(row.lastDownloadAt)}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
                <ListPagination
                  path={PATH}
                  params={params}
                  page={usage.page}
                  pageCount={usage.pageCount}
                  total={usage.total}
                  name="upage"
                />
              </>
            )}
          </>
        ) : top.total > 0 ? (
          <p id="asset-users" className="text-sm text-muted">
            {t("usage.whoHint")}
          </p>
        ) : null}
      </section>
    </>
  );
}
