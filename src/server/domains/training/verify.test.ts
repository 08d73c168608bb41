import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import { eq } from "drizzle-orm";
import { certifications } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { DomainError } from "../errors";
import { newCertificationCode } from "./certifications";
import { insertCourse, rightAnswers } from "./fixtures.test-helpers";
import { completeLesson } from "./lessons";
import { startAttempt, submitAttempt } from "./quiz";
import { normalizeCertificationCode, verifyCertificate, verifyCertificateForVisitor, VERIFY_LIMIT } from "./verify";

const { db, clock, partnerOwner, ctxOf } = await setupProgram();
const course = await insertCourse(db, { title: "Verified course", lessons: 1, validityMonths: 12 });
await completeLesson(ctxOf(partnerOwner), { courseId: course.courseId, lessonId: course.lessonIds[0]! });
const attempt = await startAttempt(ctxOf(partnerOwner), { courseId: course.courseId });
const { certification } = await submitAttempt(ctxOf(partnerOwner), {
  attemptId: attempt.attemptId,
  answers: rightAnswers(course),
});
const code = certification!.code;

describe("verifying a certificate", () => {
  it("reveals only the name, course, dates and status", async () => {
    const found = await verifyCertificate(db, code, clock);
    expect(found).toEqual({
      code,
      personName: "Olivia Park",
      courseTitle: "Verified course",
      issuedAt: certification!.issuedAt,
      expiresAt: certification!.expiresAt,
      status: "valid",
    });
    const json = JSON.stringify(found);
    for (const secret of [partnerOwner.email, partnerOwner.partnerId, partnerOwner.userId, "Northwind", "score"])
      expect(json).not.toContain(secret);
  });

  it("reads the code however it was typed, and says expired and revoked", async () => {
    const body = code.slice(3).replace(/-/g, "");
    for (const typed of [code.toLowerCase(), ` ${body.slice(0, 6)} ${body.slice(6)} `, `tw${body}`, body])
      expect((await verifyCertificate(db, typed, clock))?.code).toBe(code);
    expect(normalizeCertificationCode("tw-o1il-0000-0000")).toBe("TW-0111-0000-0000");
    expect(normalizeCertificationCode("TW-1234")).toBeNull();
    expect(await verifyCertificate(db, newCertificationCode(), clock)).toBeNull();
    expect(await verifyCertificate(db, "", clock)).toBeNull();
    const later = fixedClock(new Date(certification!.expiresAt.getTime() + DAY));
    expect((await verifyCertificate(db, code, later))?.status).toBe("expired");
    await db.update(certifications).set({ revokedAt: clock.now() }).where(eq(certifications.code, code));
    expect((await verifyCertificate(db, code, clock))?.status).toBe("revoked");
  });

  it("limits look-ups per address", async () => {
    const ip = "198.51.100.77";
    for (let n = 0; n < VERIFY_LIMIT.limit; n++)
      await verifyCertificateForVisitor(db, { code: "TW-0000-0000-0000", ip }, clock);
    const refused = await verifyCertificateForVisitor(db, { code, ip }, clock).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe("certificate.verifyRateLimited");
    // Another address is not held back.
    await expect(verifyCertificateForVisitor(db, { code, ip: "198.51.100.78" }, clock)).resolves.toBeTruthy();
  });
});
