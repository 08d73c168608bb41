import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SectionTabs } from "@/components/shell/section-tabs";
import { requireStaffPage } from "@/server/auth/guards";

const TABS = [
  { href: "/manage/commissions", key: "ledger" },
  { href: "/manage/commissions/adjustments", key: "adjustments" },
  { href: "/manage/commissions/plans", key: "plans" },
  { href: "/manage/commissions/campaigns", key: "campaigns" },
] as const;

/**
 * Partner managers and finance (admins always); checked here so a refusal is a real 403 before
 * streaming. The section's tabs mark the open page as current.
 */
export default async function CommissionsLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("partner_manager", "finance");
  const t = await getTranslations("commissionsAdmin");
  return (
    <>
      <SectionTabs
        label={t("sectionNav")}
        testId="commissions-tabs"
        tabs={TABS.map((tab) => ({ href: tab.href, label: t(`tabs.${tab.key}`) }))}
      />
      {children}
    </>
  );
}
