"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button, FormField, Input, Select, FormAlert, Textarea } from "@/components/ui";
import type { CountryOption } from "@/lib/countries";
import { useTRPC } from "@/trpc/client";
import { formErrorsOf, formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

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
  const formRef = useRef<HTMLFormElement>(null);
  const { submit, errors, field, setField, pending } = useFormMutation(trpc.partner.profile.update.mutationOptions(), {
    done: t("saved"),
    onError: (error) => {
      // The only way to get the country wrong here is not to choose one.
      if (formErrorsOf(error).fields.country) setField("country", te("application.countryInvalid"));
    },
  });
  useEffect(() => {
    if (Object.keys(errors.fields).length > 0)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors.fields]);

  const onSubmit = submit((data) => {
    const text = (name: (typeof FIELDS)[number]) => String(data.get(name) ?? "").trim();
    return {
      name: text("name"),
      website: text("website"),
      country: text("country"),
      contactEmail: text("contactEmail"),
      phone: text("phone"),
      address: text("address"),
    };
  });
  const generalMessage = formMessage(errors, [...FIELDS]);

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      data-testid="company-profile-form"
    >
      <FormAlert message={generalMessage} className="sm:col-span-2" />
      <FormField label={t("name")} htmlFor="name" error={field("name")} required className="sm:col-span-2">
        <Input name="name" defaultValue={initial.name} autoComplete="organization" required maxLength={120} />
      </FormField>
      <FormField label={t("website")} htmlFor="website" error={field("website")} hint={t("websiteHint")}>
        <Input
          name="website"
          defaultValue={initial.website}
          inputMode="url"
          dir="ltr"
          autoComplete="url"
          maxLength={200}
        />
      </FormField>
      <FormField label={t("country")} htmlFor="country" error={field("country")} required>
        <Select name="country" defaultValue={initial.country} required autoComplete="country">
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
      <FormField
        label={t("contactEmail")}
        htmlFor="contactEmail"
        error={field("contactEmail")}
        hint={t("contactEmailHint")}
      >
        <Input
          name="contactEmail"
          type="email"
          defaultValue={initial.contactEmail}
          dir="ltr"
          autoComplete="email"
          maxLength={320}
        />
      </FormField>
      <FormField label={t("phone")} htmlFor="phone" error={field("phone")}>
        <Input name="phone" type="tel" defaultValue={initial.phone} dir="ltr" autoComplete="tel" maxLength={40} />
      </FormField>
      <FormField label={t("address")} htmlFor="address" error={field("address")} className="sm:col-span-2">
        <Textarea
          name="address"
          rows={3}
          defaultValue={initial.address}
          autoComplete="street-address"
          maxLength={300}
        />
      </FormField>
      <div className="sm:col-span-2">
        <Button type="submit" loading={pending} data-testid="save-profile">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
