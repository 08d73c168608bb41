import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { countryOptions } from "@/lib/countries";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { LogoCard } from "./logo-card";
import { ProfileForm } from "./profile-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("companySettings"))("title") };
}

async function CompanySettingsPage() {
  const me = await requirePartnerPage();
  // The layout refuses members already; pages render in parallel with it, so check here too.
  if (me.partnerRole !== "owner") forbidden();
  const [profile, locale, t] = await Promise.all([
    (await api()).partner.profile.get(),
    getLocale(),
    getTranslations("companySettings"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("profile")} description={t("profileHint")} as="h2" />
          <CardBody>
            <ProfileForm
              countries={countryOptions(locale, profile.country)}
              initial={{
                name: profile.name,
                website: profile.website ?? "",
                country: profile.country ?? "",
                contactEmail: profile.contactEmail ?? "",
                phone: profile.phone ?? "",
                address: profile.address ?? "",
              }}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("logo")} description={t("logoHint")} as="h2" />
          <CardBody>
            <LogoCard
              partnerId={me.partnerId}
              companyName={profile.name}
              logoVersion={profile.logoUpdatedAt ? profile.logoUpdatedAt.getTime() : null}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages("(partner)/settings/page", CompanySettingsPage);
