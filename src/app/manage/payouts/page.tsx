import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  AlertTriangle,
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  cn,
  EmptyState,
  FileText,
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
import { PageHeader } from "@/components/page/page-header";
import { isLocale } from "@/i18n/config";
import { dateParam, hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatMoney, isCurrencyCode } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { EXCLUSION_REASONS } from "@/server/domains/payouts/preview";
import { RUN_STATUSES } from "@/server/domains/payouts/run-queries";
import { appClock } from "@/server/time";
import { describeError } from "@/server/trpc/errors";
import { api } from "@/server/trpc/server";
import { isolate, ltr } from "@/lib/bidi";
import { CreateRunButton } from "./create-run-button";
import { ListPagination } from "@/components/page/list-pagination";
import { RUN_STATUS_TONE } from "./tones";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("payoutsAdmin"))("title") };
}

const PATH = "/manage/payouts";
const SHOWS = ["all", "included", "excluded"] as const;

/** A calendar day (yyyy-mm-dd) as a Date at its start in UTC, the time zone pages format in. */
const day = (text: string) => new Date(`${text}T00:00:00Z`);

async function PayoutRunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("finance");
  const params = await searchParams;
  const cutoffParam = param(params, "cutoff");
  const cutoff = cutoffParam && dateParam(cutoffParam) ? cutoffParam : undefined;
  const status = oneOf(param(params, "status"), RUN_STATUSES);
  const t = await getTranslations("payoutsAdmin");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();
  const caller = await api();
  const today = appClock.now().toISOString().slice(0, 10);

  const show = oneOf(param(params, "show"), SHOWS) ?? "all";
  const reason = oneOf(param(params, "reason"), EXCLUSION_REASONS);
  const currencyParam = param(params, "pcur")?.toUpperCase();
  const currency = currencyParam && isCurrencyCode(currencyParam) ? currencyParam : undefined;
  const previewSort = oneOf(param(params, "psort"), ["amount", "partner"] as const) ?? "amount";
  const previewDir =
    oneOf(param(params, "pdir"), ["asc", "desc"] as const) ?? (previewSort === "partner" ? "asc" : "desc");

  const runsDir = param(params, "dir") === "asc" ? "asc" : "desc";

  const [runs, preview] = await Promise.all([
    caller.manage.payouts.runs({ status, sortDir: runsDir, page: pageParam(params), pageSize: 20 }),
    cutoff
      ? caller.manage.payouts
          .preview({
            cutoff,
            show,
            reason: show === "included" ? undefined : reason,
            currency,
            sortBy: previewSort,
            sortDir: previewDir,
            page: pageParam(params, "ppage"),
            pageSize: 25,
          })
          .then((value) => ({ ok: true as const, value }))
          .catch((error: unknown) => {
            // A cut-off the service refuses (later than today) is the form's message, not an error page.
            if (error instanceof TRPCError && error.code === "BAD_REQUEST")
              return { ok: false as const, message: describeError(error, isLocale(locale) ? locale : "en").message };
            throw error;
          })
      : null,
  ]);

  const money = (amount: bigint, code: string) => <bdi dir="ltr">{formatMoney(amount, code, locale)}</bdi>;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />

      <Card className="mb-6" data-testid="new-run">
        <CardHeader title={t("newRun.title")} description={t("newRun.subtitle")} as="h2" titleId="new-run-title" />
        <CardBody className="space-y-6">
          <form method="get" action={PATH} className="flex flex-wrap items-end gap-3" aria-labelledby="new-run-title">
            <FormField
              label={t("newRun.cutoff")}
              htmlFor="cutoff"
              error={preview && !preview.ok ? preview.message : undefined}
            >
              <Input type="date" name="cutoff" defaultValue={cutoff ?? today} max={today} required className="w-48" />
            </FormField>
            {status ? <input type="hidden" name="status" value={status} /> : null}
            <Button type="submit" variant="secondary" data-testid="preview-run">
              {t("newRun.preview")}
            </Button>
          </form>
          {preview?.ok ? (
            <PreviewSection
              preview={preview.value}
              cutoff={cutoff!}
              params={params}
              filters={{ show, reason, currency, sortBy: previewSort, sortDir: previewDir }}
            />
          ) : null}
        </CardBody>
      </Card>

      <section aria-labelledby="runs-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="runs-title" className="text-base font-semibold text-neutral-900">
            {t("runs.title")}
          </h2>
          <nav aria-label={t("runs.statusFilter")} className="flex flex-wrap gap-1.5" data-testid="run-status-tabs">
            {[undefined, ...RUN_STATUSES].map((s) => {
              const active = s === status;
              return (
                <Link
                  key={s ?? "all"}
                  href={hrefWith(PATH, params, { status: s, page: undefined })}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "rounded-full border px-3 py-1 text-xs font-medium transition-colors",
                    active
                      ? "border-brand-600 bg-brand-50 text-brand-700"
                      : "border-border bg-surface text-neutral-700 hover:bg-neutral-50",
                  )}
                >
                  {s ? t(`runStatus.${s}`) : tc("all")}
                </Link>
              );
            })}
          </nav>
        </div>
        {runs.rows.length === 0 ? (
          <EmptyState
            icon={<FileText className="size-6" />}
            title={status ? tc("noMatches") : t("runs.empty")}
            description={status ? tc("noMatchesHint") : t("runs.emptyHint")}
          />
        ) : (
          <>
            <Table data-testid="runs-table">
              <caption className="sr-only">{t("runs.title")}</caption>
              <THead>
                <TR>
                  <SortableTH
                    href={hrefWith(PATH, params, { dir: runsDir === "asc" ? undefined : "asc", page: undefined })}
                    direction={runsDir}
                    sortHint={t("runs.sortByCreated")}
                  >
                    {t("runs.columns.created")}
                  </SortableTH>
                  <TH>{t("runs.columns.cutoff")}</TH>
                  <TH>{t("runs.columns.status")}</TH>
                  <TH>{t("runs.columns.progress")}</TH>
                  <TH numeric>{t("runs.columns.total")}</TH>
                  <TH>{t("runs.columns.approved")}</TH>
                </TR>
              </THead>
              <TBody>
                {runs.rows.map((run) => (
                  <TR key={run.id} data-testid="run-row" data-status={run.status}>
                    <TD>
                      <Link
                        href={`${PATH}/${run.id}`}
                        className="whitespace-nowrap font-medium text-brand-700 hover:underline"
                      >
                        {dateTime(run.createdAt)}
                      </Link>
                      <span className="block text-xs text-muted">
                        {run.createdVia === "schedule"
                          ? t("runs.bySchedule")
                          : t("runs.by", { name: isolate(run.createdByName ?? t("unknownUser")) })}
                      </span>
                    </TD>
                    <TD className="whitespace-nowrap">{date(day(run.cutoff))}</TD>
                    <TD>
                      <Badge tone={RUN_STATUS_TONE[run.status]}>{t(`runStatus.${run.status}`)}</Badge>
                    </TD>
                    <TD className="min-w-36">
                      <span className="text-xs text-muted">
                        {run.status === "draft" || run.status === "cancelled"
                          ? t("runs.payoutCount", { count: run.payoutCount, formatted: format.number(run.payoutCount) })
                          : t("runs.settled", {
                              settled: format.number(run.settledCount),
                              total: format.number(run.payoutCount),
                            })}
                      </span>
                      {run.payoutCount > 0 && run.status !== "draft" && run.status !== "cancelled" ? (
                        <span
                          className="mt-1 block h-1.5 w-full overflow-hidden rounded-full bg-neutral-100"
                          aria-hidden
                        >
                          <span
                            className="block h-full rounded-full bg-brand-600"
                            style={{ width: `${Math.round((run.settledCount / run.payoutCount) * 100)}%` }}
                          />
                        </span>
                      ) : null}
                    </TD>
                    <TD numeric className="whitespace-nowrap">
                      {run.totals.length === 0 ? (
                        <span className="text-muted">{t("runs.nothing")}</span>
                      ) : (
                        run.totals.map((total) => (
                          <span key={total.currency} className="block">
                            {money(total.amount, total.currency)}
                          </span>
                        ))
                      )}
                    </TD>
                    <TD>
                      {run.approvedAt ? (
                        <>
                          <span className="block">{run.approvedByName ?? t("unknownUser")}</span>
                          <span className="block text-xs text-muted">{dateTime(run.approvedAt)}</span>
                        </>
                      ) : (
                        <span className="text-muted">{t("runs.notApproved")}</span>
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <ListPagination
              path={PATH}
              params={params}
              name="page"
              page={runs.page}
              pageCount={runs.pageCount}
              total={runs.total}
            />
          </>
        )}
      </section>
    </>
  );
}

type Preview = Awaited<ReturnType<Awaited<ReturnType<typeof api>>["manage"]["payouts"]["preview"]>>;

/**
 * The preview of a run with this cut-off: what it would pay per currency beside the Stripe
 * balance, who it leaves out and why, and the partner lines (paged, filtered and sorted by the server).
 */
async function PreviewSection({
  preview,
  cutoff,
  params,
  filters,
}: {
  preview: Preview;
  cutoff: string;
  params: SearchParams;
  filters: {
    show: (typeof SHOWS)[number];
    reason: (typeof EXCLUSION_REASONS)[number] | undefined;
    currency: string | undefined;
    sortBy: "amount" | "partner";
    sortDir: "asc" | "desc";
  };
}) {
  const t = await getTranslations("payoutsAdmin");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();
  const money = (amount: bigint, code: string) => <bdi dir="ltr">{formatMoney(amount, code, locale)}</bdi>;
  const { funding, totals, lines } = preview;
  const stripeNeeded = funding.currencies.some((c) => c.stripe > 0n);
  const short = funding.currencies.filter((c) => c.short > 0n);
  const payable = totals.some((c) => c.includedCount > 0);
  const sortHref = (column: "amount" | "partner") =>
    hrefWith(PATH, params, {
      psort: column === "amount" ? undefined : column,
      pdir: filters.sortBy === column ? (filters.sortDir === "asc" ? "desc" : "asc") : undefined,
      ppage: undefined,
    });

  return (
    <div className="space-y-6 border-t border-border pt-6" data-testid="run-preview">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-sm font-semibold text-neutral-900">
            {t("preview.title", { cutoff: format.dateTime(day(cutoff), { dateStyle: "long" }) })}
          </h3>
          <p className="text-sm text-muted">{t("preview.subtitle")}</p>
        </div>
        <CreateRunButton cutoff={cutoff} disabled={totals.length === 0} />
      </div>

      {totals.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={t("preview.nothing")}
          description={t("preview.nothingHint")}
        />
      ) : (
        <>
          {funding.balance === "not_configured" ? (
            <p
              role="status"
              className="rounded-md border border-border bg-surface-subtle p-3 text-sm text-neutral-800"
              data-testid="stripe-not-configured"
            >
              {t("funding.notConfigured")}
            </p>
          ) : funding.balance === "unavailable" && stripeNeeded ? (
            <p
              role="status"
              className="rounded-md border border-warning-200 bg-warning-50 p-3 text-sm text-warning-800"
            >
              {t("funding.unavailable")}
            </p>
          ) : short.length > 0 ? (
            <p
              role="alert"
              className="flex gap-2 rounded-md border border-danger-200 bg-danger-50 p-3 text-sm text-danger-800"
              data-testid="balance-short"
            >
              <AlertTriangle className="mt-0.5 size-4 shrink-0" />
              {t("funding.short")}
            </p>
          ) : null}

          <Table data-testid="preview-totals">
            <caption className="sr-only">{t("funding.caption")}</caption>
            <THead>
              <TR>
                <TH>{t("funding.columns.currency")}</TH>
                <TH numeric>{t("funding.columns.partners")}</TH>
                <TH numeric>{t("funding.columns.total")}</TH>
                <TH numeric>{t("funding.columns.stripe")}</TH>
                <TH numeric>{t("funding.columns.bank")}</TH>
                {funding.balance === "available" ? <TH numeric>{t("funding.columns.available")}</TH> : null}
                <TH>{t("funding.columns.excluded")}</TH>
              </TR>
            </THead>
            <TBody>
              {totals.map((total) => {
                const fund = funding.currencies.find((c) => c.currency === total.currency);
                return (
                  <TR key={total.currency} data-testid="preview-currency">
                    <TD className="font-medium">
                      <bdi dir="ltr">{total.currency}</bdi>
                    </TD>
                    <TD numeric>{format.number(total.includedCount)}</TD>
                    <TD numeric className="whitespace-nowrap font-medium">
                      {money(total.includedAmount, total.currency)}
                    </TD>
                    <TD numeric className="whitespace-nowrap">
                      {money(fund?.stripe ?? 0n, total.currency)}
                    </TD>
                    <TD numeric className="whitespace-nowrap">
                      {money(fund?.bank ?? 0n, total.currency)}
                    </TD>
                    {funding.balance === "available" ? (
                      <TD
                        numeric
                        className={cn("whitespace-nowrap", fund && fund.short > 0n && "font-medium text-danger-700")}
                      >
                        {money(fund?.available ?? 0n, total.currency)}
                        {fund && fund.short > 0n ? (
                          <span className="block text-xs">
                            {t("funding.shortBy", { amount: ltr(formatMoney(fund.short, total.currency, locale)) })}
                          </span>
                        ) : null}
                      </TD>
                    ) : null}
                    <TD>
                      {total.excluded.length === 0 ? (
                        <span className="text-muted">{t("funding.noneExcluded")}</span>
                      ) : (
                        <ul className="space-y-0.5 text-xs">
                          {total.excluded.map((x) => (
                            <li key={x.reason}>
                              {t("funding.excludedLine", {
                                reason: t(`reasons.${x.reason}`),
                                count: x.count,
                                formatted: format.number(x.count),
                              })}{" "}
                              <span className="text-muted">{money(x.amount, total.currency)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>

          <form
            method="get"
            action={PATH}
            className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3"
          >
            <input type="hidden" name="cutoff" value={cutoff} />
            <FormField label={t("preview.show")} htmlFor="preview-show">
              <Select name="show" defaultValue={filters.show} wrapperClassName="min-w-40">
                {SHOWS.map((s) => (
                  <option key={s} value={s}>
                    {t(`preview.shows.${s}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("preview.reason")} htmlFor="preview-reason">
              <Select name="reason" defaultValue={filters.reason ?? ""} wrapperClassName="min-w-48">
                <option value="">{t("preview.anyReason")}</option>
                {EXCLUSION_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`reasons.${r}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            {totals.length > 1 ? (
              <FormField label={t("preview.currency")} htmlFor="preview-currency">
                <Select name="pcur" defaultValue={filters.currency ?? ""} wrapperClassName="min-w-32">
                  <option value="">{t("preview.anyCurrency")}</option>
                  {totals.map((c) => (
                    <option key={c.currency} value={c.currency}>
                      {c.currency}
                    </option>
                  ))}
                </Select>
              </FormField>
            ) : null}
            <div className="flex gap-2">
              <Button type="submit" size="sm">
                {tc("applyFilters")}
              </Button>
              <Link
                href={hrefWith(PATH, { cutoff }, {})}
                className="inline-flex h-8 items-center px-3 text-sm text-neutral-700 hover:underline"
              >
                {tc("clearFilters")}
              </Link>
            </div>
          </form>

          {lines.rows.length === 0 ? (
            <EmptyState
              icon={<FileText className="size-6" />}
              title={tc("noMatches")}
              description={tc("noMatchesHint")}
            />
          ) : (
            <>
              <Table data-testid="preview-lines">
                <caption className="sr-only">{t("preview.linesCaption")}</caption>
                <THead>
                  <TR>
                    <SortableTH
                      href={sortHref("partner")}
                      direction={filters.sortBy === "partner" ? filters.sortDir : null}
                      sortHint={t("sortBy", { column: t("preview.columns.partner") })}
                    >
                      {t("preview.columns.partner")}
                    </SortableTH>
                    <SortableTH
                      href={sortHref("amount")}
                      direction={filters.sortBy === "amount" ? filters.sortDir : null}
                      numeric
                      sortHint={t("sortBy", { column: t("preview.columns.amount") })}
                    >
                      {t("preview.columns.amount")}
                    </SortableTH>
                    <TH numeric>{t("preview.columns.commissions")}</TH>
                    <TH>{t("preview.columns.method")}</TH>
                    <TH>{t("preview.columns.outcome")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {lines.rows.map((line) => (
                    <TR
                      key={`${line.partnerId}-${line.currency}`}
                      data-testid="preview-line"
                      data-reason={line.reason ?? "included"}
                    >
                      <TD>
                        <Link
                          href={`/manage/partners/${line.partnerId}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          <bdi>{line.partnerName}</bdi>
                        </Link>
                      </TD>
                      <TD numeric className={cn("whitespace-nowrap", line.amount < 0n && "text-danger-700")}>
                        {money(line.amount, line.currency)}
                      </TD>
                      <TD numeric>{format.number(line.entryCount)}</TD>
                      <TD>{line.method ? t(`methods.${line.method}`) : <span className="text-muted">—</span>}</TD>
                      <TD>
                        {line.reason ? (
                          <Badge tone="warning">{t(`reasons.${line.reason}`)}</Badge>
                        ) : (
                          <Badge tone="success">{t("preview.included")}</Badge>
                        )}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              <ListPagination
                path={PATH}
                params={params}
                name="ppage"
                page={lines.page}
                pageCount={lines.pageCount}
                total={lines.total}
              />
            </>
          )}
          {!payable ? <p className="text-sm text-muted">{t("preview.nobodyPaid")}</p> : null}
        </>
      )}
    </div>
  );
}

export default withClientMessages("manage/payouts/page", PayoutRunsPage);
