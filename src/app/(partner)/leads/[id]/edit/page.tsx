import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses, Card, CardBody, ChevronStart, EmptyState, FileText } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { countryOptions } from "@/lib/countries";
import { isUuid } from "@/lib/ids";
import { toDecimalString } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { canChangeLeads, SUSPENDED_NOTICE_ID, SuspendedNotice } from "../../lead-actions-gate";
import { LeadForm } from "../../lead-form";
import { localizedName } from "@/lib/localized";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("leadsPortal.edit"))("title") };
}

async function EditLeadPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePartnerPage();
  const canEdit = canChangeLeads(me.partnerStatus);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const caller = await api();
  const lead = await caller.partner.leads.get({ leadId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations();
  const back = (
    <Link
      href={`/leads/${lead.id}`}
      className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900"
    >
      <ChevronStart className="size-4" />
      {t("leadsPortal.edit.back")}
    </Link>
  );

  // Only a lead still waiting for review can be corrected; the server refuses the rest anyway.
  if (lead.status !== "submitted") {
    return (
      <>
        {back}
        <PageHeader title={t("leadsPortal.edit.title")} />
        <EmptyState
          icon={<FileText className="size-6" />}
          title={t("leadsPortal.edit.notEditable")}
          description={t("leadsPortal.edit.notEditableHint", { status: t(`leadStatus.${lead.status}`) })}
          action={
            <Link href={`/leads/${lead.id}`} className={buttonClasses("secondary")} data-testid="back-to-lead">
              {t("leadsPortal.edit.back")}
            </Link>
          }
        />
      </>
    );
  }

  const options = await caller.partner.leads.formOptions();
  const locale = await getLocale();
  // An archived product stays on the lead; it is offered so that an edit does not silently change it.
  const products = options.products.some((p) => p.id === lead.productId)
    ? options.products
    : [
        { id: lead.productId, name: localizedName(locale, lead.productName, lead.productNameAr), description: null },
        ...options.products,
      ];
  return (
    <>
      {back}
      <PageHeader
        title={t("leadsPortal.edit.title")}
        description={t("leadsPortal.edit.subtitle", { company: lead.companyName })}
      />
      {lead.infoRequestedAt ? (
        <p
          role="note"
          className="mb-4 rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800"
        >
          {t("leadsPortal.edit.answersRequest")}
        </p>
      ) : null}
      <Card>
        <CardBody>
          {canEdit ? null : <SuspendedNotice className="mb-4" />}
          <LeadForm
            leadId={lead.id}
            initial={{
              companyName: lead.companyName,
              website: lead.website,
              contactName: lead.contactName,
              contactEmail: lead.contactEmail,
              contactPhone: lead.contactPhone ?? "",
              country: lead.country,
              productId: lead.productId,
              estimatedValue: toDecimalString(lead.estimatedValueMinor, lead.currency),
              currency: lead.currency,
              expectedCloseDate: lead.expectedCloseDate,
              notes: lead.notes ?? "",
            }}
            products={products}
            countries={countryOptions(locale, lead.country)}
            currencies={Intl.supportedValuesOf("currency")}
            minDate={new Date().toISOString().slice(0, 10)}
            lockedBy={canEdit ? undefined : SUSPENDED_NOTICE_ID}
          />
        </CardBody>
      </Card>
    </>
  );
}

export default withClientMessages("(partner)/leads/[id]/edit/page", EditLeadPage);
