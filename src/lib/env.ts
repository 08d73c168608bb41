import path from "node:path";
import { z } from "zod";
import { NO_TRUSTED_PROXIES, parseTrustedProxies } from "./trusted-proxies";

/**
 * Every environment variable the app reads, parsed once. Defaults make the embedded demo run
 * with none set; production sets DATABASE_URL, AUTH_SECRET and APP_URL.
 */
const schema = z.object({
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
