import { z } from "zod";
import type { Clock } from "@/lib/clock";
import { normalizeCompanyName } from "@/lib/company-name";
import { normalizeDomain } from "@/lib/domain-name";
import { latestCloseDate, leadFields, leadValueChecks } from "@/lib/lead-fields";
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
  if (date > latestCloseDate(now)) throw new InvalidError("lead.closeDateTooFar", "expectedCloseDate");
}

/**
 * A lead as typed (with `extra` fields such as the id of the lead being edited), checked in full
 * on the clock's today: format, amount in its currency and close date in one pass, so the caller
 * hears about every field at once. The services check the same rules again (`checkExpectedClose`,
 * `parseAmount`) for callers that did not come through this schema.
 */
// `E` defaults to no fields: without the default, a call with no extra infers the index-signature
// constraint and the parsed type loses its named fields.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function leadInputAt<E extends z.ZodRawShape = {}>(clock: Clock, extra: E = {} as E) {
  return z.object({ ...extra, ...leadFields }).superRefine(leadValueChecks(today(clock)));
}
