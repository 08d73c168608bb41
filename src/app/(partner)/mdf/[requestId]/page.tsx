import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";
import { ChevronStart } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { formatMoney } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { ClaimCard, RequestFacts } from "../_parts/request-view";
import { CancelRequest, ClaimForm } from "./request-actions";

type Props = { params: Promise<{ requestId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(requestId: string) {
  if (!UUID.test(requestId)) notFound();
  const caller = await api();
  try {
    return await caller.partner.mdf.request({ requestId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  await requirePartnerPage();
  const detail = await load((await params).requestId);
  return { title: detail.request.campaignName };
}

async function RequestPage({ params }: Props) {
  const actor = await requirePartnerPage();
  const detail = await load((await params).requestId);
  const [t, locale] = await Promise.all([getTranslations("mdf"), getLocale()]);
  const { request } = detail;
  const active = actor.partnerStatus === "active";
  const leads = detail.claimBlocker === null && active ? await (await api()).partner.mdf.leadOptions({}) : [];
  return (
    <>
      <Link href="/mdf" className="mb-4 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ChevronStart className="size-4" aria-hidden="true" />
        {t("backToMdf")}
      </Link>
      <PageHeader
        title={<bdi>{request.campaignName}</bdi>}
        actions={request.status === "submitted" && active ? <CancelRequest requestId={request.id} /> : null}
      />
      <div className="space-y-6">
        <RequestFacts data={detail} />
        {detail.claimBlocker === null && active ? (
          <ClaimForm
            requestId={request.id}
            currency={request.currency}
            approved={formatMoney(request.approvedMinor ?? 0n, request.currency, locale)}
            leads={leads}
          />
        ) : detail.claimBlocker && detail.claimBlocker !== "notApproved" && detail.claimBlocker !== "claimExists" ? (
          <p className="text-sm text-muted" data-testid="mdf-claim-blocker">
            {t(`detail.blockers.${detail.claimBlocker}`)}
          </p>
        ) : null}
        {detail.claims.length > 0 ? (
          <section aria-labelledby="claims-title" className="space-y-4">
            <h2 id="claims-title" className="text-lg font-semibold text-neutral-900">
              {t("claim.heading")}
            </h2>
            {detail.claims.map((claim) => (
              <ClaimCard key={claim.id} claim={claim} leadHref={(id) => `/leads/${id}`} />
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}

export default withClientMessages("(partner)/mdf/[requestId]/page", RequestPage);
