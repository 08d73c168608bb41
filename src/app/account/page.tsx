import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { api } from "@/server/trpc/server";
import { ChangePasswordForm, LanguageForm, SignOutEverywhereForm } from "./account-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

async function AccountPage() {
  const me = await (await api()).account.me();
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("account.title")} description={t("account.subtitle")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("account.profile")} as="h2" />
          <CardBody>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-muted">{t("account.name")}</dt>
              <dd>{me.name}</dd>
              <dt className="text-muted">{t("account.email")}</dt>
              <dd>
                <bdi dir="ltr">{me.email}</bdi>
              </dd>
              <dt className="text-muted">{t("account.role")}</dt>
              <dd>{t(`roles.${me.kind === "staff" ? me.staffRole : me.partnerRole}`)}</dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("account.language")} description={t("account.languageHint")} as="h2" />
          <CardBody>
            <LanguageForm current={locale === "ar" ? "ar" : "en"} />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title={t("account.changePassword")} as="h2" />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title={t("account.sessions")} description={t("account.sessionsHint")} as="h2" />
          <CardBody>
            <SignOutEverywhereForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

export default withClientMessages("account/page", AccountPage);
