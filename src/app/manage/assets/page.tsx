import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import {
  Badge,
  Box,
  buttonClasses,
  EmptyState,
  FormField,
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
import { isUuid } from "@/lib/ids";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requireStaffPage } from "@/server/auth/guards";
import {
  ASSET_CATEGORIES,
  ASSET_KINDS,
  ASSET_LANGUAGES,
  ASSET_STATUSES,
  STAFF_SORTS,
} from "@/server/domains/enablement/assets-input";
import { api } from "@/server/trpc/server";
import { tierChoices } from "./tiers";
import { ASSET_STATUS_TONE, staffAssetHref } from "./tones";

export async function generateMetadata() {
  return { title: (await getTranslations("assetsAdmin"))("title") };
}

const PATH = "/manage/assets";
type Sort = (typeof STAFF_SORTS)[number];

export default async function AssetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager");
  const params = await searchParams;
  const search = param(params, "q")?.slice(0, 100);
  const kind = oneOf(param(params, "kind"), ASSET_KINDS);
  const category = oneOf(param(params, "category"), ASSET_CATEGORIES);
  const language = oneOf(param(params, "language"), ASSET_LANGUAGES);
  const status = oneOf(param(params, "status"), ASSET_STATUSES);
  const tierParam = param(params, "tier");
  const minTier = tierParam === "everyone" || isUuid(tierParam) ? tierParam : undefined;
  const sort = oneOf(param(params, "sort"), STAFF_SORTS) ?? "createdAt";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? (sort === "title" ? "asc" : "desc");
  const [result, tiers, t, format] = await Promise.all([
    (await api()).manage.assets.list({
      page: pageParam(params),
      pageSize: 20,
      search,
      kind,
      category,
      language,
      status,
      minTier,
      sort,
      sortDir,
    }),
    tierChoices(),
    getTranslations(),
    getFormatter(),
  ]);
  const filtered = Boolean(search || kind || category || language || status || minTier);
  const sortHref = (key: Sort) =>
    hrefWith(PATH, params, {
      sort: key,
      dir: sort === key ? (sortDir === "asc" ? "desc" : "asc") : key === "title" ? "asc" : "desc",
      page: undefined,
    });
  const sorted = (key: Sort) => (sort === key ? sortDir : null);
  const tierLabel = (key: string | null, name: string | null) =>
    key === null ? t("assetsAdmin.everyone") : t.has(`tiers.${key}`) ? t(`tiers.${key}` as never) : (name ?? key);

  return (
    <>
      <PageHeader
        title={t("assetsAdmin.title")}
        description={t("assetsAdmin.subtitle")}
        actions={
          <>
            <Link href={`${PATH}/templates/new`} className={buttonClasses("secondary")} data-testid="new-template">
              <Plus className="size-4" />
              {t("assetsAdmin.newTemplate")}
            </Link>
            <Link href={`${PATH}/new`} className={buttonClasses("primary")} data-testid="new-asset">
              <Plus className="size-4" />
              {t("assetsAdmin.newAsset")}
            </Link>
          </>
        }
      />
      <FilterBar
        action={PATH}
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref={PATH}
      >
        <FormField label={t("assetsAdmin.filters.search")} htmlFor="asset-search">
          <Input type="search" name="q" defaultValue={search} maxLength={100} className="w-56" />
        </FormField>
        <FormField label={t("assetsAdmin.filters.kind")} htmlFor="asset-kind">
          <Select name="kind" defaultValue={kind ?? ""}>
            <option value="">{t("assetsAdmin.filters.any")}</option>
            {ASSET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`assetsAdmin.kinds.${k}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("assetsAdmin.filters.category")} htmlFor="asset-category">
          <Select name="category" defaultValue={category ?? ""}>
            <option value="">{t("assetsAdmin.filters.any")}</option>
            {ASSET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`assets.categories.${c}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("assetsAdmin.filters.minTier")} htmlFor="asset-tier">
          <Select name="tier" defaultValue={minTier ?? ""}>
            <option value="">{t("assetsAdmin.filters.any")}</option>
            <option value="everyone">{t("assetsAdmin.everyone")}</option>
            {tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("assetsAdmin.filters.language")} htmlFor="asset-language">
          <Select name="language" defaultValue={language ?? ""}>
            <option value="">{t("assetsAdmin.filters.any")}</option>
            {ASSET_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`assets.languages.${l}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("assetsAdmin.filters.status")} htmlFor="asset-status">
          <Select name="status" defaultValue={status ?? ""}>
            <option value="">{t("assetsAdmin.filters.any")}</option>
            {ASSET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`assetsAdmin.status.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        {param(params, "sort") ? <input type="hidden" name="sort" value={sort} /> : null}
        {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
      </FilterBar>

      {result.rows.length === 0 ? (
        <EmptyState
          icon={<Box className="size-6" />}
          title={filtered ? t("common.noMatches") : t("assetsAdmin.list.empty")}
          description={filtered ? t("common.noMatchesHint") : t("assetsAdmin.list.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="assets-table">
            <caption className="sr-only">{t("assetsAdmin.title")}</caption>
            <THead>
              <TR>
                <SortableTH href={sortHref("title")} direction={sorted("title")}>
                  {t("assetsAdmin.columns.title")}
                </SortableTH>
                <TH>{t("assetsAdmin.columns.kind")}</TH>
                <TH>{t("assetsAdmin.columns.category")}</TH>
                <TH>{t("assetsAdmin.columns.minTier")}</TH>
                <TH>{t("assetsAdmin.columns.language")}</TH>
                <SortableTH href={sortHref("expiresAt")} direction={sorted("expiresAt")}>
                  {t("assetsAdmin.columns.expires")}
                </SortableTH>
                <TH numeric>{t("assetsAdmin.columns.version")}</TH>
                <SortableTH numeric href={sortHref("downloads")} direction={sorted("downloads")}>
                  {t("assetsAdmin.columns.downloads")}
                </SortableTH>
                <SortableTH href={sortHref("createdAt")} direction={sorted("createdAt")}>
                  {t("assetsAdmin.columns.created")}
                </SortableTH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.assetId} data-testid="asset-row" data-asset-id={row.assetId} data-status={row.status}>
                  <TD>
                    <div className="flex flex-col gap-1">
                      <Link
                        href={staffAssetHref(row)}
                        className="font-medium text-brand-700 hover:underline"
                        dir="auto"
                      >
                        {row.title}
                      </Link>
                      {row.status !== "live" ? (
                        <Badge tone={ASSET_STATUS_TONE[row.status]} className="self-start">
                          {t(`assetsAdmin.status.${row.status}`)}
                        </Badge>
                      ) : null}
                    </div>
                  </TD>
                  <TD>{t(`assetsAdmin.kinds.${row.kind}`)}</TD>
                  <TD>{t(`assets.categories.${row.category}`)}</TD>
                  <TD>{tierLabel(row.minTierKey, row.minTierName)}</TD>
                  <TD>{t(`assets.languages.${row.language ?? "any"}`)}</TD>
                  <TD className="whitespace-nowrap">
                    {row.expiresAt
                      ? format.dateTime(row.expiresAt, { dateStyle: "medium" })
                      : t("assetsAdmin.noExpiry")}
                  </TD>
                  <TD numeric>
                    {row.currentVersion !== null
                      ? t("assetsAdmin.versionNumber", { version: row.currentVersion })
                      : t("assetsAdmin.noExpiry")}
                  </TD>
                  <TD numeric data-testid="asset-downloads">
                    {format.number(row.downloadCount)}
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
  );
}
