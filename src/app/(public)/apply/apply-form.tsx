"use client";
import { FallbackNote } from "@/components/content/localized-text";
import type { LocalizedText } from "@/lib/localized";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import {
  Button,
  Card,
  CardBody,
  Check,
  CheckboxField,
  ChoiceFieldset,
  FormField,
  Input,
  Select,
  cn,
  Textarea,
} from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { formErrorsOf, formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";
import type { CountryOption } from "@/lib/countries";

const PARTNER_TYPES = ["referral", "reseller", "affiliate"] as const;
type PartnerType = (typeof PARTNER_TYPES)[number];

/** Fields the form shows; a server error on anything else is shown as a message by the button. */
const VISIBLE_FIELDS = [
  "company",
  "website",
  "country",
  "type",
  "contactName",
  "contactEmail",
  "salesApproach",
  "expectedDealsPerQuarter",
  "acceptTerms",
];

export function ApplyForm({
  countries,
  terms,
}: {
  countries: CountryOption[];
  terms: { id: string; version: number; body: LocalizedText } | null;
}) {
  const t = useTranslations("apply");
  const te = useTranslations("errors");
  const tm = useTranslations("markdown");
  const tp = useTranslations("partnerTypes");
  const trpc = useTRPC();
  const [accepted, setAccepted] = useState(false);
  const [submittedEmail, setSubmittedEmail] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  const { submit, errors, field, setField, pending, mutation } = useFormMutation(
    trpc.public.applications.submit.mutationOptions(),
    {
      onError: (error) => {
        const fields = formErrorsOf(error).fields;
        // The outdated-terms conflict belongs beside the checkbox; a missing tick reads better as "accept the terms".
        if (fields.termsId) setField("acceptTerms", fields.termsId);
        else if (fields.acceptTerms && !accepted) setField("acceptTerms", te("terms.mustAccept"));
        // The only way to get the country wrong here is not to choose one.
        if (fields.country) setField("country", te("application.countryInvalid"));
      },
    },
  );

  // Move focus to the first field that needs attention, or to the thank-you heading.
  useEffect(() => {
    if (Object.keys(errors.fields).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [errors.fields]);
  useEffect(() => {
    if (mutation.isSuccess) doneRef.current?.focus();
  }, [mutation.isSuccess]);

  if (!terms) {
    return (
      <Card>
        <CardBody className="p-6 sm:p-8">
          <h1 className="text-xl font-semibold">{t("closed.title")}</h1>
          <p role="status" className="mt-2 text-sm text-muted">
            {t("closed.body")}
          </p>
          <Link href="/login" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
            {t("backToLogin")}
          </Link>
        </CardBody>
      </Card>
    );
  }

  if (mutation.isSuccess) {
    return (
      <Card data-testid="application-received">
        <CardBody className="p-6 sm:p-8">
          <div className="flex size-10 items-center justify-center rounded-full bg-success-50 text-success-700">
            <Check className="size-5" />
          </div>
          <h1 ref={doneRef} tabIndex={-1} className="mt-4 text-xl font-semibold focus:outline-none">
            {t("received.title")}
          </h1>
          <p role="status" className="mt-2 text-sm text-muted">
            {t.rich("received.body", { email: submittedEmail, bdi: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
          </p>
          <p className="mt-2 text-sm text-muted">{t("received.next")}</p>
          <Link href="/login" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
            {t("backToLogin")}
          </Link>
        </CardBody>
      </Card>
    );
  }

  const termsId = terms.id;
  const onSubmit = submit((data) => {
    const text = (name: string) => String(data.get(name) ?? "");
    const deals = text("expectedDealsPerQuarter").trim();
    const type = text("type");
    setSubmittedEmail(text("contactEmail").trim());
    return {
      company: text("company"),
      website: text("website"),
      country: text("country"),
      // Missing or malformed values go to the server as they are, so it answers field by field.
      type: (PARTNER_TYPES.includes(type as PartnerType) ? type : undefined) as PartnerType,
      contactName: text("contactName"),
      contactEmail: text("contactEmail"),
      salesApproach: text("salesApproach"),
      expectedDealsPerQuarter: (deals === "" ? undefined : Number(deals)) as number,
      termsId,
      acceptTerms: accepted as true,
      nickname: text("nickname") || undefined,
    };
  });

  const generalMessage = formMessage(errors, [...VISIBLE_FIELDS]);

  return (
    <Card>
      <CardBody className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("subtitle")}</p>
        <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-6" data-testid="apply-form">
          <fieldset className="space-y-4">
            <legend className="mb-3 text-sm font-semibold text-neutral-900">{t("sections.company")}</legend>
            <FormField label={t("company")} htmlFor="company" error={field("company")} required>
              <Input name="company" autoComplete="organization" required maxLength={120} />
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                label={t("website")}
                htmlFor="website"
                error={field("website")}
                hint={t("websiteHint")}
                required
              >
                <Input
                  name="website"
                  type="text"
                  inputMode="url"
                  dir="ltr"
                  autoComplete="url"
                  required
                  maxLength={200}
                />
              </FormField>
              <FormField label={t("country")} htmlFor="country" error={field("country")} required>
                <Select name="country" required defaultValue="" autoComplete="country">
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
            </div>
            <ChoiceFieldset id="type" legend={t("type")} error={field("type")} required>
              <div className="mt-1.5 grid gap-2 sm:grid-cols-3">
                {PARTNER_TYPES.map((type) => (
                  <label
                    key={type}
                    className={cn(
                      "flex cursor-pointer gap-2 rounded-md border bg-surface p-3 text-sm shadow-xs transition-colors hover:border-neutral-400",
                      "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                      field("type") ? "border-danger-600" : "border-border-strong",
                    )}
                  >
                    <input
                      type="radio"
                      name="type"
                      value={type}
                      required
                      data-invalid={type === PARTNER_TYPES[0] && field("type") ? "true" : undefined}
                      className="mt-0.5 size-4 shrink-0 accent-brand-600 focus-visible:outline-none"
                      data-testid={`type-${type}`}
                    />
                    <span>
                      <span className="block font-medium text-neutral-900">{tp(type)}</span>
                      <span className="mt-0.5 block text-xs text-muted">{t(`typeHints.${type}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </ChoiceFieldset>
          </fieldset>

          <fieldset className="space-y-4">
            <legend className="mb-3 text-sm font-semibold text-neutral-900">{t("sections.contact")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("contactName")} htmlFor="contactName" error={field("contactName")} required>
                <Input name="contactName" autoComplete="name" required maxLength={120} />
              </FormField>
              <FormField label={t("contactEmail")} htmlFor="contactEmail" error={field("contactEmail")} required>
                <Input name="contactEmail" type="email" dir="ltr" autoComplete="email" required maxLength={320} />
              </FormField>
            </div>
          </fieldset>

          <fieldset className="space-y-4">
            <legend className="mb-3 text-sm font-semibold text-neutral-900">{t("sections.plans")}</legend>
            <FormField
              label={t("salesApproach")}
              htmlFor="salesApproach"
              error={field("salesApproach")}
              hint={t("salesApproachHint")}
              required
            >
              <Textarea name="salesApproach" rows={5} required maxLength={2000} />
            </FormField>
            <FormField
              label={t("expectedDeals")}
              htmlFor="expectedDealsPerQuarter"
              error={field("expectedDealsPerQuarter")}
              hint={t("expectedDealsHint")}
              required
            >
              <Input
                name="expectedDealsPerQuarter"
                type="number"
                inputMode="numeric"
                min={0}
                max={10000}
                step={1}
                required
                className="w-40"
              />
            </FormField>
          </fieldset>

          <section aria-labelledby="terms-heading" className="space-y-3">
            <h2 id="terms-heading" className="text-sm font-semibold text-neutral-900">
              {t("termsTitle", { version: terms.version })}
              {terms.body.fallback ? <FallbackNote lang={terms.body.lang} className="font-normal" /> : null}
            </h2>
            <div
              role="region"
              aria-labelledby="terms-heading"
              tabIndex={0}
              className="max-h-64 overflow-y-auto rounded-md border border-border bg-surface-subtle p-4"
              data-testid="terms-body"
              lang={terms.body.lang}
              dir={terms.body.lang === "ar" ? "rtl" : "ltr"}
            >
              <Markdown source={terms.body.text} newTabLabel={tm("newTab")} />
            </div>
            <CheckboxField
              id="acceptTerms"
              name="acceptTerms"
              label={t("acceptTerms")}
              required
              checked={accepted}
              onChange={setAccepted}
              error={field("acceptTerms")}
            />
          </section>

          {/* Honeypot: hidden from people and assistive technology; bots fill it in. */}
          <div aria-hidden="true" className="sr-only">
            <label htmlFor="nickname">{t("honeypot")}</label>
            <input id="nickname" name="nickname" type="text" tabIndex={-1} autoComplete="off" aria-hidden="true" />
          </div>

          {generalMessage ? (
            <p
              role="alert"
              className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800"
              data-testid="apply-error"
            >
              {generalMessage}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-4">
            <Link href="/login" className="text-sm text-brand-700 hover:underline">
              {t("haveAccount")}
            </Link>
            <Button type="submit" loading={pending} data-testid="submit-application">
              {t("submit")}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
