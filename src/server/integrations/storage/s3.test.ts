import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { storedFiles } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { startS3Standin, type S3Standin } from "@/server/testing/s3-standin";
import { readStoredFile, storeFile } from "./files";
import { s3Driver, type S3DriverConfig } from "./s3";

const BUCKET = "tierwise-files";
const REGION = "eu-central-1";
const ACCESS_KEY = "AKIATIERWISETEST";
const KEY = "0123456789abcdef0123456789abcdef";
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let standin: S3Standin;
let config: S3DriverConfig;

beforeAll(async () => {
  standin = await startS3Standin({ bucket: BUCKET, accessKeyId: ACCESS_KEY, region: REGION });
  config = {
    bucket: BUCKET,
    region: REGION,
    endpoint: standin.endpoint,
    accessKeyId: ACCESS_KEY,
    secretAccessKey: "test-secret-not-checked-by-the-standin",
    forcePathStyle: true,
  };
});
afterAll(() => standin.close());
afterEach(() => {
  standin.faults.losePutAnswers = 0;
});

describe("s3Driver, through the official SDK over HTTP", () => {
  it("puts, gets and deletes an object under the key, signed with the configured access key", async () => {
    const driver = s3Driver(config);
    const bytes = Uint8Array.from([1, 2, 3, 250]);
    await driver.put(KEY, bytes);
    expect(standin.objects.get(KEY)).toEqual(bytes);
    const put = standin.requests.findLast((r) => r.method === "PUT")!;
    expect(put.headers["if-none-match"]).toBe("*");
    expect(put.headers.authorization).toContain(`Credential=${ACCESS_KEY}/`);
    const read = await driver.get(KEY);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(read).toEqual(bytes);
    await driver.delete(KEY);
    expect(standin.objects.has(KEY)).toBe(false);
    expect(await driver.get(KEY)).toBeNull();
    await driver.delete(KEY); // deleting what is gone is fine
  });

  it("never overwrites a key: the store's 412 becomes the local driver's error", async () => {
    const driver = s3Driver(config);
    const key = "ff".repeat(16);
    await driver.put(key, Uint8Array.from([1]));
    await expect(driver.put(key, Uint8Array.from([2]))).rejects.toThrow("storage: key already written");
    expect(await driver.get(key)).toEqual(Uint8Array.from([1]));
  });

  it("answers null for a key that was never written", async () => {
    expect(await s3Driver(config).get("ab".repeat(16))).toBeNull();
  });

  it("puts every object under the prefix", async () => {
    const driver = s3Driver({ ...config, prefix: "tenants/acme/" });
    const key = "cd".repeat(16);
    await driver.put(key, PNG);
    expect(standin.objects.has(`tenants/acme/${key}`)).toBe(true);
    expect(standin.objects.has(key)).toBe(false);
    expect(await driver.get(key)).toEqual(PNG);
    expect(await s3Driver(config).get(key)).toBeNull(); // without the prefix it is another key
    await driver.delete(key);
    expect(standin.objects.has(`tenants/acme/${key}`)).toBe(false);
  });

  it("takes only keys of the generated shape, before anything is sent", async () => {
    const driver = s3Driver(config);
    const before = standin.requests.length;
    for (const key of ["../../etc/passwd", "a/b", "ABCDEF0123456789ABCDEF0123456789", `${KEY}/x`, ""]) {
      await expect(driver.put(key, PNG)).rejects.toThrow("malformed key");
      await expect(driver.get(key)).rejects.toThrow("malformed key");
      await expect(driver.delete(key)).rejects.toThrow("malformed key");
    }
    expect(standin.requests.length).toBe(before);
  });

  it("counts a retried put that meets its own lost first write as written, and still refuses other bytes", async () => {
    const driver = s3Driver(config);
    const key = "12".repeat(16);
    standin.faults.losePutAnswers = 1; // stored, then a 500: the SDK retries and meets a 412
    await driver.put(key, PNG);
    expect(standin.requests.filter((r) => r.method === "PUT" && r.key === key)).toHaveLength(2);
    expect(standin.objects.get(key)).toEqual(PNG);
    await expect(driver.put(key, Uint8Array.from([9]))).rejects.toThrow("storage: key already written");
    standin.faults.losePutAnswers = 1;
    await expect(s3Driver(config).put(key, Uint8Array.from([9]))).rejects.toThrow("storage: key already written");
    expect(standin.objects.get(key)).toEqual(PNG);
  });

  it("fails, rather than answering null, when the store refuses the credentials", async () => {
    const driver = s3Driver({ ...config, accessKeyId: "AKIAWRONG" });
    await expect(driver.get(KEY)).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
    await expect(driver.put("34".repeat(16), PNG)).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
    expect(standin.objects.has("34".repeat(16))).toBe(false);
  });
});

const { db, admin } = await setupProgram();

describe("storeFile and readStoredFile with the S3 driver, on the database", () => {
  const rowCount = async () => (await db.select({ n: count() }).from(storedFiles))[0]!.n;

  it("stores the bytes as an object under the generated key and the row, and reads them back", async () => {
    const driver = s3Driver({ ...config, prefix: "files/" });
    const file = await storeFile(
      db,
      { purpose: "course_image", bytes: PNG, originalName: "diagram.png", uploadedBy: admin.userId },
      driver,
    );
    expect(standin.objects.get(`files/${file.storageKey}`)).toEqual(PNG);
    const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, file.id));
    expect(row).toMatchObject({ storageKey: file.storageKey, contentType: "image/png", sizeBytes: PNG.length });
    expect(await readStoredFile(db, file.id, driver)).toEqual({
      bytes: PNG,
      contentType: "image/png",
      originalName: "diagram.png",
      sizeBytes: PNG.length,
    });
    // The row without its object reads as no file, as on the disk.
    standin.objects.delete(`files/${file.storageKey}`);
    expect(await readStoredFile(db, file.id, driver)).toBeNull();
  });

  it("removes the object again when the row cannot be inserted", async () => {
    const driver = s3Driver(config);
    const before = { rows: await rowCount(), objects: standin.objects.size };
    await expect(
      storeFile(
        db,
        {
          purpose: "course_image",
          bytes: PNG,
          originalName: "a.png",
          uploadedBy: "00000000-0000-4000-8000-000000000000", // no such user: the insert fails
        },
        driver,
      ),
    ).rejects.toThrow();
    expect(standin.requests.at(-1)?.method).toBe("DELETE");
    expect({ rows: await rowCount(), objects: standin.objects.size }).toEqual(before);
  });
});

/** The environment as the process would start with it; every S3 variable unset unless given. */
async function freshModules(vars: Record<string, string>) {
  vi.resetModules();
  for (const name of [
    "S3_BUCKET",
    "S3_REGION",
    "S3_ENDPOINT",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_FORCE_PATH_STYLE",
    "S3_PREFIX",
  ])
    vi.stubEnv(name, "");
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return { envModule: await import("@/lib/env"), files: await import("./files") };
}

describe("the S3 variables (lib/env) and the driver they choose", () => {
  afterEach(() => vi.unstubAllEnvs());
  const complete = () => ({
    S3_BUCKET: BUCKET,
    S3_REGION: REGION,
    S3_ENDPOINT: standin.endpoint,
    S3_ACCESS_KEY_ID: ACCESS_KEY,
    S3_SECRET_ACCESS_KEY: "secret",
    S3_FORCE_PATH_STYLE: "true",
  });

  it("refuses a bucket without the region or keys, naming each missing variable", async () => {
    const { envModule } = await freshModules({ S3_BUCKET: BUCKET });
    expect(() => envModule.env()).toThrow(
      "Invalid environment: S3_REGION: must be set when S3_BUCKET is set; " +
        "S3_ACCESS_KEY_ID: must be set when S3_BUCKET is set; S3_SECRET_ACCESS_KEY: must be set when S3_BUCKET is set",
    );
    const { S3_SECRET_ACCESS_KEY: _omitted, ...withoutSecret } = complete();
    const again = await freshModules(withoutSecret);
    expect(() => again.envModule.env()).toThrow(
      /^Invalid environment: S3_SECRET_ACCESS_KEY: must be set when S3_BUCKET is set$/,
    );
  });

  it("refuses S3 settings without a bucket, so files do not silently stay on one host's disk", async () => {
    const { S3_BUCKET: _omitted, ...withoutBucket } = complete();
    const { envModule } = await freshModules(withoutBucket);
    expect(() => envModule.env()).toThrow(
      "S3_BUCKET: must be set when S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are",
    );
  });

  it("refuses a bucket with a scheme or path, a bad endpoint, and a prefix that climbs", async () => {
    for (const [vars, variable] of [
      [{ S3_BUCKET: "s3://tierwise" }, "S3_BUCKET"],
      [{ S3_BUCKET: "tierwise/files" }, "S3_BUCKET"],
      [{ S3_ENDPOINT: "ftp://minio:9000" }, "S3_ENDPOINT"],
      [{ S3_PREFIX: "/files" }, "S3_PREFIX"],
      [{ S3_PREFIX: "files/../other" }, "S3_PREFIX"],
      [{ S3_FORCE_PATH_STYLE: "yes" }, "S3_FORCE_PATH_STYLE"],
    ] as const) {
      const { envModule } = await freshModules({ ...complete(), ...vars });
      expect(() => envModule.env()).toThrow(new RegExp(`Invalid environment: ${variable}: `));
    }
  });

  it("adds the trailing slash to the prefix", async () => {
    const { envModule } = await freshModules({ ...complete(), S3_PREFIX: "tierwise/prod" });
    expect(envModule.env().S3_PREFIX).toBe("tierwise/prod/");
  });

  it("chooses the S3 driver when S3_BUCKET is set, one per process", async () => {
    const { files } = await freshModules({ ...complete(), S3_PREFIX: "chosen" });
    const driver = files.storageDriver();
    expect(files.storageDriver()).toBe(driver);
    await driver.put("56".repeat(16), PNG);
    expect(standin.objects.get(`chosen/${"56".repeat(16)}`)).toEqual(PNG);
  });

  it("keeps the local disk with no S3 variable set", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tierwise-s3-local-"));
    try {
      const { files } = await freshModules({ DATA_DIR: dir });
      const before = standin.requests.length;
      await files.storageDriver().put("78".repeat(16), PNG);
      expect(new Uint8Array(await readFile(path.join(dir, "files", "78", "78".repeat(16))))).toEqual(PNG);
      expect(standin.requests.length).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
