import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/locale-switch";

/** Signed-out pages: a centred card, with the language switch always in reach. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
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
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-16">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </div>
  );
}
