"use client";

import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import {
  Badge,
  Button,
  cn,
  fieldControlClasses,
  FileInput,
  FormField,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  Upload,
  FormAlert,
} from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import type { AppRouter } from "@/server/trpc/root";

type ImportReport = inferRouterOutputs<AppRouter>["partner"]["leads"]["import"];

/** Uploads a CSV of leads and reports, row by row, what was registered and what was refused and why. */
export function ImportForm({
  maxBytes,
  lockedBy,
}: {
  maxBytes: number;
  /** The id of the notice saying why the partner cannot import (a suspended partner); the form is disabled. */
  lockedBy?: string;
}) {
  const t = useTranslations("leadsPortal.import");
  const tf = useTranslations("leadFields");
  const format = useFormatter();
  const trpc = useTRPC();
  const [reading, setReading] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const { submit, errors, field, setField, pending } = useFormMutation(trpc.partner.leads.import.mutationOptions(), {
    onSuccess: setReport,
  });

  const onSubmit = submit(async (data) => {
    setReport(null);
    const file = data.get("csv");
    if (!(file instanceof File) || file.size === 0) {
      setField("csv", t("chooseFile"));
      return null;
    }
    if (file.size > maxBytes) {
      setField("csv", t("tooLarge", { size: format.number(maxBytes / 1_000_000, { maximumFractionDigits: 1 }) }));
      return null;
    }
    setReading(true);
    try {
      return { csv: await file.text() };
    } catch {
      setField("csv", t("unreadable"));
      return null;
    } finally {
      setReading(false);
    }
  });

  const error = field("csv");
  const message = errors.message && !error ? errors.message : null;
  const label = (name: string) => (tf.has(name) ? tf(name) : name);
  const registered = report?.filter((r) => r.outcome !== "refused").length ?? 0;
  const refused = report ? report.length - registered : 0;

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="import-form">
        <FormAlert message={message} />
        {/* A disabled fieldset disables every control in it; the notice beside it says why. */}
        <fieldset disabled={Boolean(lockedBy)} aria-describedby={lockedBy} className="space-y-4">
          <FormField label={tf("csv")} htmlFor="csv-file" hint={t("fileHint")} error={error} required>
            <FileInput
              name="csv"
              accept=".csv,text/csv"
              required
              className={cn(
                fieldControlClasses,
                "h-auto px-3 py-2 file:me-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:text-sm file:font-medium file:text-brand-700",
              )}
            />
          </FormField>
          <Button type="submit" loading={reading || pending} data-testid="import-submit">
            <Upload className="size-4" />
            {pending ? t("importing") : t("submit")}
          </Button>
        </fieldset>
      </form>

      {report ? (
        <section aria-labelledby="import-report-title" className="space-y-3">
          <h3 id="import-report-title" className="text-base font-semibold text-neutral-900">
            {t("reportTitle")}
          </h3>
          <p role="status" className="text-sm text-neutral-800" data-testid="import-summary">
            {t("summary", {
              registered,
              refused,
              total: report.length,
              registeredFormatted: format.number(registered),
              refusedFormatted: format.number(refused),
              totalFormatted: format.number(report.length),
            })}
          </p>
          {registered > 0 ? <p className="text-sm text-muted">{t("underReview")}</p> : null}
          <Table data-testid="import-report">
            <caption className="sr-only">{t("reportTitle")}</caption>
            <THead>
              <TR>
                <TH numeric>{t("row")}</TH>
                <TH>{t("company")}</TH>
                <TH>{t("outcome")}</TH>
                <TH>{t("details")}</TH>
              </TR>
            </THead>
            <TBody>
              {report.map((row) => (
                <TR
                  key={row.row}
                  data-testid="import-row"
                  data-outcome={row.outcome === "refused" ? "refused" : "registered"}
                >
                  <TD numeric className="align-top">
                    {format.number(row.row)}
                  </TD>
                  <TD className="align-top" dir="auto">
                    {row.company || <span className="text-muted">{t("noCompany")}</span>}
                  </TD>
                  <TD className="align-top">
                    {/* A registration another partner made first is the manager's matter: the partner just sees it registered. */}
                    {row.outcome === "refused" ? (
                      <Badge tone="danger">{t("refused")}</Badge>
                    ) : (
                      <Badge tone="success">{t("registered")}</Badge>
                    )}
                  </TD>
                  <TD className="align-top">
                    {row.outcome === "refused" ? (
                      <div className="space-y-1 text-sm">
                        {Object.values(row.fields).includes(row.message) ? null : (
                          <p className="text-danger-700">{row.message}</p>
                        )}
                        {Object.keys(row.fields).length > 0 ? (
                          <ul className="list-disc space-y-0.5 ps-5 text-neutral-800">
                            {Object.entries(row.fields).map(([name, text]) => (
                              <li key={name}>
                                <span className="font-medium">{label(name)}</span>
                                {t("fieldSeparator")}
                                <span className="text-danger-700">{text}</span>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </div>
                    ) : (
                      <Link
                        href={`/leads/${row.leadId}`}
                        className="text-sm font-medium text-brand-700 hover:underline"
                      >
                        {t("openLead")}
                      </Link>
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
