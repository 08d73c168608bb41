"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useFormStatus } from "react-dom";
import { Button, FormField, Input, Select, useToast, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";
import { signOutEverywhereAction } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const { submit, errors, field, pending } = useFormMutation(trpc.account.changePassword.mutationOptions(), {
    done: t("passwordChanged"),
    refresh: false,
    onSuccess: () => formRef.current?.reset(),
  });
  const onSubmit = submit((data) => ({
    currentPassword: String(data.get("currentPassword") ?? ""),
    newPassword: String(data.get("newPassword") ?? ""),
  }));
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4 sm:grid-cols-2">
      <FormAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} className="sm:col-span-2" />
      <FormField label={t("currentPassword")} htmlFor="currentPassword" error={field("currentPassword")}>
        <Input name="currentPassword" type="password" autoComplete="current-password" />
      </FormField>
      <FormField label={t("newPassword")} htmlFor="newPassword" error={field("newPassword")} hint={t("passwordHint")}>
        <Input name="newPassword" type="password" autoComplete="new-password" />
      </FormField>
      <div className="sm:col-span-2">
        <Button type="submit" loading={pending}>
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
      <Select
        value={current}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ locale: e.target.value === "ar" ? "ar" : "en" })}
        wrapperClassName="max-w-xs"
      >
        <option value="en" lang="en">
          {t("common.languages.en")}
        </option>
        <option value="ar" lang="ar">
          {t("common.languages.ar")}
        </option>
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
