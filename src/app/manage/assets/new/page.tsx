import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { requireStaffPage } from "@/server/auth/guards";
import { AssetForm } from "../_form/asset-form";
import { FORM_CATEGORIES, FORM_LIMITS } from "../_form/limits";
import { tierChoices } from "../tiers";

export async function generateMetadata() {
  return { title: (await getTranslations("assetsAdmin.new"))("title") };
}

async function NewAssetPage() {
  await requireStaffPage("partner_manager");
  const [t, tiers] = await Promise.all([getTranslations("assetsAdmin"), tierChoices()]);
  return (
    <>
      <Link href="/manage/assets" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("detail.back")}
      </Link>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <AssetForm categories={FORM_CATEGORIES} tiers={tiers} limits={FORM_LIMITS} initial={null} />
    </>
  );
}

export default withClientMessages("manage/assets/new/page", NewAssetPage);
