"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, FormField, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

export function PublishTermsForm({ initialBody, nextVersion }: { initialBody: string; nextVersion: string }) {
  const t = useTranslations("termsAdmin");
  const format = useFormatter();
  const trpc = useTRPC();
  const [body, setBody] = useState(initialBody);
  const { submit, errors, field, pending } = useFormMutation(trpc.manage.terms.publish.mutationOptions(), {
    done: (published) => t("publishedToast", { version: format.number(published.version) }),
  });
  const error = field("body");
  return (
    <Card>
      <form onSubmit={submit(() => ({ body }))} noValidate aria-labelledby="publish-title">
        <CardHeader title={t("publishTitle")} titleId="publish-title" description={t("publishHint")} as="h2" />
        <CardBody className="space-y-3">
          <FormAlert message={error ? null : errors.message} />
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
