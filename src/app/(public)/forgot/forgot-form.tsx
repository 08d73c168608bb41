"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, Card, CardBody, FormField, Input, FormAlert } from "@/components/ui";
import { formMessage } from "@/trpc/form-errors";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

export function ForgotForm() {
  const t = useTranslations("forgot");
  const trpc = useTRPC();
  const { submit, errors, field, pending, mutation } = useFormMutation(
    trpc.public.auth.requestPasswordReset.mutationOptions(),
  );
  const onSubmit = submit((data) => ({ email: String(data.get("email") ?? "") }));
  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        {mutation.isSuccess ? (
          <p role="status" className="mt-4 rounded-md bg-success-50 px-3 py-2 text-sm text-success-800">
            {t("sent")}
          </p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">{t("body")}</p>
            <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
              <FormAlert message={formMessage(errors, ["email"])} />
              <FormField label={t("email")} htmlFor="email" error={field("email")}>
                <Input name="email" type="email" dir="ltr" autoComplete="email" />
              </FormField>
              <Button type="submit" className="w-full" loading={pending}>
                {t("submit")}
              </Button>
            </form>
          </>
        )}
        <Link href="/login" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
          {t("backToLogin")}
        </Link>
      </CardBody>
    </Card>
  );
}
