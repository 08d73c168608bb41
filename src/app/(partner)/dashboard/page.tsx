import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  cn,
  EmptyState,
  Plus,
  Table,
  Target,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { StatCard } from "@/components/page/stat-card";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import { directionOf, isLocale } from "@/i18n/config";
import { formatBps, formatCount, formatMoney, isCurrencyCode, toDecimalString } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { canChangeLeads, LeadActionLink, SuspendedNotice } from "../leads/lead-actions-gate";
import { LocalizedText } from "@/components/content/localized-text";
import { localized } from "@/lib/localized";
import { EarningsChart, type EarningsSeries } from "./earnings-chart";
import { CurrentTierCertifications, NextTierCertifications } from "./tier-certifications";
import { TierPromise } from "./tier-promise";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Summary = Awaited<ReturnType<Awaited<ReturnType<typeof api>>["partner"]["commissions"]["summary"]>>;

/** One asset's amount in a month of the summary (0 when nothing was earned). */
function monthAmount(row: Summary["monthly"]["series"][number], asset: string): bigint {
  const value: unknown = (row as Record<string, unknown>)[asset];
  return typeof value === "bigint" ? value : 0n;
}

/**
 * The asset the dashboard leads with: the one earned in the most months, then the one with a
 * balance, then the program currency. Amounts in different assets are never compared.
 */
function mainAssetOf(summary: Summary, programCurrency: string): string {
  const assets = [...new Set([...summary.monthly.assets, ...summary.balances.map((b) => b.asset)])];
  const activeMonths = (asset: string) => summary.monthly.series.filter((row) => monthAmount(row, asset) !== 0n).length;
  const hasBalance = (asset: string) => {
    const b = summary.balances.find((x) => x.asset === asset);
    return b ? Number(b.pending !== 0n || b.payable !== 0n || b.inPayout !== 0n || b.paid !== 0n) : 0;
  };
  assets.sort(
    (a, b) =>
      activeMonths(b) - activeMonths(a) ||
      hasBalance(b) - hasBalance(a) ||
      Number(b === programCurrency) - Number(a === programCurrency) ||
      a.localeCompare(b),
  );
  return assets[0] ?? programCurrency;
}

/** How far `current` is towards `target`, in whole percent (0–100); a ratio, not money. */
function percentOf(current: bigint, target: bigint): number {
  if (target <= 0n || current >= target) return 100;
  if (current <= 0n) return 0;
  return Number((current * 100n) / target);
}

function ProgressBar({
  testId,
  label,
  percent,
  valueText,
}: {
  testId: string;
  label: string;
  percent: number;
  valueText: string;
}) {
  return (
    <div data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-neutral-900">{label}</span>
        <span className="tabular-nums text-muted">{valueText}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        className="mt-1.5 h-2 overflow-hidden rounded-full bg-neutral-100"
      >
        <div
          className={cn("h-full rounded-full", percent >= 100 ? "bg-success-600" : "bg-brand-600")}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

/** One line per currency: amounts in different currencies are listed, never added up. */
function AmountList({ amounts, empty }: { amounts: { asset: string; text: string }[]; empty: string }) {
  if (amounts.length === 0) return <span className="text-base font-normal text-muted">{empty}</span>;
  return (
    <span className="flex flex-col gap-0.5">
      {amounts.map((a) => (
        <bdi key={a.asset} dir="ltr" className="block text-start" data-testid="balance-amount" data-asset={a.asset}>
          {a.text}
        </bdi>
      ))}
    </span>
  );
}

export default async function DashboardPage() {
  const actor = await requirePartnerPage();
  const canRegister = canChangeLeads(actor.partnerStatus);
  const caller = await api();
  const [{ organization, teamSize, nextTier, tiers }, me, summary] = await Promise.all([
    caller.partner.dashboard(),
    caller.account.me(),
    caller.partner.commissions.summary(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const dir = directionOf(isLocale(locale) ? locale : "en");

  const standing = summary.tier;
  const promise = summary.promise;
  const perks = standing ? localized(locale, standing.perks, standing.perksAr) : null;
  const programCurrency =
    standing?.numbers.currency ?? summary.pipeline[0]?.currency ?? summary.balances[0]?.asset ?? "USD";
  const mainAsset = mainAssetOf(summary, programCurrency);
  const figure = (name: "pending" | "payable") =>
    (summary.byFigure.find((f) => f.figure === name)?.amounts ?? []).map((a) => ({
      asset: a.asset,
      text: amount(a.amount, a.asset),
    }));
  const amount = (value: bigint, asset: string) =>
    isCurrencyCode(asset)
      ? formatMoney(value, asset, locale)
      : t("earnings.pointsAmount", { amount: formatCount(value, locale) });
  const percent = (bps: number) => formatBps(bps, locale);
  const tierName = (key: string) => t(`tiers.${key}` as never);
  const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

  // The chart plots numbers; every amount a person reads comes from formatMoney.
  const series: EarningsSeries[] = summary.monthly.assets.map((asset) => {
    const amounts = summary.monthly.series.map((row) => ({ month: row.month, minor: monthAmount(row, asset) }));
    const best = amounts.reduce(
      (top, a) => (a.minor > top.minor ? a : top),
      amounts[0] ?? { month: summary.monthly.months[0] ?? "", minor: 0n },
    );
    const total = amounts.reduce((sum, a) => sum + a.minor, 0n);
    const longMonth = (month: string) => format.dateTime(monthDate(month), { month: "long", year: "numeric" });
    return {
      asset,
      // Display-only: the chart needs floats, so the exact decimal is converted for plotting alone.
      points: amounts.map((a) => ({
        month: a.month,
        // Twelve months span two years: every tick carries its year ("Jan 2026").
        tick: format.dateTime(monthDate(a.month), { month: "short", year: "numeric" }),
        label: longMonth(a.month),
        value: isCurrencyCode(asset) ? Number(toDecimalString(a.minor, asset)) : Number(a.minor),
        formatted: amount(a.minor, asset),
      })),
      caption: t("dashboard.earningsChart.caption", { asset }),
      summary: t("dashboard.earningsChart.summary", {
        asset,
        from: longMonth(summary.monthly.months[0] ?? best.month),
        to: longMonth(summary.monthly.months.at(-1) ?? best.month),
        total: amount(total, asset),
        best: amount(best.minor, asset),
        bestMonth: longMonth(best.month),
      }),
    };
  });

  // Each status's value is listed per currency: an AED lead is worth its dirhams, not 0.00 US$.
  const pipelineRows = summary.pipelineByStatus;
  const hasLeads = pipelineRows.length > 0;

  const next = standing?.next ?? null;
  const missingText = (() => {
    if (!standing || !next) return null;
    const nextName = tierName(next.tierKey);
    const revenue = formatMoney(next.missingRevenueMinor, standing.numbers.currency, locale);
    if (next.reached) return t("dashboard.tierCard.qualified", { tier: nextName });
    // Revenue and deals are there; the certifications list below says what is still missing.
    if (next.missingRevenueMinor <= 0n && next.missingDeals <= 0) return null;
    if (next.missingRevenueMinor > 0n && next.missingDeals > 0)
      return t("dashboard.tierCard.missingBoth", { revenue, deals: next.missingDeals, tier: nextName });
    if (next.missingRevenueMinor > 0n) return t("dashboard.tierCard.missingRevenue", { revenue, tier: nextName });
    return t("dashboard.tierCard.missingDeals", { deals: next.missingDeals, tier: nextName });
  })();

  return (
    <>
      <PageHeader
        title={t("dashboard.welcome", { name: me.name.split(" ")[0] ?? me.name })}
        description={t("dashboard.subtitle")}
      />
      <Card className="mb-4" data-testid="next-step">
        <CardBody className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <h2 className="text-base font-semibold text-neutral-900">
              {hasLeads ? t("dashboard.nextStep.title") : t("dashboard.nextStep.firstTitle")}
            </h2>
            <p className="text-sm text-muted">
              {hasLeads ? t("dashboard.nextStep.body") : t("dashboard.nextStep.firstBody")}
            </p>
          </div>
          <LeadActionLink href="/leads/new" enabled={canRegister} testId="register-lead-cta">
            <Plus className="size-4" />
            {t("dashboard.nextStep.register")}
          </LeadActionLink>
          {canRegister ? null : <SuspendedNotice className="w-full" />}
        </CardBody>
      </Card>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          testId="stat-tier"
          label={t("dashboard.tier")}
          value={t(`tiers.${organization.tierKey}` as never)}
          hint={
            nextTier ? t("dashboard.nextTier", { tier: t(`tiers.${nextTier.key}` as never) }) : t("dashboard.topTier")
          }
        />
        <StatCard testId="stat-team" label={t("dashboard.teamSize")} value={formatCount(teamSize, locale)} />
        <StatCard label={t("dashboard.partnerType")} value={t(`partnerTypes.${organization.type}`)} />
        <StatCard
          label={t("dashboard.memberSince")}
          value={format.dateTime(organization.createdAt, { dateStyle: "medium" })}
        />
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <Link href="/earnings" className="block rounded-lg transition-shadow hover:shadow-md">
          <StatCard
            testId="stat-payable"
            label={t("dashboard.balances.payable")}
            value={<AmountList amounts={figure("payable")} empty={t("dashboard.balances.nothingPayable")} />}
            hint={t("dashboard.balances.payableHint")}
          />
        </Link>
        <Link href="/earnings" className="block rounded-lg transition-shadow hover:shadow-md">
          <StatCard
            testId="stat-pending"
            label={t("dashboard.balances.pending")}
            value={<AmountList amounts={figure("pending")} empty={t("dashboard.balances.nothingPending")} />}
            hint={t("dashboard.balances.pendingHint")}
          />
        </Link>
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2" data-testid="earnings-chart">
          <CardHeader
            title={t("dashboard.earningsChart.title")}
            description={t("dashboard.earningsChart.description")}
            as="h2"
          />
          <CardBody>
            {series.length === 0 ? (
              <p className="py-8 text-center text-sm text-muted">{t("dashboard.earningsChart.empty")}</p>
            ) : (
              <EarningsChart
                series={series}
                initialAsset={series.some((s) => s.asset === mainAsset) ? mainAsset : (series[0]?.asset ?? mainAsset)}
                dir={dir}
                locale={locale}
                labels={{
                  asset: t("dashboard.earningsChart.asset"),
                  month: t("dashboard.earningsChart.month"),
                  amount: t("dashboard.earningsChart.amount"),
                }}
              />
            )}
          </CardBody>
        </Card>
        {standing ? (
          <Card data-testid="tier-card">
            <CardHeader
              title={t("dashboard.tierCard.title")}
              description={t("dashboard.tierCard.description")}
              as="h2"
            />
            <CardBody className="space-y-4">
              {promise ? <TierPromise promise={promise} tierName={tierName} /> : null}
              <CurrentTierCertifications requirements={standing.certifications} tier={tierName(standing.tierKey)} />
              <div>
                <p className="text-xl font-semibold text-neutral-900" data-testid="tier-current">
                  {tierName(standing.tierKey)}
                </p>
                {standing.rateBps !== null ? (
                  <p className="text-sm text-muted" data-testid="tier-rate">
                    <span className="sr-only">{t("dashboard.tierCard.rate")}: </span>
                    {t("dashboard.tierCard.rateValue", { rate: percent(standing.rateBps) })}
                  </p>
                ) : null}
              </div>
              {standing.override ? (
                <div
                  role="note"
                  className="rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800"
                  data-testid="tier-override"
                >
                  <p>
                    {t("dashboard.tierCard.override", {
                      tier: tierName(standing.override.tierKey ?? standing.tierKey),
                      date: format.dateTime(standing.override.endsAt, { dateStyle: "medium" }),
                    })}
                  </p>
                  {standing.override.reason ? (
                    <p className="mt-1 text-xs" dir="auto">
                      {t("dashboard.tierCard.overrideReason", { reason: standing.override.reason })}
                    </p>
                  ) : null}
                </div>
              ) : null}
              <div>
                <h3 className="text-sm font-medium text-neutral-900">{t("dashboard.tierCard.perks")}</h3>
                {perks ? (
                  <LocalizedText
                    value={perks}
                    block
                    className="mt-0.5 text-sm whitespace-pre-line text-muted"
                    noteClassName="mt-0.5"
                  />
                ) : (
                  <p className="mt-0.5 text-sm text-muted">{t("dashboard.tierCard.noPerks")}</p>
                )}
              </div>
              {next ? (
                <div className="space-y-3 border-t border-border pt-4">
                  <div>
                    <h3 className="text-sm font-medium text-neutral-900">
                      {t("dashboard.tierCard.progressTo", { tier: tierName(next.tierKey) })}
                    </h3>
                    <p className="text-xs text-muted">
                      {t("dashboard.tierCard.nextRate", { tier: tierName(next.tierKey), rate: percent(next.rateBps) })}
                    </p>
                  </div>
                  {next.minRevenueMinor !== null ? (
                    <ProgressBar
                      testId="tier-progress-revenue"
                      label={t("dashboard.tierCard.revenue", { currency: standing.numbers.currency })}
                      percent={percentOf(standing.numbers.revenueMinor, next.minRevenueMinor)}
                      valueText={t("dashboard.tierCard.progressOf", {
                        current: formatMoney(standing.numbers.revenueMinor, standing.numbers.currency, locale),
                        target: formatMoney(next.minRevenueMinor, standing.numbers.currency, locale),
                      })}
                    />
                  ) : null}
                  {next.minWonDeals !== null ? (
                    <ProgressBar
                      testId="tier-progress-deals"
                      label={t("dashboard.tierCard.wonDeals")}
                      percent={percentOf(BigInt(standing.numbers.wonDeals), BigInt(next.minWonDeals))}
                      valueText={t("dashboard.tierCard.progressOf", {
                        current: formatCount(standing.numbers.wonDeals, locale),
                        target: formatCount(next.minWonDeals, locale),
                      })}
                    />
                  ) : null}
                  <NextTierCertifications
                    requirements={next.certifications}
                    tier={tierName(next.tierKey)}
                    otherwiseMet={next.missingRevenueMinor <= 0n && next.missingDeals <= 0}
                  />
                  {missingText ? (
                    <p className="text-sm font-medium text-brand-700" data-testid="tier-missing">
                      {missingText}
                    </p>
                  ) : null}
                </div>
              ) : (
                <div className="border-t border-border pt-4" data-testid="tier-top">
                  <Badge tone="brand">{t("dashboard.tierCard.topTier")}</Badge>
                  <p className="mt-2 text-sm text-muted">{t("dashboard.tierCard.topTierHint")}</p>
                </div>
              )}
            </CardBody>
          </Card>
        ) : null}
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("dashboard.tierLadder")} description={t("dashboard.tierLadderHint")} as="h2" />
          <CardBody>
            <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t("dashboard.tierLadder")}>
              {tiers.map((tier) => {
                const reached = tier.rank <= organization.tierRank;
                const current = tier.key === organization.tierKey;
                return (
                  <li
                    key={tier.key}
                    aria-current={current ? "step" : undefined}
                    className={cn(
                      "rounded-md border p-3 text-sm",
                      current
                        ? "border-brand-500 bg-brand-50"
                        : reached
                          ? "border-brand-200 bg-surface"
                          : "border-border bg-surface-subtle text-muted",
                    )}
                  >
                    <span className="block font-medium">{t(`tiers.${tier.key}` as never)}</span>
                    <span className="text-xs">
                      {current ? t("dashboard.current") : reached ? t("dashboard.reached") : t("dashboard.ahead")}
                    </span>
                  </li>
                );
              })}
            </ol>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("dashboard.yourManager")} as="h2" />
          <CardBody>
            {organization.managerName ? (
              <div>
                <p className="font-medium">{organization.managerName}</p>
                <a
                  className="text-sm text-brand-700 underline-offset-2 hover:underline"
                  href={`mailto:${organization.managerEmail}`}
                >
                  {organization.managerEmail}
                </a>
              </div>
            ) : (
              <p className="text-sm text-muted">{t("dashboard.noManager")}</p>
            )}
            <div className="mt-4">
              <Badge tone={organization.status === "active" ? "success" : "warning"}>
                {t(`partnerStatus.${organization.status}`)}
              </Badge>
            </div>
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6" data-testid="pipeline">
        <CardHeader title={t("dashboard.pipeline.title")} description={t("dashboard.pipeline.description")} as="h2" />
        <CardBody>
          {pipelineRows.length === 0 ? (
            <EmptyState
              icon={<Target className="size-6" />}
              title={t("dashboard.pipeline.empty")}
              action={
                canRegister ? (
                  <Link href="/leads/new" className={buttonClasses("primary")}>
                    <Plus className="size-4" />
                    {t("dashboard.pipeline.register")}
                  </Link>
                ) : undefined
              }
            />
          ) : (
            <>
              <Table>
                <caption className="sr-only">{t("dashboard.pipeline.title")}</caption>
                <THead>
                  <TR>
                    <TH>{t("dashboard.pipeline.status")}</TH>
                    <TH numeric>{t("dashboard.pipeline.leads")}</TH>
                    <TH numeric>{t("dashboard.pipeline.value")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {pipelineRows.map((row) => (
                    <TR key={row.status} data-testid="pipeline-row" data-status={row.status}>
                      <TD>
                        <Link
                          href={`/leads?status=${row.status}`}
                          aria-label={t("dashboard.pipeline.viewLeads", { status: t(`leadStatus.${row.status}`) })}
                          className="inline-flex rounded-full hover:opacity-80"
                        >
                          <LeadStatusBadge status={row.status} />
                        </Link>
                      </TD>
                      <TD numeric>{formatCount(row.count, locale)}</TD>
                      <TD numeric className="whitespace-nowrap" data-testid="pipeline-value">
                        {row.values.map((v) => (
                          <bdi key={v.currency} dir="ltr" className="block" data-currency={v.currency}>
                            {formatMoney(v.value, v.currency, locale)}
                          </bdi>
                        ))}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </>
          )}
        </CardBody>
      </Card>
    </>
  );
}
