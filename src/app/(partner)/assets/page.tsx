import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { Badge, Box, Card, CardBody, cn, EmptyState, FormField, Input, Select } from "@/components/ui";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { requirePartnerPage } from "@/server/auth/guards";
import { ASSET_CATEGORIES, LIBRARY_TYPES } from "@/server/domains/enablement/assets-input";
import { api } from "@/server/trpc/server";
import { TYPE_ICON } from "./type-label";

export async function generateMetadata() {
  return { title: (await getTranslations("assets"))("title") };
}

const PATH = "/assets";
const LANGUAGES = ["en", "ar"] as const;

export default async function AssetLibraryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePartnerPage();
  const params = await searchParams;
  const search = param(params, "q")?.trim().slice(0, 100) || undefined;
  const category = oneOf(param(params, "category"), ASSET_CATEGORIES);
  const type = oneOf(param(params, "type"), LIBRARY_TYPES);
  const language = oneOf(param(params, "language"), LANGUAGES);
  const [result, t, tt, format] = await Promise.all([
    (await api()).partner.assets.list({ search, category, type, language, page: pageParam(params), pageSize: 12 }),
    getTranslations("assets"),
    getTranslations("tiers"),
    getFormatter(),
  ]);
  const tc = await getTranslations("common");
  const filtered = Boolean(search || category || type || language);

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {result.total === 0 && !filtered ? (
        <EmptyState icon={<Box className="size-6" />} title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          <nav aria-label={t("filters.category")} className="mb-4 overflow-x-auto" data-testid="asset-categories">
            <ul className="flex gap-2 pb-1">
              {[undefined, ...ASSET_CATEGORIES].map((c) => (
                <li key={c ?? "all"} className="shrink-0">
                  <Link
                    href={hrefWith(PATH, params, { category: c, page: undefined })}
                    aria-current={category === c ? "page" : undefined}
                    className={cn(
                      "inline-block rounded-full border px-3 py-1 text-sm",
                      category === c
                        ? "border-brand-600 bg-brand-50 font-medium text-brand-800"
                        : "border-border text-neutral-700 hover:bg-neutral-50",
                    )}
                  >
                    {c ? t(`categories.${c}`) : t("filters.anyCategory")}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <FilterBar action={PATH} applyLabel={tc("applyFilters")} clearLabel={tc("clearFilters")} clearHref={PATH}>
            <FormField label={t("filters.search")} htmlFor="asset-search">
              <Input name="q" type="search" defaultValue={search ?? ""} maxLength={100} />
            </FormField>
            <FormField label={t("filters.type")} htmlFor="asset-type">
              <Select name="type" defaultValue={type ?? ""} wrapperClassName="min-w-36">
                <option value="">{t("filters.anyType")}</option>
                {LIBRARY_TYPES.map((k) => (
                  <option key={k} value={k}>
                    {t(`types.${k}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("filters.language")} htmlFor="asset-language">
              <Select name="language" defaultValue={language ?? ""} wrapperClassName="min-w-36">
                <option value="">{t("filters.anyLanguage")}</option>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            {category ? <input type="hidden" name="category" value={category} /> : null}
          </FilterBar>
          {result.rows.length === 0 ? (
            <EmptyState icon={<Box className="size-6" />} title={tc("noMatches")} description={tc("noMatchesHint")} />
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="asset-cards">
              {result.rows.map((asset) => {
                const Icon = TYPE_ICON[asset.type];
                return (
                  <li key={asset.assetId} data-testid="asset-card" data-asset-id={asset.assetId} data-type={asset.type}>
                    <Card className="flex h-full flex-col overflow-hidden">
                      <Link
                        href={asset.href}
                        className={cn(
                          "block bg-neutral-100",
                          asset.type === "image" ? "aspect-[16/9]" : "h-28 sm:aspect-[16/9] sm:h-auto",
                        )}
                        tabIndex={-1}
                        aria-hidden="true"
                      >
                        {asset.type === "image" ? (
                          // eslint-disable-next-line @next/next/no-img-element -- a checked file route, not a static asset
                          <img
                            src={`/api/assets/${asset.assetId}/preview`}
                            alt=""
                            loading="lazy"
                            className="size-full object-cover"
                          />
                        ) : (
                          <span className="flex size-full items-center justify-center text-neutral-400">
                            <Icon className="size-10" />
                          </span>
                        )}
                      </Link>
                      <CardBody className="flex flex-1 flex-col gap-2">
                        <div className="flex flex-wrap items-center gap-1.5">
                          <Badge>{t(`types.${asset.type}`)}</Badge>
                          <Badge>{t(`categories.${asset.category}`)}</Badge>
                          {asset.language ? <Badge>{t(`languages.${asset.language}`)}</Badge> : null}
                          {asset.minTierKey ? (
                            <Badge tone="brand">
                              {t("card.minTier", {
                                tier: tt.has(asset.minTierKey as never)
                                  ? tt(asset.minTierKey as never)
                                  : asset.minTierKey,
                              })}
                            </Badge>
                          ) : null}
                        </div>
                        <h2 className="text-base font-semibold text-neutral-900" dir="auto">
                          <Link href={asset.href} className="hover:underline" data-testid="open-asset">
                            {asset.title}
                          </Link>
                        </h2>
                        {asset.description ? (
                          <p className="line-clamp-3 text-sm text-muted" dir="auto">
                            {asset.description}
                          </p>
                        ) : null}
                        {asset.expiresAt ? (
                          <p className="mt-auto text-xs text-muted">
                            {t("card.expires", { date: format.dateTime(asset.expiresAt, { dateStyle: "medium" }) })}
                          </p>
                        ) : null}
                      </CardBody>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
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
