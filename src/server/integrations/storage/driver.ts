/**
 * Where the bytes of stored files live. The database row (stored_files) is the record; a driver
 * only keeps bytes under keys the storage module generated. Two drivers: the local disk (local.ts,
 * the default) and an S3-compatible bucket (s3.ts, when S3_BUCKET is set: PutObject with
 * If-None-Match: *, GetObject with NoSuchKey as null, DeleteObject, the key as the object key
 * after an optional prefix). storageDriver() in files.ts picks one; nothing above it changes.
 */
export interface StorageDriver {
  /** Writes the bytes under a new key; fails rather than overwrite an existing one. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under the key, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the key's bytes; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A generated key: 32 lowercase hex characters (128 random bits), nothing a user typed. */
export const STORAGE_KEY = /^[0-9a-f]{32}$/;

export function assertStorageKey(key: string): void {
  // The key becomes a path (or an object name): only the shape this module generates gets through.
  if (!STORAGE_KEY.test(key)) throw new Error("storage: malformed key");
}
