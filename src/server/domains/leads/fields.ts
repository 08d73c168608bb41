import type { Clock } from "@/lib/clock";
import { normalizeCompanyName } from "@/lib/company-name";
import { normalizeDomain } from "@/lib/domain-name";
import { amountOf } from "../amounts";
import { InvalidError } from "../errors";
import type { CompanyKeys } from "./conflicts";

// The lead's input shape lives in lib so the lead form can read its names and limits too.
export { amountField, currencyField, dateField, leadFields, leadInput, type LeadInput } from "@/lib/lead-fields";

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
