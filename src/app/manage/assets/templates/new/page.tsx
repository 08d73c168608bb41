import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { requireStaffPage } from "@/server/auth/guards";
import { tierChoices } from "@/app/manage/courses/_editor/editor-props";
import { TEMPLATE_LIMITS } from "../_editor/limits";
import { BLANK_TEMPLATE, TemplateEditor } from "../_editor/template-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("cobrandAdmin.new"))("title") };
}

/** A new co-branded template; once created, the editor opens it with its preview. */
async function NewTemplatePage() {
  await requireStaffPage("partner_manager");
  const [t, tiers] = await Promise.all([getTranslations("cobrandAdmin"), tierChoices()]);
  return (
    <>
      <Link href="/manage/assets" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <TemplateEditor assetId={null} initial={BLANK_TEMPLATE} tiers={tiers} limits={TEMPLATE_LIMITS} />
    </>
  );
}

export default withClientMessages("manage/assets/templates/new/page", NewTemplatePage);
