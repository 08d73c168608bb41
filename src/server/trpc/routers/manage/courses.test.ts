import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/domains/actor";
import { setupProgram } from "@/server/testing/fixtures";
import { describeError } from "../../errors";
import { createCallerFactory, type AccessMeta, type Context } from "../../init";
import { appRouter } from "../../root";

const { db, clock, admin, manager, finance, partnerOwner, partnerMember } = await setupProgram();
const createCaller = createCallerFactory(appRouter);
const as = (actor: Actor) => createCaller({ db, actor, clock, locale: "en", ip: "203.0.113.7" } satisfies Context);

const paths = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: AccessMeta } }>)
  .filter(([path]) => path.startsWith("manage.courses."))
  .map(([path, procedure]) => ({ path, meta: procedure._def.meta, name: path.split(".").at(-1)! }));
const REPORTS = ["courseReport", "partnerReport", "exportCourseReportCsv", "exportPartnerReportCsv"];

async function outcome(actor: Actor, path: string, input: unknown = {}): Promise<TRPCError | null> {
  let target: unknown = as(actor);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)(input);
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

const validCourse = {
  title: "Router course",
  summary: "",
  language: "en",
  minTierId: null,
  passMarkPercent: 70,
  attemptLimit: 2,
  validityMonths: 6,
  lessons: [{ title: "L", body: "", videoUrl: null }],
  questions: [
    {
      prompt: "Q",
      kind: "single",
      options: [
        { label: "A", isCorrect: true },
        { label: "B", isCorrect: false },
      ],
    },
  ],
};

describe("manage.courses access", () => {
  it("lets authors write and finance only read the reports", () => {
    expect(paths.length).toBeGreaterThanOrEqual(13);
    for (const { path, meta, name } of paths)
      expect({ path, meta }).toEqual({
        path,
        meta: {
          access: "staff",
          roles: REPORTS.includes(name) ? ["admin", "partner_manager", "finance"] : ["admin", "partner_manager"],
        },
      });
  });

  it("refuses partner users everywhere and finance on every mutation and the editor", async () => {
    for (const { path, name } of paths) {
      expect((await outcome(partnerOwner, path))?.code, path).toBe("FORBIDDEN");
      expect((await outcome(partnerMember, path))?.code, path).toBe("FORBIDDEN");
      if (!REPORTS.includes(name)) expect((await outcome(finance, path))?.code, path).toBe("FORBIDDEN");
    }
    expect(await outcome(finance, "manage.courses.create", validCourse)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("creates and publishes for a partner manager; finance reads the report", async () => {
    const { courseId } = await as(manager).manage.courses.create(validCourse as never);
    expect(await as(admin).manage.courses.publish({ courseId })).toMatchObject({ version: 1 });
    const report = await as(finance).manage.courses.courseReport({ search: "Router course" });
    expect(report.rows.map((r) => r.courseId)).toEqual([courseId]);
    const csv = await as(finance).manage.courses.exportCourseReportCsv({ search: "Router course" });
    expect(csv.split("\r\n")[0]).toBe(
      '"Course","Language","Started","Read all lessons","Attempted","Passed","Pass rate (%)","Attempts","Average score (%)"',
    );
  });

  it("answers a wrong option set with a field error naming the question", async () => {
    const error = await outcome(manager, "manage.courses.create", {
      ...validCourse,
      questions: [
        {
          ...validCourse.questions[0],
          options: [
            { label: "A", isCorrect: false },
            { label: "B", isCorrect: false },
          ],
        },
      ],
    });
    expect(error?.code).toBe("BAD_REQUEST");
    expect(describeError(error!, "en").data.fieldErrors).toEqual({
      "questions.0.options": "A single-choice question needs exactly one correct option.",
    });
  });
});
