"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, fieldDescribedBy, FormField, FormAlert, Textarea } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

export function PublishTermsForm({ initialBody, nextVersion }: { initialBody: string; nextVersion: string }) {
  const t = useTranslations("termsAdmin");
  const format = useFormatter();
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const [body, setBody] = useState(initialBody);
  const { errors, fromError, clear, field } = useFormErrors();
  const publish = useMutation(
    trpc.terms.publish.mutationOptions({
      onSuccess: (published) => {
        clear();
        feedback.done(t("publishedToast", { version: format.number(published.version) }));
      },
      onError: fromError,
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    publish.mutate({ body });
  }
  const error = field("body");
  return (
    <Card>
      <form onSubmit={submit} noValidate aria-labelledby="publish-title">
        <CardHeader title={t("publishTitle")} titleId="publish-title" description={t("publishHint")} as="h2" />
        <CardBody className="space-y-3">
          <FormAlert message={error ? null : errors.message} />
          <FormField label={t("body")} htmlFor="terms-body" hint={t("bodyHint")} error={error} required>
            <Textarea
              id="terms-body"
              name="body"
              rows={16}
              required
              maxLength={100_000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              className="font-mono text-xs leading-relaxed"
              aria-invalid={error ? true : undefined}
              aria-describedby={fieldDescribedBy("terms-body", { hint: t("bodyHint"), error })}
            />
          </FormField>
        </CardBody>
        <CardFooter>
          <Button type="submit" loading={publish.isPending} data-testid="publish-terms">
            {t("publish", { version: nextVersion })}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
