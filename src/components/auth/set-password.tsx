"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, Card, CardBody, FormField, Input, buttonClasses, FormAlert } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** Choosing a password from an emailed link: a password reset, or a staff invitation. */
export function SetPasswordForm({
  token,
  purpose,
  state,
}: {
  token: string;
  purpose: "password_reset" | "staff_invite";
  state: "valid" | "expired" | "used" | "unknown";
}) {
  const t = useTranslations("setPassword");
  const ns = purpose === "staff_invite" ? "invite" : "reset";
  const trpc = useTRPC();
  const { submit, errors, field, pending, mutation } = useFormMutation(
    trpc.public.auth.resetPassword.mutationOptions(),
  );
  const onSubmit = submit((data) => ({ token, purpose, password: String(data.get("password") ?? "") }));
  const tokenError = field("token");
  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t(`${ns}.title`)}</h1>
        {mutation.isSuccess ? (
          <>
            <p role="status" className="mt-4 rounded-md bg-success-50 px-3 py-2 text-sm text-success-800">
              {t("done")}
            </p>
            <Link href="/login" className={buttonClasses("primary", "md", "mt-6 w-full")}>
              {t("signIn")}
            </Link>
          </>
        ) : state !== "valid" || tokenError ? (
          <>
            <p
              role="alert"
              className="mt-4 rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800"
            >
              {tokenError ?? t(`states.${state}`)}
            </p>
            <Link
              href={purpose === "staff_invite" ? "/login" : "/forgot"}
              className={buttonClasses("secondary", "md", "mt-6 w-full")}
            >
              {purpose === "staff_invite" ? t("askForNewInvite") : t("requestNew")}
            </Link>
          </>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">{t(`${ns}.body`)}</p>
            <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
              <FormAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} />
              <FormField label={t("password")} htmlFor="password" error={field("password")} hint={t("hint")}>
                <Input name="password" type="password" autoComplete="new-password" />
              </FormField>
              <Button type="submit" className="w-full" loading={pending}>
                {t("submit")}
              </Button>
            </form>
          </>
        )}
      </CardBody>
    </Card>
  );
}
