// `npm run demo`: builds the portal when the build is missing or older than the code, then
// serves it on http://localhost:3000 with the embedded database (demo data on first start),
// paying partners through the local Stripe stand-in (e2e/fixtures/stripe) unless
// STRIPE_SECRET_KEY names a real Stripe account or STRIPE_STANDIN=off.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { launchStandin, portFree, standinRunnable } from "../e2e/fixtures/stripe/launch.mjs";

const root = process.cwd();
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const builtAt = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = Math.max(
  ...["src", "public", "drizzle", "package-lock.json", "next.config.mjs", "tailwind.config.ts"].map((p) =>
    newestMtime(path.join(root, p)),
  ),
);
if (builtAt < sourcesAt) {
  console.log("Building Tierwise (once, about a minute)…");
  const build = spawnSync(process.execPath, [next, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// scripts/server.mjs rather than `next start`: it records the socket's address for rate limits.
// The cross-site check accepts APP_URL's host only, so on another port APP_URL must follow it.
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
const dataDir = path.resolve(root, process.env.DATA_DIR || ".data");
/** `.data/…` inside the project, the absolute path elsewhere. */
const shown = (file) => (path.relative(root, file).startsWith("..") ? file : path.relative(root, file));

/** Test-mode credentials the demo's app and stand-in share; they guard nothing real. */
const DEMO_STRIPE_KEY = "sk_test_demo_tierwise_local";
const DEMO_WEBHOOK_SECRET = "whsec_demo_tierwise_local";
const DEFAULT_STANDIN_PORT = 12111;

/**
 * Whether to run the stand-in, and why not. Its state file sits beside the database: a database
 * seeded without it (an older demo, or STRIPE_STANDIN=off) names made-up Stripe accounts the
 * stand-in never had, so that one stays on bank-file payouts unless STRIPE_STANDIN=on.
 */
function standinPlan() {
  const setting = (process.env.STRIPE_STANDIN ?? "").toLowerCase();
  if (process.env.STRIPE_SECRET_KEY) return { run: false, note: "Stripe: STRIPE_SECRET_KEY is set, so no stand-in." };
  if (["0", "false", "off", "no"].includes(setting))
    return { run: false, note: "Stripe: off (STRIPE_STANDIN=off): finance pays by bank file." };
  if (!standinRunnable())
    return { run: false, note: "Stripe: the stand-in needs the dev dependencies (npm ci); bank-file payouts only." };
  const stateFile = path.join(dataDir, "stripe-standin.json");
  const olderDatabase =
    !process.env.DATABASE_URL && fs.existsSync(path.join(dataDir, "pgdata")) && !fs.existsSync(stateFile);
  if (olderDatabase && !["1", "true", "on", "yes"].includes(setting)) {
    return {
      run: false,
      note:
        `Stripe: ${shown(dataDir)} was created without the Stripe stand-in; bank-file payouts ` +
        "only. Delete that directory to start over with it (or STRIPE_STANDIN=on to use it anyway).",
    };
  }
  return { run: true, stateFile };
}

const plan = standinPlan();
let standin = null;
const stripeEnv = {};
if (plan.run) {
  const requested = process.env.STRIPE_STANDIN_PORT;
  const host = process.env.STRIPE_STANDIN_HOST || "127.0.0.1";
  // The usual port when it is free; another free one otherwise (nothing stores the stand-in's address).
  const standinPort = requested
    ? Number(requested)
    : (await portFree(DEFAULT_STANDIN_PORT, host))
      ? DEFAULT_STANDIN_PORT
      : 0;
  try {
    standin = await launchStandin({
      port: standinPort,
      host,
      stateFile: plan.stateFile,
      webhookUrl: new URL("/api/webhooks/stripe", appUrl).toString(),
      webhookSecret: DEMO_WEBHOOK_SECRET,
      publicUrl: process.env.STRIPE_STANDIN_PUBLIC_URL || undefined,
    });
  } catch (error) {
    console.error(
      `✖ ${error instanceof Error ? error.message : String(error)} (STRIPE_STANDIN=off runs the demo without it)`,
    );
    process.exit(1);
  }
  Object.assign(stripeEnv, {
    STRIPE_SECRET_KEY: DEMO_STRIPE_KEY,
    STRIPE_API_BASE: standin.url,
    STRIPE_WEBHOOK_SECRET: DEMO_WEBHOOK_SECRET,
  });
}

const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), port], {
  stdio: "inherit",
  env: { ...process.env, ...stripeEnv, PORT: port, NEXT_TELEMETRY_DISABLED: "1" },
});
const serverExited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
console.log(`\nTierwise is starting at ${appUrl}`);
if (standin) {
  console.log(
    `Stripe: the local stand-in at ${standin.url} (test mode, state in ${shown(plan.stateFile)}); ` +
      "partners' onboarding opens there. STRIPE_STANDIN=off runs without it.",
  );
} else {
  console.log(plan.note);
}

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  // Both at once: the state file is written by the stand-in's own SIGTERM handler.
  const [code] = await Promise.all([serverExited, standin?.stop()]);
  process.exit(code ?? 0);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(signal));
void serverExited.then(() => stop("SIGTERM"));
void standin?.exited.then(({ code, signal }) => {
  if (!stopping)
    console.warn(`[stripe] the stand-in stopped (${signal ?? `code ${code}`}); payouts through Stripe fail`);
});
