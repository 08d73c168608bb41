import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny S3 for tests, in memory on 127.0.0.1, that the official SDK talks to over real HTTP (as
 * tests stand in for Stripe). It answers path-style PutObject (honouring `If-None-Match: *`),
 * GetObject (NoSuchKey as a 404 with S3's XML error) and DeleteObject, for one bucket.
 *
 * Honest about what it checks: every request must carry a SigV4 Authorization header that names
 * the configured access key and region for the s3 service, and a signed body hash that matches
 * the body. It does NOT verify the signature cryptographically: a wrong secret key passes here,
 * and only a real store catches it.
 */
export interface S3StandinOptions {
  bucket: string;
  accessKeyId: string;
  region: string;
}

export interface S3StandinRequest {
  method: string;
  /** The object key, without the bucket. */
  key: string;
  headers: IncomingMessage["headers"];
}

export interface S3Standin {
  /** The endpoint for the SDK (with forcePathStyle). */
  endpoint: string;
  /** Object key → bytes: what the bucket holds. */
  objects: Map<string, Uint8Array>;
  /** Every request that reached the bucket, in order. */
  requests: S3StandinRequest[];
  faults: {
    /** Store the next N puts, then answer 500 as if the answer were lost: the SDK retries. */
    losePutAnswers: number;
  };
  close(): Promise<void>;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=[0-9a-f]{64}$/;

const xmlEscape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

function sendError(res: ServerResponse, status: number, code: string, message: string, resource = "") {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>` +
    `<Resource>${xmlEscape(resource)}</Resource><RequestId>${randomBytes(8).toString("hex")}</RequestId></Error>`;
  res.writeHead(status, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body) }).end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Why the request's signing headers are not what the SDK sends for our key, or null when they are. */
function authProblem(req: IncomingMessage, options: S3StandinOptions): [number, string, string] | null {
  const match = AUTHORIZATION.exec(String(req.headers.authorization ?? ""));
  if (!match) return [403, "AccessDenied", "missing or malformed SigV4 Authorization header"];
  const [, accessKeyId, , region, signedHeaders] = match;
  if (accessKeyId !== options.accessKeyId) return [403, "InvalidAccessKeyId", `unknown access key ${accessKeyId}`];
  if (region !== options.region) return [400, "AuthorizationHeaderMalformed", `region ${region} is wrong`];
  const signed = signedHeaders!.split(";");
  for (const header of ["host", "x-amz-date", "x-amz-content-sha256"])
    if (!signed.includes(header) || !req.headers[header])
      return [403, "AccessDenied", `${header} is missing or not signed`];
  return null;
}

export async function startS3Standin(options: S3StandinOptions): Promise<S3Standin> {
  const objects = new Map<string, Uint8Array>();
  const requests: S3StandinRequest[] = [];
  const faults = { losePutAnswers: 0 };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, bucket = "", ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    const resource = `/${bucket}/${key}`;
    const body = await readBody(req);

    const problem = authProblem(req, options);
    if (problem) return sendError(res, problem[0], problem[1], problem[2], resource);
    if (bucket !== options.bucket)
      return sendError(res, 404, "NoSuchBucket", "The specified bucket does not exist", resource);
    if (!key) return sendError(res, 501, "NotImplemented", "only object requests are implemented", resource);
    requests.push({ method: req.method ?? "", key, headers: req.headers });

    // The body must be the one that was signed (the SDK signs its SHA-256 on plain HTTP).
    const declared = String(req.headers["x-amz-content-sha256"]);
    if (/^[0-9a-f]{64}$/.test(declared) && createHash("sha256").update(body).digest("hex") !== declared)
      return sendError(res, 400, "XAmzContentSHA256Mismatch", "body does not match x-amz-content-sha256", resource);

    switch (req.method) {
      case "PUT": {
        if (req.headers["content-encoding"]?.includes("aws-chunked") || req.headers["x-amz-copy-source"])
          return sendError(res, 501, "NotImplemented", "chunked uploads and copies are not implemented", resource);
        const ifNoneMatch = req.headers["if-none-match"];
        if (ifNoneMatch !== undefined && ifNoneMatch !== "*")
          return sendError(res, 501, "NotImplemented", "If-None-Match takes only *", resource);
        if (ifNoneMatch === "*" && objects.has(key))
          return sendError(
            res,
            412,
            "PreconditionFailed",
            "At least one of the pre-conditions you specified did not hold",
            resource,
          );
        objects.set(key, new Uint8Array(body));
        if (faults.losePutAnswers > 0) {
          faults.losePutAnswers--;
          return sendError(res, 500, "InternalError", "We encountered an internal error. Please try again.", resource);
        }
        const etag = `"${createHash("md5").update(body).digest("hex")}"`;
        res.writeHead(200, { ETag: etag, "Content-Length": 0 }).end();
        return;
      }
      case "GET": {
        const stored = objects.get(key);
        if (!stored) return sendError(res, 404, "NoSuchKey", "The specified key does not exist.", resource);
        res
          .writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": stored.length })
          .end(Buffer.from(stored));
        return;
      }
      case "DELETE":
        objects.delete(key); // S3 answers 204 whether or not the key existed
        res.writeHead(204).end();
        return;
      default:
        return sendError(res, 405, "MethodNotAllowed", `${req.method} is not implemented`, resource);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, 500, "InternalError", String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
