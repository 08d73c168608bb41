import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { directionOf, isLocale } from "@/i18n/config";
import { Providers } from "@/components/providers";
import "./globals.css";
import { ClientMessages } from "@/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4f46e5" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale} dir={directionOf(isLocale(locale) ? locale : "en")}>
      <body className="min-h-dvh bg-surface-subtle text-neutral-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        {/* Formatting for every client component; each layout and page below adds the words its own read. */}
        <ClientMessages entry="layout">
          <Providers dismissLabel={t("dismiss")} regionLabel={t("notifications")}>
            {children}
          </Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
