import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CommentForm } from "@/components/leads/comment-form";
import { LeadStatusBadge } from "@/components/leads/lead-status-badge";
import { LeadThread } from "@/components/leads/lead-thread";
import { LeadTimeline } from "@/components/leads/lead-timeline";
import { PageHeader } from "@/components/page/page-header";
import {
  AlertTriangle,
  Badge,
  Card,
  CardBody,
  CardHeader,
  Check,
  ChevronStart,
  Mail,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { countryName, websiteHref } from "@/lib/display";
import { formatMoney } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { LeadActions } from "./lead-actions";
import { loadLead } from "./load";
import { withClientMessages } from "@/i18n/client-messages";

/** The tab names the lead's company; the read is the page's own (cached per request), not a second query. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  // The page's guard first: someone who may not see the lead is sent away, not shown an error.
  await requireStaffPage("partner_manager", "finance");
  const lead = await loadLead((await params).id);
  return { title: lead.companyName };
}

/** A yyyy-mm-dd day as a Date at its start in UTC (formatted with timeZone UTC, so it stays that day). */
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);

const Muted = () => (
  <span className="text-muted" aria-hidden="true">
    —
  </span>
);

async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaffPage("partner_manager", "finance");
  const { id } = await params;
  const lead = await loadLead(id);
  const canReview = me.staffRole !== "finance";
  const decidable =
    lead.status === "submitted" || lead.status === "approved" || lead.status === "won" ? lead.status : null;

  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();

  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const day = (d: string) => format.dateTime(dayOf(d), { dateStyle: "medium", timeZone: "UTC" });
  const href = websiteHref(lead.website);
  const partnerLink = (partnerId: string, name: string) => (
    <Link href={`/manage/partners/${partnerId}`} className="text-brand-700 hover:underline" dir="auto">
      {name}
    </Link>
  );

  // The earliest registration among this lead and the others for the same company goes first.
  const registrations = [{ id: lead.id, createdAt: lead.createdAt }, ...lead.related];
  const firstId = registrations.reduce((a, b) => (b.createdAt < a.createdAt ? b : a)).id;
  const hasConflicts = lead.related.length > 0 || lead.customers.length > 0;
  const firstBadge = (leadId: string) =>
    lead.related.length > 0 && leadId === firstId ? (
      <Badge tone="brand" data-testid="registered-first">
        {t("leadReview.conflicts.registeredFirst")}
      </Badge>
    ) : null;
  const matched = (by: "domain" | "name") => (
    <Badge tone="warning">
      {by === "domain" ? t("leadReview.conflicts.byDomain") : t("leadReview.conflicts.byName")}
    </Badge>
  );

  const fields: [string, ReactNode][] = [
    [
      t("leadFields.companyName"),
      <span key="company" className="font-medium" dir="auto">
        {lead.companyName}
      </span>,
    ],
    [
      t("leadFields.website"),
      href ? (
        <a
          key="website"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          className="text-brand-700 hover:underline"
          data-testid="lead-website"
        >
          <bdi dir="ltr">{lead.website}</bdi>
          <span className="sr-only"> {t("leadReview.detail.opensInNewTab")}</span>
        </a>
      ) : (
        <bdi key="website" dir="ltr">
          {lead.website}
        </bdi>
      ),
    ],
    [
      t("leadReview.detail.domain"),
      <bdi key="domain" dir="ltr">
        {lead.domain}
      </bdi>,
    ],
    [
      t("leadFields.country"),
      <span key="country">
        {countryName(locale, lead.country)}{" "}
        <span className="text-muted">
          (<bdi dir="ltr">{lead.country}</bdi>)
        </span>
      </span>,
    ],
    [
      t("leadFields.contactName"),
      <span key="contact" dir="auto">
        {lead.contactName}
      </span>,
    ],
    [
      t("leadFields.contactEmail"),
      <a key="email" href={`mailto:${lead.contactEmail}`} className="text-brand-700 hover:underline">
        <bdi dir="ltr">{lead.contactEmail}</bdi>
      </a>,
    ],
    [
      t("leadFields.contactPhone"),
      lead.contactPhone ? (
        <bdi key="phone" dir="ltr">
          {lead.contactPhone}
        </bdi>
      ) : (
        <span key="phone" className="text-muted">
          {t("leadReview.detail.notGiven")}
        </span>
      ),
    ],
    [t("leadFields.productId"), lead.productName],
    [
      t("leadFields.estimatedValue"),
      <span key="value" className="tabular-nums">
        {formatMoney(lead.estimatedValueMinor, lead.currency, locale)}
      </span>,
    ],
    [t("leadFields.expectedCloseDate"), day(lead.expectedCloseDate)],
    [
      t("leadReview.detail.registeredBy"),
      <span key="registrant" className="flex flex-wrap items-center gap-x-2">
        {lead.registrantName ? <span dir="auto">{lead.registrantName}</span> : null}
        {lead.registrantEmail ? (
          <span className="text-muted">
            <bdi dir="ltr">{lead.registrantEmail}</bdi>
          </span>
        ) : null}
        <span data-testid="lead-partner">{partnerLink(lead.partnerId, lead.partnerName)}</span>
      </span>,
    ],
    [t("leadReview.detail.registeredOn"), dateTime(lead.createdAt)],
    [
      t("leadReview.detail.protectedUntil"),
      lead.protectedUntil ? (
        date(lead.protectedUntil)
      ) : (
        <span key="protected" className="text-muted">
          {t("leadReview.detail.notProtected")}
        </span>
      ),
    ],
  ];
  if (lead.status === "won" && lead.dealAmountMinor !== null && lead.dealCurrency) {
    fields.push([
      t("leadFields.amount"),
      <span key="deal" className="font-medium tabular-nums" data-testid="deal-amount">
        {formatMoney(lead.dealAmountMinor, lead.dealCurrency, locale)}
      </span>,
    ]);
  }
  if (lead.closedOn) fields.push([t("leadFields.closedOn"), day(lead.closedOn)]);
  if (lead.closeReason) {
    fields.push([
      t("leadReview.detail.closeReason"),
      <span key="reason" className="whitespace-pre-wrap break-words" dir="auto" data-testid="close-reason">
        {lead.closeReason}
      </span>,
    ]);
  }
  fields.push([
    t("leadFields.notes"),
    lead.notes ? (
      <span key="notes" className="whitespace-pre-wrap break-words" dir="auto">
        {lead.notes}
      </span>
    ) : (
      <span key="notes" className="text-muted">
        {t("leadReview.detail.notGiven")}
      </span>
    ),
  ]);

  return (
    <>
      <Link
        href="/manage/leads"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900"
      >
        <ChevronStart className="size-4" />
        {t("leadReview.detail.back")}
      </Link>
      <PageHeader
        title={<bdi>{lead.companyName}</bdi>}
        actions={
          <>
            <LeadStatusBadge status={lead.status} data-testid="lead-status" />
            {lead.flagged ? (
              <Badge tone="warning" title={t("leadReview.detail.flaggedHint")} data-testid="lead-flagged">
                <AlertTriangle className="size-3.5" />
                {t("leadReview.detail.flagged")}
                <span className="sr-only">{t("leadReview.detail.flaggedHint")}</span>
              </Badge>
            ) : null}
            {lead.infoRequestedAt ? (
              <Badge tone="brand" data-testid="lead-info-requested">
                <Mail className="size-3.5" />
                {t("leadReview.detail.infoRequested")}
              </Badge>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card>
            <CardHeader title={t("leadReview.detail.details")} as="h2" />
            <CardBody>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]" data-testid="lead-fields">
                {fields.map(([label, value], index) => (
                  <div key={index} className="contents">
                    <dt className="text-muted">{label}</dt>
                    <dd className="min-w-0">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
          <Card data-testid="lead-conflicts">
            <CardHeader
              title={t("leadReview.conflicts.title")}
              description={t("leadReview.conflicts.description")}
              as="h2"
            />
            <CardBody>
              {hasConflicts ? (
                <Table wrapperClassName="shadow-none">
                  <THead>
                    <TR>
                      <TH>{t("leadReview.conflicts.company")}</TH>
                      <TH>{t("leadReview.conflicts.domain")}</TH>
                      <TH>{t("leadReview.conflicts.partner")}</TH>
                      <TH>{t("leadReview.conflicts.status")}</TH>
                      <TH>{t("leadReview.conflicts.registered")}</TH>
                      <TH>{t("leadReview.conflicts.protectedUntil")}</TH>
                      <TH>{t("leadReview.conflicts.matchedBy")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    <TR className="bg-brand-50/50" data-testid="conflict-row-self">
                      <TD>
                        <span className="block font-medium" dir="auto">
                          <bdi>{lead.companyName}</bdi>
                        </span>
                        <span className="mt-0.5 flex flex-wrap gap-1">
                          <Badge tone="neutral">{t("leadReview.conflicts.thisLead")}</Badge>
                          {firstBadge(lead.id)}
                        </span>
                      </TD>
                      <TD>
                        <bdi dir="ltr">{lead.domain}</bdi>
                      </TD>
                      <TD>{partnerLink(lead.partnerId, lead.partnerName)}</TD>
                      <TD>
                        <LeadStatusBadge status={lead.status} />
                      </TD>
                      <TD className="whitespace-nowrap">{date(lead.createdAt)}</TD>
                      <TD className="whitespace-nowrap">
                        {lead.protectedUntil ? date(lead.protectedUntil) : <Muted />}
                      </TD>
                      <TD>
                        <Muted />
                      </TD>
                    </TR>
                    {lead.related.map((other) => (
                      <TR key={other.id} data-testid="conflict-row" data-kind="lead">
                        <TD>
                          <Link
                            href={`/manage/leads/${other.id}`}
                            className="block font-medium text-brand-700 hover:underline"
                            dir="auto"
                          >
                            <bdi>{other.companyName}</bdi>
                          </Link>
                          {firstBadge(other.id) ? <span className="mt-0.5 flex">{firstBadge(other.id)}</span> : null}
                        </TD>
                        <TD>
                          <bdi dir="ltr">{other.domain}</bdi>
                        </TD>
                        <TD>{partnerLink(other.partnerId, other.partnerName)}</TD>
                        <TD>
                          <LeadStatusBadge status={other.status} />
                        </TD>
                        <TD className="whitespace-nowrap">{date(other.createdAt)}</TD>
                        <TD className="whitespace-nowrap">
                          {other.protectedUntil ? date(other.protectedUntil) : <Muted />}
                        </TD>
                        <TD>{matched(other.matchedBy)}</TD>
                      </TR>
                    ))}
                    {lead.customers.map((customer) => (
                      <TR key={customer.id} data-testid="conflict-row" data-kind="customer">
                        <TD>
                          <span className="block font-medium" dir="auto">
                            {customer.name}
                          </span>
                        </TD>
                        <TD>{customer.domain ? <bdi dir="ltr">{customer.domain}</bdi> : <Muted />}</TD>
                        <TD>
                          <Badge tone="danger">{t("leadReview.conflicts.customer")}</Badge>
                          <span className="mt-0.5 block text-xs text-muted">
                            {t(`leadReview.conflicts.customerSource.${customer.source}`)}
                          </span>
                        </TD>
                        <TD>
                          <Muted />
                        </TD>
                        <TD>
                          <Muted />
                        </TD>
                        <TD>
                          <Muted />
                        </TD>
                        <TD>
                          {matched(customer.domain !== null && customer.domain === lead.domain ? "domain" : "name")}
                        </TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              ) : (
                <div
                  className="flex items-start gap-3 rounded-md border border-dashed border-border-strong px-4 py-4"
                  data-testid="no-conflicts"
                >
                  <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-success-50 text-success-700">
                    <Check className="size-4" />
                  </span>
                  <div className="text-sm">
                    <p className="font-medium text-neutral-900">{t("leadReview.conflicts.none")}</p>
                    <p className="mt-0.5 text-muted">{t("leadReview.conflicts.noneHint")}</p>
                  </div>
                </div>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("leadReview.thread")} description={t("leadReview.threadHint")} as="h2" />
            <CardBody className="space-y-4">
              <LeadThread comments={lead.thread} />
              {canReview ? <CommentForm leadId={lead.id} side="staff" /> : null}
            </CardBody>
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          {canReview && decidable ? (
            <Card>
              <CardHeader title={t("leadReview.actions.title")} as="h2" />
              <CardBody>
                <LeadActions
                  leadId={lead.id}
                  status={decidable}
                  currency={lead.currency}
                  partnerId={lead.partnerId}
                  currencies={Intl.supportedValuesOf("currency")}
                  today={todayUtc()}
                />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("leadReview.timeline")} as="h2" />
            <CardBody>
              <LeadTimeline events={lead.timeline} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

/** Today as yyyy-mm-dd in UTC: the day the server checks a close date against. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export default withClientMessages("manage/leads/[id]/page", LeadPage);
