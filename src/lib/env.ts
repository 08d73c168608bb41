import path from "node:path";
import { z } from "zod";
import { NO_TRUSTED_PROXIES, parseTrustedProxies } from "./trusted-proxies";

/**
 * Every environment variable the app reads, parsed once. Defaults make the embedded demo run
 * with none set; production sets DATABASE_URL, AUTH_SECRET and APP_URL.
 */
const variables = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Unset: http://localhost:<PORT>, so email links follow the port the server listens on. */
  APP_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Tierwise <no-reply@tierwise.local>"),
  RUN_JOBS_IN_WEB: z.enum(["true", "false"]).default("true"),
  /** Seed the demo program on an empty database; defaults to on for the embedded database only. */
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  /** End-to-end tests only: lets /api/test/time-travel move the app's clock forward. */
  TIME_TRAVEL: z.enum(["true", "false"]).default("false"),
  /** `npm run bench` only: turns on the baseline page and mutation the scenarios are measured against. */
  BENCH_ENDPOINTS: z.enum(["true", "false"]).default("false"),
  /**
   * Which X-Forwarded-For entries come from our own reverse proxies: a hop count ("1") or
   * addresses and CIDRs ("10.0.0.0/8,::1"). Unset: none, the client is the socket peer.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return NO_TRUSTED_PROXIES;
      const parsed = parseTrustedProxies(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
  /**
   * File storage in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …). Unset: files stay
   * on the local disk under DATA_DIR/files. Set, it needs the region and both keys (checked below).
   */
  S3_BUCKET: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, "a bucket name only (no s3://, no path: S3_PREFIX takes that)")
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a region such as "eu-central-1" ("auto" for R2)')
    .optional(),
  /** Another S3-compatible host, e.g. http://127.0.0.1:9000 for MinIO; unset: AWS's own. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (host/bucket/key), which MinIO and most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
  /** A folder inside the bucket for every object, e.g. "tierwise/"; the trailing slash is added when missing. */
  S3_PREFIX: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*\/?$/, 'a folder such as "tierwise/" (no leading slash)')
    .refine((value) => !value.split("/").some((segment) => segment === "." || segment === ".."), "no . or .. segments")
    .transform((value) => (value.endsWith("/") ? value : `${value}/`))
    .optional(),
});

/** The S3 variables that only mean something with a bucket (S3_FORCE_PATH_STYLE has a default). */
const S3_NEEDS_BUCKET = ["S3_REGION", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PREFIX"] as const;
/** What a bucket cannot work without: the SDK signs every request with the region and both keys. */
const S3_REQUIRED = ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

const schema = variables.superRefine((vars, ctx) => {
  // Checked at start, so a half-configured bucket fails the boot instead of the first upload, and
  // S3 settings without a bucket never leave files silently on one host's disk.
  if (vars.S3_BUCKET) {
    for (const name of S3_REQUIRED)
      if (!vars[name]) ctx.addIssue({ code: "custom", path: [name], message: "must be set when S3_BUCKET is set" });
  } else {
    const stray = S3_NEEDS_BUCKET.filter((name) => vars[name] !== undefined);
    if (stray.length > 0)
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message: `must be set when ${stray.join(", ")} ${stray.length === 1 ? "is" : "are"} (files would otherwise stay on the local disk)`,
      });
  }
});

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & { APP_URL: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable (FOO=) means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = { ...parsed.data, APP_URL: parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}` };
  return cached;
}

/** Absolute path of the embedded database's data directory (from the working directory). */
export function dataDir(): string {
  const dir = env().DATA_DIR;
  // turbopackIgnore: the directory is chosen at run time, not a build input.
  return path.isAbsolute(dir) ? dir : path.join(/*turbopackIgnore: true*/ process.cwd(), dir);
}
