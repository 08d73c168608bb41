"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, CheckboxField } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** `locale` is the reader's language: the server records the language of the text it showed them. */
export function AcceptTermsForm({ termsId, locale }: { termsId: string; locale: "en" | "ar" }) {
  const t = useTranslations("termsGate");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const [accepted, setAccepted] = useState(false);
  const { submit, errors, field, setField, mutation } = useFormMutation(trpc.account.acceptTerms.mutationOptions(), {
    // A full navigation on purpose: the partner layout checks the terms again on the way in,
    // and no client-side router cache may hand back a page rendered before the acceptance.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    onSuccess: () => window.location.assign("/dashboard"),
    // New terms were published meanwhile: load them, so the person reads what they accept.
    onError: (error) => {
      if (error.data?.domainCode === "terms.outdated") router.refresh();
    },
  });
  const onSubmit = submit(() => {
    if (accepted) return { termsId, locale };
    setField("acceptTerms", te("terms.mustAccept"));
    return null;
  });
  const error = field("acceptTerms") ?? field("termsId") ?? errors.message;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <CheckboxField
        id="acceptTerms"
        name="acceptTerms"
        label={t("acceptLabel")}
        required
        checked={accepted}
        onChange={setAccepted}
        error={error}
      />
      <Button
        type="submit"
        className="w-full sm:w-auto"
        loading={mutation.isPending || mutation.isSuccess}
        data-testid="accept-terms"
      >
        {t("accept")}
      </Button>
    </form>
  );
}
