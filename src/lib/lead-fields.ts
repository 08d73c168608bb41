import { z } from "zod";
import { normalizeDomain } from "./domain-name";
import { isCurrencyCode, moneyText } from "./money";
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
