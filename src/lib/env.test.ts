import { afterEach, describe, expect, it, vi } from "vitest";

async function freshEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value as string);
  const { env } = await import("./env");
  return env();
}

describe("APP_URL", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("follows PORT when it is not set, so email links point at the port the server listens on", async () => {
    expect((await freshEnv({ APP_URL: "", PORT: "3950" })).APP_URL).toBe("http://localhost:3950");
  });

  it("is http://localhost:3000 with neither set", async () => {
    expect((await freshEnv({ APP_URL: "", PORT: "" })).APP_URL).toBe("http://localhost:3000");
  });

  it("wins over PORT when it is set", async () => {
    const parsed = await freshEnv({ APP_URL: "https://partners.example.com", PORT: "3950" });
    expect(parsed.APP_URL).toBe("https://partners.example.com");
  });
});
