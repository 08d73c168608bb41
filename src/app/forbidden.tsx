import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses, Shield } from "@/components/ui";

export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="grid min-h-dvh place-items-center p-6">
      <div className="max-w-md text-center" data-testid="forbidden">
        <Shield className="mx-auto size-10 text-brand-600" />
        <p className="mt-3 text-sm font-semibold text-brand-600">403</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("forbiddenTitle")}</h1>
        <p className="mt-2 text-sm text-muted">{t("forbiddenBody")}</p>
        <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
