import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="grid min-h-dvh place-items-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold">{t("notFoundTitle")}</h1>
        <p className="mt-2 text-sm text-muted">{t("notFoundBody")}</p>
        <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
