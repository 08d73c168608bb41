"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses, fieldDescribedBy, FormField, Input, Select, useToast, Textarea } from "@/components/ui";
import type { CountryOption } from "@/lib/countries";
import { useTRPC } from "@/lib/trpc/client";
import { formMessage } from "@/lib/trpc/form-errors";
import { useFormErrors } from "@/lib/trpc/use-form-errors";

export const LEAD_FORM_FIELDS = [
  "companyName",
  "website",
  "contactName",
  "contactEmail",
  "contactPhone",
  "country",
  "productId",
  "estimatedValue",
  "currency",
  "expectedCloseDate",
  "notes",
] as const;
type LeadFormField = (typeof LEAD_FORM_FIELDS)[number];
export type LeadFormValues = Record<LeadFormField, string>;

export interface LeadFormProduct {
  id: string;
  name: string;
  description: string | null;
}

interface LeadFormProps {
  /** Editing this lead; registering a new one when absent. */
  leadId?: string;
  initial: LeadFormValues;
  products: LeadFormProduct[];
  countries: CountryOption[];
  currencies: string[];
  /** Today (yyyy-mm-dd, UTC): the earliest expected close date the server accepts. */
  minDate: string;
}

/** Registers a lead, or corrects one still waiting for review. Errors come back per field from the server. */
export function LeadForm({ leadId, initial, products, countries, currencies, minDate }: LeadFormProps) {
  const t = useTranslations("leadsPortal.form");
  const tf = useTranslations("leadFields");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const { errors, fromError, clear, field } = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [productId, setProductId] = useState(initial.productId);

  const register = useMutation(
    trpc.leads.register.mutationOptions({
      onSuccess: ({ id }) => {
        clear();
        toast({ title: t("registered"), tone: "success" });
        router.push(`/leads/${id}`);
      },
      onError: fromError,
    }),
  );
  const update = useMutation(
    trpc.leads.update.mutationOptions({
      onSuccess: ({ id }) => {
        clear();
        toast({ title: t("updated"), tone: "success" });
        router.push(`/leads/${id}`);
      },
      onError: fromError,
    }),
  );
  const pending = register.isPending || update.isPending;

  useEffect(() => {
    if (Object.keys(errors.fields).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors.fields]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(LEAD_FORM_FIELDS.map((name) => [name, String(data.get(name) ?? "").trim()])) as LeadFormValues;
    if (leadId) update.mutate({ leadId, ...values });
    else register.mutate(values);
  }

  const invalid = (name: LeadFormField) => (field(name) ? true : undefined);
  const describedBy = (name: LeadFormField, hint?: ReactNode) => fieldDescribedBy(name, { error: field(name), hint });
  const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;
  const websiteHint = t.rich("websiteHint", { ltr });
  const amountHint = t.rich("amountHint", { ltr });
  const generalMessage = formMessage(errors, [...LEAD_FORM_FIELDS]);
  const productHint = products.find((p) => p.id === productId)?.description?.trim() || t("productHint");
  const currencyChoices = [...new Set([initial.currency, ...currencies])].filter(Boolean);

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6" data-testid="lead-form">
      {generalMessage ? (
        <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-700" data-testid="lead-form-error">
          {generalMessage}
        </p>
      ) : null}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold text-neutral-900">{t("company")}</legend>
        <FormField label={tf("companyName")} htmlFor="companyName" error={field("companyName")} required>
          <Input id="companyName" name="companyName" defaultValue={initial.companyName} dir="auto" autoComplete="off" required maxLength={160} aria-invalid={invalid("companyName")} aria-describedby={describedBy("companyName")} />
        </FormField>
        <FormField label={tf("website")} htmlFor="website" error={field("website")} hint={websiteHint} required>
          <Input id="website" name="website" defaultValue={initial.website} dir="ltr" inputMode="url" autoComplete="off" required maxLength={200} aria-invalid={invalid("website")} aria-describedby={describedBy("website", websiteHint)} />
        </FormField>
        <FormField label={tf("country")} htmlFor="country" error={field("country")} required>
          <Select id="country" name="country" defaultValue={initial.country} required aria-invalid={invalid("country")} aria-describedby={describedBy("country")}>
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
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold text-neutral-900">{t("contact")}</legend>
        <FormField label={tf("contactName")} htmlFor="contactName" error={field("contactName")} required>
          <Input id="contactName" name="contactName" defaultValue={initial.contactName} dir="auto" autoComplete="off" required maxLength={120} aria-invalid={invalid("contactName")} aria-describedby={describedBy("contactName")} />
        </FormField>
        <FormField label={tf("contactEmail")} htmlFor="contactEmail" error={field("contactEmail")} required>
          <Input id="contactEmail" name="contactEmail" type="email" defaultValue={initial.contactEmail} dir="ltr" autoComplete="off" required maxLength={320} aria-invalid={invalid("contactEmail")} aria-describedby={describedBy("contactEmail")} />
        </FormField>
        <FormField label={tf("contactPhone")} htmlFor="contactPhone" error={field("contactPhone")} hint={t("optional")}>
          <Input id="contactPhone" name="contactPhone" type="tel" defaultValue={initial.contactPhone} dir="ltr" autoComplete="off" maxLength={40} aria-invalid={invalid("contactPhone")} aria-describedby={describedBy("contactPhone", t("optional"))} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold text-neutral-900">{t("opportunity")}</legend>
        <FormField label={tf("productId")} htmlFor="productId" error={field("productId")} hint={productHint} required className="sm:col-span-2">
          <Select
            id="productId"
            name="productId"
            value={productId}
            onChange={(e) => setProductId(e.target.value)}
            required
            aria-invalid={invalid("productId")}
            aria-describedby={describedBy("productId", productHint)}
          >
            <option value="" disabled>
              {t("productPlaceholder")}
            </option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </FormField>
        <div className="grid grid-cols-[1fr_8rem] gap-3">
          <FormField label={tf("estimatedValue")} htmlFor="estimatedValue" error={field("estimatedValue")} hint={amountHint} required>
            <Input
              id="estimatedValue"
              name="estimatedValue"
              defaultValue={initial.estimatedValue}
              inputMode="decimal"
              dir="ltr"
              autoComplete="off"
              required
              maxLength={24}
              className="tabular-nums"
              aria-invalid={invalid("estimatedValue")}
              aria-describedby={describedBy("estimatedValue", amountHint)}
            />
          </FormField>
          <FormField label={tf("currency")} htmlFor="currency" error={field("currency")} required>
            <Select id="currency" name="currency" defaultValue={initial.currency} required dir="ltr" aria-invalid={invalid("currency")} aria-describedby={describedBy("currency")}>
              {currencyChoices.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <FormField label={tf("expectedCloseDate")} htmlFor="expectedCloseDate" error={field("expectedCloseDate")} required>
          <Input id="expectedCloseDate" name="expectedCloseDate" type="date" defaultValue={initial.expectedCloseDate} min={minDate} required aria-invalid={invalid("expectedCloseDate")} aria-describedby={describedBy("expectedCloseDate")} />
        </FormField>
        <FormField label={tf("notes")} htmlFor="notes" error={field("notes")} hint={t("notesHint")} className="sm:col-span-2">
          <Textarea
            id="notes"
            name="notes"
            rows={5}
            defaultValue={initial.notes}
            maxLength={5000}
            aria-invalid={invalid("notes")}
            aria-describedby={describedBy("notes", t("notesHint"))}
          />
        </FormField>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-4">
        <Button type="submit" loading={pending} data-testid="submit-lead">
          {leadId ? t("save") : t("submit")}
        </Button>
        <Link href={leadId ? `/leads/${leadId}` : "/leads"} className={buttonClasses("ghost")}>
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
