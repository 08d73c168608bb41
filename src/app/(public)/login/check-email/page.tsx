import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, Mail } from "@/components/ui";

export default async function CheckEmailPage() {
  const t = await getTranslations("login");
  return (
    <Card>
      <CardBody className="p-6 text-center sm:p-8">
        <Mail className="mx-auto size-8 text-brand-600" />
        <h1 className="mt-3 text-xl font-semibold">{t("checkEmailTitle")}</h1>
        <p className="mt-2 text-sm text-muted">{t("checkEmailBody")}</p>
        <Link href="/login" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
          {t("backToLogin")}
        </Link>
      </CardBody>
    </Card>
  );
}
