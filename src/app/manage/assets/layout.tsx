import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SectionTabs } from "@/components/shell/section-tabs";
import { requireStaffPage } from "@/server/auth/guards";

const TABS = [
  { href: "/manage/assets", key: "library", keepersOnly: true },
  { href: "/manage/assets/usage", key: "usage", keepersOnly: false },
] as const;

/**
 * Assets, staff side: any staff member reaches the section (finance reads the usage); each page
 * checks its own roles, and finance is not shown the library tab it cannot open.
 */
export default async function AssetsLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffPage();
  const t = await getTranslations("assetsAdmin");
  const tabs = TABS.filter((tab) => !tab.keepersOnly || actor.staffRole !== "finance");
  return (
    <>
      <SectionTabs
        label={t("sectionNav")}
        testId="assets-tabs"
        tabs={tabs.map((tab) => ({ href: tab.href, label: t(`tabs.${tab.key}`) }))}
      />
      {children}
    </>
  );
}
