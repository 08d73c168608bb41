"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, checkboxClasses, FileInput, FormField, Input, Textarea } from "@/components/ui";
import { MoneyField } from "@/components/money";
import { FormCard } from "@/components/page/form-card";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";

/** The file's bytes as base64, without the `data:…;base64,` prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

/** The partner withdraws a request no one has decided yet. */
export function CancelRequest({ requestId }: { requestId: string }) {
  const t = useTranslations("mdf.detail");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const cancel = useMutation(
    trpc.partner.mdf.cancelRequest.mutationOptions({
      onSuccess: () => feedback.done(t("cancelled")),
      onError: (error) => feedback.failed(error),
    }),
  );
  return (
    <Button
      variant="secondary"
      loading={cancel.isPending}
      onClick={() => {
        if (window.confirm(t("cancelConfirm"))) cancel.mutate({ requestId });
      }}
      data-testid="cancel-mdf-request"
    >
      {t("cancel")}
    </Button>
  );
}

const MAX_PROOFS = 5;
const FIELDS = ["actualCost", "claimed", "leadsProduced", "notes", "leadIds", "invoice", "proofs"];

/**
 * The claim: actual cost, the amount (at most what was approved), what the campaign produced,
 * the partner's own leads it brought, proof files and the invoice. Files are read in the browser
 * and sent with the claim; the server checks what their bytes are.
 */
export function ClaimForm({
  requestId,
  currency,
  approved,
  leads,
}: {
  requestId: string;
  currency: string;
  /** The approved amount, formatted. */
  approved: string;
  leads: { id: string; companyName: string }[];
}) {
  const t = useTranslations("mdf.claimForm");
  const trpc = useTRPC();
  const [formKey, setFormKey] = useState(0);
  const { submit, errors, field, setField, pending } = useFormMutation(trpc.partner.mdf.submitClaim.mutationOptions(), {
    done: t("done"),
    onSuccess: () => setFormKey((k) => k + 1),
  });
  const onSubmit = submit(async (data, form) => {
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const proofInput = form.elements.namedItem("proofs") as HTMLInputElement;
    const invoiceInput = form.elements.namedItem("invoice") as HTMLInputElement;
    const proofs = [...(proofInput.files ?? [])];
    const invoice = invoiceInput.files?.[0];
    let ok = true;
    for (const name of ["actualCost", "claimed"])
      if (!text(name)) {
        setField(name, t("required"));
        ok = false;
      }
    if (proofs.length === 0) {
      setField("proofs", t("proofRequired"));
      ok = false;
    } else if (proofs.length > MAX_PROOFS) {
      setField("proofs", t("tooManyProofs"));
      ok = false;
    }
    if (!invoice) {
      setField("invoice", t("invoiceRequired"));
      ok = false;
    }
    if (!ok || !invoice) return null;
    const produced = text("leadsProduced");
    return {
      requestId,
      actualCost: text("actualCost"),
      claimed: text("claimed"),
      leadsProduced: produced ? Number(produced) : 0,
      notes: text("notes"),
      leadIds: data.getAll("leadIds").map(String),
      proofs: await Promise.all(proofs.map(async (f) => ({ fileName: f.name, contentBase64: await readBase64(f) }))),
      invoice: { fileName: invoice.name, contentBase64: await readBase64(invoice) },
    };
  });
  // A file refused by the server names its place ("proofs.1"): show it under the proofs.
  const proofError = field("proofs") ?? Object.entries(errors.fields).find(([k]) => k.startsWith("proofs."))?.[1];
  return (
    <FormCard
      titleId="mdf-claim-title"
      title={t("title")}
      description={t("hint", { approved })}
      onSubmit={onSubmit}
      formKey={formKey}
      message={formMessage(errors, [...FIELDS, ...Object.keys(errors.fields).filter((k) => k.startsWith("proofs."))])}
      bodyClassName="grid gap-4 md:grid-cols-2"
      footer={
        <Button type="submit" loading={pending} data-testid="submit-mdf-claim">
          {t("submit")}
        </Button>
      }
    >
      <MoneyField
        id="claim-actual"
        name="actualCost"
        label={t("actualCost", { currency })}
        error={field("actualCost")}
        required
      />
      <MoneyField
        id="claim-amount"
        name="claimed"
        label={t("claimed", { currency })}
        hint={t("claimedHint", { approved })}
        error={field("claimed")}
        required
      />
      <FormField label={t("leadsProduced")} htmlFor="claim-leads-produced" error={field("leadsProduced")}>
        <Input name="leadsProduced" type="number" min={0} step={1} inputMode="numeric" dir="ltr" />
      </FormField>
      <FormField label={t("proofs")} htmlFor="claim-proofs" hint={t("proofsHint")} error={proofError} required>
        <FileInput name="proofs" multiple accept="application/pdf,image/png,image/jpeg,image/webp,application/zip" />
      </FormField>
      <FormField label={t("invoice")} htmlFor="claim-invoice" hint={t("invoiceHint")} error={field("invoice")} required>
        <FileInput name="invoice" accept="application/pdf,image/png,image/jpeg" />
      </FormField>
      <FormField label={t("notes")} htmlFor="claim-notes" error={field("notes")} className="md:col-span-2">
        <Textarea name="notes" rows={3} maxLength={4000} />
      </FormField>
      <fieldset className="md:col-span-2">
        <legend className="text-sm font-medium text-neutral-900">{t("leads")}</legend>
        <p className="mb-2 text-xs text-muted">{t("leadsHint")}</p>
        {leads.length === 0 ? (
          <p className="text-sm text-muted">{t("noLeads")}</p>
        ) : (
          <div className="grid max-h-56 gap-2 overflow-y-auto sm:grid-cols-2" data-testid="claim-lead-options">
            {leads.map((lead) => (
              <label key={lead.id} className="flex items-start gap-2 text-sm text-neutral-900">
                <input type="checkbox" name="leadIds" value={lead.id} className={checkboxClasses} />
                <bdi>{lead.companyName}</bdi>
              </label>
            ))}
          </div>
        )}
        {field("leadIds") ? <p className="mt-1 text-sm text-danger-700">{field("leadIds")}</p> : null}
      </fieldset>
    </FormCard>
  );
}
