import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getCurrentActor } from "@/server/auth/current";

/** The terms gate: the public pages' centred look, for someone already signed in. */
export default async function TermsLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login?callbackUrl=/terms");
  const t = await getTranslations("common");
  const locale = await getLocale();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <span className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">T</span>
          {t("appName")}
        </span>
        <LocaleSwitch to={other} label={t(`switchTo.${other}`)} testId="switch-locale" className="rounded-md px-3 py-1.5 text-muted-strong hover:bg-surface-sunken" />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-12">
        <div className="w-full max-w-2xl">{children}</div>
      </main>
    </div>
  );
}
