import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

const HSTS = "max-age=63072000; includeSubDomains";
const SECRET = "a-test-secret-of-at-least-32-characters";
const COOKIE = "authjs.session-token";

/** proxy.ts as a fresh server process with this APP_URL would load it (env() is read once). */
async function run(appUrl: string, path: string, cookie?: string) {
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("AUTH_SECRET", SECRET);
  vi.resetModules();
  const { default: proxy } = await import("./proxy");
  const headers = cookie ? { cookie } : undefined;
  const response = await proxy(new NextRequest(new URL(path, appUrl), { headers }));
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

  describe("the session", () => {
    /** A session token as Auth.js issues it, backdated by `ageSeconds`. */
    async function tokenIssued(ageSeconds: number) {
      vi.useFakeTimers({ now: Date.now() - ageSeconds * 1000, toFake: ["Date"] });
      try {
        return await encode({ token: { sub: "u-1", claims: { id: "u-1" } }, secret: SECRET, salt: COOKIE });
      } finally {
        vi.useRealTimers();
      }
    }

    it("passes a signed-in visitor and leaves a fresh session's cookie alone", async () => {
      const response = await run("http://localhost:3000", "/dashboard", `${COOKIE}=${await tokenIssued(60)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it("re-issues a session in use for more than a day, for another 30 days", async () => {
      const response = await run("http://localhost:3000", "/dashboard", `${COOKIE}=${await tokenIssued(25 * 3600)}`);
      expect(response.status).toBe(200);
      const [rolled] = response.headers.getSetCookie();
      expect(rolled).toMatch(new RegExp(`^${COOKIE}=[^;]+; Path=/; Expires=[^;]+; HttpOnly; SameSite=lax$`, "i"));
      const value = rolled!.slice(COOKIE.length + 1, rolled!.indexOf(";"));
      const token = await decode({ token: value, secret: SECRET, salt: COOKIE });
      expect(token?.sub).toBe("u-1");
      expect(token!.exp! - Date.now() / 1000).toBeGreaterThan(29 * 24 * 3600);
    });

    it("sends a visitor with a cookie that does not decode to sign in, and clears it", async () => {
      const response = await run("http://localhost:3000", "/dashboard", `${COOKIE}=not-a-token`);
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe("http://localhost:3000/login?callbackUrl=%2Fdashboard");
      expect(response.headers.get("set-cookie")).toMatch(new RegExp(`^${COOKIE}=;`));
    });
  });
});
