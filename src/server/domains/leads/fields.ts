import { z } from "zod";
import type { Clock } from "@/lib/clock";
import { normalizeCompanyName } from "@/lib/company-name";
import { normalizeDomain } from "@/lib/domain-name";
import { isCurrencyCode, moneyText } from "@/lib/money";
import { plainTextField } from "@/lib/text";
import { amountOf } from "../amounts";
import { InvalidError } from "../errors";
import type { CompanyKeys } from "./conflicts";

export const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: "currency.invalid" });

/** An amount as typed ("12,500.00"): parsed to minor units by the service, never through a float. */
export const amountField = moneyText();

export const dateField = z.iso.date({ message: "lead.dateInvalid" });

/** What a partner types to register (or edit) a lead. */
export const leadFields = {
  companyName: plainTextField({ min: 2, max: 160 }),
  website: plainTextField({ min: 4, max: 200 }).refine((w) => normalizeDomain(w) !== null, { message: "lead.websiteInvalid" }),
  contactName: plainTextField({ min: 2, max: 120 }),
  contactEmail: z.email().max(320).transform((e) => e.trim().toLowerCase()),
  contactPhone: z.string().trim().max(40).regex(/^[+0-9 ()\-.]*$/, { message: "partner.phoneInvalid" }).default(""),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: "application.countryInvalid" }),
  productId: z.uuid({ message: "lead.productUnknown" }),
  estimatedValue: amountField,
  currency: currencyField,
  expectedCloseDate: dateField,
  notes: z.string().trim().max(5000).default(""),
};
export const leadInput = z.object(leadFields);
export type LeadInput = z.infer<typeof leadInput>;

export function companyKeys(input: { companyName: string; website: string }): CompanyKeys {
  return { domain: normalizeDomain(input.website)!, normalizedName: normalizeCompanyName(input.companyName) };
}

/** Minor units of a positive amount in its currency (at most MAX_MINOR_UNITS), or an error naming the field. */
export function parseAmount(text: string, currency: string, field: string): bigint {
  return amountOf(text, currency, field, "positive");
}

/** Today in UTC as yyyy-mm-dd, by the injected clock. */
export function today(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** The expected close date lies between today and five years out. */
export function checkExpectedClose(date: string, clock: Clock): void {
  const now = today(clock);
  if (date < now) throw new InvalidError("lead.closeDatePast", "expectedCloseDate");
  const limit = `${Number(now.slice(0, 4)) + 5}${now.slice(4)}`;
  if (date > limit) throw new InvalidError("lead.closeDateTooFar", "expectedCloseDate");
}
