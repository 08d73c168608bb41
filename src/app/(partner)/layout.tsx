import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertTriangle } from "@/components/ui";
import { PartnerShell } from "@/app/_shell/shells";
import { requirePartnerPage } from "@/server/auth/guards";
import { getTermsAccepted } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { suspensionOf } from "@/server/domains/partners/queries";
import { ClientMessages } from "@/i18n/client-messages";

export default async function PartnerLayout({ children }: { children: ReactNode }) {
  const actor = await requirePartnerPage();
  const db = await getDb();
  // Every partner user works under the current program terms.
  if (!(await getTermsAccepted())) redirect("/terms");
  const t = await getTranslations("suspension");
  const format = await getFormatter();
  const suspension = actor.partnerStatus === "suspended" ? await suspensionOf(db, actor.partnerId) : null;
  return (
    <ClientMessages entry="(partner)/layout">
      <PartnerShell actor={actor}>
        {actor.partnerStatus === "suspended" ? (
          <div
            role="status"
            data-testid="suspension-banner"
            className="mb-6 flex gap-3 rounded-lg border border-warning-200 bg-warning-50 p-4 text-sm text-warning-800"
          >
            <AlertTriangle className="mt-0.5 size-5 shrink-0" />
            <div>
              <p className="font-semibold">{t("title")}</p>
              <p>{t("body")}</p>
              {suspension ? (
                <p className="mt-2" data-testid="suspension-reason">
                  {t("reason", { date: format.dateTime(suspension.at, { dateStyle: "medium" }) })}{" "}
                  <q>{suspension.reason}</q>
                </p>
              ) : null}
            </div>
          </div>
        ) : null}
        {children}
      </PartnerShell>
    </ClientMessages>
  );
}
