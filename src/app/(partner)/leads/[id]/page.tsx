import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AlertTriangle, Card, CardBody, CardHeader, ChevronStart, Shield } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { CommentForm } from "@/components/leads/comment-form";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import { LeadThread } from "@/components/leads/lead-thread";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { countryName, websiteHref } from "@/lib/display";
import { isUuid } from "@/lib/ids";
import { formatCount, formatMoney } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { DAY } from "@/lib/clock";
import { appClock } from "@/server/time";
import { canChangeLeads, SUSPENDED_NOTICE_ID, SuspendedNotice } from "../lead-actions-gate";
import { LeadActions } from "./lead-actions";
import { getLead, loadLead } from "./load";
import { localizedName } from "@/lib/localized";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("leadsPortal.detail");
  const { id } = await params;
  const lead = isUuid(id) ? await getLead(id).catch(() => null) : null;
  return { title: lead ? t("titleWithCompany", { company: lead.companyName }) : t("title") };
}

/** A calendar day (yyyy-mm-dd) as a Date at its start in UTC, the time zone pages format in. */
const day = (text: string) => new Date(`${text}T00:00:00Z`);

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

async function PartnerLeadPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePartnerPage();
  const canChange = canChangeLeads(me.partnerStatus);
  const { id } = await params;
  const lead = await loadLead(id);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const href = websiteHref(lead.website);
  const pending = lead.status === "submitted";
  const question = lead.infoRequestedAt ? lead.thread.filter((c) => c.authorKind === "staff").at(-1) : undefined;
  const closed = lead.status === "rejected" || lead.status === "lost" || lead.status === "withdrawn";
  // Whole days of protection left, counted up (an approval that ends this afternoon still has today).
  const protection =
    lead.status === "approved" && lead.protectedUntil
      ? {
          until: lead.protectedUntil,
          daysLeft: Math.max(0, Math.ceil((lead.protectedUntil.getTime() - appClock.now().getTime()) / DAY)),
        }
      : null;

  return (
    <>
      <Link href="/leads" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900">
        <ChevronStart className="size-4" />
        {t("leadsPortal.detail.back")}
      </Link>
      <PageHeader
        title={<bdi>{lead.companyName}</bdi>}
        description={t("leadsPortal.detail.registeredOn", { date: date(lead.createdAt) })}
        actions={
          <>
            <LeadStatusBadge status={lead.status} data-testid="lead-status" />
            {pending ? <LeadActions leadId={lead.id} lockedBy={canChange ? undefined : SUSPENDED_NOTICE_ID} /> : null}
          </>
        }
      />

      {canChange ? null : <SuspendedNotice className="mb-6" />}
      {protection ? (
        <div
          role="status"
          data-testid="protection-banner"
          className="mb-6 flex gap-3 rounded-lg border border-success-200 bg-success-50 p-4 text-sm text-success-800"
        >
          <Shield className="mt-0.5 size-5 shrink-0" />
          <p>
            <span className="font-semibold">
              {t("leadsPortal.detail.protectedUntilDate", { date: date(protection.until) })}
            </span>{" "}
            {protection.daysLeft > 0
              ? t("leadsPortal.detail.protectionDaysLeft", {
                  days: protection.daysLeft,
                  formatted: formatCount(protection.daysLeft, locale),
                })
              : t("leadsPortal.detail.protectionEndsToday")}
          </p>
        </div>
      ) : null}
      {lead.infoRequestedAt ? (
        <div
          role="status"
          data-testid="info-requested-banner"
          className="mb-6 flex gap-3 rounded-lg border border-warning-200 bg-warning-50 p-4 text-sm text-warning-800"
        >
          <AlertTriangle className="mt-0.5 size-5 shrink-0" />
          <div className="min-w-0 space-y-2">
            <p className="font-semibold">
              {t("leadsPortal.detail.infoRequestedTitle", { date: dateTime(lead.infoRequestedAt) })}
            </p>
            {question ? (
              <blockquote
                dir="auto"
                className="rounded-md border-s-2 border-warning-500 bg-surface px-3 py-2 whitespace-pre-wrap break-words text-neutral-900"
              >
                {question.body}
              </blockquote>
            ) : null}
            <p>
              {t.rich("leadsPortal.detail.infoRequestedHint", {
                edit: (chunks) => (
                  <Link href={`/leads/${lead.id}/edit`} className="font-medium underline underline-offset-2">
                    {chunks}
                  </Link>
                ),
                reply: (chunks) => (
                  <a href="#comment-body" className="font-medium underline underline-offset-2">
                    {chunks}
                  </a>
                ),
              })}
            </p>
          </div>
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card>
            <CardHeader title={t("leadsPortal.detail.details")} as="h2" />
            <CardBody>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
                <Row label={t("leadFields.companyName")}>
                  <span className="font-medium" dir="auto">
                    <bdi>{lead.companyName}</bdi>
                  </span>
                </Row>
                <Row label={t("leadFields.website")}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">
                      <bdi dir="ltr">{lead.website}</bdi>
                      <span className="sr-only"> {t("leadsPortal.detail.opensInNewTab")}</span>
                    </a>
                  ) : (
                    <bdi dir="ltr">{lead.website}</bdi>
                  )}
                </Row>
                <Row label={t("leads.columns.domain")}>
                  <bdi dir="ltr">{lead.domain}</bdi>
                </Row>
                <Row label={t("leadFields.country")}>{countryName(locale, lead.country)}</Row>
                <Row label={t("leadFields.contactName")}>
                  <span dir="auto">{lead.contactName}</span>
                </Row>
                <Row label={t("leadFields.contactEmail")}>
                  <a href={`mailto:${lead.contactEmail}`} className="text-brand-700 hover:underline">
                    <bdi dir="ltr">{lead.contactEmail}</bdi>
                  </a>
                </Row>
                <Row label={t("leadFields.contactPhone")}>
                  {lead.contactPhone ? (
                    <bdi dir="ltr">{lead.contactPhone}</bdi>
                  ) : (
                    <span className="text-muted">{t("leadsPortal.detail.none")}</span>
                  )}
                </Row>
                <Row label={t("leadFields.productId")}>
                  {localizedName(locale, lead.productName, lead.productNameAr)}
                </Row>
                <Row label={t("leadFields.estimatedValue")} testId="lead-estimated-value">
                  <bdi dir="ltr" className="tabular-nums">
                    {formatMoney(lead.estimatedValueMinor, lead.currency, locale)}
                  </bdi>
                </Row>
                <Row label={t("leadFields.expectedCloseDate")}>{date(day(lead.expectedCloseDate))}</Row>
                <Row label={t("leadsPortal.detail.registeredBy")}>
                  {lead.registrantName ?? <span className="text-muted">{t("leadsPortal.detail.formerUser")}</span>}
                </Row>
                {protection ? (
                  <Row label={t("leadsPortal.detail.protectedUntil")} testId="protected-until">
                    {date(protection.until)}
                  </Row>
                ) : null}
                {lead.status === "won" && lead.dealAmountMinor !== null && lead.dealCurrency ? (
                  <Row label={t("leadFields.amount")} testId="deal-amount">
                    <bdi dir="ltr" className="tabular-nums">
                      {formatMoney(lead.dealAmountMinor, lead.dealCurrency, locale)}
                    </bdi>
                  </Row>
                ) : null}
                {(lead.status === "won" || lead.status === "lost") && lead.closedOn ? (
                  <Row label={t("leads.columns.closedOn")} testId="closed-on">
                    {date(day(lead.closedOn))}
                  </Row>
                ) : null}
                {closed ? (
                  <Row label={t(`leadsPortal.detail.closeReason.${lead.status}`)}>
                    {lead.closeReason ? (
                      <span className="whitespace-pre-wrap" dir="auto" data-testid="close-reason">
                        {lead.closeReason}
                      </span>
                    ) : (
                      <span className="text-muted">{t("leadsPortal.detail.noReason")}</span>
                    )}
                  </Row>
                ) : null}
                <Row label={t("leadFields.notes")}>
                  {lead.notes ? (
                    <span className="whitespace-pre-wrap" dir="auto">
                      {lead.notes}
                    </span>
                  ) : (
                    <span className="text-muted">{t("leadsPortal.detail.none")}</span>
                  )}
                </Row>
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title={t("leadsPortal.detail.conversation")}
              description={t("leadsPortal.detail.conversationHint")}
              as="h2"
            />
            <CardBody className="space-y-4">
              <LeadThread comments={lead.thread} />
              {canChange ? (
                <CommentForm leadId={lead.id} side="partner" />
              ) : (
                // Comments are changes too (the server refuses them from a suspended partner).
                <fieldset disabled aria-describedby={SUSPENDED_NOTICE_ID} className="min-w-0">
                  <CommentForm leadId={lead.id} side="partner" />
                </fieldset>
              )}
            </CardBody>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title={t("leadsPortal.detail.history")} as="h2" />
          <CardBody>
            <LeadTimeline events={lead.timeline} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages("(partner)/leads/[id]/page", PartnerLeadPage);
