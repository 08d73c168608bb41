"use client";

import { usePathname } from "next/navigation";
import { isUnder, NavLink } from "./nav-link";

export interface SectionTab {
  href: string;
  label: string;
}

/**
 * A console section's tabs. The current tab is the one whose address is the longest prefix of the
 * open page's, so a record's page (/manage/courses/<id>, /manage/assets/new) keeps the section's
 * first tab marked while /manage/courses/reports marks its own.
 */
export function SectionTabs({ label, tabs, testId }: { label: string; tabs: SectionTab[]; testId: string }) {
  const pathname = usePathname();
  const current = tabs
    .filter((tab) => isUnder(pathname, tab.href))
    .reduce<SectionTab | null>((best, tab) => (!best || tab.href.length > best.href.length ? tab : best), null);
  return (
    <nav aria-label={label} className="mb-6 border-b border-border pb-2" data-testid={testId}>
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <NavLink href={tab.href} current={tab.href === current?.href}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
