import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import type { Env } from "@/lib/env";
import { assertStorageKey, type StorageDriver } from "./driver";

/** Where and as whom the S3 driver stores bytes; lib/env checks the variables it comes from. */
export interface S3DriverConfig {
  bucket: string;
  region: string;
  /** Another S3-compatible host (MinIO, R2, …); unset: AWS. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** host/bucket/key rather than bucket.host/key: MinIO and most self-hosted stores need it. */
  forcePathStyle?: boolean;
  /** Put before every key as it is ("tierwise/"); lib/env adds the trailing slash to S3_PREFIX. */
  prefix?: string;
}

/** The S3 driver's settings from the environment, or null when S3_BUCKET is unset (files stay on the disk). */
export function s3ConfigFromEnv(vars: Env): S3DriverConfig | null {
  if (!vars.S3_BUCKET) return null;
  // lib/env refuses a bucket without these, so they are here whenever the bucket is.
  const { S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = vars;
  if (!S3_REGION || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) throw new Error("storage: S3 settings incomplete");
  return {
    bucket: vars.S3_BUCKET,
    region: S3_REGION,
    endpoint: vars.S3_ENDPOINT,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: vars.S3_FORCE_PATH_STYLE === "true",
    prefix: vars.S3_PREFIX,
  };
}

/** The SDK's standard retry (exponential backoff with jitter) on throttling, 5xx and network errors. */
const MAX_ATTEMPTS = 3;
/** A store that does not answer should fail the upload, not hold the request for minutes. */
const CONNECTION_TIMEOUT_MS = 5_000;
/** Idle time on an open socket (not the whole transfer, so a 50 MB asset may take longer). */
const SOCKET_IDLE_TIMEOUT_MS = 30_000;

export function s3ClientOptions(config: S3DriverConfig): S3ClientConfig {
  return {
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle ?? false,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    maxAttempts: MAX_ATTEMPTS,
    retryMode: "standard",
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: SOCKET_IDLE_TIMEOUT_MS },
    // The SDK's default CRC32 checksums are refused by several S3-compatible stores; SigV4 still
    // signs the body's SHA-256, so the store rejects bytes that changed on the way.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

interface SdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}
const sdkError = (error: unknown): SdkError => (typeof error === "object" && error !== null ? error : {});
const statusOf = (error: unknown) => sdkError(error).$metadata?.httpStatusCode;
const isPreconditionFailed = (error: unknown) =>
  sdkError(error).name === "PreconditionFailed" || statusOf(error) === 412;
const isMissing = (error: unknown) => sdkError(error).name === "NoSuchKey" || statusOf(error) === 404;

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/**
 * Bytes as objects in an S3-compatible bucket, under `<prefix><key>`. Objects are private (no ACL
 * is set, so the bucket's own, private by default, applies): every download goes through a route
 * that checks who asks. The client is built on first use, once per driver.
 */
export function s3Driver(config: S3DriverConfig): StorageDriver {
  let client: S3Client | undefined;
  const s3 = () => (client ??= new S3Client(s3ClientOptions(config)));
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return `${config.prefix ?? ""}${key}`;
  };

  async function get(key: string): Promise<Uint8Array | null> {
    const Key = objectKey(key);
    try {
      const response = await s3().send(new GetObjectCommand({ Bucket: config.bucket, Key }));
      if (!response.Body) throw new Error("storage: S3 answered without a body");
      return await response.Body.transformToByteArray();
    } catch (error) {
      // AWS answers 403 instead when the keys may not list the bucket: that stays an error.
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    async put(key, bytes) {
      const Key = objectKey(key);
      try {
        // If-None-Match: * makes the store refuse an existing key, atomically, as the local driver does.
        await s3().send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key,
            Body: bytes,
            ContentLength: bytes.length,
            ContentType: "application/octet-stream", // the route that serves it sets the real type
            IfNoneMatch: "*",
          }),
        );
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
        // A retry after a lost answer meets our own first write: keys are 128 random bits, so the
        // same bytes under the key can only be ours, and the write did happen.
        if ((sdkError(error).$metadata?.attempts ?? 1) > 1) {
          const stored = await get(key);
          if (stored && sameBytes(stored, bytes)) return;
        }
        throw new Error("storage: key already written", { cause: error });
      }
    },
    get,
    async delete(key) {
      const Key = objectKey(key);
      try {
        await s3().send(new DeleteObjectCommand({ Bucket: config.bucket, Key }));
      } catch (error) {
        // S3 answers 204 for a missing key; some compatible stores say NoSuchKey instead.
        if (!isMissing(error)) throw error;
      }
    },
  };
}
