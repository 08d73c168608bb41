import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  Building,
  Card,
  CardBody,
  CardHeader,
  EmptyState,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { StatCard } from "@/components/page/stat-card";
import { SimpleBarChart } from "@/components/charts/bar-chart";
import { DAY } from "@/lib/clock";
import { formatBps, formatCount, formatMoney } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { RUN_STATUS_TONE } from "../payouts/tones";

export async function generateMetadata() {
  return { title: (await getTranslations("overview"))("title") };
}

/** A yyyy-mm-dd day as a Date at its start in UTC (formatted in UTC, so it stays that day). */
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);

export default async function OverviewPage() {
  const actor = await requireStaffPage();
  const overview = await (await api()).manage.program.overview();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const tierRows = overview.byTier.map((row) => ({ label: t(`tiers.${row.tierKey}` as never), value: row.count }));
  const f = overview.figures;
  const money = (amount: bigint, currency: string) => <bdi dir="ltr">{formatMoney(amount, currency, locale)}</bdi>;
  const count = (n: number) => formatCount(n, locale);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const finance = actor.staffRole === "finance";
  const canReview = !finance;
  const ageDays = f.leadQueue.oldestAt
    ? Math.max(0, Math.floor((f.periods.now.getTime() - f.leadQueue.oldestAt.getTime()) / DAY))
    : 0;
  const funnelRows = [
    { label: t("overview.funnel.registered"), value: f.funnel.registered },
    { label: t("overview.funnel.approved"), value: f.funnel.approved },
    { label: t("overview.funnel.won"), value: f.funnel.won },
  ];
  // Each step as a share of the registrations, so the drop between steps reads at a glance.
  const shareOf = (n: number) =>
    f.funnel.registered > 0 ? formatBps(Math.round((n * 10_000) / f.funnel.registered), locale) : null;
  const monthName = (d: Date) => format.dateTime(d, { month: "long", year: "numeric", timeZone: "UTC" });

  const owedCard = (
    <Card data-testid="overview-owed">
      <CardHeader title={t("overview.owed.title")} description={t("overview.owed.hint")} as="h2" />
      <CardBody>
        {f.owed.length === 0 ? (
          <p className="text-sm text-muted">{t("overview.owed.none")}</p>
        ) : (
          <Table>
            <caption className="sr-only">{t("overview.owed.title")}</caption>
            <THead>
              <TR>
                <TH>{t("overview.currency")}</TH>
                <TH numeric>{t("overview.owed.pending")}</TH>
                <TH numeric>{t("overview.owed.payable")}</TH>
                <TH numeric>{t("overview.owed.inPayout")}</TH>
              </TR>
            </THead>
            <TBody>
              {f.owed.map((row) => (
                <TR key={row.currency} data-testid="owed-row" data-currency={row.currency}>
                  <TD>
                    <bdi dir="ltr">{row.currency}</bdi>
                  </TD>
                  <TD numeric>{money(row.pending, row.currency)}</TD>
                  <TD numeric>{money(row.payable, row.currency)}</TD>
                  <TD numeric>{money(row.inPayout, row.currency)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );

  // Finance's first look: what can be paid now, what is held and when it is released, the next run.
  const payable = f.owed.filter((o) => o.payable > 0n);
  const financeCards = (
    <div className="grid gap-4 lg:grid-cols-3" data-testid="overview-finance">
      <Card>
        <CardHeader title={t("overview.finance.payableNow")} as="h2" />
        <CardBody>
          {payable.length === 0 ? (
            <p className="text-sm text-muted">{t("overview.finance.nothingPayable")}</p>
          ) : (
            <ul className="space-y-1" data-testid="payable-now">
              {payable.map((o) => (
                <li key={o.currency} className="text-2xl font-semibold tabular-nums text-neutral-900">
                  {money(o.payable, o.currency)}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("overview.finance.held")} description={t("overview.finance.heldHint")} as="h2" />
        <CardBody>
          {f.held.length === 0 ? (
            <p className="text-sm text-muted">{t("overview.finance.nothingHeld")}</p>
          ) : (
            <ul className="divide-y divide-border text-sm" data-testid="held">
              {f.held.map((h) => (
                <li key={h.currency} className="py-2">
                  <p className="font-semibold tabular-nums text-neutral-900">{money(h.amount, h.currency)}</p>
                  <p className="text-muted">
                    {t("overview.finance.releases", {
                      date: date(h.nextAt),
                      soon: formatMoney(h.within30Days, h.currency, locale),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("overview.finance.nextRun")} as="h2" />
        <CardBody className="space-y-3 text-sm">
          {f.openRuns.length > 0 ? (
            <ul className="space-y-2" data-testid="open-runs">
              {f.openRuns.map((run) => (
                <li key={run.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/manage/payouts/${run.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("payoutsAdmin.run.heading", {
                      cutoff: format.dateTime(dayOf(run.cutoff), { dateStyle: "medium", timeZone: "UTC" }),
                    })}
                  </Link>
                  <Badge tone={RUN_STATUS_TONE[run.status]}>{t(`payoutsAdmin.runStatus.${run.status}`)}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">
              {f.nextScheduledDay
                ? t("overview.finance.scheduled", {
                    date: format.dateTime(dayOf(f.nextScheduledDay), { dateStyle: "medium", timeZone: "UTC" }),
                  })
                : t("overview.finance.manual")}
            </p>
          )}
          <Link
            href="/manage/payouts#new-run-title"
            className="inline-block font-medium text-brand-700 hover:underline"
            data-testid="create-run-link"
          >
            {t("overview.finance.createRun")}
          </Link>
        </CardBody>
      </Card>
    </div>
  );

  return (
    <>
      <PageHeader title={t("overview.title")} description={t("overview.subtitle")} />
      {finance ? <div className="mb-6">{financeCards}</div> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          testId="stat-pending-leads"
          label={t("overview.pendingLeads")}
          value={count(f.leadQueue.waiting)}
          hint={
            f.leadQueue.waiting > 0 ? (
              <>
                <span className="block" data-testid="lead-age">
                  {t("overview.leadAge", { days: ageDays, overdue: f.leadQueue.overdue })}
                </span>
                <Link href="/manage/leads" className="text-brand-700 hover:underline">
                  {overview.flaggedLeads > 0
                    ? t("overview.reviewLeadsFlagged", { flagged: overview.flaggedLeads })
                    : t("overview.reviewLeads")}
                </Link>
              </>
            ) : undefined
          }
        />
        <StatCard
          testId="stat-active-this-month"
          label={t("overview.activeThisMonth")}
          value={count(f.activePartners)}
          hint={t("overview.activeThisMonthHint")}
        />
        <StatCard
          testId="stat-pending-applications"
          label={t("overview.pendingApplications")}
          value={count(overview.pendingApplications)}
          hint={
            overview.pendingApplications > 0 && canReview ? (
              <Link href="/manage/applications" className="text-brand-700 hover:underline">
                {t("overview.reviewApplications")}
              </Link>
            ) : undefined
          }
        />
        <StatCard
          testId="stat-active-partners"
          label={t("overview.activePartners")}
          value={count(overview.activePartners)}
          hint={t("overview.usersHint", { partnerUsers: overview.partnerUsers, staffUsers: overview.staffUsers })}
        />
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card data-testid="overview-revenue">
          <CardHeader
            title={t("overview.revenue.title")}
            description={t("overview.revenue.hint", {
              month: monthName(f.periods.monthStart),
              last: monthName(f.periods.lastMonthStart),
            })}
            as="h2"
          />
          <CardBody>
            {f.revenue.length === 0 ? (
              <p className="text-sm text-muted">{t("overview.revenue.none")}</p>
            ) : (
              <Table>
                <caption className="sr-only">{t("overview.revenue.title")}</caption>
                <THead>
                  <TR>
                    <TH>{t("overview.currency")}</TH>
                    <TH numeric>{t("overview.revenue.thisMonth")}</TH>
                    <TH numeric>{t("overview.revenue.lastMonthToDate")}</TH>
                    <TH numeric>{t("overview.revenue.change")}</TH>
                    <TH numeric>{t("overview.revenue.lastMonth")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {f.revenue.map((row) => (
                    <TR key={row.currency} data-testid="revenue-row" data-currency={row.currency}>
                      <TD>
                        <bdi dir="ltr">{row.currency}</bdi>
                      </TD>
                      <TD numeric>{money(row.thisMonth, row.currency)}</TD>
                      <TD numeric>{money(row.lastMonthToDate, row.currency)}</TD>
                      <TD
                        numeric
                        className={
                          row.changeBps === null
                            ? "text-muted"
                            : row.changeBps < 0
                              ? "text-danger-700"
                              : "text-success-700"
                        }
                      >
                        {row.changeBps === null
                          ? t("overview.revenue.noBase")
                          : formatBps(row.changeBps, locale, { signed: true })}
                      </TD>
                      <TD numeric className="text-muted">
                        {money(row.lastMonth, row.currency)}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
        <Card data-testid="overview-funnel">
          <CardHeader
            title={t("overview.funnel.title")}
            description={t("overview.funnel.hint", { start: date(f.periods.quarterStart) })}
            as="h2"
          />
          <CardBody>
            {f.funnel.registered === 0 ? (
              <p className="text-sm text-muted">{t("overview.funnel.none")}</p>
            ) : (
              <>
                <SimpleBarChart data={funnelRows} valueLabel={t("overview.funnel.leads")} rtl={locale === "ar"} />
                <ol className="mt-4 grid grid-cols-3 gap-2 text-center text-sm">
                  {funnelRows.map((row) => (
                    <li key={row.label} className="rounded-md bg-surface-sunken p-2" data-testid="funnel-step">
                      <p className="text-muted">{row.label}</p>
                      <p className="text-lg font-semibold tabular-nums text-neutral-900">{count(row.value)}</p>
                      <p className="text-xs text-muted">{shareOf(row.value)}</p>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </CardBody>
        </Card>
      </div>
      <div className="mt-6">{owedCard}</div>
      {overview.activePartners === 0 ? (
        <EmptyState
          className="mt-6"
          icon={<Building className="size-6" />}
          title={t("overview.emptyTitle")}
          description={t("overview.emptyHint")}
        />
      ) : (
        <div className="mt-6 grid gap-4 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <CardHeader title={t("overview.byTier")} description={t("overview.byTierHint")} as="h2" />
            <CardBody>
              <SimpleBarChart data={tierRows} valueLabel={t("overview.partners")} rtl={locale === "ar"} />
              <Table className="mt-4" data-testid="partners-by-tier">
                <caption className="sr-only">{t("overview.byTier")}</caption>
                <THead>
                  <TR>
                    <TH>{t("overview.tier")}</TH>
                    <TH numeric>{t("overview.partners")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {tierRows.map((row) => (
                    <TR key={row.label}>
                      <TD>{row.label}</TD>
                      <TD numeric>{format.number(row.value)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("overview.byType")} as="h2" />
            <CardBody>
              <ul className="divide-y divide-border">
                {overview.byType.map((row) => (
                  <li key={row.type} className="flex justify-between py-2 text-sm">
                    <span>{t(`partnerTypes.${row.type}`)}</span>
                    <span className="font-medium tabular-nums">{format.number(row.count)}</span>
                  </li>
                ))}
              </ul>
              <h3 className="mt-6 text-sm font-semibold">{t("overview.byStatus")}</h3>
              <ul className="mt-2 divide-y divide-border">
                {overview.byStatus.map((row) => (
                  <li key={row.status} className="flex justify-between py-2 text-sm">
                    <span>{t(`partnerStatus.${row.status}`)}</span>
                    <span className="font-medium tabular-nums">{format.number(row.count)}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        </div>
      )}
    </>
  );
}
