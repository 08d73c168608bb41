import { describe, expect, it } from "vitest";
import {
  badEnvMessage,
  failureMessage,
  findOnPath,
  MISSING_MESSAGE_APT,
  MISSING_MESSAGE_OTHER,
  resolveChromium,
} from "../../scripts/browser-path.mjs";

/** A machine where exactly these files exist. */
function machine(files: string[], env: Record<string, string | undefined> = {}, playwright?: string) {
  const set = new Set(files);
  return {
    env: { PATH: "/usr/local/bin:/usr/bin:/bin", ...env },
    exists: (file: string) => set.has(file),
    playwrightPath: () => playwright,
  };
}

const CACHE = "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

describe("which Chromium the browser tests use", () => {
  it("takes CHROMIUM_PATH first, even over Debian's Chromium", () => {
    expect(
      resolveChromium(machine(["/opt/chrome/chrome", "/usr/bin/chromium"], { CHROMIUM_PATH: "/opt/chrome/chrome" })),
    ).toEqual({
      ok: true,
      path: "/opt/chrome/chrome",
      source: "CHROMIUM_PATH",
    });
  });

  it("fails on a CHROMIUM_PATH that leads nowhere instead of quietly using another browser", () => {
    const result = resolveChromium(machine(["/usr/bin/chromium"], { CHROMIUM_PATH: "/nope/chrome" }));
    expect(result).toEqual({ ok: false, reason: "bad-env", value: "/nope/chrome" });
    expect(failureMessage(result, true)).toBe(badEnvMessage("/nope/chrome"));
    expect(failureMessage(result, true)).toContain("CHROMIUM_PATH=/nope/chrome");
  });

  it("accepts a bare command name in CHROMIUM_PATH, looked up on PATH", () => {
    expect(
      resolveChromium(machine(["/usr/local/bin/google-chrome"], { CHROMIUM_PATH: "google-chrome" })),
    ).toMatchObject({ ok: true, path: "/usr/local/bin/google-chrome" });
  });

  it("treats an empty CHROMIUM_PATH as unset", () => {
    expect(resolveChromium(machine(["/usr/bin/chromium"], { CHROMIUM_PATH: " " }))).toEqual({
      ok: true,
      path: "/usr/bin/chromium",
      source: "system",
    });
  });

  it("then Debian's Chromium, then chromium-browser", () => {
    expect(resolveChromium(machine(["/usr/bin/chromium-browser", "/usr/bin/chromium"]))).toMatchObject({
      path: "/usr/bin/chromium",
      source: "system",
    });
    expect(resolveChromium(machine(["/usr/bin/chromium-browser"]))).toMatchObject({
      path: "/usr/bin/chromium-browser",
      source: "system",
    });
  });

  it("then a Chromium or Chrome on PATH, Chromium first", () => {
    expect(resolveChromium(machine(["/usr/local/bin/google-chrome", "/usr/local/bin/chromium"]))).toMatchObject({
      path: "/usr/local/bin/chromium",
      source: "PATH",
    });
    expect(resolveChromium(machine(["/bin/google-chrome-stable"]))).toMatchObject({
      path: "/bin/google-chrome-stable",
      source: "PATH",
    });
    expect(findOnPath(["chromium"], "/a::/b", (f) => f === "/b/chromium")).toBe("/b/chromium");
  });

  it("then Playwright's own browser, but only when it is on disk", () => {
    expect(resolveChromium(machine([CACHE], {}, CACHE))).toEqual({ ok: true, path: CACHE, source: "playwright" });
    expect(resolveChromium(machine([], {}, CACHE))).toEqual({ ok: false, reason: "missing" });
    expect(resolveChromium(machine([], {}, undefined))).toEqual({ ok: false, reason: "missing" });
  });

  it("says in one line what to install when there is none", () => {
    const missing = resolveChromium(machine([]));
    expect(failureMessage(missing, true)).toBe(MISSING_MESSAGE_APT);
    expect(MISSING_MESSAGE_APT).toContain("sudo apt-get install chromium fonts-noto-core");
    expect(failureMessage(missing, false)).toBe(MISSING_MESSAGE_OTHER);
    expect(`${MISSING_MESSAGE_APT}${MISSING_MESSAGE_OTHER}`).not.toContain("\n");
  });
});
