import { describe, expect, it, vi } from "vitest";
import { uploadLogo } from "@/server/domains/partners/profile";
import { setupProgram } from "@/server/testing/fixtures";

const { db, manager, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } = await setupProgram();
const session: { userId: string | null } = { userId: null };

vi.mock("@/server/auth/current", async () => {
  const { loadActor } = await import("@/server/auth/actor");
  return { getCurrentActor: async () => (session.userId ? loadActor(db, session.userId) : null) };
});
vi.mock("@/server/db/client", () => ({ getDb: async () => db }));

const { GET } = await import("./route");
const get = (partnerId: string) =>
  GET(new Request(`http://localhost/api/logos/${partnerId}`), { params: Promise.resolve({ partnerId }) });

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
await uploadLogo(ctxOf(partnerOwner), { contentType: "image/png", dataBase64: Buffer.from(PNG).toString("base64") });

describe("GET /api/logos/[partnerId]", () => {
  it("serves the organization's own logo to its users, privately and inertly", async () => {
    for (const actor of [partnerOwner, partnerMember]) {
      session.userId = actor.userId;
      const response = await get(partnerOwner.partnerId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("cache-control")).toBe("private, max-age=300");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      );
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    }
  });

  it("lets staff read any logo", async () => {
    session.userId = manager.userId;
    expect((await get(partnerOwner.partnerId)).status).toBe(200);
    expect((await get(otherPartnerOwner.partnerId)).status).toBe(404);
  });

  it("answers another organization's logo exactly like a missing one", async () => {
    session.userId = otherPartnerOwner.userId;
    const foreign = await get(partnerOwner.partnerId);
    const missing = await get("00000000-0000-4000-8000-000000000000");
    const malformed = await get("not-a-uuid");
    expect([foreign.status, missing.status, malformed.status]).toEqual([404, 404, 404]);
    expect(await foreign.text()).toBe(await missing.text());
    expect(foreign.headers.get("content-type")).toBe(missing.headers.get("content-type"));
  });

  it("answers 401 when signed out", async () => {
    session.userId = null;
    expect((await get(partnerOwner.partnerId)).status).toBe(401);
  });
});
