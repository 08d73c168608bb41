import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui";
import { LocaleSwitch } from "./locale-switch";

/** The frame of pages outside the portal (sign-in, apply, invitations, terms): centred, language switch in reach. */
export async function CenteredFrame({ children, width = "max-w-md" }: { children: ReactNode; width?: string }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <span className="flex items-center gap-2 font-semibold">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
          >
            T
          </span>
          {t("appName")}
        </span>
        <LocaleSwitch
          to={other}
          label={t(`switchTo.${other}`)}
          testId="switch-locale"
          className="rounded-md px-3 py-1.5 text-muted-strong hover:bg-surface-sunken"
        />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-16">
        <div className={cn("w-full", width)}>{children}</div>
      </main>
    </div>
  );
}
