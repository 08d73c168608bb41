import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { randomBytes } from "node:crypto";

const NEXT_BIN = "node_modules/next/dist/bin/next";

export function build(): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/** The reference app (bench/reference): Next.js itself, one layout, one page, one route handler. */
export const REFERENCE_DIR = "bench/reference";

export function buildReference(): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build", REFERENCE_DIR], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build of the bench reference failed");
}

export interface RunningServer {
  base: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The production server on the bench database, with the baselines on and the background jobs
 * off (a job waking mid-scenario would be noise, and the nightly recompute is measured on its own).
 */
export async function start(databaseUrl: string, port: number): Promise<RunningServer> {
  const base = `http://localhost:${port}`;
  return launch(base, "/login", ["scripts/server.mjs", String(port)], {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    APP_URL: base,
    RUN_JOBS_IN_WEB: "false",
    SEED_DEMO: "false",
    BENCH_ENDPOINTS: "true",
  });
}

/** The reference app's production server (`next start`, as its own documentation runs it). */
export async function startReference(port: number): Promise<RunningServer> {
  return launch(`http://localhost:${port}`, "/bare", [NEXT_BIN, "start", REFERENCE_DIR, "-p", String(port)], {});
}

async function launch(
  base: string,
  probe: string,
  args: string[],
  env: Record<string, string>,
): Promise<RunningServer> {
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${base}${probe}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, process: child, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the server did not answer within 90 s:\n${output}`);
}

/** Resident memory of a process and its descendants, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const children = (p: number): number[] => {
    try {
      return fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  let kib = 0;
  for (const p of all) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      kib += match ? Number(match[1]) : 0;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return Math.round(kib / 1024);
}
