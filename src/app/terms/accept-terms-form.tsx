"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, fieldErrorId } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

export function AcceptTermsForm({ termsId }: { termsId: string }) {
  const t = useTranslations("termsGate");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const [accepted, setAccepted] = useState(false);
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const accept = useMutation(
    trpc.terms.accept.mutationOptions({
      // A full navigation on purpose: the partner layout checks the terms again on the way in,
      // and no client-side router cache may hand back a page rendered before the acceptance.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      onSuccess: () => window.location.assign("/dashboard"),
      onError: (error) => {
        fromError(error);
        // New terms were published meanwhile: load them, so the person reads what they accept.
        if (error.data?.domainCode === "terms.outdated") router.refresh();
      },
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!accepted) {
      clear();
      setField("acceptTerms", te("terms.mustAccept"));
      return;
    }
    accept.mutate({ termsId });
  }
  const error = field("acceptTerms") ?? field("termsId") ?? errors.message;
  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4">
      <div>
        <label htmlFor="acceptTerms" className="flex items-start gap-2 text-sm text-neutral-900">
          <input
            id="acceptTerms"
            name="acceptTerms"
            type="checkbox"
            required
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? fieldErrorId("acceptTerms") : undefined}
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
          />
          <span>{t("acceptLabel")}</span>
        </label>
        {error ? (
          <p id={fieldErrorId("acceptTerms")} role="alert" className="mt-1.5 text-xs font-medium text-danger-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" className="w-full sm:w-auto" loading={accept.isPending || accept.isSuccess} data-testid="accept-terms">
        {t("accept")}
      </Button>
    </form>
  );
}
