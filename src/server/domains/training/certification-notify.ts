import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Locale } from "@/i18n/config";
import type { Clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { certifications, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { EmailTemplates } from "@/server/integrations/email/templates";
import { courseTitles } from "../commissions/certified";
import { emailDate } from "../leads/notify";

type Certification = typeof certifications.$inferSelect;
type CertificationTemplate = "certificationExpiring" | "certificationExpired" | "certificationRevoked";
type ExtraParams<T extends CertificationTemplate> = Omit<EmailTemplates[T], "url" | "name" | "course">;

/** The course's page, where the person renews the certification. */
export function courseUrl(courseId: string): string {
  return `${env().APP_URL}/training/${courseId}`;
}

export { emailDate };

/**
 * Whether the person already holds a later certification in the same course for the same partner
 * (renewed early): then the old one's reminder and expiry notice would only confuse.
 */
export async function renewed(tx: Db, cert: Certification): Promise<boolean> {
  const [later] = await tx
    .select({ id: certifications.id })
    .from(certifications)
    .where(
      and(
        eq(certifications.userId, cert.userId),
        eq(certifications.courseId, cert.courseId),
        eq(certifications.partnerId, cert.partnerId),
        ne(certifications.id, cert.id),
        isNull(certifications.revokedAt),
        gt(certifications.expiresAt, cert.expiresAt),
      ),
    )
    .limit(1);
  return Boolean(later);
}

/** Emails the certified person (while their account is active), in their language. */
export async function notifyHolder<T extends CertificationTemplate>(
  tx: Db,
  cert: Certification,
  template: T,
  extra: (locale: Locale) => ExtraParams<T>,
  clock: Clock,
): Promise<boolean> {
  const [person] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, cert.userId));
  if (!person || person.deactivatedAt) return false;
  const locale: Locale = person.locale === "ar" ? "ar" : "en";
  const course = (await courseTitles(tx, [cert.courseId])).get(cert.courseId) ?? "";
  const params = { url: courseUrl(cert.courseId), name: person.name, course, ...extra(locale) } as EmailTemplates[T];
  await enqueueEmail(tx, { to: person.email, locale, template, params }, clock);
  return true;
}
