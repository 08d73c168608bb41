import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import {
  Banknote,
  Box,
  Briefcase,
  Building,
  ChartBar,
  FileText,
  Folder,
  GraduationCap,
  Home,
  LogOut,
  Mail,
  Megaphone,
  Menu,
  Settings,
  Shield,
  Target,
  Users,
  type IconComponent,
} from "@/components/ui";
import { NavLink } from "@/components/shell/nav-link";
import { signOutAction } from "@/app/actions";
import { LocaleSwitch } from "./locale-switch";

export const NAV_ICONS = {
  home: Home,
  chart: ChartBar,
  mail: Mail,
  shield: Shield,
  settings: Settings,
  users: Users,
  building: Building,
  file: FileText,
  target: Target,
  box: Box,
  briefcase: Briefcase,
  banknote: Banknote,
  graduation: GraduationCap,
  folder: Folder,
  megaphone: Megaphone,
} satisfies Record<string, IconComponent>;

export interface NavItem {
  href: string;
  label: string;
  icon: keyof typeof NAV_ICONS;
  exact?: boolean;
}

interface AppShellProps {
  /** Shown at the top of the sidebar: the organization's name, or the console's. */
  context: string;
  contextLabel: string;
  nav: NavItem[];
  user: { name: string; email: string; roleLabel: string };
  homeHref: string;
  children: ReactNode;
}

/** The frame of every signed-in page: sidebar (a menu at phone width), top bar, user menu. */
export async function AppShell({ context, contextLabel, nav, user, homeHref, children }: AppShellProps) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const links = nav.map((item) => {
    const Icon = NAV_ICONS[item.icon];
    return (
      <li key={item.href}>
        <NavLink href={item.href} exact={item.exact}>
          <Icon className="size-4 shrink-0" />
          {item.label}
        </NavLink>
      </li>
    );
  });
  const otherLocale = locale === "ar" ? "en" : "ar";
  return (
    <div className="flex min-h-dvh">
      <aside
        className="hidden w-sidebar shrink-0 flex-col border-e border-border bg-surface md:flex"
        aria-label={t("mainNavigation")}
      >
        <div className="flex h-topbar items-center gap-2 border-b border-border px-4">
          <Link href={homeHref} className="flex items-center gap-2 font-semibold text-neutral-900">
            <span
              aria-hidden
              className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
            >
              T
            </span>
            {t("appName")}
          </Link>
        </div>
        <div className="px-4 pt-4">
          <p className="text-xs font-medium uppercase tracking-wide text-muted">{contextLabel}</p>
          <p className="truncate text-sm font-semibold text-neutral-900" data-testid="shell-context">
            {context}
          </p>
        </div>
        <nav className="flex-1 px-2 py-4">
          <ul className="space-y-1" data-testid="main-nav">
            {links}
          </ul>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-topbar items-center justify-between gap-3 border-b border-border bg-surface px-4">
          <details className="relative min-w-0 md:hidden">
            {/* No aria-label: the name is what the button shows (the organization) followed by what it
                does, so a voice user can say the visible words (WCAG 2.5.3, label in name). */}
            <summary className="flex min-w-0 cursor-pointer list-none items-center gap-2 rounded-md p-2 hover:bg-surface-sunken">
              <Menu className="size-5 shrink-0" aria-hidden />
              <span className="max-w-[10rem] truncate text-sm font-semibold">{context}</span>
              <span className="sr-only">{t("openMenu")}</span>
            </summary>
            <nav
              className="absolute start-0 z-30 mt-2 w-64 rounded-lg border border-border bg-surface p-2 shadow-lg"
              aria-label={t("mainNavigation")}
            >
              <ul className="space-y-1">{links}</ul>
            </nav>
          </details>
          <div className="hidden md:block" />
          <details className="relative" data-testid="user-menu">
            <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 hover:bg-surface-sunken">
              <span
                aria-hidden
                className="grid size-8 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
              >
                {user.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="hidden text-start sm:block">
                <span className="block text-sm font-medium leading-tight">{user.name}</span>
                <span className="block text-xs leading-tight text-muted">{user.roleLabel}</span>
              </span>
              <span className="sr-only">{t("userMenu")}</span>
            </summary>
            <div className="absolute end-0 z-30 mt-2 w-64 rounded-lg border border-border bg-surface p-2 shadow-lg">
              <p className="truncate px-3 py-2 text-xs text-muted">{user.email}</p>
              <Link
                href="/account"
                className="flex items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-surface-sunken"
              >
                <Settings className="size-4" />
                {t("account")}
              </Link>
              <LocaleSwitch
                to={otherLocale}
                label={t(`switchTo.${otherLocale}`)}
                className="w-full rounded-md px-3 py-2 text-start hover:bg-surface-sunken"
              />
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-start text-sm text-danger-700 hover:bg-danger-50"
                >
                  <LogOut className="size-4" />
                  {t("signOut")}
                </button>
              </form>
            </div>
          </details>
        </header>
        {/* min-w-0 here and on the column above: a wide table scrolls in its own frame, not the page. */}
        <main id="main" className="mx-auto w-full min-w-0 max-w-content flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
