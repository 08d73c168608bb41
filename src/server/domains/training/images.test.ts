import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before anything reads the environment: this file's uploads go to a directory of its own.
const dataDirectory = await vi.hoisted(async () => {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = await fs.mkdtemp(`${os.tmpdir()}/tierwise-images-`);
  process.env.DATA_DIR = dir;
  return dir;
});

// The audit write can be made to fail, to see what a transaction failing after the write leaves.
const failAudit = vi.hoisted(() => ({ now: false }));
vi.mock("../audit/service", async (importOriginal) => {
  const real = await importOriginal<typeof import("../audit/service")>();
  return {
    ...real,
    audit: async (...args: Parameters<typeof real.audit>) => {
      if (failAudit.now) throw new Error("audit unavailable");
      return real.audit(...args);
    },
  };
});

import { auditLog, courseImages, courses, courseVersions, partners, storedFiles, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { setupProgram } from "@/server/testing/fixtures";
import { errorMessage } from "@/server/trpc/errors";
import { DomainError } from "../errors";
import { altFromFileName, readCourseImage, uploadCourseImage, uploadCourseImageInput } from "./images";

const { db, admin, manager, finance, partnerOwner, otherPartnerOwner, ctxOf } = await setupProgram();
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** A course with one version; the course services are not needed to test its images. */
async function makeCourse(
  database: Db,
  options: { status?: "draft" | "published"; minTierId?: string | null } = {},
): Promise<string> {
  const [course] = await database.insert(courses).values({}).returning();
  await database.insert(courseVersions).values({
    courseId: course!.id,
    version: 1,
    status: options.status ?? "published",
    title: "Selling the platform",
    language: "en",
    minTierId: options.minTierId ?? null,
    passMarkPercent: 80,
    attemptLimit: 3,
    validityMonths: 12,
  });
  return course!.id;
}

async function filesOnDisk(): Promise<number> {
  const entries = await readdir(path.join(dataDirectory, "files"), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((e) => e.isFile()).length;
}

describe("uploadCourseImage", () => {
  it("stores the image, links it to the course, audits it, and gives Markdown to paste", async () => {
    const courseId = await makeCourse(db);
    const input = uploadCourseImageInput.parse({
      courseId,
      fileName: "C:\\slides\\pipeline-stages.png",
      contentBase64: b64(PNG),
    });
    const result = await uploadCourseImage(ctxOf(manager), input);
    expect(result.url).toBe(`/api/training/images/${result.imageId}`);
    expect(result.markdown).toBe(`![pipeline stages](/api/training/images/${result.imageId})`);

    const [row] = await db
      .select({ image: courseImages, file: storedFiles })
      .from(courseImages)
      .innerJoin(storedFiles, eq(storedFiles.id, courseImages.fileId))
      .where(eq(courseImages.id, result.imageId));
    expect(row!.image.courseId).toBe(courseId);
    expect(row!.file).toMatchObject({
      purpose: "course_image",
      contentType: "image/png",
      originalName: "pipeline-stages.png",
      uploadedBy: manager.userId,
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "course.imageUploaded"), eq(auditLog.entityId, courseId)));
    expect(entry).toMatchObject({ actorId: manager.userId, entityType: "course" });
    expect(entry!.after).toMatchObject({ imageId: result.imageId, contentType: "image/png", sizeBytes: PNG.length });
  });

  it("refuses what is not a lesson image, writing nothing", async () => {
    const courseId = await makeCourse(db);
    const before = await filesOnDisk();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    for (const [bytes, fileName] of [
      [svg, "diagram.svg"],
      [elf, "diagram.png"],
    ] as const) {
      const input = uploadCourseImageInput.parse({ courseId, fileName, contentBase64: b64(bytes) });
      await expect(uploadCourseImage(ctxOf(admin), input)).rejects.toMatchObject({
        code: "storage.wrongType",
        field: "file",
      });
    }
    expect(await filesOnDisk()).toBe(before);
    expect(await db.select().from(courseImages).where(eq(courseImages.courseId, courseId))).toHaveLength(0);
  });

  it("refuses an unknown course, and removes the bytes it wrote", async () => {
    const before = await filesOnDisk();
    const input = uploadCourseImageInput.parse({
      courseId: "00000000-0000-4000-8000-000000000000",
      fileName: "a.png",
      contentBase64: b64(PNG),
    });
    const error = await uploadCourseImage(ctxOf(admin), input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("not_found");
    expect(await filesOnDisk()).toBe(before);
  });

  it("removes the written bytes when its transaction fails after the file was stored", async () => {
    const courseId = await makeCourse(db);
    const before = await filesOnDisk();
    const input = uploadCourseImageInput.parse({ courseId, fileName: "a.png", contentBase64: b64(PNG) });
    failAudit.now = true;
    try {
      await expect(uploadCourseImage(ctxOf(admin), input)).rejects.toThrow("audit unavailable");
    } finally {
      failAudit.now = false;
    }
    expect(await filesOnDisk()).toBe(before);
    expect(await db.select().from(courseImages).where(eq(courseImages.courseId, courseId))).toHaveLength(0);
  });

  it("checks the size of the text before decoding it", () => {
    const courseId = "00000000-0000-4000-8000-000000000000";
    const tooLong = "A".repeat(Math.ceil((5 * 1024 * 1024 * 4) / 3) + 12);
    const parsed = uploadCourseImageInput.safeParse({ courseId, fileName: "a.png", contentBase64: tooLong });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toContain("storage.imageTooLarge");
    const notBase64 = uploadCourseImageInput.safeParse({ courseId, fileName: "a.png", contentBase64: "<html>" });
    expect(notBase64.error!.issues[0]!.message).toBe("storage.unreadable");
    expect(
      uploadCourseImageInput.safeParse({ courseId: "x", fileName: "a.png", contentBase64: b64(PNG) }).success,
    ).toBe(false);
  });
});

describe("the refusals' words", () => {
  it("exist in both languages, with their values filled in", () => {
    for (const locale of ["en", "ar"] as const) {
      const generic = errorMessage("generic", locale);
      const messages = [
        errorMessage("storage.wrongType", locale, { types: "PNG, JPEG, WebP, GIF" }),
        errorMessage("storage.tooLarge", locale, { maxMb: 5 }),
        ...["storage.empty", "storage.badName", "storage.imageTooLarge", "storage.unreadable"].map((code) =>
          errorMessage(code, locale),
        ),
      ];
      for (const message of messages) expect(message).not.toBe(generic);
      expect(messages[0]).toContain("PNG, JPEG, WebP, GIF");
      expect(messages[1]).toContain("5");
    }
  });
});

describe("altFromFileName", () => {
  it("makes words of the name, without Markdown that could break the image", () => {
    expect(altFromFileName("pipeline-stages.png")).toBe("pipeline stages");
    expect(altFromFileName("deal_flow](javascript:alert(1)).png")).toBe("deal flow javascript:alert 1");
    expect(altFromFileName("مراحل البيع.webp")).toBe("مراحل البيع");
    expect(altFromFileName(".png")).toBe("image");
  });
});

const tierIdOf = async (key: string) => (await db.select().from(tiers).where(eq(tiers.key, key)))[0]!.id;
const [northwind] = await db.select().from(partners).where(eq(partners.id, partnerOwner.partnerId));

describe("readCourseImage", () => {
  async function imageOf(courseId: string) {
    const input = uploadCourseImageInput.parse({ courseId, fileName: "a.png", contentBase64: b64(PNG) });
    return (await uploadCourseImage(ctxOf(admin), input)).imageId;
  }

  it("shows staff every image, and partners only those of courses they may see", async () => {
    const open = await imageOf(await makeCourse(db));
    const draft = await imageOf(await makeCourse(db, { status: "draft" }));
    const silverUp = await imageOf(await makeCourse(db, { minTierId: await tierIdOf("silver") }));
    const setTier = (tierId: string) =>
      db.update(partners).set({ tierId }).where(eq(partners.id, partnerOwner.partnerId));
    await setTier(await tierIdOf("registered"));
    for (const actor of [admin, manager, finance]) {
      for (const id of [open, draft, silverUp]) expect((await readCourseImage(db, actor, id))?.bytes).toEqual(PNG);
    }
    expect((await readCourseImage(db, partnerOwner, open))?.contentType).toBe("image/png");
    expect(await readCourseImage(db, partnerOwner, draft)).toBeNull();
    expect(await readCourseImage(db, otherPartnerOwner, draft)).toBeNull();
    expect(await readCourseImage(db, partnerOwner, silverUp)).toBeNull();
    await setTier(await tierIdOf("silver"));
    expect(await readCourseImage(db, partnerOwner, silverUp)).not.toBeNull();
    await setTier(northwind!.tierId);
    expect(await readCourseImage(db, admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await readCourseImage(db, admin, "../../etc/passwd")).toBeNull();
  });
});
