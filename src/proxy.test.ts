import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest, type NextFetchEvent } from "next/server";

const HSTS = "max-age=63072000; includeSubDomains";
const event = { waitUntil: () => {} } as unknown as NextFetchEvent;

/** proxy.ts as a fresh server process with this APP_URL would load it (env() is read once). */
async function run(appUrl: string, path: string) {
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("AUTH_SECRET", "a-test-secret-of-at-least-32-characters");
  vi.resetModules();
  const { default: proxy } = await import("./proxy");
  const response = await proxy(new NextRequest(new URL(path, appUrl)), event);
  if (!response) throw new Error("the proxy returned no response");
  return response;
}

describe("proxy", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllEnvs());

  it.each(["/login", "/dashboard", "/api/logos/x.png"])("sends HSTS on %s when APP_URL is https", async (path) => {
    expect((await run("https://partners.example.com", path)).headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("sends no HSTS when APP_URL is plain http", async () => {
    expect((await run("http://localhost:3000", "/login")).headers.get("strict-transport-security")).toBeNull();
  });

  it("still redirects a signed-out visitor to the sign-in page, keeping where they were going", async () => {
    const response = await run("https://partners.example.com", "/leads?page=2");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://partners.example.com/login?callbackUrl=%2Fleads%3Fpage%3D2");
  });

  it("lets Stripe's webhook deliveries through without a session (they are verified by signature)", async () => {
    const response = await run("https://partners.example.com", "/api/webhooks/stripe");
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    const near = await run("https://partners.example.com", "/api/webhooks/stripe/other");
    expect(near.status).toBe(307);
  });
});
