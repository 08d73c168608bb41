import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";
import { requireStaffPage } from "@/server/auth/guards";

const TABS = [
  { href: "/manage/commissions", key: "ledger", exact: true },
  { href: "/manage/commissions/adjustments", key: "adjustments", exact: false },
  { href: "/manage/commissions/plans", key: "plans", exact: false },
  { href: "/manage/commissions/campaigns", key: "campaigns", exact: false },
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
      <nav aria-label={t("sectionNav")} className="mb-6 border-b border-border pb-2" data-testid="commissions-tabs">
        <ul className="flex flex-wrap gap-1">
          {TABS.map((tab) => (
            <li key={tab.href}>
              <NavLink href={tab.href} exact={tab.exact}>
                {t(`tabs.${tab.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
