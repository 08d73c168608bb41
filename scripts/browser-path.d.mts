// Types for browser-path.mjs (plain JS, so the scripts run on bare Node), for playwright.config.ts and its test.
export type ChromiumSource = "CHROMIUM_PATH" | "system" | "PATH" | "playwright";
export type ChromiumResolution =
  | { ok: true; path: string; source: ChromiumSource }
  | { ok: false; reason: "bad-env"; value: string }
  | { ok: false; reason: "missing" };
export type ResolveInput = {
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  playwrightPath: () => string | undefined;
};

export const SYSTEM_CHROMIUM_PATHS: string[];
export const CHROMIUM_NAMES: string[];
export const APT_PACKAGES: string[];
export const MISSING_MESSAGE_APT: string;
export const MISSING_MESSAGE_OTHER: string;
export function badEnvMessage(value: string): string;
export function isExecutableFile(file: string): boolean;
export function findOnPath(names: string[], pathValue: string | undefined, exists: (file: string) => boolean): string | undefined;
export function playwrightChromiumPath(): string | undefined;
export function resolveChromium(input: ResolveInput): ChromiumResolution;
export function findChromium(env?: Record<string, string | undefined>): ChromiumResolution;
export function hasApt(exists?: (file: string) => boolean): boolean;
export function failureMessage(result: ChromiumResolution, apt?: boolean): string;
export function chromiumForTests(env?: Record<string, string | undefined>): string;
