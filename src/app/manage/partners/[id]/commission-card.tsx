import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, CardBody, CardHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { formatMoney, isCurrencyCode } from "@/lib/money";
import { api } from "@/server/trpc/server";
import { EndOverrideButton, OverrideTierButton, PlanSelect } from "./tier-actions";

/** The partner's commissions at a glance: balances, tier and what the next one needs, override, plan, tier history. */
export async function CommissionCard({
  partnerId,
  partnerName,
  canEdit,
}: {
  partnerId: string;
  partnerName: string;
  canEdit: boolean;
}) {
  const caller = await api();
  const [summary, plans, options] = await Promise.all([
    caller.manage.commissions.partnerSummary({ partnerId }),
    caller.manage.commissions.plans(),
    canEdit ? caller.manage.partners.options() : null,
  ]);
  const t = await getTranslations("plansAdmin.card");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();

  const tierLabel = (key: string | null) =>
    key === null ? "—" : tAll.has(`tiers.${key}`) ? tAll(`tiers.${key}` as never) : key;
  const percent = (bps: number) => format.number(bps / 10_000, { style: "percent", maximumFractionDigits: 2 });
  const amount = (minor: bigint, asset: string) =>
    isCurrencyCode(asset) ? formatMoney(minor, asset, locale) : `${format.number(minor)} ${asset}`;
  const planId = summary.planId;
  const plan = plans.find((p) => p.id === planId) ?? null;
  const tier = summary.tier;

  const section = (id: string, title: string, body: ReactNode, actions?: ReactNode) => (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="text-sm font-semibold text-neutral-900">
          {title}
        </h3>
        {actions}
      </div>
      {body}
    </section>
  );

  return (
    <Card data-testid="commission-card">
      <CardHeader
        title={t("title")}
        description={t("subtitle")}
        as="h2"
        actions={
          canEdit && options ? (
            <OverrideTierButton
              partnerId={partnerId}
              partnerName={partnerName}
              tiers={options.tiers.map((x) => ({
                id: x.id,
                label: tAll.has(`tiers.${x.key}`) ? tAll(`tiers.${x.key}` as never) : x.name,
              }))}
            />
          ) : null
        }
      />
      <CardBody className="space-y-6">
        {section(
          "commission-balances",
          t("balances"),
          summary.balances.length === 0 ? (
            <p className="text-sm text-muted">{t("noBalances")}</p>
          ) : (
            <Table data-testid="partner-balances">
              <THead>
                <TR>
                  <TH>{t("asset")}</TH>
                  <TH numeric>{tAll("ledger.states.pending")}</TH>
                  <TH numeric>{tAll("ledger.states.payable")}</TH>
                  <TH numeric>{tAll("ledger.states.in_payout")}</TH>
                  <TH numeric>{tAll("ledger.states.paid")}</TH>
                  <TH numeric>{t("clawedBack")}</TH>
                </TR>
              </THead>
              <TBody>
                {summary.balances.map((b) => (
                  <TR key={b.asset}>
                    <TD className="font-medium">
                      <bdi dir="ltr">{b.asset}</bdi>
                    </TD>
                    <TD numeric>{amount(b.pending, b.asset)}</TD>
                    <TD numeric>{amount(b.payable, b.asset)}</TD>
                    <TD numeric>{amount(b.inPayout, b.asset)}</TD>
                    <TD numeric>{amount(b.paid, b.asset)}</TD>
                    <TD numeric>{amount(b.clawedBack, b.asset)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ),
        )}

        {tier
          ? section(
              "commission-tier",
              t("tier"),
              <div className="space-y-3 text-sm" data-testid="tier-progress">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone="brand">{tierLabel(tier.tierKey)}</Badge>
                  {tier.rateBps !== null ? <span>{t("rateAt", { rate: percent(tier.rateBps) })}</span> : null}
                </p>
                {tier.perks ? (
                  <p className="text-neutral-700">
                    <span className="text-muted">{t("perks")}: </span>
                    <span dir="auto">{tier.perks}</span>
                  </p>
                ) : null}
                <p className="text-neutral-700">
                  {t("numbers", {
                    revenue: amount(tier.numbers.revenueMinor, tier.numbers.currency),
                    deals: tier.numbers.wonDeals,
                  })}
                </p>
                {tier.next ? (
                  <div className="rounded-md border border-border bg-surface-subtle px-3 py-2" data-testid="next-tier">
                    <p className="font-medium">
                      {t("next", { tier: tierLabel(tier.next.tierKey), rate: percent(tier.next.rateBps) })}
                    </p>
                    <ul className="mt-1 space-y-0.5 text-neutral-700">
                      {tier.next.minRevenueMinor !== null ? (
                        <li>
                          {t("nextRevenue", {
                            have: amount(tier.numbers.revenueMinor, tier.numbers.currency),
                            need: amount(tier.next.minRevenueMinor, tier.numbers.currency),
                            missing: amount(tier.next.missingRevenueMinor, tier.numbers.currency),
                          })}
                        </li>
                      ) : null}
                      {tier.next.minWonDeals !== null ? (
                        <li>
                          {t("nextDeals", {
                            have: tier.numbers.wonDeals,
                            need: tier.next.minWonDeals,
                            missing: tier.next.missingDeals,
                          })}
                        </li>
                      ) : null}
                    </ul>
                    {tier.next.reached ? <p className="mt-1 text-success-700">{t("nextReached")}</p> : null}
                  </div>
                ) : (
                  <p className="text-muted">{t("topTier")}</p>
                )}
                {tier.override ? (
                  <div
                    className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-warning-200 bg-warning-50 px-3 py-2"
                    data-testid="tier-override"
                  >
                    <div className="min-w-0">
                      <p className="font-medium text-warning-800">
                        {t("overrideActive", {
                          tier: tierLabel(tier.override.tierKey),
                          date: format.dateTime(tier.override.endsAt, { dateStyle: "medium", timeZone: "UTC" }),
                        })}
                      </p>
                      <p className="mt-0.5 break-words whitespace-pre-wrap text-neutral-700" dir="auto">
                        {tier.override.reason}
                      </p>
                    </div>
                    {canEdit ? <EndOverrideButton partnerId={partnerId} /> : null}
                  </div>
                ) : null}
              </div>,
            )
          : null}

        {section(
          "commission-plan",
          t("planTitle"),
          canEdit ? (
            <PlanSelect
              partnerId={partnerId}
              currentPlanId={planId}
              plans={plans.map((p) => ({
                id: p.id,
                label: p.isDefault ? t("planDefaultOption", { name: p.name }) : p.name,
              }))}
            />
          ) : (
            <p className="text-sm" data-testid="partner-plan-name">
              {plan ? (
                <>
                  <bdi>{plan.name}</bdi>
                  {plan.isDefault ? <span className="text-muted"> {t("defaultSuffix")}</span> : null}
                </>
              ) : (
                <span className="text-muted">{t("noPlan")}</span>
              )}
            </p>
          ),
        )}

        {tier
          ? section(
              "commission-tier-history",
              t("historyTitle"),
              tier.history.length === 0 ? (
                <p className="text-sm text-muted">{t("historyEmpty")}</p>
              ) : (
                <ol className="space-y-4 border-s border-border ps-4" data-testid="tier-history">
                  {tier.history.map((change) => (
                    <li key={change.id} className="relative" data-testid="tier-change">
                      <span
                        aria-hidden="true"
                        className="absolute -start-[1.3125rem] top-1.5 size-2 rounded-full bg-brand-600"
                      />
                      <p className="text-sm font-medium">
                        {change.fromTierKey
                          ? t("historyTransition", {
                              from: tierLabel(change.fromTierKey),
                              to: tierLabel(change.toTierKey),
                            })
                          : t("historyInitial", { to: tierLabel(change.toTierKey) })}
                      </p>
                      <p className="mt-0.5 text-sm text-neutral-700">
                        <Badge className="me-2">{t(`causes.${change.cause}`)}</Badge>
                        {t("historyNumbers", {
                          revenue: amount(change.revenueMinor, change.currency),
                          deals: change.wonDeals,
                        })}
                      </p>
                      {change.note ? (
                        <p className="mt-0.5 break-words whitespace-pre-wrap text-sm text-neutral-700" dir="auto">
                          {change.note}
                        </p>
                      ) : null}
                      <p className="mt-0.5 text-xs text-muted">
                        <time dateTime={change.at.toISOString()}>
                          {format.dateTime(change.at, { dateStyle: "medium", timeStyle: "short" })}
                        </time>
                      </p>
                    </li>
                  ))}
                </ol>
              ),
            )
          : null}
      </CardBody>
    </Card>
  );
}
