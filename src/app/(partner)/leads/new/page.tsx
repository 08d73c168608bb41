import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader, ChevronStart, EmptyState, Shield, Box } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { countryOptions } from "@/lib/countries";
import { formatCount } from "@/lib/money";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { canChangeLeads, SUSPENDED_NOTICE_ID, SuspendedNotice } from "../lead-actions-gate";
import { LeadForm } from "../lead-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("leadsPortal.new"))("title") };
}

async function NewLeadPage() {
  const me = await requirePartnerPage();
  const caller = await api();
  const [options, settings] = await Promise.all([caller.partner.leads.formOptions(), caller.account.programSettings()]);
  const t = await getTranslations();
  const locale = await getLocale();
  const canRegister = canChangeLeads(me.partnerStatus);
  const rules = [
    t("leadsPortal.new.rules.firstCome"),
    t("leadsPortal.new.rules.review"),
    t("leadsPortal.new.rules.protection", {
      days: settings.leadProtectionDays,
      formatted: formatCount(settings.leadProtectionDays, locale),
    }),
    t("leadsPortal.new.rules.expiry", {
      days: settings.leadExpiryDays,
      formatted: formatCount(settings.leadExpiryDays, locale),
    }),
    t("leadsPortal.new.rules.dailyLimit", {
      limit: options.dailyLimit,
      formatted: formatCount(options.dailyLimit, locale),
    }),
  ];
  return (
    <>
      <Link href="/leads" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-neutral-900">
        <ChevronStart className="size-4" />
        {t("leadsPortal.new.back")}
      </Link>
      <PageHeader title={t("leadsPortal.new.title")} description={t("leadsPortal.new.subtitle")} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardBody>
            {canRegister ? null : <SuspendedNotice className="mb-4" />}
            {options.products.length === 0 ? (
              <EmptyState
                icon={<Box className="size-6" />}
                title={t("leadsPortal.new.noProducts")}
                description={t("leadsPortal.new.noProductsHint")}
              />
            ) : (
              <LeadForm
                initial={{
                  companyName: "",
                  website: "",
                  contactName: "",
                  contactEmail: "",
                  contactPhone: "",
                  country: "",
                  productId: options.products.length === 1 ? options.products[0]!.id : "",
                  estimatedValue: "",
                  currency: options.currency,
                  expectedCloseDate: "",
                  notes: "",
                }}
                products={options.products}
                countries={countryOptions(locale)}
                currencies={Intl.supportedValuesOf("currency")}
                minDate={new Date().toISOString().slice(0, 10)}
                lockedBy={canRegister ? undefined : SUSPENDED_NOTICE_ID}
              />
            )}
          </CardBody>
        </Card>
        <Card className="self-start" data-testid="lead-rules">
          <CardHeader title={t("leadsPortal.new.rulesTitle")} as="h2" />
          <CardBody>
            <ul className="space-y-3 text-sm text-neutral-800">
              {rules.map((rule) => (
                <li key={rule} className="flex gap-2">
                  <Shield className="mt-0.5 size-4 shrink-0 text-brand-600" />
                  <span>{rule}</span>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages("(partner)/leads/new/page", NewLeadPage);
