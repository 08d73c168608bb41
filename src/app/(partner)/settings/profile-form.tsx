"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type FormEvent } from "react";
import { Button, FormField, Input, Select, fieldDescribedBy, FormAlert, Textarea } from "@/components/ui";
import type { CountryOption } from "@/lib/countries";
import { useTRPC } from "@/lib/trpc/client";
import { useMutationFeedback } from "@/lib/trpc/use-mutation-feedback";
import { formErrorsOf } from "@/lib/trpc/form-errors";
import { formMessage } from "@/lib/trpc/form-errors";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

interface ProfileValues {
  name: string;
  website: string;
  country: string;
  contactEmail: string;
  phone: string;
  address: string;
}

const FIELDS = ["name", "website", "country", "contactEmail", "phone", "address"] as const;

export function ProfileForm({ countries, initial }: { countries: CountryOption[]; initial: ProfileValues }) {
  const t = useTranslations("companySettings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const { errors, fromError, clear, setField, field } = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation(
    trpc.partner.updateProfile.mutationOptions({
      onSuccess: () => {
        clear();
        feedback.done(t("saved"));
      },
      onError: (error) => {
        fromError(error);
        // The only way to get the country wrong here is not to choose one.
        if (formErrorsOf(error).fields.country) setField("country", te("application.countryInvalid"));
      },
    }),
  );
  useEffect(() => {
    if (Object.keys(errors.fields).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors.fields]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: (typeof FIELDS)[number]) => String(data.get(name) ?? "").trim();
    save.mutate({ name: text("name"), website: text("website"), country: text("country"), contactEmail: text("contactEmail"), phone: text("phone"), address: text("address") });
  }

  const invalid = (name: string) => (field(name) ? true : undefined);
  const describedBy = (name: string, hint?: string) => fieldDescribedBy(name, { error: field(name), hint });
  const generalMessage = formMessage(errors, [...FIELDS]);

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="company-profile-form">
      <FormAlert message={generalMessage} className="sm:col-span-2" />
      <FormField label={t("name")} htmlFor="name" error={field("name")} required className="sm:col-span-2">
        <Input id="name" name="name" defaultValue={initial.name} autoComplete="organization" required maxLength={120} aria-invalid={invalid("name")} aria-describedby={describedBy("name")} />
      </FormField>
      <FormField label={t("website")} htmlFor="website" error={field("website")} hint={t("websiteHint")}>
        <Input id="website" name="website" defaultValue={initial.website} inputMode="url" dir="ltr" autoComplete="url" maxLength={200} aria-invalid={invalid("website")} aria-describedby={describedBy("website", t("websiteHint"))} />
      </FormField>
      <FormField label={t("country")} htmlFor="country" error={field("country")} required>
        <Select id="country" name="country" defaultValue={initial.country} required autoComplete="country" aria-invalid={invalid("country")} aria-describedby={describedBy("country")}>
          <option value="" disabled>
            {t("countryPlaceholder")}
          </option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label={t("contactEmail")} htmlFor="contactEmail" error={field("contactEmail")} hint={t("contactEmailHint")}>
        <Input id="contactEmail" name="contactEmail" type="email" defaultValue={initial.contactEmail} dir="ltr" autoComplete="email" maxLength={320} aria-invalid={invalid("contactEmail")} aria-describedby={describedBy("contactEmail", t("contactEmailHint"))} />
      </FormField>
      <FormField label={t("phone")} htmlFor="phone" error={field("phone")}>
        <Input id="phone" name="phone" type="tel" defaultValue={initial.phone} dir="ltr" autoComplete="tel" maxLength={40} aria-invalid={invalid("phone")} aria-describedby={describedBy("phone")} />
      </FormField>
      <FormField label={t("address")} htmlFor="address" error={field("address")} className="sm:col-span-2">
        <Textarea
          id="address"
          name="address"
          rows={3}
          defaultValue={initial.address}
          autoComplete="street-address"
          maxLength={300}
          aria-invalid={invalid("address")}
          aria-describedby={describedBy("address")}
        />
      </FormField>
      <div className="sm:col-span-2">
        <Button type="submit" loading={save.isPending} data-testid="save-profile">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
