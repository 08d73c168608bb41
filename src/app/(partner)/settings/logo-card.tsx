"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent } from "react";
import { Building, Button, FileInput, FormField, Spinner } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { LOGO_MAX_BYTES, LOGO_TYPES, type LogoType } from "@/server/domains/partners/logo";

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

export function LogoCard({
  partnerId,
  companyName,
  logoVersion,
}: {
  partnerId: string;
  companyName: string;
  logoVersion: number | null;
}) {
  const t = useTranslations("companySettings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [reading, setReading] = useState(false);
  const {
    errors,
    clear,
    setField,
    field,
    mutation: upload,
  } = useFormMutation(trpc.partner.profile.uploadLogo.mutationOptions(), { done: t("logoSaved") });
  const remove = useMutation(
    trpc.partner.profile.removeLogo.mutationOptions({
      onSuccess: () => {
        clear();
        feedback.done(t("logoRemoved"));
      },
      onError: feedback.failed,
    }),
  );

  async function onSelect(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // Clearing the input lets the same file be picked again after a refusal.
    const resetInput = () => {
      input.value = "";
    };
    clear();
    // Checked here too, so a large or wrong file is refused without a round trip.
    if (file.size > LOGO_MAX_BYTES) {
      setField("logo", te("logo.tooLarge"));
      resetInput();
      return;
    }
    if (file.size === 0) {
      setField("logo", te("logo.empty"));
      resetInput();
      return;
    }
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
      setField("logo", te("logo.wrongType"));
      resetInput();
      return;
    }
    setReading(true);
    try {
      const dataBase64 = await readBase64(file);
      upload.mutate({ contentType: file.type as LogoType, dataBase64 }, { onSettled: resetInput });
    } catch {
      setField("logo", te("generic"));
      resetInput();
    } finally {
      setReading(false);
    }
  }

  // Server answers may name the logo, or the raw input fields.
  const error = field("logo") ?? field("dataBase64") ?? field("contentType") ?? errors.message ?? undefined;
  const busy = reading || upload.isPending;
  const hint = t("logoRules");
  return (
    <div className="space-y-4">
      <div
        className="flex h-32 items-center justify-center rounded-md border border-dashed border-border-strong bg-surface-subtle p-3"
        data-testid="logo-preview"
      >
        {logoVersion !== null ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, per-user image; next/image would cache it publicly
          <img
            src={`/api/logos/${partnerId}?v=${logoVersion}`}
            alt={t("logoAlt", { company: companyName })}
            className="max-h-full max-w-full object-contain"
          />
        ) : (
          <div className="flex flex-col items-center gap-2 text-center text-sm text-muted">
            <Building className="size-8 text-neutral-400" />
            <span>{t("noLogo")}</span>
          </div>
        )}
      </div>
      <FormField
        label={logoVersion !== null ? t("replaceLogo") : t("uploadLogo")}
        htmlFor="logo"
        hint={hint}
        error={error}
        errorTestId="logo-error"
      >
        <FileInput
          name="logo"
          accept="image/png,image/jpeg,image/svg+xml"
          disabled={busy}
          onChange={onSelect}
          data-testid="logo-input"
        />
      </FormField>
      {busy ? (
        <p role="status" className="flex items-center gap-2 text-xs text-muted">
          <Spinner />
          {t("uploading")}
        </p>
      ) : null}
      {logoVersion !== null ? (
        <Button
          variant="secondary"
          size="sm"
          loading={remove.isPending}
          disabled={busy}
          onClick={() => remove.mutate()}
          data-testid="remove-logo"
        >
          {t("removeLogo")}
        </Button>
      ) : null}
    </div>
  );
}
