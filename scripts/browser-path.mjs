// Which Chromium the browser tests use. Shared by scripts/ensure-browser.mjs (which may install one)
// and playwright.config.ts (which only looks), so both settle on the same browser.
// Plain Node ESM: no dependencies; Playwright's own browser is looked up only if the package is there.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Debian's Chromium, where its package puts it. */
export const SYSTEM_CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
/** Names looked up on PATH after that, in this order. */
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
/** What the tests need from Debian: the browser, and a font that covers Arabic for the screenshots. */
export const APT_PACKAGES = ["chromium", "fonts-noto-core"];

export const MISSING_MESSAGE_APT =
  "Tierwise's browser tests need Chromium: run `sudo apt-get install chromium fonts-noto-core` or set CHROMIUM_PATH";
export const MISSING_MESSAGE_OTHER =
  "Tierwise's browser tests need Chromium: install Chromium or Google Chrome, or set CHROMIUM_PATH to its executable";

/** The one line for a CHROMIUM_PATH that leads nowhere. */
export function badEnvMessage(value) {
  return `Tierwise's browser tests: CHROMIUM_PATH=${value} is not an executable file (fix it, or unset it to use a system Chromium)`;
}

/** True for an existing file this process may execute. */
export function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `names` entry found on a PATH string. */
export function findOnPath(names, pathValue, exists) {
  const dirs = (pathValue ?? "").split(path.delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Where Playwright keeps its own Chromium (whether or not it was ever downloaded), if Playwright is installed. */
export function playwrightChromiumPath() {
  const require = createRequire(import.meta.url);
  for (const pkg of ["playwright-core", "@playwright/test"]) {
    try {
      return require(pkg).chromium.executablePath();
    } catch {
      // not installed, or it cannot name a path on this platform: try the next one
    }
  }
  return undefined;
}

/**
 * Pure resolution, every outside fact passed in. Order: CHROMIUM_PATH (an error when it leads
 * nowhere, never a silent fallback), Debian's Chromium, a Chromium or Chrome on PATH, then
 * Playwright's own browser if it is on disk.
 *
 * @returns {{ ok: true, path: string, source: "CHROMIUM_PATH" | "system" | "PATH" | "playwright" }
 *   | { ok: false, reason: "bad-env", value: string } | { ok: false, reason: "missing" }}
 */
export function resolveChromium({ env, exists, playwrightPath }) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    const file = fromEnv.includes("/") ? fromEnv : findOnPath([fromEnv], env.PATH, exists);
    return file && exists(file)
      ? { ok: true, path: file, source: "CHROMIUM_PATH" }
      : { ok: false, reason: "bad-env", value: fromEnv };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((file) => exists(file));
  if (system) return { ok: true, path: system, source: "system" };
  const onPath = findOnPath(CHROMIUM_NAMES, env.PATH, exists);
  if (onPath) return { ok: true, path: onPath, source: "PATH" };
  const bundled = playwrightPath();
  if (bundled && exists(bundled)) return { ok: true, path: bundled, source: "playwright" };
  return { ok: false, reason: "missing" };
}

/** resolveChromium on this machine. */
export function findChromium(env = process.env) {
  return resolveChromium({ env, exists: isExecutableFile, playwrightPath: playwrightChromiumPath });
}

/** Whether this machine installs Debian packages with apt-get. */
export function hasApt(exists = isExecutableFile) {
  return exists("/usr/bin/apt-get");
}

/** The one-line explanation for a failed resolution. */
export function failureMessage(result, apt = hasApt()) {
  if (result.ok) return "";
  if (result.reason === "bad-env") return badEnvMessage(result.value);
  return apt ? MISSING_MESSAGE_APT : MISSING_MESSAGE_OTHER;
}

/** For playwright.config.ts: the browser's path, or an error naming exactly what to do (run scripts/ensure-browser.mjs). */
export function chromiumForTests(env = process.env) {
  const result = findChromium(env);
  if (!result.ok) throw new Error(failureMessage(result));
  return result.path;
}
