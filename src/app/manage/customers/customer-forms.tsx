"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge, Button, Dialog, fieldDescribedBy, FormField, Input, Plus, Table, TBody, TD, TH, THead, TR, Upload, type BadgeTone } from "@/components/ui";
import { FormCard } from "@/components/page/form-card";
import { useTRPC } from "@/lib/trpc/client";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { formMessage } from "@/lib/trpc/form-errors";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

type ImportOutcome = "added" | "exists" | "invalid";
interface ImportReport {
  rows: { row: number; name: string; outcome: ImportOutcome; field?: string; code?: string }[];
  added: number;
}

const OUTCOME_TONE: Record<ImportOutcome, BadgeTone> = { added: "success", exists: "warning", invalid: "danger" };

export function AddCustomerForm() {
  const t = useTranslations("catalogAdmin.customers.add");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, field } = useFormErrors();
  const [formKey, setFormKey] = useState(0);
  const add = useMutation(
    trpc.catalog.addCustomer.mutationOptions({
      onSuccess: (customer) => {
        clear();
        setFormKey((k) => k + 1); // a fresh, empty form for the next customer
        feedback.done(t("done", { name: customer.name }));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    add.mutate({ name: String(data.get("name") ?? ""), website: String(data.get("website") ?? "") });
  }
  const message = formMessage(errors, ["name", "website"]);
  return (
    <FormCard
      titleId="add-customer-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={submit}
      formKey={formKey}
      message={message}
      footer={
        <Button type="submit" loading={add.isPending} data-testid="add-customer">
          <Plus className="size-4" />
          {t("submit")}
        </Button>
      }
    >
      <FormField label={t("name")} htmlFor="customer-name" error={field("name")} required>
        <Input
          id="customer-name"
          name="name"
          required
          minLength={2}
          maxLength={160}
          autoComplete="off"
          dir="auto"
          aria-invalid={field("name") ? true : undefined}
          aria-describedby={fieldDescribedBy("customer-name", { error: field("name") })}
        />
      </FormField>
      <FormField label={t("website")} htmlFor="customer-website" hint={t("websiteHint")} error={field("website")}>
        <Input
          id="customer-website"
          name="website"
          dir="ltr"
          inputMode="url"
          maxLength={200}
          autoComplete="off"
          aria-invalid={field("website") ? true : undefined}
          aria-describedby={fieldDescribedBy("customer-website", { hint: t("websiteHint"), error: field("website") })}
        />
      </FormField>
    </FormCard>
  );
}

export function ImportCustomersForm() {
  const t = useTranslations("catalogAdmin.customers.import");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [reading, setReading] = useState(false);
  const importCsv = useMutation(
    trpc.catalog.importCustomers.mutationOptions({
      onSuccess: (result) => {
        clear();
        setReport(result);
        feedback.done(t("done", { added: result.added }));
      },
      onError: fromError,
    }),
  );
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    setReport(null);
    const file = new FormData(event.currentTarget).get("csv");
    if (!(file instanceof File) || file.size === 0) {
      setField("csv", t("chooseFile"));
      return;
    }
    setReading(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setField("csv", t("readFailed"));
      return;
    } finally {
      setReading(false);
    }
    importCsv.mutate({ csv });
  }
  const message = formMessage(errors, ["csv"]);
  return (
    <FormCard
      titleId="import-customers-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={submit}
      message={message}
      after={report ? <ImportReportTable report={report} /> : null}
      footer={
        <Button type="submit" variant="secondary" loading={reading || importCsv.isPending} data-testid="import-customers">
          <Upload className="size-4" />
          {t("submit")}
        </Button>
      }
    >
      <FormField label={t("file")} htmlFor="customers-csv" error={field("csv")}>
        <input
          id="customers-csv"
          name="csv"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={field("csv") ? true : undefined}
          aria-describedby={fieldDescribedBy("customers-csv", { error: field("csv") })}
          className="block w-full text-sm text-muted file:me-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-neutral-900 hover:file:bg-neutral-50"
        />
      </FormField>
    </FormCard>
  );
}

function ImportReportTable({ report }: { report: ImportReport }) {
  const t = useTranslations("catalogAdmin.customers.import");
  const tn = useTranslations("catalogAdmin.customers");
  const te = useTranslations("errors");
  // Row codes are message keys under `errors`; an unknown one falls back to the generic message.
  const messageOf = (code: string | undefined) => (code ? (te.has(code) ? te(code) : te("generic")) : "");
  return (
    <section aria-labelledby="customers-import-report-title" className="border-t border-border px-5 py-4" data-testid="customers-import-report">
      <h3 id="customers-import-report-title" className="text-sm font-semibold text-neutral-900">
        {t("reportTitle")}
      </h3>
      <p role="status" className="mt-1 mb-3 text-sm text-muted" data-testid="customers-import-summary">
        {t("summary", { added: report.added, total: report.rows.length })}
      </p>
      <Table wrapperClassName="max-h-80 overflow-y-auto">
        <THead>
          <TR>
            <TH numeric>{t("row")}</TH>
            <TH>{tn("name")}</TH>
            <TH>{t("outcome")}</TH>
            <TH>{t("message")}</TH>
          </TR>
        </THead>
        <TBody>
          {report.rows.map((row) => (
            <TR key={row.row} data-outcome={row.outcome}>
              <TD numeric>{row.row}</TD>
              <TD dir="auto">{row.name}</TD>
              <TD>
                <Badge tone={OUTCOME_TONE[row.outcome]}>{t(`outcomes.${row.outcome}`)}</Badge>
              </TD>
              <TD className="text-muted">{messageOf(row.code)}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

export function RemoveCustomerButton({ customerId, name }: { customerId: string; name: string }) {
  const t = useTranslations("catalogAdmin.customers");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [open, setOpen] = useState(false);
  const { errors, fromError, clear } = useFormErrors();
  const remove = useMutation(
    trpc.catalog.removeCustomer.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        clear();
        feedback.done(t("removed", { name }));
      },
      onError: fromError,
    }),
  );
  function close() {
    setOpen(false);
    clear();
  }
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={t("removeFor", { name })} data-testid="remove-customer">
        {t("remove")}
      </Button>
      {/* Mounted only while open: one confirmation on the page at a time. */}
      {open ? (
        <Dialog
          open
          onClose={close}
          title={t("removeTitle")}
          description={t("removeHint", { name })}
          closeLabel={tc("close")}
          footer={
            <>
              <Button type="button" variant="ghost" onClick={close}>
                {tc("cancel")}
              </Button>
              <Button type="button" variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ customerId })} data-testid="confirm-remove-customer">
                {t("confirmRemove")}
              </Button>
            </>
          }
        >
          {errors.message ? (
            <p role="alert" className="text-danger-700">
              {errors.message}
            </p>
          ) : (
            <p className="font-medium" dir="auto">
              {name}
            </p>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
