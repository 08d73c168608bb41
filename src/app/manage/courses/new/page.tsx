import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { withClientMessages } from "@/i18n/client-messages";
import { requireStaffPage } from "@/server/auth/guards";
import { CourseEditor } from "../_editor/course-editor";
import { EDITOR_LIMITS, tierChoices } from "../_editor/editor-props";

export async function generateMetadata() {
  return { title: (await getTranslations("coursesAdmin.new"))("title") };
}

async function NewCoursePage() {
  await requireStaffPage("partner_manager");
  const [t, locale, tiers] = await Promise.all([getTranslations("coursesAdmin"), getLocale(), tierChoices()]);
  return (
    <>
      <Link href="/manage/courses" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("editor.back")}
      </Link>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <CourseEditor
        mode={{ kind: "create", language: locale === "ar" ? "ar" : "en" }}
        initial={null}
        tiers={tiers}
        limits={EDITOR_LIMITS}
      />
    </>
  );
}

export default withClientMessages("manage/courses/new/page", NewCoursePage);
