import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import {
  Badge,
  Card,
  CardBody,
  CardHeader,
  EmptyState,
  FileText,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { LocalizedText } from "@/components/content/localized-text";
import { localized } from "@/lib/localized";
import { formatBps, formatCount, formatMoney, toDecimalString } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { NewPlanButton, NewVersionButton, type PlanDraft, type ProductChoice, type TierChoice } from "./plan-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("plansAdmin.plans"))("title") };
}

async function PlansPage() {
  const me = await requireStaffPage("partner_manager", "finance");
  // Finance reads the plans; partner managers and admins write them.
  const canEdit = me.staffRole === "admin" || me.staffRole === "partner_manager";
  const caller = await api();
  const [plans, options, catalog, settings, courses] = await Promise.all([
    caller.manage.commissions.plans(),
    caller.manage.partners.options(),
    caller.manage.catalog.products(),
    caller.account.programSettings(),
    // Only editors pick courses for certification requirements (finance reads the plans).
    canEdit ? caller.manage.certifications.requirableCourses() : [],
  ]);
  const t = await getTranslations("plansAdmin.plans");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const currency = settings.currency;

  const tierLabel = (key: string, fallback?: string) =>
    tAll.has(`tiers.${key}`) ? tAll(`tiers.${key}` as never) : (fallback ?? key);
  const tiers: TierChoice[] = options.tiers.map((tier) => ({
    id: tier.id,
    key: tier.key,
    label: tierLabel(tier.key, tier.name),
  }));
  const products: ProductChoice[] = catalog.map((p) => ({ id: p.id, name: p.name, active: p.active }));
  const percent = (bps: number) => formatBps(bps, locale);
  // The catalog comes localized (the reader's language), so product rates show the same names.
  const productNames = new Map(catalog.map((p) => [p.id, p.name]));
  const none = <span className="text-muted">{t("noThreshold")}</span>;
  /**
   * Who earns under a plan: its explicit assignments, and for the default plan also every
   * partner without a plan of its own (which is every demo partner), said as such.
   */
  function PartnerCount({ plan }: { plan: (typeof plans)[number] }) {
    const total = plan.assignedPartners + plan.unassignedPartners;
    return (
      <span data-testid="plan-partners">
        {!plan.isDefault || plan.unassignedPartners === 0
          ? t("partnerCount", { count: plan.assignedPartners })
          : plan.assignedPartners === 0
            ? t("defaultPartnersAll", { count: total })
            : t("defaultPartnersMixed", { count: total, unassigned: plan.unassignedPartners })}
      </span>
    );
  }

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          canEdit ? (
            <NewPlanButton tiers={tiers} products={products} courses={courses} programCurrency={currency} />
          ) : null
        }
      />
      <p
        className="mb-6 rounded-lg border border-border bg-surface-subtle px-4 py-3 text-sm text-neutral-700"
        data-testid="plans-versions-note"
      >
        {t("versionsNote")}
      </p>
      {plans.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={t("empty")}
          description={canEdit ? t("emptyHint") : undefined}
        />
      ) : (
        <div className="space-y-6">
          {plans.map((plan) => {
            const version = plan.version;
            const titleId = `plan-${plan.id}-title`;
            const draft: PlanDraft | null = version
              ? {
                  baseKind: version.baseKind,
                  baseRateBps: version.baseRateBps,
                  baseFlatAmount:
                    version.baseFlatMinor !== null && version.baseFlatCurrency
                      ? toDecimalString(version.baseFlatMinor, version.baseFlatCurrency)
                      : "",
                  baseFlatCurrency: version.baseFlatCurrency,
                  recurringMonths: version.recurringMonths,
                  tierRules: plan.tierRules.map((r) => ({
                    tierId: r.tierId,
                    rateBps: r.rateBps,
                    minRevenue: r.minRevenueMinor === null ? "" : toDecimalString(r.minRevenueMinor, currency),
                    minWonDeals: r.minWonDeals,
                    perks: r.perks ?? "",
                    perksAr: r.perksAr ?? "",
                    certifications: r.certifications.map((c) => ({ courseId: c.courseId, minPeople: c.minPeople })),
                  })),
                  productRates: plan.productRates.map((r) => ({ productId: r.productId, rateBps: r.rateBps })),
                }
              : null;
            const baseRule =
              version === null
                ? null
                : version.baseKind === "flat" && version.baseFlatMinor !== null && version.baseFlatCurrency
                  ? t("baseFlat", { amount: formatMoney(version.baseFlatMinor, version.baseFlatCurrency, locale) })
                  : t("basePercent", { rate: percent(version.baseRateBps ?? 0) });
            const facts: [string, ReactNode][] = version
              ? [
                  [
                    t("version"),
                    <span key="v" data-testid="plan-version">
                      {t("versionNumber", { version: version.version })}
                    </span>,
                  ],
                  [t("baseRule"), baseRule],
                  [t("recurringMonths"), t("months", { count: version.recurringMonths })],
                  [t("partners"), <PartnerCount key="p" plan={plan} />],
                  [t("published"), format.dateTime(version.createdAt, { dateStyle: "medium" })],
                ]
              : [[t("partners"), <PartnerCount key="p" plan={plan} />]];
            return (
              <Card key={plan.id} data-testid="plan-card" aria-labelledby={titleId} role="region">
                <CardHeader
                  titleId={titleId}
                  title={
                    <span className="flex flex-wrap items-center gap-2">
                      <bdi>{plan.name}</bdi>
                      {plan.isDefault ? (
                        <Badge tone="brand" data-testid="plan-default">
                          {t("default")}
                        </Badge>
                      ) : null}
                    </span>
                  }
                  description={plan.description ?? (plan.isDefault ? t("defaultHint") : undefined)}
                  actions={
                    canEdit ? (
                      <NewVersionButton
                        planId={plan.id}
                        planName={plan.name}
                        nextVersion={(version?.version ?? 0) + 1}
                        current={draft}
                        tiers={tiers}
                        products={products}
                        courses={courses}
                        programCurrency={currency}
                      />
                    ) : null
                  }
                />
                <CardBody className="space-y-5">
                  {version === null ? <p className="text-sm text-muted">{t("noVersion")}</p> : null}
                  <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-5">
                    {facts.map(([label, value]) => (
                      <div key={label}>
                        <dt className="text-xs text-muted">{label}</dt>
                        <dd className="mt-0.5 font-medium">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  {version ? (
                    <>
                      <section aria-labelledby={`${titleId}-tiers`}>
                        <h3 id={`${titleId}-tiers`} className="mb-2 text-sm font-semibold text-neutral-900">
                          {t("tierTable")}
                        </h3>
                        {plan.tierRules.length === 0 ? (
                          <p className="text-sm text-muted">{t("noTierRules")}</p>
                        ) : (
                          <Table data-testid="plan-tier-rules">
                            <THead>
                              <TR>
                                <TH>{t("tier")}</TH>
                                <TH numeric>{t("rate")}</TH>
                                <TH numeric>{t("minRevenue")}</TH>
                                <TH numeric>{t("minDeals")}</TH>
                                <TH>{t("perks")}</TH>
                                <TH>{t("certifications")}</TH>
                              </TR>
                            </THead>
                            <TBody>
                              {plan.tierRules.map((r) => (
                                <TR key={r.tierId}>
                                  <TD className="font-medium">{tierLabel(r.tierKey)}</TD>
                                  <TD numeric>
                                    {version.baseKind === "flat" ? (
                                      <span className="text-muted">{t("flatNoRate")}</span>
                                    ) : (
                                      percent(r.rateBps)
                                    )}
                                  </TD>
                                  <TD numeric>
                                    {r.minRevenueMinor === null
                                      ? none
                                      : formatMoney(r.minRevenueMinor, currency, locale)}
                                  </TD>
                                  <TD numeric>{r.minWonDeals === null ? none : formatCount(r.minWonDeals, locale)}</TD>
                                  <TD className="max-w-72 text-muted">
                                    {localized(locale, r.perks, r.perksAr) ? (
                                      <LocalizedText value={localized(locale, r.perks, r.perksAr)!} />
                                    ) : (
                                      "—"
                                    )}
                                  </TD>
                                  <TD data-testid="plan-tier-certifications">
                                    {r.certifications.length === 0 ? (
                                      <span className="text-muted">{t("noCertifications")}</span>
                                    ) : (
                                      <ul className="space-y-0.5">
                                        {r.certifications.map((c) => (
                                          <li key={c.courseId}>
                                            {t("certificationRequirement", {
                                              people: c.minPeople,
                                              course: c.courseTitle,
                                            })}
                                          </li>
                                        ))}
                                      </ul>
                                    )}
                                  </TD>
                                </TR>
                              ))}
                            </TBody>
                          </Table>
                        )}
                        <p className="mt-2 text-xs text-muted">{t("thresholdsHint")}</p>
                      </section>
                      <section aria-labelledby={`${titleId}-products`}>
                        <h3 id={`${titleId}-products`} className="mb-2 text-sm font-semibold text-neutral-900">
                          {t("productRates")}
                        </h3>
                        {plan.productRates.length === 0 ? (
                          <p className="text-sm text-muted">{t("noProductRates")}</p>
                        ) : (
                          <ul className="flex flex-wrap gap-2" data-testid="plan-product-rates">
                            {plan.productRates.map((r) => (
                              <li
                                key={r.productId}
                                className="rounded-md border border-border bg-surface-subtle px-2.5 py-1 text-sm"
                              >
                                <bdi className="font-medium">{productNames.get(r.productId) ?? r.productName}</bdi>{" "}
                                <span className="tabular-nums text-neutral-700">{percent(r.rateBps)}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </section>
                    </>
                  ) : null}
                </CardBody>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}

export default withClientMessages("manage/commissions/plans/page", PlansPage);
