import { z } from "zod";
import type { Clock } from "@/lib/clock";
import { normalizeCompanyName } from "@/lib/company-name";
import { normalizeDomain } from "@/lib/domain-name";
import { isCurrencyCode, parseMoney } from "@/lib/money";
import { InvalidError } from "../errors";
import type { CompanyKeys } from "./conflicts";

/** Largest amount a lead or deal may carry, in minor units (a trillion in major units for 2-digit currencies). */
const MAX_AMOUNT_MINOR = 10n ** 14n;

export const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: "currency.invalid" });

/** An amount as typed ("12,500.00"): parsed to minor units by the service, never through a float. */
export const amountField = z.string().trim().min(1).max(24);

export const dateField = z.iso.date({ message: "lead.dateInvalid" });

/** What a partner types to register (or edit) a lead. */
export const leadFields = {
  companyName: z.string().trim().min(2).max(160),
  website: z.string().trim().min(4).max(200).refine((w) => normalizeDomain(w) !== null, { message: "lead.websiteInvalid" }),
  contactName: z.string().trim().min(2).max(120),
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

/** Minor units of a positive amount in its currency, or an error naming the field. */
export function parseAmount(text: string, currency: string, field: string): bigint {
  const minor = parseMoney(text, currency);
  if (minor === null) throw new InvalidError("lead.amountInvalid", field);
  if (minor <= 0n) throw new InvalidError("lead.amountPositive", field);
  if (minor > MAX_AMOUNT_MINOR) throw new InvalidError("lead.amountTooLarge", field);
  return minor;
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
