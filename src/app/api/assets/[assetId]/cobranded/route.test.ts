import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { assetDownloads, assets } from "@/server/db/schema";
import { DEMO_COBRAND_TITLE } from "@/server/scripts/seed/cobrand";
import { setupProgram } from "@/server/testing/fixtures";

const { db, manager, partnerOwner, actorByEmail } = await setupProgram();
const omar = await actorByEmail("omar@rimal.demo");
const session: { userId: string | null } = { userId: null };

vi.mock("@/server/auth/current", async () => {
  const { loadActor } = await import("@/server/auth/actor");
  return { getCurrentActor: async () => (session.userId ? loadActor(db, session.userId) : null) };
});
vi.mock("@/server/db/client", () => ({ getDb: async () => db }));

const { GET } = await import("./route");
const get = (assetId: string, query = "") =>
  GET(new Request(`http://localhost/api/assets/${assetId}/cobranded${query}`), {
    params: Promise.resolve({ assetId }),
  });

const [overview] = await db.select().from(assets).where(eq(assets.title, DEMO_COBRAND_TITLE));
const [webinar] = await db.select().from(assets).where(eq(assets.title, "Webinar invitation: closing larger deals"));
const downloads = async () =>
  (await db.select().from(assetDownloads).where(eq(assetDownloads.assetId, overview!.id))).length;

describe("GET /api/assets/[assetId]/cobranded", () => {
  it("hands a partner their PDF as a counted attachment with inert headers; the preview is inline and not counted", async () => {
    session.userId = partnerOwner.userId;
    const start = await downloads();
    const preview = await get(overview!.id, "?preview=1");
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(await downloads()).toBe(start);
    const file = await get(overview!.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe(
      'attachment; filename="co-branded-partner-overview-one-pager.pdf"',
    );
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("cache-control")).toBe("private, no-store");
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    expect(await downloads()).toBe(start + 1);
  });

  it("prints in the reader's language unless another is asked for", async () => {
    session.userId = omar.userId;
    const arabic = Buffer.from(await (await get(overview!.id, "?preview=1")).arrayBuffer()).toString("latin1");
    expect(arabic).toContain("/Lang (ar)");
    const english = Buffer.from(await (await get(overview!.id, "?preview=1&locale=en")).arrayBuffer()).toString(
      "latin1",
    );
    expect(english).toContain("/Lang (en)");
  });

  it("answers signed out, below the tier, and unknown ids with the same 404", async () => {
    session.userId = null;
    expect((await get(overview!.id)).status).toBe(404);
    session.userId = omar.userId; // Rimal is Silver; the webinar is for Gold and above.
    const hidden = await get(webinar!.id);
    const missing = await get("00000000-0000-4000-8000-000000000000");
    const malformed = await get("nope");
    expect([hidden.status, missing.status, malformed.status]).toEqual([404, 404, 404]);
  });

  it("lets staff preview any template for a sample partner, uncounted", async () => {
    session.userId = manager.userId;
    const before = (await db.select().from(assetDownloads)).length;
    expect((await get(webinar!.id, `?preview=1&partner=${omar.kind === "partner" ? omar.partnerId : ""}`)).status).toBe(
      200,
    );
    expect((await get(webinar!.id)).status).toBe(200);
    expect((await db.select().from(assetDownloads)).length).toBe(before);
  });
});
