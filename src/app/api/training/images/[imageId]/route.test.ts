import { rm } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before anything reads the environment: this file's uploads go to a directory of its own.
const dataDirectory = await vi.hoisted(async () => {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = await fs.mkdtemp(`${os.tmpdir()}/tierwise-image-route-`);
  process.env.DATA_DIR = dir;
  return dir;
});

import { courses, courseVersions, partners, tiers } from "@/server/db/schema";
import { uploadCourseImage, uploadCourseImageInput } from "@/server/domains/training/images";
import { setupProgram } from "@/server/testing/fixtures";

const { db, admin, manager, finance, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } = await setupProgram();
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));
const session: { userId: string | null } = { userId: null };

vi.mock("@/server/auth/current", async () => {
  const { loadActor } = await import("@/server/auth/actor");
  return { getCurrentActor: async () => (session.userId ? loadActor(db, session.userId) : null) };
});
vi.mock("@/server/db/client", () => ({ getDb: async () => db }));

const { GET } = await import("./route");
const get = (imageId: string) =>
  GET(new Request(`http://localhost/api/training/images/${imageId}`), { params: Promise.resolve({ imageId }) });

const GIF = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]);
const tierIdOf = async (key: string) => (await db.select().from(tiers).where(eq(tiers.key, key)))[0]!.id;

async function courseWithImage(options: { status: "draft" | "published"; minTierId?: string }) {
  const [course] = await db.insert(courses).values({}).returning();
  await db.insert(courseVersions).values({
    courseId: course!.id,
    version: 1,
    status: options.status,
    title: "Discovery calls",
    language: "en",
    minTierId: options.minTierId ?? null,
    passMarkPercent: 70,
    attemptLimit: 3,
    validityMonths: 12,
  });
  const input = uploadCourseImageInput.parse({
    courseId: course!.id,
    fileName: 'call "flow".gif',
    contentBase64: Buffer.from(GIF).toString("base64"),
  });
  return (await uploadCourseImage(ctxOf(admin), input)).imageId;
}

// Northwind at Registered, Cobalt as seeded (above it): a Silver course is Cobalt's alone.
await db
  .update(partners)
  .set({ tierId: await tierIdOf("registered") })
  .where(eq(partners.id, partnerOwner.partnerId));
await db
  .update(partners)
  .set({ tierId: await tierIdOf("gold") })
  .where(eq(partners.id, otherPartnerOwner.partnerId));
const open = await courseWithImage({ status: "published" });
const draft = await courseWithImage({ status: "draft" });
const silver = await courseWithImage({ status: "published", minTierId: await tierIdOf("silver") });

describe("GET /api/training/images/[imageId]", () => {
  it("serves a visible course's image to its partner users, privately, inline and inertly", async () => {
    for (const actor of [partnerOwner, partnerMember, otherPartnerOwner]) {
      session.userId = actor.userId;
      const response = await get(open);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/gif");
      expect(response.headers.get("content-length")).toBe(String(GIF.length));
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''call%20%22flow%22.gif");
      expect(response.headers.get("cache-control")).toBe("private, max-age=300");
      expect(response.headers.get("content-security-policy")).toContain("sandbox");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(GIF);
    }
  });

  it("lets staff of every role see every image, drafts included", async () => {
    for (const actor of [admin, manager, finance]) {
      session.userId = actor.userId;
      for (const id of [open, draft, silver]) expect((await get(id)).status).toBe(200);
    }
  });

  it("follows the course's tier: a partner below it gets what a missing image gets", async () => {
    session.userId = otherPartnerOwner.userId;
    expect((await get(silver)).status).toBe(200);
    session.userId = partnerOwner.userId;
    const hidden = await get(silver);
    const missing = await get("00000000-0000-4000-8000-000000000000");
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(await hidden.text()).toBe(await missing.text());
    expect(hidden.headers.get("content-type")).toBe(missing.headers.get("content-type"));
    expect(hidden.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 for a draft course's image to partners, a malformed id, and the signed out", async () => {
    session.userId = partnerOwner.userId;
    expect((await get(draft)).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    expect((await get("..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    session.userId = null;
    for (const id of [open, draft, silver]) expect((await get(id)).status).toBe(404);
  });
});
