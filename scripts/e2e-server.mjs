// Serves the production build for the end-to-end tests on a fresh database seeded with the demo
// program, paying through a fresh Stripe stand-in (in memory) on the port playwright.config.ts
// gives it, so a journey can onboard a partner and execute a run.
// `node scripts/e2e-server.mjs [port] [stripe port]`.
//
// The database is the real PostgreSQL server when TEST_DATABASE_URL names one (as on CI and this
// machine: the tests run on what production runs on, and the server's own processes take the
// query work off the app's single Node thread), else the embedded PGlite a newcomer's demo uses.
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";
import postgres from "postgres";
import { launchStandin } from "../e2e/fixtures/stripe/launch.mjs";

const port = process.argv[2] ?? "3950";
const stripePort = Number(process.argv[3] ?? process.env.E2E_STRIPE_PORT ?? 12112);
const appUrl = `http://localhost:${port}`;
/** The secret the stand-in signs its webhooks with and the app checks them with (test mode only). */
const WEBHOOK_SECRET = "whsec_e2e_tierwise";
const dataDir = ".data-e2e";
rmSync(dataDir, { recursive: true, force: true });

/**
 * A fresh database on the configured server, named for the port so runs on other ports (several
 * checkouts on one machine) never share one; dropped and made again on every start.
 */
async function freshServerDatabase(serverUrl) {
  const name = `tierwise_e2e_${Number(port)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let databaseUrl;
if (process.env.TEST_DATABASE_URL) {
  try {
    databaseUrl = await freshServerDatabase(process.env.TEST_DATABASE_URL);
  } catch (error) {
    console.error(
      `✖ TEST_DATABASE_URL is set but no database could be made there: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

let standin;
try {
  standin = await launchStandin({
    port: stripePort,
    webhookUrl: `${appUrl}/api/webhooks/stripe`,
    webhookSecret: WEBHOOK_SECRET,
  });
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  // No APP_URL: the app derives it from PORT, as a newcomer's `PORT=3950 npm run demo` does, and
  // every email link the specs open proves that it follows the port.
  PORT: port,
  SEED_DEMO: "true",
  TIME_TRAVEL: "true",
  STRIPE_SECRET_KEY: "sk_test_e2e_tierwise",
  STRIPE_API_BASE: standin.url,
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
};
if (databaseUrl) env.DATABASE_URL = databaseUrl;
else delete env.DATABASE_URL;
// The production server as `npm start` runs it, socket address recording included.
delete env.APP_URL;
const child = spawn(process.execPath, ["scripts/server.mjs", port], { env, stdio: "inherit" });
const childExited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  const [code] = await Promise.all([childExited, standin.stop()]);
  process.exit(code ?? 0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
void childExited.then(() => stop());
// Without the stand-in every Stripe call fails: end the run loudly rather than let specs time out.
void standin.exited.then(() => {
  if (!stopping) {
    console.error("✖ the Stripe stand-in stopped; stopping the e2e server");
    void stop();
  }
});
