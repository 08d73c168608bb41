import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";
import { requireStaffPage } from "@/server/auth/guards";

const TABS = [
  { href: "/manage/assets", key: "library", exact: true, keepersOnly: true },
  { href: "/manage/assets/usage", key: "usage", exact: false, keepersOnly: false },
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
      <nav aria-label={t("sectionNav")} className="mb-6 border-b border-border pb-2" data-testid="assets-tabs">
        <ul className="flex flex-wrap gap-1">
          {tabs.map((tab) => (
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
