import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  AlertTriangle,
  Badge,
  buttonClasses,
  Card,
  CardBody,
  ChevronStart,
  cn,
  Download,
  EmptyState,
  FileText,
  SortableTH,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { StatCard } from "@/components/page/stat-card";
import { hrefWith, oneOf, pageParam, param, type SearchParams } from "@/lib/list-params";
import { formatMoney } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { EXCLUSION_REASONS } from "@/server/domains/payouts/preview";
import { DISCREPANCY_KINDS } from "@/server/domains/payouts/run-queries";
import { PAYOUT_STATES } from "@/server/domains/payouts/statements";
import { api } from "@/server/trpc/server";
import { isolate, ltr } from "@/lib/bidi";
import { ListPagination } from "@/components/page/list-pagination";
import { PAYOUT_STATE_TONE, RUN_STATUS_TONE } from "../tones";
import { loadRun } from "./load";
import { MarkPaid, RetryPayout } from "./payout-actions";
import { DraftActions, ResumeButton } from "./run-actions";
import { RunProgress } from "./run-progress";
import { withClientMessages } from "@/i18n/client-messages";

/** The tab names the run by its cutoff, as its heading does; the read is the page's own (cached per request). */
export async function generateMetadata({ params }: { params: Promise<{ runId: string }> }) {
  await requireStaffPage("finance"); // the page's guard first: others are sent away, not shown an error
  const run = await loadRun((await params).runId);
  const [t, format] = await Promise.all([getTranslations("payoutsAdmin.run"), getFormatter()]);
  return { title: t("heading", { cutoff: format.dateTime(day(run.cutoff), { dateStyle: "long" }) }) };
}

type Props = { params: Promise<{ runId: string }>; searchParams: Promise<SearchParams> };

const TABS = ["payouts", "excluded", "discrepancies"] as const;
/** A calendar day (yyyy-mm-dd) as a Date at its start in UTC, the time zone pages format in. */
const day = (text: string) => new Date(`${text}T00:00:00Z`);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

async function PayoutRunPage({ params, searchParams }: Props) {
  const me = await requireStaffPage("finance");
  const { runId } = await params;
  const query = await searchParams;
  const run = await loadRun(runId);
  const t = await getTranslations("payoutsAdmin");
  const format = await getFormatter();
  const locale = await getLocale();
  const path = `/manage/payouts/${run.id}`;
  const tab = oneOf(param(query, "tab"), TABS) ?? "payouts";
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const money = (amount: bigint, code: string) => <bdi dir="ltr">{formatMoney(amount, code, locale)}</bdi>;
  const draft = run.status === "draft";
  const live = !draft && run.status !== "cancelled";
  const excludedCount = run.exclusions.reduce((n, e) => n + e.count, 0);

  // Per currency: what the run pays (cancelled payouts left out) and what has been paid.
  const currencies = [...new Set(run.totals.map((row) => row.currency))].sort();
  const sums = currencies.map((currency) => {
    const rows = run.totals.filter((row) => row.currency === currency);
    const sum = (pick: (state: string) => boolean) =>
      rows.filter((row) => pick(row.state)).reduce((total, row) => total + row.amount, 0n);
    return { currency, total: sum((s) => s !== "cancelled"), paid: sum((s) => s === "paid") };
  });

  return (
    <>
      <Link
        href="/manage/payouts"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900"
      >
        <ChevronStart className="size-4" />
        {t("run.back")}
      </Link>
      <PageHeader
        title={
          <span className="inline-flex flex-wrap items-center gap-3">
            {t("run.heading", { cutoff: format.dateTime(day(run.cutoff), { dateStyle: "long" }) })}
            <Badge tone={RUN_STATUS_TONE[run.status]} data-testid="run-status" data-status={run.status}>
              {t(`runStatus.${run.status}`)}
            </Badge>
          </span>
        }
        description={run.halt ? t("run.explain.halted") : t(`run.explain.${run.status}`)}
        actions={
          <>
            {live && run.bankToPay > 0 ? (
              <a href={`${path}/bank-file`} download className={buttonClasses("secondary")} data-testid="bank-file">
                <Download className="size-4" />
                {t("run.bankFile", { count: run.bankToPay })}
              </a>
            ) : null}
            {draft ? <DraftActions runId={run.id} ownRun={run.createdBy === me.userId} /> : null}
          </>
        }
      />

      {run.halt ? (
        <div
          role="alert"
          className="mb-6 flex gap-3 rounded-lg border border-danger-200 bg-danger-50 p-4 text-sm text-danger-800"
          data-testid="run-halt"
        >
          <AlertTriangle className="mt-0.5 size-5 shrink-0" />
          <div className="min-w-0 flex-1 space-y-2">
            <p className="font-semibold">
              {run.halt.code === "insufficient_balance" ? t("halt.insufficientBalance") : t("halt.other")}
            </p>
            {run.halt.balances.length > 0 ? (
              <ul className="space-y-0.5">
                {run.halt.balances.map((b) => (
                  <li key={b.currency}>
                    {t.rich("halt.line", {
                      needed: () => money(b.needed, b.currency),
                      available: () => money(b.available, b.currency),
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
            <p>{t("halt.whatNext")}</p>
            {run.halt.at ? <p className="text-xs">{t("halt.at", { date: dateTime(run.halt.at) })}</p> : null}
            <ResumeButton runId={run.id} />
          </div>
        </div>
      ) : null}

      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardBody className="space-y-4">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="run-facts">
              <Fact label={t("run.created")}>
                <span className="block">
                  {run.createdVia === "schedule" ? (
                    t("run.createdBySchedule")
                  ) : (
                    <bdi>{run.createdByName ?? t("unknownUser")}</bdi>
                  )}
                </span>
                <span className="block text-xs text-muted">{dateTime(run.createdAt)}</span>
              </Fact>
              <Fact label={t("run.approvedLabel")}>
                {run.approvedAt ? (
                  <>
                    <span className="block">
                      <bdi>{run.approvedByName ?? t("unknownUser")}</bdi>
                    </span>
                    <span className="block text-xs text-muted">{dateTime(run.approvedAt)}</span>
                  </>
                ) : (
                  t("runs.notApproved")
                )}
              </Fact>
              {run.cancelledAt ? <Fact label={t("run.cancelledLabel")}>{dateTime(run.cancelledAt)}</Fact> : null}
              {run.finishedAt ? <Fact label={t("run.finished")}>{dateTime(run.finishedAt)}</Fact> : null}
              {run.stripeConfigured ? (
                <Fact label={t("run.reconciled")}>
                  {run.reconciledAt ? dateTime(run.reconciledAt) : t("run.notReconciled")}
                </Fact>
              ) : null}
              <Fact label={t("run.transferGroup")}>
                <bdi dir="ltr" className="font-mono text-xs">
                  {run.transferGroup}
                </bdi>
              </Fact>
            </dl>
            {live ? (
              <RunProgress
                runId={run.id}
                initial={{ status: run.status, counts: run.counts, halted: run.halt !== null }}
                poll={run.stripeConfigured}
              />
            ) : null}
            {!run.stripeConfigured && live && run.stripeQueued > 0 ? (
              <p className="rounded-md border border-border bg-surface-subtle p-3 text-sm">{t("run.noStripe")}</p>
            ) : null}
          </CardBody>
        </Card>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
          {sums.length === 0 ? (
            <StatCard label={t("run.total")} value={t("runs.nothing")} />
          ) : (
            sums.map((s) => (
              <StatCard
                key={s.currency}
                testId={`run-total-${s.currency}`}
                label={t("run.totalIn", { currency: s.currency })}
                value={money(s.total, s.currency)}
                hint={live ? t("run.paidSoFar", { amount: ltr(formatMoney(s.paid, s.currency, locale)) }) : undefined}
              />
            ))
          )}
        </div>
      </div>

      <nav aria-label={t("run.sections")} className="mb-4 border-b border-border" data-testid="run-tabs">
        <ul className="-mb-px flex flex-wrap gap-1">
          {TABS.map((key) => {
            const count =
              key === "payouts"
                ? Object.values(run.counts).reduce((a, b) => a + b, 0)
                : key === "excluded"
                  ? excludedCount
                  : run.discrepancies.open;
            const active = key === tab;
            return (
              <li key={key}>
                <Link
                  href={hrefWith(path, {}, { tab: key === "payouts" ? undefined : key })}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium",
                    active ? "border-brand-600 text-brand-700" : "border-transparent text-muted hover:text-neutral-900",
                  )}
                >
                  {t(`run.tabs.${key}`)}
                  <span
                    className={cn(
                      "rounded-full px-1.5 text-xs tabular-nums",
                      key === "discrepancies" && count > 0 ? "bg-danger-100 text-danger-700" : "bg-neutral-100",
                    )}
                  >
                    {format.number(count)}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {tab === "payouts" ? (
        <PayoutsTab run={run} query={query} path={path} />
      ) : tab === "excluded" ? (
        <ExclusionsTab runId={run.id} query={query} path={path} />
      ) : (
        <DiscrepanciesTab runId={run.id} query={query} path={path} />
      )}
    </>
  );
}

type Run = Awaited<ReturnType<typeof loadRun>>;

/** The run's payouts, filtered by state (with counts), each with what finance can still do about it. */
async function PayoutsTab({ run, query, path }: { run: Run; query: SearchParams; path: string }) {
  const t = await getTranslations("payoutsAdmin");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();
  const state = oneOf(param(query, "state"), PAYOUT_STATES);
  const sortBy = oneOf(param(query, "sort"), ["amount", "partner"] as const) ?? "amount";
  const sortDir = oneOf(param(query, "dir"), ["asc", "desc"] as const) ?? (sortBy === "partner" ? "asc" : "desc");
  const page = await (
    await api()
  ).manage.payouts.payouts({
    runId: run.id,
    state,
    sortBy,
    sortDir,
    page: pageParam(query),
    pageSize: 25,
  });
  const live = run.status !== "draft" && run.status !== "cancelled";
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const states = PAYOUT_STATES.filter((s) => run.counts[s] > 0 || s === state);
  const canMarkPaid = (p: (typeof page.rows)[number]) =>
    live &&
    ((p.method === "bank" && (p.state === "queued" || p.state === "processing")) ||
      (p.method === "stripe" && p.state === "queued" && !run.stripeConfigured));
  const sortHref = (column: "amount" | "partner") =>
    hrefWith(path, query, {
      sort: column === "amount" ? undefined : column,
      dir: sortBy === column ? (sortDir === "asc" ? "desc" : "asc") : undefined,
      page: undefined,
    });

  return (
    <section aria-label={t("run.tabs.payouts")}>
      {states.length > 1 ? (
        <nav
          aria-label={t("payouts.stateFilter")}
          className="mb-3 flex flex-wrap gap-1.5"
          data-testid="payout-state-tabs"
        >
          {[undefined, ...states].map((s) => {
            const active = s === state;
            return (
              <Link
                key={s ?? "all"}
                href={hrefWith(path, query, { state: s, page: undefined })}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium",
                  active
                    ? "border-brand-600 bg-brand-50 text-brand-700"
                    : "border-border bg-surface text-neutral-700 hover:bg-neutral-50",
                )}
              >
                {s ? t(`payoutStates.${s}`) : tc("all")}
                <span className="tabular-nums text-muted">
                  {format.number(s ? run.counts[s] : Object.values(run.counts).reduce((a, b) => a + b, 0))}
                </span>
              </Link>
            );
          })}
        </nav>
      ) : null}
      {page.rows.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={state ? tc("noMatches") : t("payouts.empty")}
          description={state ? tc("noMatchesHint") : t("payouts.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="run-payouts">
            <caption className="sr-only">{t("run.tabs.payouts")}</caption>
            <THead>
              <TR>
                <SortableTH
                  href={sortHref("partner")}
                  direction={sortBy === "partner" ? sortDir : null}
                  sortHint={t("sortBy", { column: t("payouts.columns.partner") })}
                >
                  {t("payouts.columns.partner")}
                </SortableTH>
                <SortableTH
                  href={sortHref("amount")}
                  direction={sortBy === "amount" ? sortDir : null}
                  numeric
                  sortHint={t("sortBy", { column: t("payouts.columns.amount") })}
                >
                  {t("payouts.columns.amount")}
                </SortableTH>
                <TH>{t("payouts.columns.method")}</TH>
                <TH>{t("payouts.columns.state")}</TH>
                <TH numeric>{t("payouts.columns.attempts")}</TH>
                <TH>{t("payouts.columns.reference")}</TH>
                <TH>{t("payouts.columns.paidAt")}</TH>
                <TH className="text-end">
                  <span className="sr-only">{tc("actions")}</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {page.rows.map((p) => (
                <TR key={p.id} data-testid="run-payout" data-state={p.state} data-method={p.method}>
                  <TD>
                    <Link
                      href={`/manage/partners/${p.partnerId}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      <bdi>{p.partnerName}</bdi>
                    </Link>
                  </TD>
                  <TD numeric className="whitespace-nowrap font-medium">
                    <bdi dir="ltr">{formatMoney(p.amount, p.currency, locale)}</bdi>
                  </TD>
                  <TD className="whitespace-nowrap">{t(`methods.${p.method}`)}</TD>
                  <TD className="max-w-64">
                    <Badge tone={PAYOUT_STATE_TONE[p.state]}>{t(`payoutStates.${p.state}`)}</Badge>
                    {p.failureMessage ? (
                      <span className="mt-1 block text-xs text-danger-700" dir="auto">
                        {p.failureMessage}
                        {p.failureCode ? (
                          <bdi dir="ltr" className="ms-1 font-mono text-muted">
                            ({p.failureCode})
                          </bdi>
                        ) : null}
                      </span>
                    ) : null}
                  </TD>
                  <TD numeric>{format.number(p.attempts)}</TD>
                  <TD>
                    {p.stripeTransferId || p.bankReference ? (
                      <bdi dir="ltr" className="font-mono text-xs">
                        {p.stripeTransferId ?? p.bankReference}
                      </bdi>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </TD>
                  <TD className="whitespace-nowrap text-muted">{p.paidAt ? dateTime(p.paidAt) : "—"}</TD>
                  <TD className="text-end">
                    {live && p.state === "failed" ? <RetryPayout payoutId={p.id} /> : null}
                    {canMarkPaid(p) ? (
                      <MarkPaid
                        payoutId={p.id}
                        partnerName={isolate(p.partnerName)}
                        amount={ltr(formatMoney(p.amount, p.currency, locale))}
                      />
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path={path}
            params={query}
            name="page"
            page={page.page}
            pageCount={page.pageCount}
            total={page.total}
          />
        </>
      )}
    </section>
  );
}

/** Who the run left out and why, with the amount that stays payable for the next run. */
async function ExclusionsTab({ runId, query, path }: { runId: string; query: SearchParams; path: string }) {
  const t = await getTranslations("payoutsAdmin");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const reason = oneOf(param(query, "reason"), EXCLUSION_REASONS);
  const sortDir = oneOf(param(query, "dir"), ["asc", "desc"] as const) ?? "desc";
  const page = await (
    await api()
  ).manage.payouts.exclusions({
    runId,
    reason,
    sortDir,
    page: pageParam(query),
    pageSize: 25,
  });
  return (
    <section aria-label={t("run.tabs.excluded")}>
      <nav aria-label={t("exclusions.reasonFilter")} className="mb-3 flex flex-wrap gap-1.5">
        {[undefined, ...EXCLUSION_REASONS].map((r) => (
          <Link
            key={r ?? "all"}
            href={hrefWith(path, query, { reason: r, page: undefined })}
            aria-current={r === reason ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-xs font-medium",
              r === reason
                ? "border-brand-600 bg-brand-50 text-brand-700"
                : "border-border bg-surface text-neutral-700 hover:bg-neutral-50",
            )}
          >
            {r ? t(`reasons.${r}`) : tc("all")}
          </Link>
        ))}
      </nav>
      {page.rows.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={reason ? tc("noMatches") : t("exclusions.empty")}
          description={reason ? tc("noMatchesHint") : t("exclusions.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="run-exclusions">
            <caption className="sr-only">{t("run.tabs.excluded")}</caption>
            <THead>
              <TR>
                <TH>{t("exclusions.columns.partner")}</TH>
                <SortableTH
                  href={hrefWith(path, query, { dir: sortDir === "desc" ? "asc" : undefined, page: undefined })}
                  direction={sortDir}
                  numeric
                  sortHint={t("sortBy", { column: t("exclusions.columns.amount") })}
                >
                  {t("exclusions.columns.amount")}
                </SortableTH>
                <TH>{t("exclusions.columns.reason")}</TH>
              </TR>
            </THead>
            <TBody>
              {page.rows.map((x) => (
                <TR key={`${x.partnerId}-${x.currency}`} data-testid="run-exclusion" data-reason={x.reason}>
                  <TD>
                    <Link
                      href={`/manage/partners/${x.partnerId}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      <bdi>{x.partnerName}</bdi>
                    </Link>
                  </TD>
                  <TD numeric className={cn("whitespace-nowrap", x.amount < 0n && "text-danger-700")}>
                    <bdi dir="ltr">{formatMoney(x.amount, x.currency, locale)}</bdi>
                  </TD>
                  <TD>
                    <Badge tone="warning">{t(`reasons.${x.reason}`)}</Badge>
                    <span className="mt-1 block text-xs text-muted">{t(`reasonHints.${x.reason}`)}</span>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path={path}
            params={query}
            name="page"
            page={page.page}
            pageCount={page.pageCount}
            total={page.total}
          />
        </>
      )}
    </section>
  );
}

/** What reconciliation with Stripe could not match, for finance to look into. */
async function DiscrepanciesTab({ runId, query, path }: { runId: string; query: SearchParams; path: string }) {
  const t = await getTranslations("payoutsAdmin");
  const format = await getFormatter();
  const locale = await getLocale();
  const show = oneOf(param(query, "show"), ["open", "all"] as const) ?? "open";
  const kind = oneOf(param(query, "kind"), DISCREPANCY_KINDS);
  const page = await (
    await api()
  ).manage.payouts.discrepancies({
    runId,
    show,
    kind,
    page: pageParam(query),
    pageSize: 25,
  });
  const amount = (value: bigint | null, currency: string | null) =>
    value !== null && currency ? (
      <bdi dir="ltr">{formatMoney(value, currency, locale)}</bdi>
    ) : (
      <span className="text-muted">—</span>
    );
  return (
    <section aria-label={t("run.tabs.discrepancies")}>
      <nav aria-label={t("discrepancies.filter")} className="mb-3 flex flex-wrap gap-1.5">
        {(["open", "all"] as const).map((s) => (
          <Link
            key={s}
            href={hrefWith(path, query, { show: s === "open" ? undefined : s, page: undefined })}
            aria-current={s === show ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-xs font-medium",
              s === show
                ? "border-brand-600 bg-brand-50 text-brand-700"
                : "border-border bg-surface text-neutral-700 hover:bg-neutral-50",
            )}
          >
            {t(`discrepancies.shows.${s}`)}
          </Link>
        ))}
      </nav>
      {page.rows.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={t("discrepancies.empty")}
          description={t("discrepancies.emptyHint")}
        />
      ) : (
        <>
          <Table data-testid="run-discrepancies">
            <caption className="sr-only">{t("run.tabs.discrepancies")}</caption>
            <THead>
              <TR>
                <TH>{t("discrepancies.columns.kind")}</TH>
                <TH>{t("discrepancies.columns.transfer")}</TH>
                <TH>{t("discrepancies.columns.partner")}</TH>
                <TH numeric>{t("discrepancies.columns.found")}</TH>
                <TH numeric>{t("discrepancies.columns.expected")}</TH>
                <TH>{t("discrepancies.columns.recorded")}</TH>
              </TR>
            </THead>
            <TBody>
              {page.rows.map((d) => (
                <TR key={d.id} data-testid="run-discrepancy" data-kind={d.kind}>
                  <TD className="max-w-64">
                    <Badge tone={d.resolvedAt ? "neutral" : "danger"}>{t(`discrepancies.kinds.${d.kind}`)}</Badge>
                    <span className="mt-1 block text-xs text-muted">{t(`discrepancies.kindHints.${d.kind}`)}</span>
                  </TD>
                  <TD>
                    <bdi dir="ltr" className="font-mono text-xs">
                      {d.stripeTransferId}
                    </bdi>
                  </TD>
                  <TD>{d.partnerName ? <bdi>{d.partnerName}</bdi> : <span className="text-muted">—</span>}</TD>
                  <TD numeric className="whitespace-nowrap">
                    {amount(d.amount, d.currency)}
                  </TD>
                  <TD numeric className="whitespace-nowrap">
                    {amount(d.expectedAmount, d.expectedCurrency)}
                  </TD>
                  <TD className="whitespace-nowrap text-muted">
                    {format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    {d.resolvedAt ? <span className="block text-xs">{t("discrepancies.resolved")}</span> : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <ListPagination
            path={path}
            params={query}
            name="page"
            page={page.page}
            pageCount={page.pageCount}
            total={page.total}
          />
        </>
      )}
    </section>
  );
}

export default withClientMessages("manage/payouts/[runId]/page", PayoutRunPage);
