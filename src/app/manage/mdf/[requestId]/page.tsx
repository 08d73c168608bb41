import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader, ChevronStart } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { formatMoney, toDecimalString } from "@/lib/money";
import { requireStaffPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { BudgetSummary } from "@/app/(partner)/mdf/_parts/budget-summary";
import { ClaimCard, RequestFacts } from "@/app/(partner)/mdf/_parts/request-view";
import { ClaimDecision, RequestDecision } from "./decisions";

type Props = { params: Promise<{ requestId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(requestId: string) {
  if (!UUID.test(requestId)) notFound();
  try {
    return await (await api()).manage.mdf.request({ requestId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  await requireStaffPage("admin", "partner_manager", "finance");
  return { title: (await load((await params).requestId)).request.campaignName };
}

async function StaffRequestPage({ params }: Props) {
  const actor = await requireStaffPage("admin", "partner_manager", "finance");
  const detail = await load((await params).requestId);
  const [t, tm, format, locale] = await Promise.all([
    getTranslations("mdfAdmin"),
    getTranslations("mdf"),
    getFormatter(),
    getLocale(),
  ]);
  const { request, budget } = detail;
  const canDecide = actor.staffRole !== "finance";
  const money = (amount: bigint) => formatMoney(amount, request.currency, locale);
  // An approval is capped by what was asked and by what is left of the quarter, whichever is lower.
  const cap = request.requestedMinor < budget.remainingMinor ? request.requestedMinor : budget.remainingMinor;
  return (
    <>
      <Link href="/manage/mdf" className="mb-4 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ChevronStart className="size-4" aria-hidden="true" />
        {t("backToQueue")}
      </Link>
      <PageHeader
        title={<bdi>{request.campaignName}</bdi>}
        description={
          <Link href={`/manage/partners/${request.partnerId}`} className="text-brand-700 hover:underline">
            <bdi>{detail.partnerName}</bdi>
          </Link>
        }
        actions={
          canDecide && request.status === "submitted" ? (
            <RequestDecision
              id={request.id}
              currency={request.currency}
              suggested={toDecimalString(cap, request.currency)}
              limitText={t("decision.requestLimit", {
                requested: money(request.requestedMinor),
                remaining: money(budget.remainingMinor),
              })}
            />
          ) : null
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title={t("budgetTitle", {
              partner: detail.partnerName,
              quarter: tm("quarterLabel", { quarter: format.number(request.quarter), year: String(request.year) }),
            })}
          />
          <CardBody>
            <BudgetSummary budget={budget} testId="staff-mdf-budget" />
          </CardBody>
        </Card>
        <RequestFacts data={detail} />
        {detail.claims.length > 0 ? (
          <section aria-labelledby="claims-title" className="space-y-4">
            <h2 id="claims-title" className="text-lg font-semibold text-neutral-900">
              {tm("claim.heading")}
            </h2>
            {detail.claims.map((claim) => (
              <ClaimCard
                key={claim.id}
                claim={claim}
                leadHref={(id) => `/manage/leads/${id}`}
                actions={
                  canDecide && claim.status === "submitted" ? (
                    <ClaimDecision
                      id={claim.id}
                      currency={claim.currency}
                      suggested={toDecimalString(claim.claimedMinor, claim.currency)}
                      limitText={t("decision.claimLimit", { claimed: money(claim.claimedMinor) })}
                    />
                  ) : null
                }
              />
            ))}
          </section>
        ) : (
          <p className="text-sm text-muted">{t("noClaims")}</p>
        )}
      </div>
    </>
  );
}

export default withClientMessages("manage/mdf/[requestId]/page", StaffRequestPage);
