import { eq } from "drizzle-orm";
import { z } from "zod";
import { MINUTE, type Clock } from "@/lib/clock";
import { certifications, courseVersions, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { hitRate, type RateRule } from "@/server/security/rate-limit";
import { RateLimitedError } from "../errors";
import { certificationStatusOf, CODE_ALPHABET } from "./certifications";

/** Lookups one address may make: plenty for people typing codes, too few to walk the code space. */
export const VERIFY_LIMIT: RateRule = { limit: 30, windowMs: 10 * MINUTE };

export const verifyCertificateInput = z.object({ code: z.string().max(64) });

/**
 * The code as stored ("TW-XXXX-XXXX-XXXX") from however it was typed: any case, spaces or dashes,
 * with or without the "TW" prefix, and the look-alikes Crockford's alphabet leaves out read as the
 * digits they resemble (O → 0, I and L → 1). Null when it cannot be a code.
 */
export function normalizeCertificationCode(typed: string): string | null {
  let body = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/^TW(?=.{12}$)/, "");
  body = body.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (body.length !== 12 || [...body].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `TW-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}

/**
 * What the public page may say about a certification code: the person's name, the course title of
 * the version earned, the dates and the status. Nothing else (no email, partner or score). An
 * unknown code is null.
 */
export async function verifyCertificate(db: Db, code: string, clock: Clock) {
  const normalized = normalizeCertificationCode(code);
  if (!normalized) return null;
  const [row] = await db
    .select({
      code: certifications.code,
      personName: users.name,
      courseTitle: courseVersions.title,
      issuedAt: certifications.issuedAt,
      expiresAt: certifications.expiresAt,
      revokedAt: certifications.revokedAt,
    })
    .from(certifications)
    .innerJoin(users, eq(users.id, certifications.userId))
    .innerJoin(courseVersions, eq(courseVersions.id, certifications.versionId))
    .where(eq(certifications.code, normalized));
  if (!row) return null;
  const status = certificationStatusOf(row, clock.now());
  return {
    code: row.code,
    personName: row.personName,
    courseTitle: row.courseTitle,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    // The public page says valid, expired or revoked; "expiring soon" is still valid.
    status: status === "expiringSoon" ? ("valid" as const) : status,
  };
}

/** The public lookup: counted per client address first, so codes cannot be tried in bulk. */
export async function verifyCertificateForVisitor(db: Db, input: { code: string; ip: string }, clock: Clock) {
  const rate = await hitRate(db, `certificate-verify:ip:${input.ip}`, VERIFY_LIMIT, clock);
  if (rate.limited) throw new RateLimitedError("certificate.verifyRateLimited", rate.retryAfterSeconds);
  return verifyCertificate(db, input.code, clock);
}
