import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/i18n/config";
import { certifications } from "@/server/db/schema";
import type { Actor, PartnerActor } from "@/server/domains/actor";
import { insertCourse, rightAnswers } from "@/server/domains/training/fixtures.test-helpers";
import { completeLesson } from "@/server/domains/training/lessons";
import { startAttempt, submitAttempt } from "@/server/domains/training/quiz";
import type { Context } from "@/server/trpc/init";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, admin, finance, partnerOwner, partnerMember, otherPartnerOwner, actorByEmail, ctxOf } =
  await setupProgram();
const otherMember = (await actorByEmail("tobias@cobalt.demo")) as PartnerActor;
const session: { actor: Actor | null; locale: Locale } = { actor: null, locale: "en" };

// The request's context, as the session would give it.
vi.mock("@/server/trpc/context", () => ({
  createContext: async (): Promise<Context> => ({
    db,
    actor: session.actor,
    clock,
    locale: session.locale,
    ip: "203.0.113.9",
  }),
}));

const { GET } = await import("./route");
const get = (certificationId: string, query = "") =>
  GET(new Request(`http://localhost/api/training/certificates/${certificationId}${query}`), {
    params: Promise.resolve({ certificationId }),
  });

/** James (a member of Northwind) passes a course: his certification is the one downloaded. */
const course = await insertCourse(db, { title: "Certificate route", lessons: 1 });
await completeLesson(ctxOf(partnerMember), { courseId: course.courseId, lessonId: course.lessonIds[0]! });
const attempt = await startAttempt(ctxOf(partnerMember), { courseId: course.courseId });
const result = await submitAttempt(ctxOf(partnerMember), {
  attemptId: attempt.attemptId,
  answers: rightAnswers(course),
});
const certId = result.certification!.id;

describe("GET /api/training/certificates/[certificationId]", () => {
  beforeEach(() => {
    session.actor = partnerMember;
    session.locale = "en";
  });

  it("gives the person, an owner of their partner, and staff the PDF", async () => {
    for (const actor of [partnerMember, partnerOwner, admin, finance]) {
      session.actor = actor;
      const response = await get(certId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="certificate-${result.certification!.code}.pdf"`,
      );
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // The person's language (James has none set: English), whoever reads it.
      expect(bytes.toString("latin1")).toContain("/Lang (en)");
    }
    expect(Buffer.from(await (await get(certId, "?locale=ar")).arrayBuffer()).toString("latin1")).toContain(
      "/Lang (ar)",
    );
  });

  it("answers anyone else exactly like a missing certificate", async () => {
    for (const actor of [otherPartnerOwner, otherMember]) {
      session.actor = actor;
      expect((await get(certId)).status).toBe(404);
    }
    // A member is not an owner: a colleague's certificate is theirs, not the member's.
    await completeLesson(ctxOf(partnerOwner), { courseId: course.courseId, lessonId: course.lessonIds[0]! });
    const own = await startAttempt(ctxOf(partnerOwner), { courseId: course.courseId });
    const owners = await submitAttempt(ctxOf(partnerOwner), {
      attemptId: own.attemptId,
      answers: rightAnswers(course),
    });
    session.actor = partnerMember;
    expect((await get(owners.certification!.id)).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    session.actor = null;
    expect((await get(certId)).status).toBe(401);
  });

  it("no longer prints a revoked certificate for partners; staff still can", async () => {
    await db.update(certifications).set({ revokedAt: clock.now() }).where(eq(certifications.id, certId));
    expect((await get(certId)).status).toBe(404);
    session.actor = admin;
    expect((await get(certId)).status).toBe(200);
  });
});
