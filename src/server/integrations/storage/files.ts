import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import { dataDir, env } from "@/lib/env";
import { storedFiles } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { InvalidError } from "@/server/domains/errors";
import type { StorageDriver } from "./driver";
import { localDiskDriver } from "./local";
import { normaliseOriginalName } from "./names";
import { purposeRule, type StoragePurpose } from "./purposes";
import { s3ConfigFromEnv, s3Driver } from "./s3";
import { sniffFileType, type SniffedType } from "./sniff";

let s3: StorageDriver | undefined;

/**
 * The driver files go to: an S3-compatible bucket when S3_BUCKET is set (one driver, so one SDK
 * client, per process), else the local disk under `<DATA_DIR>/files`.
 */
export function storageDriver(): StorageDriver {
  const config = s3ConfigFromEnv(env());
  if (config) return (s3 ??= s3Driver(config));
  return localDiskDriver(path.join(dataDir(), "files"));
}

/** How a type is named in a message: "PNG, JPEG, WebP or GIF" is built from these. */
const TYPE_LABEL: Record<SniffedType, string> = {
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/gif": "GIF",
  "image/webp": "WebP",
  "application/pdf": "PDF",
  "application/zip": "ZIP",
};

export interface StoreFileInput {
  purpose: StoragePurpose;
  bytes: Uint8Array;
  /** What the uploader called it: kept as data only, after normaliseOriginalName. */
  originalName: string;
  uploadedBy: string | null;
}

export type StoredFile = typeof storedFiles.$inferSelect;

/**
 * Checks a file against its purpose (by what its bytes are, not its name or declared type), then
 * writes it under a generated key and records it. Every refusal comes before anything is written.
 * If the row cannot be inserted the written bytes are removed again; if the write fails nothing is
 * inserted. Bytes of a row whose surrounding transaction later rolls back stay on disk unreferenced
 * (callers that can, like uploadCourseImage, remove them with `discardStoredBytes`).
 */
export async function storeFile(
  tx: Db,
  input: StoreFileInput,
  driver: StorageDriver = storageDriver(),
): Promise<StoredFile> {
  const rule = purposeRule(input.purpose);
  const originalName = normaliseOriginalName(input.originalName);
  if (originalName === null) throw new InvalidError("storage.badName", "file");
  if (input.bytes.length === 0) throw new InvalidError("storage.empty", "file");
  if (input.bytes.length > rule.maxBytes)
    throw new InvalidError("storage.tooLarge", "file", { maxMb: Math.floor(rule.maxBytes / (1024 * 1024)) });
  const contentType = sniffFileType(input.bytes);
  if (!contentType || !rule.types.includes(contentType))
    throw new InvalidError("storage.wrongType", "file", { types: rule.types.map((t) => TYPE_LABEL[t]).join(", ") });

  const storageKey = randomBytes(16).toString("hex");
  await driver.put(storageKey, input.bytes);
  try {
    const [row] = await tx
      .insert(storedFiles)
      .values({
        purpose: input.purpose,
        storageKey,
        contentType,
        sizeBytes: input.bytes.length,
        originalName,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
        uploadedBy: input.uploadedBy,
      })
      .returning();
    return row!;
  } catch (error) {
    await driver.delete(storageKey).catch(() => undefined); // the insert's error is the one to report
    throw error;
  }
}

/** Removes the bytes of a file whose row never committed (the caller's transaction failed). */
export async function discardStoredBytes(storageKey: string, driver: StorageDriver = storageDriver()): Promise<void> {
  await driver.delete(storageKey);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StoredFileContent {
  bytes: Uint8Array;
  contentType: string;
  originalName: string;
  sizeBytes: number;
}

/** A stored file's bytes and what was recorded of it, or null when there is no such file (or no bytes). */
export async function readStoredFile(
  db: Db,
  fileId: string,
  driver: StorageDriver = storageDriver(),
): Promise<StoredFileContent | null> {
  if (!UUID.test(fileId)) return null; // never reaches a uuid cast
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!row) return null;
  const bytes = await driver.get(row.storageKey);
  if (!bytes) return null;
  return { bytes, contentType: row.contentType, originalName: row.originalName, sizeBytes: row.sizeBytes };
}
