"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Badge,
  Button,
  Dialog,
  FileInput,
  FormField,
  Input,
  Plus,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  Upload,
  type BadgeTone,
} from "@/components/ui";
import { FormCard } from "@/components/page/form-card";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

type ImportOutcome = "added" | "exists" | "invalid";
interface ImportReport {
  rows: { row: number; name: string; outcome: ImportOutcome; field?: string; message: string | null }[];
  added: number;
}

const OUTCOME_TONE: Record<ImportOutcome, BadgeTone> = { added: "success", exists: "warning", invalid: "danger" };

export function AddCustomerForm() {
  const t = useTranslations("catalogAdmin.customers.add");
  const trpc = useTRPC();
  const [formKey, setFormKey] = useState(0);
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.catalog.addCustomer.mutationOptions(), {
    done: (customer) => t("done", { name: customer.name }),
    onSuccess: () => setFormKey((k) => k + 1), // a fresh, empty form for the next customer
  });
  const onSubmit = submit((data) => ({
    name: String(data.get("name") ?? ""),
    website: String(data.get("website") ?? ""),
  }));
  const message = formMessage(errors, ["name", "website"]);
  return (
    <FormCard
      titleId="add-customer-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={onSubmit}
      formKey={formKey}
      message={message}
      footer={
        <Button type="submit" loading={pending} data-testid="add-customer">
          <Plus className="size-4" />
          {t("submit")}
        </Button>
      }
    >
      <FormField label={t("name")} htmlFor="customer-name" error={field("name")} required>
        <Input name="name" required minLength={2} maxLength={160} autoComplete="off" dir="auto" />
      </FormField>
      <FormField label={t("website")} htmlFor="customer-website" hint={t("websiteHint")} error={field("website")}>
        <Input name="website" dir="ltr" inputMode="url" maxLength={200} autoComplete="off" />
      </FormField>
    </FormCard>
  );
}

export function ImportCustomersForm() {
  const t = useTranslations("catalogAdmin.customers.import");
  const trpc = useTRPC();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [reading, setReading] = useState(false);
  const { submit, errors, field, setField, pending } = useFormMutation(
    trpc.manage.catalog.importCustomers.mutationOptions(),
    {
      done: (result) => t("done", { added: result.added }),
      onSuccess: setReport,
    },
  );
  const onSubmit = submit(async (data) => {
    setReport(null);
    const file = data.get("csv");
    if (!(file instanceof File) || file.size === 0) {
      setField("csv", t("chooseFile"));
      return null;
    }
    setReading(true);
    try {
      return { csv: await file.text() };
    } catch {
      setField("csv", t("readFailed"));
      return null;
    } finally {
      setReading(false);
    }
  });
  const message = formMessage(errors, ["csv"]);
  return (
    <FormCard
      titleId="import-customers-title"
      title={t("title")}
      description={t("hint")}
      onSubmit={onSubmit}
      message={message}
      after={report ? <ImportReportTable report={report} /> : null}
      footer={
        <Button type="submit" variant="secondary" loading={reading || pending} data-testid="import-customers">
          <Upload className="size-4" />
          {t("submit")}
        </Button>
      }
    >
      <FormField label={t("file")} htmlFor="customers-csv" error={field("csv")}>
        <FileInput name="csv" accept=".csv,text/csv" />
      </FormField>
    </FormCard>
  );
}

function ImportReportTable({ report }: { report: ImportReport }) {
  const t = useTranslations("catalogAdmin.customers.import");
  const tn = useTranslations("catalogAdmin.customers");
  return (
    <section
      aria-labelledby="customers-import-report-title"
      className="border-t border-border px-5 py-4"
      data-testid="customers-import-report"
    >
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
              <TD className="text-muted">{row.message}</TD>
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
  const [open, setOpen] = useState(false);
  const remove = useFormMutation(trpc.manage.catalog.removeCustomer.mutationOptions(), {
    done: t("removed", { name }),
    onSuccess: () => setOpen(false),
  });
  const { errors, clear } = remove;
  function close() {
    setOpen(false);
    clear();
  }
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={t("removeFor", { name })}
        data-testid="remove-customer"
      >
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
              <Button
                type="button"
                variant="danger"
                loading={remove.pending}
                onClick={() => remove.send({ customerId })}
                data-testid="confirm-remove-customer"
              >
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
