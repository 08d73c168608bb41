import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronStart } from "@/components/ui";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { isoDay } from "@/lib/clock";
import { appClock } from "@/server/time";
import { requirePartnerPage } from "@/server/auth/guards";
import { api } from "@/server/trpc/server";
import { RequestForm } from "./request-form";

export async function generateMetadata() {
  return { title: (await getTranslations("mdf.form"))("title") };
}

async function NewRequestPage() {
  const actor = await requirePartnerPage();
  const t = await getTranslations("mdf");
  const budget = await (await api()).partner.mdf.budget({});
  return (
    <>
      <Link href="/mdf" className="mb-4 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ChevronStart className="size-4" aria-hidden="true" />
        {t("backToMdf")}
      </Link>
      <PageHeader title={t("form.title")} />
      {actor.partnerStatus === "active" ? (
        <RequestForm currency={budget.currency} today={isoDay(appClock.now())} />
      ) : (
        <p className="text-sm text-muted">{t("suspended")}</p>
      )}
    </>
  );
}

export default withClientMessages("(partner)/mdf/new/page", NewRequestPage);
