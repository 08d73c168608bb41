import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/server/db/client";
import { partnerName } from "@/server/domains/partners/queries";
import type { Actor, PartnerActor, StaffActor } from "@/server/domains/actor";
import { AppShell, type NavItem } from "./app-shell";

/** The staff console's sections, by role: only what works for that role appears. */
export function staffNav(actor: StaffActor, t: (key: string) => string): NavItem[] {
  const items: (NavItem & { roles?: StaffActor["staffRole"][] })[] = [
    { href: "/manage", label: t("overview"), icon: "chart", exact: true },
    { href: "/manage/applications", label: t("applications"), icon: "file", roles: ["admin", "partner_manager"] },
    {
      href: "/manage/partners",
      label: t("partners"),
      icon: "building",
      roles: ["admin", "partner_manager", "finance"],
    },
    { href: "/manage/leads", label: t("leadQueue"), icon: "target", roles: ["admin", "partner_manager", "finance"] },
    {
      href: "/manage/commissions",
      label: t("commissions"),
      icon: "chart",
      roles: ["admin", "partner_manager", "finance"],
    },
    { href: "/manage/payouts", label: t("payouts"), icon: "banknote", roles: ["admin", "finance"] },
    { href: "/manage/products", label: t("products"), icon: "box", roles: ["admin", "partner_manager"] },
    {
      href: "/manage/customers",
      label: t("customers"),
      icon: "briefcase",
      roles: ["admin", "partner_manager", "finance"],
    },
    { href: "/manage/courses", label: t("courses"), icon: "graduation", roles: ["admin", "partner_manager"] },
    { href: "/manage/assets", label: t("assets"), icon: "folder", roles: ["admin", "partner_manager"] },
    { href: "/manage/mdf", label: t("mdf"), icon: "megaphone", roles: ["admin", "partner_manager"] },
    { href: "/manage/terms", label: t("terms"), icon: "shield", roles: ["admin", "partner_manager"] },
    { href: "/manage/emails", label: t("emails"), icon: "mail", roles: ["admin"] },
    { href: "/manage/audit", label: t("audit"), icon: "file", roles: ["admin"] },
    { href: "/manage/settings", label: t("settings"), icon: "settings", roles: ["admin"] },
  ];
  return items.filter((i) => !i.roles || i.roles.includes(actor.staffRole)).map(({ roles: _roles, ...item }) => item);
}

export function partnerNav(actor: PartnerActor, t: (key: string) => string): NavItem[] {
  return [
    { href: "/dashboard", label: t("dashboard"), icon: "home" },
    { href: "/leads", label: t("leads"), icon: "target" },
    { href: "/earnings", label: t("earnings"), icon: "chart" },
    // Everyone in the partner sees its payouts; only owners change the payout settings there.
    { href: "/payouts", label: t("payouts"), icon: "banknote" },
    { href: "/training", label: t("training"), icon: "graduation" },
    { href: "/assets", label: t("assets"), icon: "folder" },
    { href: "/mdf", label: t("mdf"), icon: "megaphone" },
    { href: "/team", label: t("team"), icon: "users" },
    ...(actor.partnerRole === "owner"
      ? [{ href: "/settings", label: t("companySettings"), icon: "settings" } as const]
      : []),
  ];
}

export async function StaffShell({ actor, children }: { actor: StaffActor; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <AppShell
      context={t("common.staffConsole")}
      contextLabel={t("common.program")}
      nav={staffNav(actor, (k) => t(`nav.${k}` as never))}
      user={{ name: actor.name, email: actor.email, roleLabel: t(`roles.${actor.staffRole}`) }}
      homeHref="/manage"
    >
      {children}
    </AppShell>
  );
}

export async function PartnerShell({ actor, children }: { actor: PartnerActor; children: ReactNode }) {
  const t = await getTranslations();
  const organization = await partnerName(await getDb(), actor.partnerId);
  return (
    <AppShell
      context={organization}
      contextLabel={t("common.organization")}
      nav={partnerNav(actor, (k) => t(`nav.${k}` as never))}
      user={{ name: actor.name, email: actor.email, roleLabel: t(`roles.${actor.partnerRole}`) }}
      homeHref="/dashboard"
    >
      {children}
    </AppShell>
  );
}

export function ShellFor({ actor, children }: { actor: Actor; children: ReactNode }) {
  return actor.kind === "staff" ? (
    <StaffShell actor={actor}>{children}</StaffShell>
  ) : (
    <PartnerShell actor={actor}>{children}</PartnerShell>
  );
}
