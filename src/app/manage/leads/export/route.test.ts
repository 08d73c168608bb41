import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { products } from "@/server/db/schema";
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
const get = (query = "") => GET(new Request(`http://localhost/manage/leads/export${query}`));
const lines = async (query = "") =>
  (await (await get(query)).text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

describe("GET /manage/leads/export", () => {
  beforeEach(() => {
    session.actor = manager;
    session.locale = "en";
  });

  it("downloads the filtered queue as UTF-8 CSV with a BOM and a dated file name", async () => {
    const response = await get("?q=globex&status=submitted");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="leads-${clock.now().toISOString().slice(0, 10)}.csv"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(rows[0]).toContain('"Company"');
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).every((line) => line.includes("Globex"))).toBe(true);
  });

  it("exports every status for status=all or none, and only that status when one is given", async () => {
    const all = await lines("?status=all");
    expect(await lines()).toHaveLength(all.length);
    const submitted = await lines("?status=submitted");
    expect(submitted.length).toBeGreaterThan(1);
    expect(submitted.length).toBeLessThan(all.length);
    expect(submitted.slice(1).every((line) => line.includes('"submitted"'))).toBe(true);
  });

  it("applies the flagged, partner and product filters", async () => {
    const flagged = await lines("?status=all&flagged=yes");
    expect(flagged.length).toBeGreaterThan(1);
    expect(flagged.slice(1).every((line) => line.includes('"yes"'))).toBe(true);
    const unflagged = await lines("?status=all&flagged=no");
    expect(unflagged.slice(1).every((line) => line.includes('"no"'))).toBe(true);
    expect(flagged.length + unflagged.length - 2).toBe((await lines("?status=all")).length - 1);

    const own = await lines(`?status=all&partner=${partnerOwner.partnerId}`);
    expect(own.some((line) => line.includes("Hooli"))).toBe(true);
    expect(own.some((line) => line.includes("Acme Corporation"))).toBe(false);

    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.name, "Onboarding Services"));
    expect(product).toBeDefined();
    const byProduct = await lines(`?status=all&product=${product?.id ?? ""}`);
    expect(byProduct.length).toBeGreaterThan(1);
    expect(byProduct.slice(1).every((line) => line.includes('"Onboarding Services"'))).toBe(true);
  });

  it("keeps the page's order", async () => {
    const ascending = await lines("?status=all&sort=companyName&dir=asc");
    expect(ascending[1]).toMatch(/^"Acme Corporation"/);
    const descending = await lines("?status=all&sort=companyName&dir=desc");
    expect(descending.at(-1)).toMatch(/^"Acme Corporation"/);
  });

  it("drops invalid filters instead of failing", async () => {
    const all = (await lines("?status=all")).length;
    const response = await get("?status=gone&partner=1&product=not-a-uuid&flagged=maybe&sort=evil&dir=sideways");
    expect(response.status).toBe(200);
    expect((await response.text()).trim().split("\r\n")).toHaveLength(all);
  });

  it("heads the columns in the reader's language", async () => {
    session.locale = "ar";
    const rows = await lines("?status=all");
    expect(rows[0]).toContain('"الشركة"');
    expect(rows.length).toBeGreaterThan(1);
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
