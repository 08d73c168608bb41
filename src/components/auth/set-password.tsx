"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Button, Card, CardBody, FormField, Input, buttonClasses, fieldDescribedBy, FormAlert } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

/** Choosing a password from an emailed link: a password reset, or a staff invitation. */
export function SetPasswordForm({ token, purpose, state }: { token: string; purpose: "password_reset" | "staff_invite"; state: "valid" | "expired" | "used" | "unknown" }) {
  const t = useTranslations("setPassword");
  const ns = purpose === "staff_invite" ? "invite" : "reset";
  const trpc = useTRPC();
  const { errors, fromError, clear, field } = useFormErrors();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions({ onSuccess: clear, onError: fromError }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate({ token, purpose, password: String(new FormData(event.currentTarget).get("password") ?? "") });
  }
  const tokenError = field("token");
  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t(`${ns}.title`)}</h1>
        {reset.isSuccess ? (
          <>
            <p role="status" className="mt-4 rounded-md bg-success-50 px-3 py-2 text-sm text-success-800">{t("done")}</p>
            <Link href="/login" className={buttonClasses("primary", "md", "mt-6 w-full")}>{t("signIn")}</Link>
          </>
        ) : state !== "valid" || tokenError ? (
          <>
            <p role="alert" className="mt-4 rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800">
              {tokenError ?? t(`states.${state}`)}
            </p>
            <Link href={purpose === "staff_invite" ? "/login" : "/forgot"} className={buttonClasses("secondary", "md", "mt-6 w-full")}>
              {purpose === "staff_invite" ? t("askForNewInvite") : t("requestNew")}
            </Link>
          </>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">{t(`${ns}.body`)}</p>
            <form onSubmit={submit} noValidate className="mt-6 space-y-4">
              <FormAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} />
              <FormField label={t("password")} htmlFor="password" error={field("password")} hint={t("hint")}>
                <Input id="password" name="password" type="password" autoComplete="new-password" aria-invalid={field("password") ? true : undefined} aria-describedby={fieldDescribedBy("password", { error: field("password"), hint: t("hint") })} />
              </FormField>
              <Button type="submit" className="w-full" loading={reset.isPending}>
                {t("submit")}
              </Button>
            </form>
          </>
        )}
      </CardBody>
    </Card>
  );
}
