import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, CardBody, CardHeader, Download } from "@/components/ui";
import { formatMoney } from "@/lib/money";
import { CLAIM_TONE, dayDate, REQUEST_TONE } from "./tones";

type Status = keyof typeof REQUEST_TONE;
type ClaimStatus = keyof typeof CLAIM_TONE;

export interface RequestViewData {
  request: {
    code: string;
    campaignName: string;
    activityType: string;
    description: string;
    startsOn: string;
    endsOn: string;
    year: number;
    quarter: number;
    currency: string;
    totalCostMinor: bigint;
    requestedMinor: bigint;
    approvedMinor: bigint | null;
    expectedLeads: number;
    expectedPipelineMinor: bigint;
    status: Status;
    decisionNote: string | null;
    decidedAt: Date | null;
    createdAt: Date;
  };
  claimDeadline: string;
  submittedByName: string | null;
}

/** The request's facts: what was asked, for what, and what was decided. Shared by the partner and staff pages. */
export async function RequestFacts({ data }: { data: RequestViewData }) {
  const [t, format, locale] = await Promise.all([getTranslations("mdf"), getFormatter(), getLocale()]);
  const { request } = data;
  const money = (amount: bigint) => <bdi dir="ltr">{formatMoney(amount, request.currency, locale)}</bdi>;
  const day = (d: string) => format.dateTime(dayDate(d), { dateStyle: "medium", timeZone: "UTC" });
  const rows: [string, React.ReactNode][] = [
    [t("detail.activity"), t(`activities.${request.activityType}`)],
    [t("detail.dates"), `${day(request.startsOn)} – ${day(request.endsOn)}`],
    [t("detail.quarter"), t("quarterLabel", { quarter: format.number(request.quarter), year: String(request.year) })],
    [t("detail.totalCost"), money(request.totalCostMinor)],
    [t("detail.requested"), money(request.requestedMinor)],
    [t("detail.approved"), request.approvedMinor !== null ? money(request.approvedMinor) : "—"],
    [t("detail.expectedLeads"), format.number(request.expectedLeads)],
    [t("detail.expectedPipeline"), money(request.expectedPipelineMinor)],
    [t("detail.claimDeadline"), day(data.claimDeadline)],
    [
      t("detail.submitted"),
      `${format.dateTime(request.createdAt, { dateStyle: "medium" })}${data.submittedByName ? ` · ${data.submittedByName}` : ""}`,
    ],
  ];
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <bdi dir="ltr">{request.code}</bdi>
            <Badge tone={REQUEST_TONE[request.status]} data-testid="mdf-request-status" data-status={request.status}>
              {t(`statuses.${request.status}`)}
            </Badge>
          </span>
        }
      />
      <CardBody className="space-y-4">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-muted">{label}</dt>
              <dd className="text-sm font-medium text-neutral-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {request.description ? (
          <p className="whitespace-pre-line text-sm text-neutral-700">{request.description}</p>
        ) : null}
        {request.decisionNote ? (
          <p className="rounded-md bg-neutral-50 p-3 text-sm text-neutral-800" data-testid="mdf-decision-note">
            <span className="font-medium">{t("detail.decisionNote")}: </span>
            {request.decisionNote}
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

export interface ClaimViewData {
  id: string;
  status: ClaimStatus;
  currency: string;
  actualCostMinor: bigint;
  claimedMinor: bigint;
  approvedMinor: bigint | null;
  leadsProduced: number;
  notes: string;
  decisionNote: string | null;
  createdAt: Date;
  files: { fileId: string; kind: "proof" | "invoice"; name: string; sizeBytes: number; url: string }[];
  leads: { leadId: string; companyName: string }[];
}

/** One claim: its numbers, its files (downloaded through the checked route), its leads and its decision. */
export async function ClaimCard({
  claim,
  leadHref,
  actions,
}: {
  claim: ClaimViewData;
  leadHref: (leadId: string) => string;
  actions?: React.ReactNode;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("mdf"), getFormatter(), getLocale()]);
  const money = (amount: bigint) => <bdi dir="ltr">{formatMoney(amount, claim.currency, locale)}</bdi>;
  const size = (bytes: number) => format.number(Math.max(1, Math.ceil(bytes / 1024)));
  return (
    <Card data-testid="mdf-claim" data-status={claim.status}>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t("claim.title", { date: format.dateTime(claim.createdAt, { dateStyle: "medium" }) })}
            <Badge tone={CLAIM_TONE[claim.status]} data-testid="mdf-claim-status">
              {t(`claimStatuses.${claim.status}`)}
            </Badge>
          </span>
        }
      />
      <CardBody className="space-y-4">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-xs text-muted">{t("claim.actualCost")}</dt>
            <dd className="text-sm font-medium tabular-nums">{money(claim.actualCostMinor)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted">{t("claim.claimed")}</dt>
            <dd className="text-sm font-medium tabular-nums">{money(claim.claimedMinor)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted">{t("claim.approved")}</dt>
            <dd className="text-sm font-medium tabular-nums" data-testid="mdf-claim-approved">
              {claim.approvedMinor !== null ? money(claim.approvedMinor) : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted">{t("claim.leadsProduced")}</dt>
            <dd className="text-sm font-medium tabular-nums">{format.number(claim.leadsProduced)}</dd>
          </div>
        </dl>
        {claim.notes ? <p className="whitespace-pre-line text-sm text-neutral-700">{claim.notes}</p> : null}
        <div>
          <h3 className="mb-2 text-sm font-medium text-neutral-900">{t("claim.files")}</h3>
          <ul className="space-y-1" data-testid="mdf-claim-files">
            {claim.files.map((f) => (
              <li key={f.fileId} className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={f.kind === "invoice" ? "brand" : "neutral"}>{t(`claim.kinds.${f.kind}`)}</Badge>
                <a
                  href={f.url}
                  className="inline-flex items-center gap-1 text-brand-700 hover:underline"
                  data-testid="mdf-claim-file"
                >
                  <Download className="size-4" aria-hidden="true" />
                  <bdi>{f.name}</bdi>
                </a>
                <span className="text-xs text-muted">{t("claim.size", { kb: size(f.sizeBytes) })}</span>
              </li>
            ))}
          </ul>
        </div>
        {claim.leads.length > 0 ? (
          <div>
            <h3 className="mb-2 text-sm font-medium text-neutral-900">{t("claim.leads")}</h3>
            <ul className="flex flex-wrap gap-2">
              {claim.leads.map((l) => (
                <li key={l.leadId}>
                  <a href={leadHref(l.leadId)} className="text-sm text-brand-700 hover:underline">
                    <bdi>{l.companyName}</bdi>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {claim.decisionNote ? (
          <p className="rounded-md bg-neutral-50 p-3 text-sm text-neutral-800">
            <span className="font-medium">{t("detail.decisionNote")}: </span>
            {claim.decisionNote}
          </p>
        ) : null}
        {actions}
      </CardBody>
    </Card>
  );
}
