import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/i18n/config";
import type { Actor } from "@/server/domains/actor";
import type { Context } from "@/server/trpc/init";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, manager, finance, partnerOwner } = await setupProgram();
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
const get = (query = "") => GET(new Request(`http://localhost/manage/partners/export${query}`));

describe("GET /manage/partners/export", () => {
  beforeEach(() => {
    session.actor = manager;
    session.locale = "en";
  });

  it("downloads the filtered directory as UTF-8 CSV with a BOM and a dated file name", async () => {
    const response = await get("?q=cobalt");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="partners-${clock.now().toISOString().slice(0, 10)}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0]).toContain('"Partner"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Cobalt Cloud Partners");
  });

  it("drops invalid filters instead of failing", async () => {
    const all = (await (await get()).text()).trim().split("\r\n").length;
    const response = await get("?type=nope&tier=not-a-uuid&status=gone&manager=1&sort=evil&dir=sideways");
    expect(response.status).toBe(200);
    expect((await response.text()).trim().split("\r\n")).toHaveLength(all);
  });

  it("applies the status filter and heads the columns in the reader's language", async () => {
    session.locale = "ar";
    const lines = (await (await get("?status=suspended&sort=name&dir=desc")).text()).trim().split("\r\n");
    expect(lines[0]).toContain('"الشريك"');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('"suspended"'))).toBe(true);
  });

  it("lets finance export too", async () => {
    session.actor = finance;
    expect((await get()).status).toBe(200);
  });

  it("answers 401 without a session and 403 to partner users", async () => {
    session.actor = null;
    expect((await get()).status).toBe(401);
    session.actor = partnerOwner;
    expect((await get()).status).toBe(403);
  });
});
