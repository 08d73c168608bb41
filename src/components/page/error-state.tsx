"use client";

import { useTranslations } from "next-intl";
import { AlertTriangle, Button } from "@/components/ui";

/** What every error.tsx shows: what happened, and a way to try again. */
export function ErrorState({ reset, digest }: { reset: () => void; digest?: string }) {
  const t = useTranslations("common");
  return (
    <div
      role="alert"
      className="mx-auto mt-12 max-w-md rounded-lg border border-danger-200 bg-surface p-6 text-center shadow-sm"
    >
      <AlertTriangle className="mx-auto size-8 text-danger-600" />
      <h2 className="mt-3 text-lg font-semibold">{t("errorTitle")}</h2>
      <p className="mt-1 text-sm text-muted">{t("errorBody")}</p>
      {digest ? <p className="mt-2 font-mono text-xs text-muted">{t("errorReference", { digest })}</p> : null}
      <Button className="mt-4" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
