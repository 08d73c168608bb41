import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { DAY } from "@/lib/clock";
import { certifications } from "@/server/db/schema";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { recomputeTier } from "../commissions/tiers";
import { emailDate, notifyHolder, renewed } from "./certification-notify";

/** The person hears this many days before their certification expires. */
export const EXPIRY_REMINDER_DAYS = 30;
const BATCH = 200;

/**
 * Once per certification, `EXPIRY_REMINDER_DAYS` before it expires: the person is reminded to
 * renew (unless they already have). Rows are claimed with SKIP LOCKED and marked `remindedAt`, so
 * two workers or a second run never send it twice.
 */
export async function remindExpiringCertifications(ctx: ServiceCtx): Promise<number> {
  const { clock } = ctx;
  let reminded = 0;
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      const now = clock.now();
      const due = await tx
        .select()
        .from(certifications)
        .where(
          and(
            isNull(certifications.revokedAt),
            isNull(certifications.remindedAt),
            gt(certifications.expiresAt, now),
            lte(certifications.expiresAt, new Date(now.getTime() + EXPIRY_REMINDER_DAYS * DAY)),
          ),
        )
        .orderBy(asc(certifications.expiresAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      for (const cert of due) {
        await tx.update(certifications).set({ remindedAt: now }).where(eq(certifications.id, cert.id));
        if (await renewed(tx, cert)) continue;
        await notifyHolder(
          tx,
          cert,
          "certificationExpiring",
          (locale) => ({ expiresOn: emailDate(cert.expiresAt, locale) }),
          clock,
        );
      }
      return due.length;
    });
    reminded += n;
    if (n < BATCH) return reminded;
  }
}

/**
 * Certifications that have expired and not been acted on yet: per partner, in one transaction,
 * each is marked `expiryHandledAt`, its holder told (unless renewed), and the partner's tier
 * rechecked, so a tier that requires the certification moves down at once. A revoked one was
 * handled when it was revoked. A second run finds nothing to do.
 */
export async function handleExpiredCertifications(ctx: ServiceCtx): Promise<number> {
  const { db, actor, clock } = ctx;
  const now = clock.now();
  const pending = await db
    .selectDistinct({ partnerId: certifications.partnerId })
    .from(certifications)
    .where(
      and(isNull(certifications.revokedAt), isNull(certifications.expiryHandledAt), lte(certifications.expiresAt, now)),
    );
  let handled = 0;
  for (const { partnerId } of pending) {
    handled += await withTransaction(ctx, async (tx) => {
      const due = await tx
        .select()
        .from(certifications)
        .where(
          and(
            eq(certifications.partnerId, partnerId),
            isNull(certifications.revokedAt),
            isNull(certifications.expiryHandledAt),
            lte(certifications.expiresAt, now),
          ),
        )
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      await tx
        .update(certifications)
        .set({ expiryHandledAt: now })
        .where(
          inArray(
            certifications.id,
            due.map((c) => c.id),
          ),
        );
      for (const cert of due) {
        await audit(
          tx,
          actor,
          {
            action: "certification.expired",
            entityType: "certification",
            entityId: cert.id,
            after: { userId: cert.userId, partnerId, courseId: cert.courseId, expiresAt: cert.expiresAt },
          },
          now,
        );
        if (await renewed(tx, cert)) continue;
        await notifyHolder(
          tx,
          cert,
          "certificationExpired",
          (locale) => ({ expiredOn: emailDate(cert.expiresAt, locale) }),
          clock,
        );
      }
      await recomputeTier(tx, partnerId, clock);
      return due.length;
    });
  }
  return handled;
}

/** The daily `certification-expiry` job: reminders first, then expiries. */
export async function runCertificationExpiry(ctx: ServiceCtx): Promise<{ reminded: number; expired: number }> {
  const reminded = await remindExpiringCertifications(ctx);
  const expired = await handleExpiredCertifications(ctx);
  return { reminded, expired };
}
