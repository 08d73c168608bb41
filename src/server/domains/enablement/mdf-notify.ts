import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Locale } from "@/i18n/config";
import type { Clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { mdfRequests, partnerMemberships, partners, staffRoles, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { EmailTemplates } from "@/server/integrations/email/templates";

type MdfRequest = typeof mdfRequests.$inferSelect;
type MdfTemplate = Extract<keyof EmailTemplates, `mdf${string}`>;
type StaffTemplate = "mdfRequestSubmitted" | "mdfClaimSubmitted";
type PartnerTemplate = Exclude<MdfTemplate, StaffTemplate>;

/** MDF-0042: the number people quote. */
export function requestNumber(n: number): string {
  return `MDF-${String(n).padStart(4, "0")}`;
}

export const partnerRequestUrl = (requestId: string) => `${env().APP_URL}/mdf/${requestId}`;
export const staffRequestUrl = (requestId: string) => `${env().APP_URL}/manage/mdf/${requestId}`;

const localeOf = (value: string | null): Locale => (value === "ar" ? "ar" : "en");

/** An amount in the reader's language, for an email. */
export const emailAmount = (amountMinor: bigint, currency: string) => (locale: Locale) =>
  formatMoney(amountMinor, currency, locale);

/**
 * Managers hear of a new request or claim: the partner's own manager while active, otherwise
 * every active admin and partner manager (someone must decide).
 */
export async function notifyManagers<T extends StaffTemplate>(
  tx: Db,
  request: MdfRequest,
  template: T,
  amount: (locale: Locale) => string,
  clock: Clock,
): Promise<void> {
  const [partner] = await tx
    .select({ name: partners.name, managerId: partners.managerId })
    .from(partners)
    .where(eq(partners.id, request.partnerId));
  const staff = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(inArray(staffRoles.role, ["admin", "partner_manager"]), isNull(users.deactivatedAt)));
  const own = staff.filter((s) => s.id === partner?.managerId);
  const recipients = own.length > 0 ? own : [...new Map(staff.map((s) => [s.id, s])).values()];
  for (const person of recipients) {
    const locale = localeOf(person.locale);
    const params = {
      url: staffRequestUrl(request.id),
      name: person.name,
      campaign: request.campaignName,
      number: requestNumber(request.number),
      company: partner?.name ?? "",
      amount: amount(locale),
    } as EmailTemplates[T];
    await enqueueEmail(tx, { to: person.email, locale, template, params }, clock);
  }
}

/** The partner hears of a decision: its owners and the person who asked, each in their language. */
export async function notifyPartner<T extends PartnerTemplate>(
  tx: Db,
  request: MdfRequest,
  template: T,
  extra: (locale: Locale) => Omit<EmailTemplates[T], "url" | "name" | "campaign" | "number">,
  clock: Clock,
): Promise<void> {
  const members = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, role: partnerMemberships.role })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(and(eq(partnerMemberships.partnerId, request.partnerId), isNull(users.deactivatedAt)));
  for (const person of members.filter((m) => m.role === "owner" || m.id === request.submittedBy)) {
    const locale = localeOf(person.locale);
    const params = {
      ...extra(locale),
      url: partnerRequestUrl(request.id),
      name: person.name,
      campaign: request.campaignName,
      number: requestNumber(request.number),
    } as EmailTemplates[T];
    await enqueueEmail(tx, { to: person.email, locale, template, params }, clock);
  }
}
