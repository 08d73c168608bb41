import { getTranslations } from "next-intl/server";
import { buttonClasses, Download } from "@/components/ui";

/** The statement of one payout as a download, CSV and PDF (the route renders it in the reader's language). */
export async function StatementLinks({
  payoutId,
  size = "sm",
  labelled = false,
}: {
  payoutId: string;
  size?: "sm" | "md";
  /** Says "Statement" before the buttons, where no column header does. */
  labelled?: boolean;
}) {
  const t = await getTranslations("payoutsPortal.statement");
  const href = (format: "csv" | "pdf") => `/api/payouts/${payoutId}/statement?format=${format}`;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {labelled ? <span className="text-sm text-muted">{t("label")}</span> : null}
      {(["csv", "pdf"] as const).map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          className={buttonClasses("secondary", size)}
          data-testid={`statement-${format}`}
        >
          <Download className="size-4" />
          {t(format)}
          <span className="sr-only"> {t("downloadHint")}</span>
        </a>
      ))}
    </span>
  );
}
