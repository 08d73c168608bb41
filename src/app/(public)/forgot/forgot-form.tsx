"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Button, Card, CardBody, FormField, Input, fieldDescribedBy, FormAlert } from "@/components/ui";
import { formMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

export function ForgotForm() {
  const t = useTranslations("forgot");
  const trpc = useTRPC();
  const { errors, fromError, clear, field } = useFormErrors();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions({ onSuccess: clear, onError: fromError }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get("email") ?? "") });
  }
  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        {request.isSuccess ? (
          <p role="status" className="mt-4 rounded-md bg-success-50 px-3 py-2 text-sm text-success-800">
            {t("sent")}
          </p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">{t("body")}</p>
            <form onSubmit={submit} noValidate className="mt-6 space-y-4">
              <FormAlert message={formMessage(errors, ["email"])} />
              <FormField label={t("email")} htmlFor="email" error={field("email")}>
                <Input id="email" name="email" type="email" dir="ltr" autoComplete="email" aria-invalid={field("email") ? true : undefined} aria-describedby={fieldDescribedBy("email", { error: field("email") })} />
              </FormField>
              <Button type="submit" className="w-full" loading={request.isPending}>
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
