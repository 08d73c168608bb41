import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SectionTabs } from "@/components/shell/section-tabs";
import { requireStaffPage } from "@/server/auth/guards";

const TABS = [
  { href: "/manage/courses", key: "courses", authorsOnly: true },
  { href: "/manage/courses/reports", key: "reports", authorsOnly: false },
  { href: "/manage/courses/certifications", key: "certifications", authorsOnly: false },
] as const;

/**
 * Training, staff side: any staff member reaches the section (finance reads the reports); each
 * page checks its own roles. Finance is not shown the authoring tab it cannot open.
 */
export default async function CoursesLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffPage();
  const t = await getTranslations("coursesAdmin");
  const tabs = TABS.filter((tab) => !tab.authorsOnly || actor.staffRole !== "finance");
  return (
    <>
      <SectionTabs
        label={t("sectionNav")}
        testId="courses-tabs"
        tabs={tabs.map((tab) => ({ href: tab.href, label: t(`tabs.${tab.key}`) }))}
      />
      {children}
    </>
  );
}
