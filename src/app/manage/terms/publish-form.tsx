"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, FormField, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** A version is published in English, or in English and Arabic (an empty Arabic text means English only). */
export function PublishTermsForm({
  initialBody,
  initialBodyAr,
  nextVersion,
}: {
  initialBody: string;
  initialBodyAr: string;
  nextVersion: string;
}) {
  const t = useTranslations("termsAdmin");
  const format = useFormatter();
  const trpc = useTRPC();
  const [body, setBody] = useState(initialBody);
  const [bodyAr, setBodyAr] = useState(initialBodyAr);
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.terms.publish.mutationOptions(), {
    done: (published) => t("publishedToast", { version: format.number(published.version) }),
  });
  const error = field("body");
  const errorAr = field("bodyAr");
  return (
    <Card>
      <form onSubmit={submit(() => ({ body, bodyAr }))} noValidate aria-labelledby="publish-title">
        <CardHeader title={t("publishTitle")} titleId="publish-title" description={t("publishHint")} as="h2" />
        <CardBody className="space-y-3">
          <FormAlert message={error || errorAr ? null : errors.message} />
          <FormField label={t("body")} htmlFor="terms-body" hint={t("bodyHint")} error={error} required>
            <Textarea
              name="body"
              rows={16}
              required
              maxLength={100_000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              className="font-mono text-xs leading-relaxed"
            />
          </FormField>
          <FormField label={t("bodyAr")} htmlFor="terms-body-ar" hint={t("bodyArHint")} error={errorAr}>
            <Textarea
              name="bodyAr"
              rows={16}
              maxLength={100_000}
              dir="rtl"
              lang="ar"
              value={bodyAr}
              onChange={(e) => setBodyAr(e.target.value)}
              className="font-mono text-xs leading-relaxed"
            />
          </FormField>
          <p className="text-sm text-muted" data-testid="terms-languages">
            {bodyAr.trim() ? t("publishesBoth") : t("publishesEnglishOnly")}
          </p>
        </CardBody>
        <CardFooter>
          <Button type="submit" loading={pending} data-testid="publish-terms">
            {t("publish", { version: nextVersion })}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
