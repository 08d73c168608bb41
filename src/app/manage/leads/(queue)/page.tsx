import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  AlertTriangle,
  buttonClasses,
  cn,
  Download,
  EmptyState,
  FormField,
  Input,
  Select,
  Target,
} from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { isUuid } from "@/lib/ids";
import { PartnerPicker } from "@/components/partners/partner-picker";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatMoney } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { LEAD_STATUSES } from "@/server/domains/leads/queries";
import { api } from "@/server/trpc/server";
import { QueueTable, type QueueRow, type QueueSort } from "./queue-table";
import { localizedName } from "@/lib/localized";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("leadReview"))("title") };
}

const PATH = "/manage/leads";
const DEFAULT_STATUS = "submitted";
const QUEUE_SORTS = [
  "createdAt",
  "companyName",
  "partner",
  "estimatedValue",
  "expectedCloseDate",
] as const satisfies readonly QueueSort[];
const FLAGGED_CHOICES = ["yes", "no"] as const;
/** The direction a column sorts in when first clicked: names and dates ascending, money largest first. */
const firstDirection = (column: QueueSort) => (column === "estimatedValue" ? "desc" : "asc");

/** A yyyy-mm-dd day for display, read as that calendar day whatever the server's zone. */
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);

async function LeadQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireStaffPage("partner_manager", "finance");
  const params = await searchParams;
  const sort = oneOf(param(params, "sort"), QUEUE_SORTS) ?? "createdAt";
  const sortDir = oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? firstDirection(sort);
  // The queue opens on what waits for review; "all" shows every status.
  const statusChoice = oneOf(param(params, "status"), [...LEAD_STATUSES, "all"] as const) ?? DEFAULT_STATUS;
  const status = statusChoice === "all" ? undefined : statusChoice;
  const partnerParam = param(params, "partner");
  const productParam = param(params, "product");
  const partnerId = isUuid(partnerParam) ? partnerParam : undefined;
  const productId = isUuid(productParam) ? productParam : undefined;
  const flaggedChoice = oneOf(param(params, "flagged"), FLAGGED_CHOICES);
  const flagged = flaggedChoice === undefined ? undefined : flaggedChoice === "yes";
  const search = param(params, "q")?.slice(0, 100);

  const caller = await api();
  const [result, counts, options] = await Promise.all([
    caller.manage.leads.list({
      page: pageParam(params),
      pageSize: 25,
      sort,
      sortDir,
      status,
      partnerId,
      productId,
      flagged,
      search,
    }),
    caller.manage.leads.counts(),
    caller.manage.leads.options({ partnerId }),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const canReview = me.staffRole !== "finance";
  const filtered = Boolean(search || partnerId || productId || flaggedChoice || statusChoice !== DEFAULT_STATUS);

  const countOf = (s: (typeof LEAD_STATUSES)[number]) => counts.byStatus[s] ?? 0;
  const totalCount = LEAD_STATUSES.reduce((sum, s) => sum + countOf(s), 0);
  const statusLabel = (s: (typeof LEAD_STATUSES)[number] | "all") =>
    s === "all" ? t("leadReview.allStatuses") : t(`leadStatus.${s}`);
  const statusCount = (s: (typeof LEAD_STATUSES)[number] | "all") => (s === "all" ? totalCount : countOf(s));

  const sortHref = (column: QueueSort) =>
    hrefWith(PATH, params, {
      sort: column,
      dir: sort === column ? (sortDir === "asc" ? "desc" : "asc") : firstDirection(column),
      page: undefined,
    });
  const sorts = Object.fromEntries(
    QUEUE_SORTS.map((column) => [column, { href: sortHref(column), direction: sort === column ? sortDir : null }]),
  ) as Record<QueueSort, { href: string; direction: "asc" | "desc" | null }>;
  // The export gets exactly the filters and order on screen (every page), the effective status included.
  const exportHref = hrefWith(
    `${PATH}/export`,
    {
      q: search,
      status: statusChoice,
      partner: partnerId,
      product: productId,
      flagged: flaggedChoice,
      sort,
      dir: sortDir,
    },
    {},
  );

  const rows: QueueRow[] = result.rows.map((row) => ({
    id: row.id,
    companyName: row.companyName,
    domain: row.domain,
    partnerName: row.partnerName,
    productName: localizedName(locale, row.productName, row.productNameAr),
    estimatedValue: formatMoney(row.estimatedValueMinor, row.currency, locale),
    expectedClose: format.dateTime(dayOf(row.expectedCloseDate), { dateStyle: "medium", timeZone: "UTC" }),
    registered: format.dateTime(row.createdAt, { dateStyle: "medium" }),
    registeredAt: row.createdAt.toISOString(),
    status: row.status,
    flagged: row.flagged,
    conflictCount: row.conflictCount,
  }));

  return (
    <>
      <PageHeader
        title={t("leadReview.title")}
        description={t("leadReview.subtitle")}
        actions={
          <a href={exportHref} download className={buttonClasses("secondary")} data-testid="export-leads">
            <Download className="size-4" />
            {t("leadReview.exportCsv")}
          </a>
        }
      />
      <nav
        aria-label={t("leadReview.statusTabs")}
        className="mb-4 flex flex-wrap items-center gap-2"
        data-testid="status-tabs"
      >
        {[...LEAD_STATUSES, "all" as const].map((s) => {
          const active = s === statusChoice;
          return (
            <Link
              key={s}
              href={hrefWith(PATH, params, { status: s, page: undefined })}
              aria-current={active ? "page" : undefined}
              data-testid={`status-tab-${s}`}
              className={cn(
                "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium transition-colors",
                active
                  ? "border-brand-600 bg-brand-50 text-brand-700"
                  : "border-border bg-surface text-neutral-700 hover:bg-neutral-50",
              )}
            >
              {statusLabel(s)}
              <span
                className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-brand-100" : "bg-neutral-100")}
              >
                {format.number(statusCount(s))}
              </span>
            </Link>
          );
        })}
        {counts.flaggedPending > 0 ? (
          <Link
            href={hrefWith(PATH, {}, { status: "submitted", flagged: "yes" })}
            className="ms-auto inline-flex items-center gap-1.5 rounded-full border border-warning-200 bg-warning-50 px-3 py-1 text-sm font-medium text-warning-800 hover:underline"
            data-testid="flagged-pending"
          >
            <AlertTriangle className="size-4" />
            {t("leadReview.flaggedPending", {
              count: counts.flaggedPending,
              formatted: format.number(counts.flaggedPending),
            })}
          </Link>
        ) : null}
      </nav>
      <FilterBar
        action={PATH}
        applyLabel={t("common.applyFilters")}
        clearLabel={t("common.clearFilters")}
        clearHref={PATH}
      >
        <FormField label={t("leadReview.filters.search")} htmlFor="filter-q">
          <Input id="filter-q" name="q" type="search" defaultValue={search} maxLength={100} className="w-56" />
        </FormField>
        <FormField label={t("leadReview.filters.status")} htmlFor="filter-status">
          <Select id="filter-status" name="status" defaultValue={statusChoice}>
            {[...LEAD_STATUSES, "all" as const].map((s) => (
              <option key={s} value={s}>
                {t("leadReview.statusCount", { status: statusLabel(s), count: format.number(statusCount(s)) })}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("leadReview.filters.partner")} htmlFor="filter-partner">
          <PartnerPicker id="filter-partner" name="partner" initial={options.partner} className="w-56" />
        </FormField>
        <FormField label={t("leadReview.filters.product")} htmlFor="filter-product">
          <Select id="filter-product" name="product" defaultValue={productId ?? ""} wrapperClassName="max-w-56">
            <option value="">{t("common.all")}</option>
            {options.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.active ? p.name : t("leadReview.filters.archivedProduct", { name: p.name })}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("leadReview.filters.flagged")} htmlFor="filter-flagged">
          <Select id="filter-flagged" name="flagged" defaultValue={flaggedChoice ?? ""}>
            <option value="">{t("leadReview.filters.flaggedAny")}</option>
            <option value="yes">{t("leadReview.filters.flaggedYes")}</option>
            <option value="no">{t("leadReview.filters.flaggedNo")}</option>
          </Select>
        </FormField>
        {/* Applying filters keeps the order on screen. */}
        {param(params, "sort") ? <input type="hidden" name="sort" value={sort} /> : null}
        {param(params, "dir") ? <input type="hidden" name="dir" value={sortDir} /> : null}
      </FilterBar>
      {/* Mounted even when empty, so a bulk result stays on screen after the refresh that empties the page. */}
      <QueueTable
        rows={rows}
        sorts={sorts}
        canReview={canReview}
        empty={
          <EmptyState
            icon={<Target className="size-6" />}
            title={filtered ? t("common.noMatches") : t("leadReview.empty")}
            description={filtered ? t("common.noMatchesHint") : t("leadReview.emptyHint")}
          />
        }
      />
      {rows.length > 0 ? (
        <ListPagination
          path={PATH}
          params={params}
          page={result.page}
          pageCount={result.pageCount}
          total={result.total}
        />
      ) : null}
    </>
  );
}

export default withClientMessages("manage/leads/(queue)/page", LeadQueuePage);
