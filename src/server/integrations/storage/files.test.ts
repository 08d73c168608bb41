import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before anything reads the environment: this file's uploads go to a directory of its own.
const dataDirectory = await vi.hoisted(async () => {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = await fs.mkdtemp(`${os.tmpdir()}/tierwise-files-`);
  process.env.DATA_DIR = dir;
  return dir;
});

import { dataDir } from "@/lib/env";
import { storedFiles } from "@/server/db/schema";
import { DomainError } from "@/server/domains/errors";
import { setupProgram } from "@/server/testing/fixtures";
import type { StorageDriver } from "./driver";
import { readStoredFile, storeFile } from "./files";

const { db, admin } = await setupProgram();
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

async function filesOnDisk(): Promise<string[]> {
  const root = path.join(dataDirectory, "files");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
const rowCount = async () => (await db.select({ n: count() }).from(storedFiles))[0]!.n;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("storeFile and readStoredFile", () => {
  it("uses the temporary data directory", () => {
    expect(dataDir()).toBe(dataDirectory);
  });

  it("stores an image under a generated key, records what its bytes are, and reads it back", async () => {
    const file = await storeFile(db, {
      purpose: "course_image",
      bytes: PNG,
      originalName: "C:\\Users\\me\\diagram.jpg",
      uploadedBy: admin.userId,
    });
    expect(file).toMatchObject({
      purpose: "course_image",
      contentType: "image/png", // what the bytes are, not what the name says
      sizeBytes: PNG.length,
      originalName: "diagram.jpg",
      uploadedBy: admin.userId,
      sha256: createHash("sha256").update(PNG).digest("hex"),
    });
    expect(file.storageKey).toMatch(/^[0-9a-f]{32}$/);
    const onDisk = path.join(dataDirectory, "files", file.storageKey.slice(0, 2), file.storageKey);
    expect(new Uint8Array(await readFile(onDisk))).toEqual(PNG);
    expect(await readStoredFile(db, file.id)).toEqual({
      bytes: PNG,
      contentType: "image/png",
      originalName: "diagram.jpg",
      sizeBytes: PNG.length,
    });
  });

  it("answers null for a missing or malformed id", async () => {
    expect(await readStoredFile(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await readStoredFile(db, "../../etc/passwd")).toBeNull();
  });

  it("refuses by the bytes, before anything is written: a renamed program, HTML, SVG or PDF is no lesson image", async () => {
    const before = { rows: await rowCount(), files: (await filesOnDisk()).length };
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]);
    const mz = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    const html = ascii("<html><body><script>fetch('/api/trpc')</script></body></html>");
    const svg = ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const pdf = ascii("%PDF-1.7\n");
    for (const [bytes, originalName] of [
      [elf, "photo.png"],
      [mz, "setup.png"],
      [html, "page.png"],
      [svg, "logo.svg"],
      [pdf, "guide.png"],
    ] as const) {
      const error = await refusal(storeFile(db, { purpose: "course_image", bytes, originalName, uploadedBy: null }));
      expect([error.kind, error.code, error.field]).toEqual(["invalid", "storage.wrongType", "file"]);
      expect(error.params).toEqual({ types: "PNG, JPEG, WebP, GIF" });
    }
    expect({ rows: await rowCount(), files: (await filesOnDisk()).length }).toEqual(before);
  });

  it("refuses an empty file, one over 5 MB, and a name with nothing left of it", async () => {
    const before = { rows: await rowCount(), files: (await filesOnDisk()).length };
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    const cases = [
      [new Uint8Array(0), "a.png", "storage.empty"],
      [big, "big.png", "storage.tooLarge"],
      [PNG, "../", "storage.badName"],
      [PNG, "\u0000", "storage.badName"],
    ] as const;
    for (const [bytes, originalName, code] of cases) {
      const error = await refusal(storeFile(db, { purpose: "course_image", bytes, originalName, uploadedBy: null }));
      expect([error.code, error.field]).toEqual([code, "file"]);
    }
    const exact = new Uint8Array(5 * 1024 * 1024);
    exact.set(PNG);
    const stored = await storeFile(db, {
      purpose: "course_image",
      bytes: exact,
      originalName: "max.png",
      uploadedBy: null,
    });
    expect(stored.sizeBytes).toBe(exact.length);
    expect({ rows: await rowCount(), files: (await filesOnDisk()).length }).toEqual({
      rows: before.rows + 1,
      files: before.files + 1,
    });
  });

  it("keeps a path-like name only as data, reduced to its last segment", async () => {
    const file = await storeFile(db, {
      purpose: "course_image",
      bytes: PNG,
      originalName: "../../etc/passwd",
      uploadedBy: null,
    });
    expect(file.originalName).toBe("passwd");
    const files = await filesOnDisk();
    expect(files.every((f) => f.startsWith(path.join(dataDirectory, "files") + path.sep))).toBe(true);
    expect(files.some((f) => f.includes("passwd"))).toBe(false);
  });

  it("removes the written bytes when the row cannot be inserted", async () => {
    const before = { rows: await rowCount(), files: (await filesOnDisk()).length };
    // A user that does not exist: the insert fails on its foreign key, after the bytes were written.
    await expect(
      db.transaction((tx) =>
        storeFile(tx, {
          purpose: "course_image",
          bytes: PNG,
          originalName: "a.png",
          uploadedBy: "00000000-0000-4000-8000-000000000000",
        }),
      ),
    ).rejects.toThrow();
    expect({ rows: await rowCount(), files: (await filesOnDisk()).length }).toEqual(before);
  });

  it("inserts nothing when the write fails", async () => {
    const before = await rowCount();
    const failing: StorageDriver = {
      put: async () => {
        throw new Error("disk full");
      },
      get: async () => null,
      delete: async () => undefined,
    };
    await expect(
      storeFile(db, { purpose: "course_image", bytes: PNG, originalName: "a.png", uploadedBy: null }, failing),
    ).rejects.toThrow("disk full");
    expect(await rowCount()).toBe(before);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.originalName, "a.png"))).toHaveLength(0);
  });
});
