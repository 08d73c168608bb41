import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Globe } from "@/components/ui";
import { switchLocaleAction } from "@/app/actions";

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
        <form action={switchLocaleAction}>
          <input type="hidden" name="locale" value={other} />
          <button type="submit" lang={other} className="flex items-center gap-2 rounded-md px-3 py-1.5 text-sm text-muted-strong hover:bg-surface-sunken" data-testid="switch-locale">
            <Globe className="size-4" />
            {t(`switchTo.${other}`)}
          </button>
        </form>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-16">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </div>
  );
}
