import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { partners } from "@/server/db/schema";
import type { Locale } from "@/i18n/config";
import type { Actor } from "@/server/domains/actor";
import { postEntries } from "@/server/domains/commissions/ledger";
import type { Context } from "@/server/trpc/init";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, manager, finance, partnerOwner } = await setupProgram();
const session: { actor: Actor | null; locale: Locale } = { actor: null, locale: "en" };

// One entry this file knows exactly: Kestrel, 1,250 yen payable, posted today.
const [kestrel] = await db.select({ id: partners.id }).from(partners).where(eq(partners.name, "Kestrel IT Solutions"));
await postEntries(db, [
  {
    partnerId: kestrel!.id,
    asset: "JPY",
    amount: 1250n,
    source: "adjustment",
    state: "payable",
    availableAt: clock.now(),
    eventKey: "route-test:jpy",
    note: "Route test credit",
    createdAt: clock.now(),
    stateChangedAt: clock.now(),
  },
]);
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

const { GET } = await import("./route");
const get = (query = "") => GET(new Request(`http://localhost/manage/commissions/export${query}`));
const linesOf = async (response: Response) =>
  (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

describe("GET /manage/commissions/export", () => {
  beforeEach(() => {
    session.actor = manager;
    session.locale = "en";
  });

  it("downloads the ledger as UTF-8 CSV with a BOM and a dated file name", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="commissions-${today}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0]).toContain('"Partner"');
    expect(lines.length).toBeGreaterThan(2);
  });

  it("applies the page's filters: partner, state, source, currency and days", async () => {
    const lines = await linesOf(
      await get(`?partner=${kestrel!.id}&state=payable&source=adjustment&currency=jpy&from=${today}&to=${today}`),
    );
    expect(lines).toHaveLength(2);
    // The amount is the exact decimal of the currency: yen have no minor digits.
    expect(lines[1]).toContain('"Kestrel IT Solutions"');
    expect(lines[1]).toContain('"1250"');
    expect(lines[1]).toContain('"JPY"');
    expect(lines[1]).toContain('"Route test credit"');
    const payable = await linesOf(await get("?state=payable"));
    expect(payable.slice(1).every((line) => line.includes('"payable"'))).toBe(true);
    expect(await linesOf(await get(`?currency=JPY&to=2020-01-01`))).toHaveLength(1);
  });

  it("drops invalid filters instead of failing", async () => {
    const all = (await linesOf(await get())).length;
    const response = await get(
      "?partner=not-a-uuid&state=gone&source=gift&currency=XYZ&from=yesterday&to=2026-13-45&dir=sideways",
    );
    expect(response.status).toBe(200);
    expect(await linesOf(response)).toHaveLength(all);
  });

  it("heads the columns in the reader's language", async () => {
    session.locale = "ar";
    const [header] = await linesOf(await get("?dir=asc"));
    expect(header).toContain('"الشريك"');
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
