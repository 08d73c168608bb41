import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Banknote, cn, EmptyState, FormField, Select, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { FilterBar } from "@/components/page/filter-bar";
import { ListPagination } from "@/components/page/list-pagination";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatMoney, toDecimalString } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { previousQuarter, quarterOf, nextQuarter } from "@/server/domains/enablement/mdf-budgets";
import { MDF_CLAIM_STATUSES, MDF_REQUEST_STATUSES } from "@/server/domains/enablement/mdf-queries";
import { appClock } from "@/server/time";
import { api } from "@/server/trpc/server";
import { CLAIM_TONE, REQUEST_TONE } from "@/app/(partner)/mdf/_parts/tones";
import { BudgetForms } from "./budget-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("mdfAdmin"))("title") };
}

const PATH = "/manage/mdf";
const VIEWS = ["requests", "claims", "budgets"] as const;

/** A quarter as "2026-4" in filters. */
function quarterFilter(value: string | undefined) {
  const m = /^(\d{4})-([1-4])$/.exec(value ?? "");
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

async function MdfAdminPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaffPage("admin", "partner_manager", "finance");
  const params = await searchParams;
  const view = oneOf(param(params, "view"), VIEWS) ?? "requests";
  const [t, tm, tc, format, locale] = await Promise.all([
    getTranslations("mdfAdmin"),
    getTranslations("mdf"),
    getTranslations("common"),
    getFormatter(),
    getLocale(),
  ]);
  const caller = await api();
  const current = quarterOf(appClock.now());
  const quarterOptions = [
    nextQuarter(current),
    current,
    previousQuarter(current),
    previousQuarter(previousQuarter(current)),
  ];
  const label = (q: { year: number; quarter: number }) =>
    tm("quarterLabel", { quarter: format.number(q.quarter), year: String(q.year) });
  const money = (amount: bigint, currency: string) => <bdi dir="ltr">{formatMoney(amount, currency, locale)}</bdi>;
  const canDecide = actor.staffRole !== "finance";

  const tabs = (
    <nav aria-label={t("views")} className="mb-6 border-b border-border pb-2" data-testid="mdf-views">
      <ul className="flex flex-wrap gap-1">
        {VIEWS.map((v) => (
          <li key={v}>
            <Link
              href={hrefWith(PATH, {}, { view: v === "requests" ? undefined : v })}
              aria-current={v === view ? "page" : undefined}
              className={cn(
                "inline-flex rounded-md px-3 py-1.5 text-sm font-medium",
                v === view ? "bg-brand-50 text-brand-700" : "text-neutral-700 hover:bg-neutral-100",
              )}
            >
              {t(`tabs.${v}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );

  if (view === "budgets") {
    const selected = quarterFilter(param(params, "q")) ?? current;
    const grid = await caller.manage.mdf.budgets(selected);
    return (
      <>
        <PageHeader title={t("title")} description={t("subtitle")} />
        {tabs}
        <FilterBar
          action={PATH}
          applyLabel={tc("applyFilters")}
          clearLabel={tc("clearFilters")}
          clearHref={`${PATH}?view=budgets`}
        >
          <input type="hidden" name="view" value="budgets" />
          <FormField label={t("filters.quarter")} htmlFor="budget-quarter">
            <Select name="q" defaultValue={`${selected.year}-${selected.quarter}`} wrapperClassName="min-w-40">
              {[...quarterOptions, nextQuarter(nextQuarter(current))]
                .sort((a, b) => b.year - a.year || b.quarter - a.quarter)
                .map((q) => (
                  <option key={`${q.year}-${q.quarter}`} value={`${q.year}-${q.quarter}`}>
                    {label(q)}
                  </option>
                ))}
            </Select>
          </FormField>
        </FilterBar>
        <BudgetForms
          grid={{
            ...grid,
            tiers: grid.tiers.map((x) => ({
              id: x.id,
              key: x.key,
              name: x.name,
              amount: x.amountMinor !== null ? toDecimalString(x.amountMinor, grid.currency) : "",
            })),
            partners: grid.partners.map((p) => ({
              id: p.id,
              name: p.name,
              tierAmount: p.tierAmountMinor !== null ? formatMoney(p.tierAmountMinor, grid.currency, locale) : null,
              override: p.overrideMinor !== null ? toDecimalString(p.overrideMinor, grid.currency) : "",
              note: p.overrideNote,
            })),
          }}
          quarterLabel={label(selected)}
          canEdit={canDecide}
        />
      </>
    );
  }

  const selected = quarterFilter(param(params, "q"));
  const partnerId = param(params, "partner");
  const validPartner = partnerId && /^[0-9a-f-]{36}$/i.test(partnerId) ? partnerId : undefined;
  const requestStatus = oneOf(param(params, "status"), MDF_REQUEST_STATUSES);
  const claimStatus = oneOf(param(params, "status"), MDF_CLAIM_STATUSES);
  const [queue, partnerOptions] = await Promise.all([
    caller.manage.mdf.queue({
      kind: view,
      status: view === "requests" ? requestStatus : undefined,
      claimStatus: view === "claims" ? claimStatus : undefined,
      year: selected?.year,
      quarter: selected?.quarter,
      partnerId: validPartner,
      page: pageParam(params),
      pageSize: 20,
      sortDir: oneOf(param(params, "dir"), ["asc", "desc"] as const) ?? "desc",
    }),
    caller.manage.mdf.partnerOptions(),
  ]);
  const statuses = view === "requests" ? MDF_REQUEST_STATUSES : MDF_CLAIM_STATUSES;
  const status = view === "requests" ? requestStatus : claimStatus;
  const filtered = Boolean(status || selected || validPartner);
  const page = queue.requests ?? queue.claims!;

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {tabs}
      <FilterBar
        action={PATH}
        applyLabel={tc("applyFilters")}
        clearLabel={tc("clearFilters")}
        clearHref={view === "claims" ? `${PATH}?view=claims` : PATH}
      >
        {view === "claims" ? <input type="hidden" name="view" value="claims" /> : null}
        <FormField label={t("filters.status")} htmlFor="mdf-queue-status">
          <Select name="status" defaultValue={status ?? ""} wrapperClassName="min-w-36">
            <option value="">{t("filters.anyStatus")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {view === "requests" ? tm(`statuses.${s}`) : tm(`claimStatuses.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("filters.quarter")} htmlFor="mdf-queue-quarter">
          <Select
            name="q"
            defaultValue={selected ? `${selected.year}-${selected.quarter}` : ""}
            wrapperClassName="min-w-36"
          >
            <option value="">{t("filters.anyQuarter")}</option>
            {quarterOptions.map((q) => (
              <option key={`${q.year}-${q.quarter}`} value={`${q.year}-${q.quarter}`}>
                {label(q)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("filters.partner")} htmlFor="mdf-queue-partner">
          <Select name="partner" defaultValue={validPartner ?? ""} wrapperClassName="min-w-44">
            <option value="">{t("filters.anyPartner")}</option>
            {partnerOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("filters.order")} htmlFor="mdf-queue-dir">
          <Select name="dir" defaultValue={param(params, "dir") === "asc" ? "asc" : "desc"} wrapperClassName="min-w-36">
            <option value="desc">{t("filters.newest")}</option>
            <option value="asc">{t("filters.oldest")}</option>
          </Select>
        </FormField>
      </FilterBar>
      {page.rows.length === 0 ? (
        <EmptyState
          icon={<Banknote className="size-6" />}
          title={filtered ? tc("noMatches") : t(`empty.${view}`)}
          description={filtered ? tc("noMatchesHint") : t("emptyHint")}
        />
      ) : (
        <>
          {queue.requests ? (
            <Table data-testid="mdf-queue">
              <caption className="sr-only">{t("captions.requests")}</caption>
              <THead>
                <TR>
                  <TH>{t("columns.campaign")}</TH>
                  <TH>{t("columns.partner")}</TH>
                  <TH>{t("columns.quarter")}</TH>
                  <TH numeric>{t("columns.requested")}</TH>
                  <TH numeric>{t("columns.approved")}</TH>
                  <TH>{t("columns.status")}</TH>
                  <TH>{t("columns.claim")}</TH>
                </TR>
              </THead>
              <TBody>
                {queue.requests.rows.map((r) => (
                  <TR key={r.id} data-testid="mdf-queue-row" data-status={r.status}>
                    <TD>
                      <Link
                        href={`/manage/mdf/${r.id}`}
                        className="inline-block min-w-40 font-medium text-brand-700 hover:underline"
                      >
                        <bdi>{r.campaignName}</bdi>
                      </Link>
                      <div className="text-xs text-muted">
                        <bdi dir="ltr">{r.code}</bdi> · {tm(`activities.${r.activityType}`)}
                      </div>
                    </TD>
                    <TD>
                      <bdi>{r.partnerName}</bdi>
                    </TD>
                    <TD className="whitespace-nowrap">{label(r)}</TD>
                    <TD numeric>{money(r.requestedMinor, r.currency)}</TD>
                    <TD numeric>{r.approvedMinor !== null ? money(r.approvedMinor, r.currency) : "—"}</TD>
                    <TD>
                      <Badge tone={REQUEST_TONE[r.status]}>{tm(`statuses.${r.status}`)}</Badge>
                    </TD>
                    <TD>
                      {r.claimStatus ? (
                        <Badge tone={CLAIM_TONE[r.claimStatus]}>{tm(`claimStatuses.${r.claimStatus}`)}</Badge>
                      ) : (
                        "—"
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : (
            <Table data-testid="mdf-queue">
              <caption className="sr-only">{t("captions.claims")}</caption>
              <THead>
                <TR>
                  <TH>{t("columns.campaign")}</TH>
                  <TH>{t("columns.partner")}</TH>
                  <TH>{t("columns.filed")}</TH>
                  <TH numeric>{t("columns.claimed")}</TH>
                  <TH numeric>{t("columns.approved")}</TH>
                  <TH>{t("columns.status")}</TH>
                </TR>
              </THead>
              <TBody>
                {queue.claims!.rows.map((c) => (
                  <TR key={c.id} data-testid="mdf-queue-row" data-status={c.status}>
                    <TD>
                      <Link href={`/manage/mdf/${c.requestId}`} className="font-medium text-brand-700 hover:underline">
                        <bdi>{c.campaignName}</bdi>
                      </Link>
                      <div className="text-xs text-muted">
                        <bdi dir="ltr">{c.code}</bdi>
                      </div>
                    </TD>
                    <TD>
                      <bdi>{c.partnerName}</bdi>
                    </TD>
                    <TD className="whitespace-nowrap">{format.dateTime(c.createdAt, { dateStyle: "medium" })}</TD>
                    <TD numeric>{money(c.claimedMinor, c.currency)}</TD>
                    <TD numeric>{c.approvedMinor !== null ? money(c.approvedMinor, c.currency) : "—"}</TD>
                    <TD>
                      <Badge tone={CLAIM_TONE[c.status]}>{tm(`claimStatuses.${c.status}`)}</Badge>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <ListPagination path={PATH} params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}

export default withClientMessages("manage/mdf/page", MdfAdminPage);
