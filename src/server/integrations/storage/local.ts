import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, type StorageDriver } from "./driver";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOENT";

/**
 * Files on the local disk: `<root>/<first two characters of the key>/<key>`, the shard keeping
 * directories small. Bytes go to a temporary file first and are renamed into place, so a reader
 * never sees half a file and a crash leaves only a temporary file behind, never a short one.
 */
export function localDiskDriver(root: string): StorageDriver {
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      // "wx": never overwrite, not even a leftover temporary file.
      const handle = await open(temp, "wx", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      try {
        // Keys are 128 random bits; an existing target would mean a bug, so refuse it.
        const existing = await open(target, "r").catch((error: unknown) => {
          if (isMissing(error)) return null;
          throw error;
        });
        if (existing) {
          await existing.close();
          throw new Error("storage: key already written");
        }
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
