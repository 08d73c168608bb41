"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, FormAlert, FormField, Input, Select } from "@/components/ui";
import type { PayoutAccountView } from "@/server/domains/payouts/settings";
import { useTRPC } from "@/trpc/client";
import { ltr } from "@/lib/bidi";
import { TaxFormDownload, TaxFormUpload } from "./tax-form-upload";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** The database's tax_form_type values, in the order the form offers them. */
const FORM_TYPES = ["w9", "w8ben", "w8bene", "other"] as const;

/**
 * The tax form on file, its tax id and the signed form. The id is only ever shown masked, so
 * changing it means typing it again; the signed form is uploaded once the details are saved (only
 * the owner uploads it, everyone in the partner may download it).
 */
export function TaxDetails({ tax, canEdit }: { tax: PayoutAccountView["tax"]; canEdit: boolean }) {
  const t = useTranslations("payoutsPortal.tax");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [editing, setEditing] = useState(tax === null);
  const { submit, errors, field, pending } = useFormMutation(trpc.partner.payouts.saveTax.mutationOptions(), {
    done: t("saved"),
    onSuccess: () => setEditing(false),
  });
  const onSubmit = submit((data) => {
    const formType = FORM_TYPES.find((f) => f === data.get("formType"));
    return { formType: formType ?? "other", taxId: String(data.get("taxId") ?? "").trim() };
  });

  const summary = tax ? (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="tax-summary">
      <dt className="text-muted">{t("formType")}</dt>
      <dd>{t(`forms.${tax.formType}`)}</dd>
      <dt className="text-muted">{t("taxId")}</dt>
      <dd>
        <bdi dir="ltr" className="font-mono">
          •••• {tax.taxIdLast4}
        </bdi>
      </dd>
      <dt className="text-muted">{t("signedForm")}</dt>
      <dd className="flex flex-wrap items-center gap-2" data-testid="tax-form-status" data-on-file={tax.hasSignedForm}>
        <span>{tax.hasSignedForm ? t("signedFormOnFile") : t("signedFormMissing")}</span>
        {tax.hasSignedForm ? <TaxFormDownload /> : null}
      </dd>
    </dl>
  ) : (
    <p className="text-sm text-muted">{t("none")}</p>
  );

  if (!canEdit || !editing) {
    return (
      <div className="space-y-3">
        {summary}
        {canEdit && tax ? <TaxFormUpload hasSignedForm={tax.hasSignedForm} /> : null}
        {canEdit ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)} data-testid="edit-tax">
            {t("change")}
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="tax-form">
      <FormAlert message={formMessage(errors, ["formType", "taxId"])} />
      <FormField label={t("formType")} htmlFor="tax-form-type" error={field("formType")} required>
        <Select name="formType" defaultValue={tax?.formType ?? ""} required>
          <option value="" disabled>
            {t("formPlaceholder")}
          </option>
          {FORM_TYPES.map((f) => (
            <option key={f} value={f}>
              {t(`forms.${f}`)} · {t(`formHints.${f}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField
        label={t("taxId")}
        htmlFor="tax-id"
        hint={tax ? t("taxIdRetype", { last4: ltr(tax.taxIdLast4 ?? "") }) : t("taxIdHint")}
        error={field("taxId")}
        required
      >
        <Input name="taxId" dir="ltr" autoComplete="off" spellCheck={false} required maxLength={40} />
      </FormField>
      {tax?.hasSignedForm ? (
        <p className="text-sm text-muted" data-testid="tax-form-again">
          {t("signedFormAgain")}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        {tax ? (
          <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
            {tc("cancel")}
          </Button>
        ) : null}
        <Button type="submit" loading={pending} data-testid="save-tax">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
