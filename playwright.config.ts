import { defineConfig, devices } from "@playwright/test";
import { chromiumForTests } from "./scripts/browser-path.mjs";

// The port a newcomer tried (issue 18): with no APP_URL set, every email link the specs open must
// point here, not at the default 3000.
const PORT = Number(process.env.E2E_PORT ?? 3950);
const baseURL = `http://localhost:${PORT}`;
// The Stripe stand-in the e2e server pays through (scripts/e2e-server.mjs). The specs read its
// address from E2E_STRIPE_URL (e2e/helpers.ts, stripeStandin), which the workers inherit.
const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? 12112);
process.env.E2E_STRIPE_URL = `http://127.0.0.1:${STRIPE_PORT}`;

/**
 * The same browser scripts/ensure-browser.mjs settled on (CHROMIUM_PATH, Debian's Chromium, one on
 * PATH, or Playwright's own if it is on disk). Throws a one-line fix rather than letting Playwright
 * fall back to a ~/.cache path that is not there; `npm test` runs ensure-browser first, which installs one.
 */
const executablePath = chromiumForTests();

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Journeys walk several people through a dozen pages each; on two cores under Chromium that
  // runs past 30 s (each page load ~1 s). Assertions keep their own 10 s limit.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production build, on a fresh embedded database seeded with the demo program, and a fresh stand-in.
    command: `node scripts/e2e-server.mjs ${PORT} ${STRIPE_PORT}`,
    url: `${baseURL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
