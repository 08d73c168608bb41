import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  Badge,
  Building,
  buttonClasses,
  EmptyState,
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
import { isUuid } from "@/lib/ids";
import { DIRECTORY_SORTS, PARTNER_STATUSES, PARTNER_STATUS_TONE, PARTNER_TYPES } from "./status";

export async function generateMetadata() {
  return { title: (await getTranslations("directory"))("title") };
}

const PATH = "/manage/partners";
type Sort = (typeof DIRECTORY_SORTS)[number];
const firstDirection = (column: Sort) => (column === "createdAt" ? "desc" : "asc");

export default async function PartnersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("partner_manager", "finance");
  const params = await searchParams;
  const sort = oneOf(param(params, "sort"), DIRECTORY_SORTS) ?? "name";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? firstDirection(sort);
  const type = oneOf(param(params, "type"), PARTNER_TYPES);
  const status = oneOf(param(params, "status"), PARTNER_STATUSES);
  const tierParam = param(params, "tier");
  const managerParam = param(params, "manager");
  const tierId = isUuid(tierParam) ? tierParam : undefined;
  const managerId = isUuid(managerParam) ? managerParam : undefined;
  const search = param(params, "q")?.slice(0, 100);
  const caller = await api();
  const [result, options] = await Promise.all([
    caller.manage.partners.list({
      page: pageParam(params),
      pageSize: 25,
      sort,
      sortDir,
      type,
      status,
      tierId,
      managerId,
      search,
    }),
    caller.manage.partners.options(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const filtered = Boolean(search || type || status || tierId || managerId);
  const tierLabel = (key: string, name: string) => (t.has(`tiers.${key}`) ? t(`tiers.${key}` as never) : name);
  const sortHref = (column: Sort) =>
    hrefWith(PATH, params, {
      sort: column,
      dir: sort === column ? (sortDir === "asc" ? "desc" : "asc") : firstDirection(column),
      page: undefined,
    });
  const direction = (column: Sort) => (sort === column ? sortDir : null);
  // The export gets exactly the filters and order on screen (every page, not just this one).
  const exportHref = hrefWith(
    `${PATH}/export`,
    { q: search, type, status, tier: tierId, manager: managerId, sort, dir: sortDir },
    {},
  );
  return (
    <>
      <PageHeader
        title={t("directory.title")}
        description={t("directory.subtitle")}
        actions={
          <a href={exportHref} download className={buttonClasses("secondary")} data-testid="export-partners">
            {t("directory.exportCsv")}
          </a>
        }
      />
      <FilterBar
        action={PATH}
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref={PATH}
      >
        <FormField label={t("directory.search")} htmlFor="filter-q">
          <Input id="filter-q" name="q" type="search" defaultValue={search} maxLength={100} className="w-56" />
        </FormField>
        <FormField label={t("directory.columns.type")} htmlFor="filter-type">
          <Select id="filter-type" name="type" defaultValue={type ?? ""}>
            <option value="">{t("common.all")}</option>
            {PARTNER_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`partnerTypes.${p}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("directory.columns.tier")} htmlFor="filter-tier">
          <Select id="filter-tier" name="tier" defaultValue={tierId ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tierLabel(tier.key, tier.name)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("directory.columns.status")} htmlFor="filter-status">
          <Select id="filter-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("common.all")}</option>
            {PARTNER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`partnerStatus.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("directory.columns.manager")} htmlFor="filter-manager">
          <Select id="filter-manager" name="manager" defaultValue={managerId ?? ""}>
            <option value="">{t("common.all")}</option>
            {options.managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </FormField>
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState
          icon={<Building className="size-6" />}
          title={filtered ? t("common.noMatches") : t("directory.empty")}
          description={filtered ? t("common.noMatchesHint") : t("directory.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="partners-table">
            <THead>
              <TR>
                <SortableTH href={sortHref("name")} direction={direction("name")}>
                  {t("directory.columns.name")}
                </SortableTH>
                <TH>{t("directory.columns.domain")}</TH>
                <TH>{t("directory.columns.type")}</TH>
                <SortableTH href={sortHref("tier")} direction={direction("tier")}>
                  {t("directory.columns.tier")}
                </SortableTH>
                <SortableTH href={sortHref("status")} direction={direction("status")}>
                  {t("directory.columns.status")}
                </SortableTH>
                <TH>{t("directory.columns.manager")}</TH>
                <TH numeric>{t("directory.columns.users")}</TH>
                <SortableTH href={sortHref("createdAt")} direction={direction("createdAt")}>
                  {t("directory.columns.joined")}
                </SortableTH>
              </TR>
            </THead>
            <TBody>
              {result.rows.map((row) => (
                <TR key={row.id}>
                  <TD>
                    <Link href={`${PATH}/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.name}
                    </Link>
                  </TD>
                  <TD>
                    {row.domain ? (
                      <bdi dir="ltr">{row.domain}</bdi>
                    ) : (
                      <span className="text-muted">{t("directory.notSet")}</span>
                    )}
                  </TD>
                  <TD>{t(`partnerTypes.${row.type}`)}</TD>
                  <TD>{tierLabel(row.tierKey, row.tierName)}</TD>
                  <TD>
                    <Badge tone={PARTNER_STATUS_TONE[row.status]}>{t(`partnerStatus.${row.status}`)}</Badge>
                  </TD>
                  <TD>{row.managerName ?? <span className="text-muted">{t("directory.unassigned")}</span>}</TD>
                  <TD numeric>{format.number(row.userCount)}</TD>
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
