import { z } from "zod";
import { normalizeDomain } from "./domain-name";
import { isCurrencyCode, moneyAmount, moneyText } from "./money";
import { plainTextField } from "./text";

/**
 * The shape of a lead as a partner types it, shared by the server (which parses it) and the lead
 * form (which takes its field names, required marks and lengths from it). Pure: no server code,
 * so a client component may import it.
 */

export const currencyField = z.string().trim().toUpperCase().refine(isCurrencyCode, { message: "currency.invalid" });

/** An amount as typed ("12,500.00"): parsed to minor units by the service, never through a float. */
export const amountField = moneyText();

export const dateField = z.iso.date({ message: "lead.dateInvalid" });

/** What a partner types to register (or edit) a lead. */
export const leadFields = {
  companyName: plainTextField({ min: 2, max: 160 }),
  website: plainTextField({ min: 4, max: 200 }).refine((w) => normalizeDomain(w) !== null, {
    message: "lead.websiteInvalid",
  }),
  contactName: plainTextField({ min: 2, max: 120 }),
  contactEmail: z
    .email()
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()\-.]*$/, { message: "partner.phoneInvalid" })
    .default(""),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: "application.countryInvalid" }),
  productId: z.uuid({ message: "lead.productUnknown" }),
  estimatedValue: amountField,
  currency: currencyField,
  expectedCloseDate: dateField,
  notes: z.string().trim().max(5000).default(""),
};
export const leadInput = z.object(leadFields);
export type LeadInput = z.infer<typeof leadInput>;

/** The latest expected close date accepted on `today` (yyyy-mm-dd): five years out. */
export function latestCloseDate(today: string): string {
  return `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`;
}

/**
 * The checks that need another field (the amount's decimals depend on its currency) or the
 * calendar (the close date lies between today and five years out). They run in the same pass as
 * the format checks, so one submission hears about every field at once: Zod runs an object's
 * refinements even when a field's format failed, so each check first makes sure the values it
 * reads are themselves well formed, and stays quiet about a field whose format already failed.
 */
export function leadValueChecks(today: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const currency = currencyField.safeParse(value.currency);
    if (currency.success && amountField.safeParse(value.estimatedValue).success) {
      const minor = moneyAmount(currency.data, "positive").safeParse(String(value.estimatedValue).trim());
      if (!minor.success)
        ctx.addIssue({
          code: "custom",
          message: minor.error.issues[0]?.message ?? "money.invalid",
          path: ["estimatedValue"],
        });
    }
    const close = dateField.safeParse(value.expectedCloseDate);
    if (close.success) {
      if (close.data < today)
        ctx.addIssue({ code: "custom", message: "lead.closeDatePast", path: ["expectedCloseDate"] });
      else if (close.data > latestCloseDate(today))
        ctx.addIssue({ code: "custom", message: "lead.closeDateTooFar", path: ["expectedCloseDate"] });
    }
  };
}

/** A lead as typed, checked in full on `today` (yyyy-mm-dd): every field's problem in one pass. */
export function leadInputOn(today: string) {
  return leadInput.superRefine(leadValueChecks(today));
}

export type LeadFieldName = keyof typeof leadFields;
export const LEAD_FIELD_NAMES = Object.keys(leadFields) as LeadFieldName[];

/** What an input can say about its field before the server does. */
export interface FieldLimits {
  required: boolean;
  minLength?: number;
  maxLength?: number;
}

/** The limits a string schema declares, looking through defaults, optionals and transforms. */
export function limitsOf(schema: z.ZodType): FieldLimits {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional)
    return { ...limitsOf(schema.unwrap() as z.ZodType), required: false };
  if (schema instanceof z.ZodPipe) return limitsOf(schema.in as z.ZodType);
  const { minLength, maxLength } = schema as Partial<Record<"minLength" | "maxLength", number | null>>;
  return {
    required: true,
    ...(typeof minLength === "number" ? { minLength } : {}),
    ...(typeof maxLength === "number" ? { maxLength } : {}),
  };
}

/** Each lead field's limits, read once from the schema above. */
export const LEAD_FIELD_LIMITS = Object.fromEntries(
  LEAD_FIELD_NAMES.map((name) => [name, limitsOf(leadFields[name])]),
) as Record<LeadFieldName, FieldLimits>;
