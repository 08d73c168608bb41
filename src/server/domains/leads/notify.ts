import { and, eq, isNull } from "drizzle-orm";
import { leads, partnerMemberships, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { EmailTemplates } from "@/server/integrations/email/templates";
import type { Locale } from "@/i18n/config";

type Lead = typeof leads.$inferSelect;
type LeadTemplate = Extract<keyof EmailTemplates, `lead${string}`>;
type ExtraParams<T extends LeadTemplate> = Omit<EmailTemplates[T], "url" | "name" | "company">;

/** A calendar day in the reader's language ("December 31, 2026" / "31 ديسمبر 2026"), in UTC like the pages. */
export function emailDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

export function leadUrl(leadId: string): string {
  return `${env().APP_URL}/leads/${leadId}`;
}

/**
 * Who hears about a lead: the colleague who registered it while they still belong to its
 * partner, otherwise the partner's owners (after a reassignment, say).
 */
async function recipientsOf(tx: Db, lead: Pick<Lead, "partnerId" | "registeredBy">) {
  const members = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, role: partnerMemberships.role })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(and(eq(partnerMemberships.partnerId, lead.partnerId), isNull(users.deactivatedAt)));
  const registrant = members.find((m) => m.id === lead.registeredBy);
  return registrant ? [registrant] : members.filter((m) => m.role === "owner");
}

/** Emails the partner side about a change to one of its leads, in each reader's language. */
export async function notifyPartner<T extends LeadTemplate>(
  tx: Db,
  lead: Pick<Lead, "id" | "partnerId" | "registeredBy" | "companyName">,
  template: T,
  /** The template's values, or a function of the reader's language for values formatted per locale (amounts). */
  params: ExtraParams<T> | ((locale: Locale) => ExtraParams<T>),
  clock: Clock,
  options: { url?: string } = {},
): Promise<void> {
  for (const person of await recipientsOf(tx, lead)) {
    const locale: Locale = person.locale === "ar" ? "ar" : "en";
    const values = typeof params === "function" ? params(locale) : params;
    const all = {
      ...values,
      url: options.url ?? leadUrl(lead.id),
      name: person.name,
      company: lead.companyName,
    } as unknown as EmailTemplates[T];
    await enqueueEmail(tx, { to: person.email, locale, template, params: all }, clock);
  }
}

/** Emails one staff member (the partner's manager) about a lead. */
export async function notifyStaff(
  tx: Db,
  staffUserId: string | null,
  lead: Pick<Lead, "id" | "companyName">,
  params: { author: string; body: string },
  clock: Clock,
): Promise<void> {
  if (!staffUserId) return;
  const [person] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, staffUserId), isNull(users.deactivatedAt)));
  if (!person) return;
  await enqueueEmail(
    tx,
    {
      to: person.email,
      locale: person.locale === "ar" ? "ar" : "en",
      template: "leadComment",
      params: {
        ...params,
        url: `${env().APP_URL}/manage/leads/${lead.id}`,
        name: person.name,
        company: lead.companyName,
      },
    },
    clock,
  );
}
