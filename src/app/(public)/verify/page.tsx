import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui";
import { param, type SearchParams } from "@/lib/list-params";
import { VerifyForm } from "./verify-form";

export async function generateMetadata() {
  return { title: (await getTranslations("verifyCertificate"))("title") };
}

/** Anyone (no sign-in) types a certificate's code here. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const typed = param(await searchParams, "code")?.trim();
  if (typed) redirect(`/verify/${encodeURIComponent(typed.slice(0, 64))}`);
  const t = await getTranslations("verifyCertificate");
  return (
    <Card>
      <CardBody className="space-y-4 p-6 sm:p-8">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted">{t("subtitle")}</p>
        </div>
        <VerifyForm />
      </CardBody>
    </Card>
  );
}
