"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useFormStatus } from "react-dom";
import { Button, FormField, Input, Select, fieldDescribedBy, useToast, FormAlert } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";
import { signOutEverywhereAction } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const { toast } = useToast();
  const { errors, fromError, clear, field } = useFormErrors();
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => {
        clear();
        toast({ title: t("passwordChanged"), tone: "success" });
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      { currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") },
      { onSuccess: () => form.reset() },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="grid max-w-xl gap-4 sm:grid-cols-2">
      <FormAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} className="sm:col-span-2" />
      <FormField label={t("currentPassword")} htmlFor="currentPassword" error={field("currentPassword")}>
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" aria-invalid={field("currentPassword") ? true : undefined} aria-describedby={fieldDescribedBy("currentPassword", { error: field("currentPassword") })} />
      </FormField>
      <FormField label={t("newPassword")} htmlFor="newPassword" error={field("newPassword")} hint={t("passwordHint")}>
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" aria-invalid={field("newPassword") ? true : undefined} aria-describedby={fieldDescribedBy("newPassword", { error: field("newPassword"), hint: t("passwordHint") })} />
      </FormField>
      <div className="sm:col-span-2">
        <Button type="submit" loading={change.isPending}>
          {t("updatePassword")}
        </Button>
      </div>
    </form>
  );
}

export function LanguageForm({ current }: { current: "en" | "ar" }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const { toast } = useToast();
  const save = useMutation(
    trpc.account.setLocale.mutationOptions({
      onSuccess: () => window.location.reload(),
      onError: (error) => toast({ title: error.message, tone: "danger" }),
    }),
  );
  return (
    <FormField label={t("account.language")} htmlFor="locale">
      <Select id="locale" value={current} disabled={save.isPending} onChange={(e) => save.mutate({ locale: e.target.value === "ar" ? "ar" : "en" })} wrapperClassName="max-w-xs">
        <option value="en" lang="en">{t("common.languages.en")}</option>
        <option value="ar" lang="ar">{t("common.languages.ar")}</option>
      </Select>
    </FormField>
  );
}

function SignOutEverywhereButton() {
  const t = useTranslations("account");
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" loading={pending} data-testid="sign-out-everywhere">
      {t("signOutEverywhere")}
    </Button>
  );
}

export function SignOutEverywhereForm() {
  return (
    <form action={signOutEverywhereAction}>
      <SignOutEverywhereButton />
    </form>
  );
}
