import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";
import { requireStaffPage } from "@/server/auth/guards";

const TABS = [
  { href: "/manage/courses", key: "courses", exact: true, authorsOnly: true },
  { href: "/manage/courses/reports", key: "reports", exact: false, authorsOnly: false },
  { href: "/manage/courses/certifications", key: "certifications", exact: false, authorsOnly: false },
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
      <nav aria-label={t("sectionNav")} className="mb-6 border-b border-border pb-2" data-testid="courses-tabs">
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
