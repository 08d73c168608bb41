import { randomInt } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { env } from "@/lib/env";
import { certifications, courseVersions, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Actor, PartnerActor } from "../actor";
import { audit } from "../audit/service";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";

/** A certification within this many days of its expiry may be renewed (and shows "expiring soon"). */
export const RENEWAL_WINDOW_DAYS = 30;

export type CertificationStatus = "valid" | "expiringSoon" | "expired" | "revoked";

/** Where a certification stands at `now`: revoked wins over expired, which wins over expiring. */
export function certificationStatusOf(
  cert: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): CertificationStatus {
  if (cert.revokedAt) return "revoked";
  if (cert.expiresAt <= now) return "expired";
  if (cert.expiresAt.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY) return "expiringSoon";
  return "valid";
}

/**
 * Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or off paper types back the
 * same (verify maps the look-alikes back). 12 symbols = 60 random bits: not guessable, and the
 * public lookup is rate limited besides.
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_SYMBOLS = 12;

/** A fresh certification code, "TW-7K3M-Q9XD-2HPA", from the crypto random source. */
export function newCertificationCode(): string {
  let body = "";
  for (let i = 0; i < CODE_SYMBOLS; i++) body += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `TW-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}

/** The public page that verifies a code. */
export function verificationUrl(code: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/verify/${code}`;
}

/** Calendar months later, in UTC; the 31st of a month without one becomes that month's last day. */
export function addMonthsUtc(at: Date, months: number): Date {
  const target = new Date(
    Date.UTC(
      at.getUTCFullYear(),
      at.getUTCMonth() + months,
      1,
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return target;
}

/**
 * Issues the certification a passed attempt earns, inside the grading transaction. The attempt id
 * is unique on certifications, so a second issue for the same attempt cannot happen; a code that
 * collides (60 random bits: practically never) is drawn again.
 */
export async function issueCertification(
  tx: Db,
  actor: PartnerActor,
  input: { attemptId: string; courseId: string; versionId: string; validityMonths: number },
  clock: Clock,
) {
  const issuedAt = clock.now();
  for (;;) {
    const [cert] = await tx
      .insert(certifications)
      .values({
        code: newCertificationCode(),
        userId: actor.userId,
        partnerId: actor.partnerId,
        courseId: input.courseId,
        versionId: input.versionId,
        attemptId: input.attemptId,
        issuedAt,
        expiresAt: addMonthsUtc(issuedAt, input.validityMonths),
      })
      .onConflictDoNothing({ target: certifications.code })
      .returning();
    if (!cert) continue;
    await audit(
      tx,
      actor,
      {
        action: "certification.issued",
        entityType: "certification",
        entityId: cert.id,
        after: { code: cert.code, userId: cert.userId, partnerId: cert.partnerId, versionId: cert.versionId },
      },
      issuedAt,
    );
    return cert;
  }
}

/** The person's latest certification in a course (any state), or null. */
export async function latestCertification(db: Db, userId: string, courseId: string) {
  const [cert] = await db
    .select()
    .from(certifications)
    .where(and(eq(certifications.userId, userId), eq(certifications.courseId, courseId)))
    .orderBy(desc(certifications.issuedAt), desc(certifications.id))
    .limit(1);
  return cert ?? null;
}

/** The person's certifications, newest first, each with the title of the version it was earned on. */
export async function myCertifications(ctx: ServiceCtx<PartnerActor>) {
  const { db, actor, clock } = ctx;
  const rows = await db
    .select({
      id: certifications.id,
      code: certifications.code,
      courseId: certifications.courseId,
      courseTitle: courseVersions.title,
      issuedAt: certifications.issuedAt,
      expiresAt: certifications.expiresAt,
      revokedAt: certifications.revokedAt,
    })
    .from(certifications)
    .innerJoin(courseVersions, eq(courseVersions.id, certifications.versionId))
    .where(eq(certifications.userId, actor.userId))
    .orderBy(desc(certifications.issuedAt), desc(certifications.id));
  const now = clock.now();
  return rows.map((r) => ({ ...r, status: certificationStatusOf(r, now), verifyUrl: verificationUrl(r.code) }));
}

/**
 * What the printable certificate shows, for those who may have it: the person it names, an owner
 * of the same partner, or staff. Anyone else (and a revoked certification, for partners) gets
 * "not found", so ids cannot be probed.
 */
export async function certificateForPrint(ctx: ServiceCtx<Actor>, certificationId: string) {
  const { db, actor } = ctx;
  const [row] = await db
    .select({
      id: certifications.id,
      code: certifications.code,
      userId: certifications.userId,
      partnerId: certifications.partnerId,
      personName: users.name,
      personLocale: users.locale,
      courseTitle: courseVersions.title,
      issuedAt: certifications.issuedAt,
      expiresAt: certifications.expiresAt,
      revokedAt: certifications.revokedAt,
    })
    .from(certifications)
    .innerJoin(users, eq(users.id, certifications.userId))
    .innerJoin(courseVersions, eq(courseVersions.id, certifications.versionId))
    .where(eq(certifications.id, certificationId));
  if (!row) throw new NotFoundError("certificate.notFound");
  if (actor.kind === "partner") {
    const mine = row.userId === actor.userId;
    const asOwner = actor.partnerRole === "owner" && row.partnerId === actor.partnerId;
    if ((!mine && !asOwner) || row.revokedAt) throw new NotFoundError("certificate.notFound");
  }
  return row;
}
