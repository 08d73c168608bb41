import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/i18n/config";
import type { Actor } from "@/server/domains/actor";
import { createCourse, publishCourse } from "@/server/domains/training/authoring";
import type { Context } from "@/server/trpc/init";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, manager, finance, partnerOwner, ctxOf } = await setupProgram();
const session: { actor: Actor | null; locale: Locale } = { actor: null, locale: "en" };

const { courseId } = await createCourse(ctxOf(manager), {
  title: "Export route course",
  summary: "",
  language: "en",
  minTierId: null,
  passMarkPercent: 50,
  attemptLimit: 2,
  validityMonths: 12,
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
});
await publishCourse(ctxOf(manager), { courseId });
const today = clock.now().toISOString().slice(0, 10);

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

const courses = await import("./courses/route");
const partners = await import("./partners/route");
const get = (handler: typeof courses.GET, query = "") =>
  handler(new Request(`http://localhost/manage/courses/reports/export/x${query}`));
const linesOf = async (response: Response) =>
  (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

describe("GET /manage/courses/reports/export/*", () => {
  beforeEach(() => {
    session.actor = manager;
    session.locale = "en";
  });

  it("downloads the course report filtered as on the page, as dated UTF-8 CSV", async () => {
    const response = await get(courses.GET, "?cq=Export+route&csort=passRate&cdir=desc");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="training-courses-${today}.csv"`);
    const lines = await linesOf(response);
    expect(lines[0]).toContain('"Course","Language","Started"');
    expect(lines.slice(1)).toEqual(['"Export route course","en","0","0","0","0","","0",""']);
  });

  it("downloads the partner report for one course, invalid filters dropped", async () => {
    const response = await get(partners.GET, `?pcourse=${courseId}&pq=northwind&psort=sideways`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="training-partners-${today}.csv"`);
    const lines = await linesOf(response);
    expect(lines[0]!.startsWith('"Partner",')).toBe(true);
    expect(lines.slice(1)).toEqual(['"Northwind Analytics","0","0","0","0","","0",""']);
    expect((await get(partners.GET, "?pcourse=not-a-uuid")).status).toBe(200);
  });

  it("heads the columns in the reader's language", async () => {
    session.locale = "ar";
    const [header] = await linesOf(await get(courses.GET));
    expect(header).toContain('"الدورة"');
  });

  it("lets finance read; answers 401 without a session and 403 to partner users", async () => {
    session.actor = finance;
    expect((await get(courses.GET)).status).toBe(200);
    session.actor = null;
    expect((await get(courses.GET)).status).toBe(401);
    session.actor = partnerOwner;
    expect((await get(partners.GET)).status).toBe(403);
  });
});
