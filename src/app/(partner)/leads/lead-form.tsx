"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button, buttonClasses, FormField, Input, Select, Textarea } from "@/components/ui";
import { MoneyField } from "@/components/money";
import type { CountryOption } from "@/lib/countries";
import { LEAD_FIELD_LIMITS, LEAD_FIELD_NAMES, type LeadFieldName } from "@/lib/lead-fields";
import { useTRPC } from "@/trpc/client";
import { formMessage } from "@/trpc/form-errors";
import { useFormMutation } from "@/trpc/use-form-mutation";

/** The fields the form sends: every field of the server's lead schema. */
export const LEAD_FORM_FIELDS = LEAD_FIELD_NAMES;
export type LeadFormValues = Record<LeadFieldName, string>;

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
  /** The id of the notice saying why the partner cannot send it (a suspended partner); the form is disabled. */
  lockedBy?: string;
}

/** The input attributes the schema gives a field: its name, whether it is required, how long it may be. */
function fieldProps(name: LeadFieldName) {
  const { required, maxLength } = LEAD_FIELD_LIMITS[name];
  return { name, required, maxLength };
}

/** Registers a lead, or corrects one still waiting for review. Errors come back per field from the server. */
export function LeadForm({ leadId, initial, products, countries, currencies, minDate, lockedBy }: LeadFormProps) {
  const t = useTranslations("leadsPortal.form");
  const tf = useTranslations("leadFields");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [productId, setProductId] = useState(initial.productId);

  const toLead = ({ id }: { id: string }) => router.push(`/leads/${id}`);
  // Both hooks are always called (hooks cannot be conditional); only the one for this form is used.
  const register = useFormMutation(trpc.partner.leads.register.mutationOptions(), {
    done: t("registered"),
    refresh: false,
    onSuccess: toLead,
  });
  const update = useFormMutation(trpc.partner.leads.update.mutationOptions(), {
    done: t("updated"),
    refresh: false,
    onSuccess: toLead,
  });
  const { errors, field, pending } = leadId ? update : register;

  useEffect(() => {
    if (Object.keys(errors.fields).length > 0)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors.fields]);

  const readValues = (data: FormData) =>
    Object.fromEntries(LEAD_FORM_FIELDS.map((name) => [name, String(data.get(name) ?? "").trim()])) as LeadFormValues;
  const submit = leadId ? update.submit((data) => ({ leadId, ...readValues(data) })) : register.submit(readValues);

  const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;
  const websiteHint = t.rich("websiteHint", { ltr });
  const amountHint = t.rich("amountHint", { ltr });
  const generalMessage = formMessage(errors, [...LEAD_FORM_FIELDS]);
  const productHint = products.find((p) => p.id === productId)?.description?.trim() || t("productHint");
  /** FormField's props for a lead field: its id is its name, its label and error by that name. */
  const frame = (name: LeadFieldName) => ({
    htmlFor: name,
    label: tf(name),
    error: field(name),
    required: LEAD_FIELD_LIMITS[name].required,
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6" data-testid="lead-form">
      {/* A disabled fieldset disables every control in it; the notice beside it says why. */}
      <fieldset disabled={Boolean(lockedBy)} aria-describedby={lockedBy} className="min-w-0 space-y-6">
        {generalMessage ? (
          <p
            role="alert"
            className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-700"
            data-testid="lead-form-error"
          >
            {generalMessage}
          </p>
        ) : null}

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-3 text-base font-semibold text-neutral-900">{t("company")}</legend>
          <FormField {...frame("companyName")}>
            <Input {...fieldProps("companyName")} defaultValue={initial.companyName} dir="auto" autoComplete="off" />
          </FormField>
          <FormField {...frame("website")} hint={websiteHint}>
            <Input
              {...fieldProps("website")}
              defaultValue={initial.website}
              dir="ltr"
              inputMode="url"
              autoComplete="off"
            />
          </FormField>
          <FormField {...frame("country")}>
            <Select {...fieldProps("country")} defaultValue={initial.country}>
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
          <FormField {...frame("contactName")}>
            <Input {...fieldProps("contactName")} defaultValue={initial.contactName} dir="auto" autoComplete="off" />
          </FormField>
          <FormField {...frame("contactEmail")}>
            <Input
              {...fieldProps("contactEmail")}
              type="email"
              defaultValue={initial.contactEmail}
              dir="ltr"
              autoComplete="off"
            />
          </FormField>
          <FormField {...frame("contactPhone")} hint={t("optional")}>
            <Input
              {...fieldProps("contactPhone")}
              type="tel"
              defaultValue={initial.contactPhone}
              dir="ltr"
              autoComplete="off"
            />
          </FormField>
        </fieldset>

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-3 text-base font-semibold text-neutral-900">{t("opportunity")}</legend>
          <FormField {...frame("productId")} hint={productHint} className="sm:col-span-2">
            <Select {...fieldProps("productId")} value={productId} onChange={(e) => setProductId(e.target.value)}>
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
            <MoneyField
              id="estimatedValue"
              {...fieldProps("estimatedValue")}
              label={tf("estimatedValue")}
              hint={amountHint}
              error={field("estimatedValue")}
              defaultValue={initial.estimatedValue}
              currency={{
                id: "currency",
                name: "currency",
                label: tf("currency"),
                error: field("currency"),
                required: LEAD_FIELD_LIMITS.currency.required,
                defaultValue: initial.currency,
                currencies,
              }}
            />
          </div>
          <FormField {...frame("expectedCloseDate")}>
            <Input
              {...fieldProps("expectedCloseDate")}
              type="date"
              defaultValue={initial.expectedCloseDate}
              min={minDate}
            />
          </FormField>
          <FormField {...frame("notes")} hint={t("notesHint")} className="sm:col-span-2">
            <Textarea {...fieldProps("notes")} rows={5} defaultValue={initial.notes} />
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
      </fieldset>
    </form>
  );
}
