import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, CardBody, CardHeader, ChevronStart } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { countryName, websiteHref } from "@/lib/display";
import { formatMoney } from "@/lib/money";
import { appClock } from "@/server/time";
import { isUuid } from "@/lib/ids";
import { APPLICATION_STATUS_TONE } from "../status";
import { ApproveApplicationForm, RejectApplicationButton } from "./review-actions";
import { withClientMessages } from "@/i18n/client-messages";

const getApplication = cache(async (id: string) =>
  (await api()).manage.applications.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }),
);

/** The tab names the applying company, not the section. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffPage("partner_manager"); // the page's guard first: others are sent away
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return { title: (await getApplication(id)).company };
}

async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaffPage("partner_manager");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const caller = await api();
  const application = await getApplication(id);
  const pending = application.status === "pending";
  const [terms, options, plans, settings] = await Promise.all([
    caller.manage.terms.list(),
    pending ? caller.manage.partners.options() : null,
    pending ? caller.manage.commissions.plans() : [],
    caller.account.programSettings(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const termsVersion = terms.find((v) => v.id === application.termsId)?.version;
  const href = websiteHref(application.website);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const tiers =
    options?.tiers.map((tier) => ({
      id: tier.id,
      label: t.has(`tiers.${tier.key}`) ? t(`tiers.${tier.key}` as never) : tier.name,
      key: tier.key,
    })) ?? [];
  const defaultTier = tiers.find((tier) => tier.key === "registered") ?? tiers[0];
  const managers = options?.managers ?? [];
  const defaultManager = managers.find((m) => m.id === me.userId) ?? managers[0];

  return (
    <>
      <Link
        href="/manage/applications"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900"
      >
        <ChevronStart className="size-4" />
        {t("applications.back")}
      </Link>
      <PageHeader
        title={application.company}
        actions={
          <>
            <Badge tone={APPLICATION_STATUS_TONE[application.status]} data-testid="application-status">
              {t(`applications.statuses.${application.status}`)}
            </Badge>
            {pending ? <RejectApplicationButton applicationId={application.id} /> : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("applications.details")} as="h2" />
          <CardBody>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-muted">{t("applications.company")}</dt>
              <dd className="font-medium">{application.company}</dd>
              <dt className="text-muted">{t("applications.website")}</dt>
              <dd>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">
                    <bdi dir="ltr">{application.website}</bdi>
                    <span className="sr-only"> {t("applications.opensInNewTab")}</span>
                  </a>
                ) : (
                  <bdi dir="ltr">{application.website}</bdi>
                )}
              </dd>
              <dt className="text-muted">{t("applications.domain")}</dt>
              <dd>
                <bdi dir="ltr">{application.domain}</bdi>
              </dd>
              <dt className="text-muted">{t("applications.country")}</dt>
              <dd>
                {countryName(locale, application.country)}{" "}
                <span className="text-muted">
                  (<bdi dir="ltr">{application.country}</bdi>)
                </span>
              </dd>
              <dt className="text-muted">{t("applications.type")}</dt>
              <dd>{t(`partnerTypes.${application.type}`)}</dd>
              <dt className="text-muted">{t("applications.contactName")}</dt>
              <dd>{application.contactName}</dd>
              <dt className="text-muted">{t("applications.email")}</dt>
              <dd>
                <a href={`mailto:${application.contactEmail}`} className="text-brand-700 hover:underline">
                  <bdi dir="ltr">{application.contactEmail}</bdi>
                </a>
              </dd>
              <dt className="text-muted">{t("applications.expectedDeals")}</dt>
              <dd className="tabular-nums">{format.number(application.expectedDealsPerQuarter)}</dd>
              <dt className="text-muted">{t("applications.submitted")}</dt>
              <dd>{date(application.createdAt)}</dd>
              <dt className="text-muted">{t("applications.termsVersion")}</dt>
              <dd>
                {termsVersion !== undefined
                  ? t("applications.termsVersionValue", { version: format.number(termsVersion) })
                  : t("applications.unknownVersion")}
              </dd>
              <dt className="text-muted">{t("applications.salesApproach")}</dt>
              <dd className="whitespace-pre-wrap break-words" dir="auto">
                {application.salesApproach}
              </dd>
            </dl>
          </CardBody>
        </Card>
        <div className="space-y-4">
          <Card>
            <CardHeader title={t("applications.review")} as="h2" />
            <CardBody>
              <dl className="grid gap-y-3 text-sm">
                <div>
                  <dt className="text-muted">{t("applications.status")}</dt>
                  <dd className="mt-0.5">
                    <Badge tone={APPLICATION_STATUS_TONE[application.status]}>
                      {t(`applications.statuses.${application.status}`)}
                    </Badge>
                  </dd>
                </div>
                <div>
                  <dt className="text-muted">{t("applications.reviewer")}</dt>
                  <dd className="mt-0.5">
                    {application.reviewerName ??
                      (application.reviewedBy ? t("applications.formerStaff") : t("applications.notReviewed"))}
                  </dd>
                </div>
                {application.reviewedAt ? (
                  <div>
                    <dt className="text-muted">{t("applications.reviewedAt")}</dt>
                    <dd className="mt-0.5">{date(application.reviewedAt)}</dd>
                  </div>
                ) : null}
                {application.rejectionReason ? (
                  <div>
                    <dt className="text-muted">{t("applications.rejectionReason")}</dt>
                    <dd className="mt-0.5 whitespace-pre-wrap break-words" dir="auto" data-testid="rejection-reason">
                      {application.rejectionReason}
                    </dd>
                  </div>
                ) : null}
              </dl>
              {application.partnerId ? (
                <Link
                  href={`/manage/partners/${application.partnerId}`}
                  className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline"
                >
                  {t("applications.openPartner")}
                </Link>
              ) : null}
            </CardBody>
          </Card>
          {pending && defaultTier ? (
            <ApproveApplicationForm
              applicationId={application.id}
              company={application.company}
              email={application.contactEmail}
              tiers={tiers.map(({ id: tierId, label }) => ({ id: tierId, label }))}
              defaultTierId={defaultTier.id}
              managers={managers}
              defaultManagerId={defaultManager?.id ?? ""}
              plans={plans.map((plan) => ({
                id: plan.id,
                label: plan.name,
                isDefault: plan.isDefault,
                // What each tier needs in this plan, for the form's plain-words account of the promise.
                thresholds: Object.fromEntries(
                  plan.tierRules.map((rule) => [
                    rule.tierId,
                    {
                      revenue:
                        rule.minRevenueMinor !== null
                          ? formatMoney(rule.minRevenueMinor, settings.currency, locale)
                          : null,
                      deals: rule.minWonDeals,
                    },
                  ]),
                ),
              }))}
              promise={{
                now: appClock.now().getTime(),
                graceDays: settings.tierGraceDays,
                reviewMonths: settings.tierReviewMonths,
              }}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

export default withClientMessages("manage/applications/[id]/page", ApplicationPage);
