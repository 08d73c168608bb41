import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localDiskDriver } from "./local";

const root = await mkdtemp(path.join(tmpdir(), "tierwise-storage-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDiskDriver(root);
const KEY = "0123456789abcdef0123456789abcdef";

describe("localDiskDriver", () => {
  it("writes under a two-character shard, reads back, and deletes", async () => {
    const bytes = Uint8Array.from([1, 2, 3]);
    await driver.put(KEY, bytes);
    expect(new Uint8Array(await readFile(path.join(root, "01", KEY)))).toEqual(bytes);
    expect(await readdir(path.join(root, "01"))).toEqual([KEY]); // no temporary file left
    expect(await driver.get(KEY)).toEqual(bytes);
    await driver.delete(KEY);
    expect(await driver.get(KEY)).toBeNull();
    await driver.delete(KEY); // deleting what is gone is fine
  });

  it("never overwrites a key", async () => {
    const key = "ff".repeat(16);
    await driver.put(key, Uint8Array.from([1]));
    await expect(driver.put(key, Uint8Array.from([2]))).rejects.toThrow();
    expect(await driver.get(key)).toEqual(Uint8Array.from([1]));
    expect(await readdir(path.join(root, "ff"))).toEqual([key]);
  });

  it("takes only keys of the generated shape, never a path", async () => {
    for (const key of ["../../etc/passwd", "..", "a/b", "ABCDEF0123456789ABCDEF0123456789", "abc", `${KEY}/x`]) {
      await expect(driver.put(key, Uint8Array.from([1]))).rejects.toThrow("malformed key");
      await expect(driver.get(key)).rejects.toThrow("malformed key");
      await expect(driver.delete(key)).rejects.toThrow("malformed key");
    }
  });
});
