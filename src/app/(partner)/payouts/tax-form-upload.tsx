"use client";

import { useTranslations } from "next-intl";
import { useState, type ChangeEvent } from "react";
import { buttonClasses, Download, FileInput, FormField, Spinner } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/**
 * Mirrors TAX_FORM_MAX_BYTES of src/server/domains/payouts/tax-form.ts, which cannot be imported
 * here (it is server code). Only to spare a 5 MB round trip: the server checks size and type anyway.
 */
const MAX_BYTES = 5 * 1024 * 1024;
/** Where the signed form is downloaded from; the organization comes from the session. */
export const TAX_FORM_HREF = "/api/payouts/tax-form";

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

/** The signed form's download, for everyone in the partner once one is on file. */
export function TaxFormDownload() {
  const t = useTranslations("payoutsPortal.tax");
  return (
    <a href={TAX_FORM_HREF} download className={buttonClasses("secondary", "sm")} data-testid="tax-form-download">
      <Download className="size-4" />
      {t("signedFormDownload")}
      <span className="sr-only"> {t("signedFormDownloadHint")}</span>
    </a>
  );
}

/**
 * The owner picks the signed form and it is sent at once, replacing any earlier one. The server
 * decides what the file is by its bytes; the `accept` list only narrows the file picker.
 */
export function TaxFormUpload({ hasSignedForm }: { hasSignedForm: boolean }) {
  const t = useTranslations("payoutsPortal.tax");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const [reading, setReading] = useState(false);
  const {
    errors,
    clear,
    setField,
    field,
    mutation: upload,
  } = useFormMutation(trpc.partner.payouts.uploadTaxForm.mutationOptions(), { done: t("signedFormUploaded") });

  async function onSelect(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // Clearing the input lets the same file be picked again after a refusal.
    const resetInput = () => {
      input.value = "";
    };
    clear();
    if (file.size === 0 || file.size > MAX_BYTES) {
      setField("taxForm", te(file.size === 0 ? "payoutAccount.taxFormEmpty" : "payoutAccount.taxFormTooLarge"));
      resetInput();
      return;
    }
    setReading(true);
    try {
      const dataBase64 = await readBase64(file);
      upload.mutate({ fileName: file.name, dataBase64 }, { onSettled: resetInput });
    } catch {
      setField("taxForm", te("generic"));
      resetInput();
    } finally {
      setReading(false);
    }
  }

  // The service names the file "taxForm"; Zod names the raw input fields.
  const error = field("taxForm") ?? field("dataBase64") ?? field("fileName") ?? errors.message ?? undefined;
  const busy = reading || upload.isPending;
  return (
    <div className="space-y-2" data-testid="tax-form-upload">
      <FormField
        label={hasSignedForm ? t("signedFormReplace") : t("signedFormUpload")}
        htmlFor="tax-form-file"
        hint={t("signedFormRules")}
        error={error}
        errorTestId="tax-form-error"
      >
        <FileInput
          name="taxForm"
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          disabled={busy}
          aria-busy={busy || undefined}
          onChange={onSelect}
          data-testid="tax-form-input"
        />
      </FormField>
      {busy ? (
        <p role="status" className="flex items-center gap-2 text-xs text-muted" data-testid="tax-form-uploading">
          <Spinner />
          {t("signedFormUploading")}
        </p>
      ) : null}
    </div>
  );
}
