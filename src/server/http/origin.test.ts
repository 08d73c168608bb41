import { describe, expect, it } from "vitest";
import type { TrustedProxies } from "@/lib/trusted-proxies";
import { isSameOrigin } from "./origin";

const APP_URL = "https://partners.example.com";
const NO_PROXY: TrustedProxies = { kind: "hops", hops: 0 };
const ONE_PROXY: TrustedProxies = { kind: "hops", hops: 1 };
const PROXY_RANGE: TrustedProxies = { kind: "ranges", ranges: [{ network: "10.0.0.0", prefix: 8, family: "ipv4" }] };

const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers: new Headers(headers) });
const allowed = (method: string, headers: Record<string, string> = {}, trusted: TrustedProxies = NO_PROXY) =>
  isSameOrigin(request(method, headers), APP_URL, trusted);

describe("isSameOrigin", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get"])("allows %s without an Origin", (method) => {
    expect(allowed(method)).toBe(true);
  });

  it("refuses a POST from a foreign Origin", () => {
    expect(allowed("POST", { origin: "https://evil.example" })).toBe(false);
  });

  it("refuses a POST with neither Origin nor Referer", () => {
    expect(allowed("POST")).toBe(false);
  });

  it.each(["not a url", "null", "https://"])("refuses a POST with a malformed Origin (%s)", (origin) => {
    expect(allowed("POST", { origin })).toBe(false);
  });

  it("allows a POST whose Origin is APP_URL's host", () => {
    expect(allowed("POST", { origin: "https://partners.example.com" })).toBe(true);
  });

  it("compares hosts with their port", () => {
    expect(allowed("POST", { origin: "https://partners.example.com:8443" })).toBe(false);
    expect(isSameOrigin(request("POST", { origin: "http://localhost:3000" }), "http://localhost:3000", NO_PROXY)).toBe(
      true,
    );
  });

  it("refuses a look-alike host that only starts with the app's host", () => {
    expect(allowed("POST", { origin: "https://partners.example.com.evil.example" })).toBe(false);
  });

  it("refuses an Origin that matches only X-Forwarded-Host when no proxy is trusted", () => {
    // Anyone can send X-Forwarded-Host; without a trusted proxy, nobody vouches for it.
    expect(allowed("POST", { origin: "https://evil.example", "x-forwarded-host": "evil.example" })).toBe(false);
    expect(
      allowed("POST", {
        origin: "https://evil.example",
        host: "partners.example.com",
        "x-forwarded-host": "evil.example",
      }),
    ).toBe(false);
  });

  it("refuses an Origin that matches only the Host header when no proxy is trusted", () => {
    // A rebound DNS name arrives with its own Host and Origin; only APP_URL names this app.
    expect(allowed("POST", { origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" })).toBe(false);
    expect(allowed("POST", { origin: "https://rebound.example", host: "rebound.example" })).toBe(false);
  });

  it("still allows APP_URL's host when the request came through another host name", () => {
    expect(allowed("POST", { origin: APP_URL, host: "internal:3000", "x-forwarded-host": "internal:3000" })).toBe(true);
  });

  it.each([
    ["a hop count", ONE_PROXY],
    ["trusted ranges", PROXY_RANGE],
  ])("allows a POST whose Origin is the request's Host header behind %s", (_name, trusted) => {
    expect(allowed("POST", { origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }, trusted)).toBe(true);
  });

  it("prefers X-Forwarded-Host over Host behind a trusted proxy", () => {
    const headers = { origin: "https://public.example", host: "internal:3000", "x-forwarded-host": "public.example" };
    expect(allowed("POST", headers, ONE_PROXY)).toBe(true);
    expect(allowed("POST", { ...headers, origin: "http://internal:3000" }, ONE_PROXY)).toBe(false);
  });

  it("falls back to the Referer when there is no Origin", () => {
    expect(allowed("POST", { referer: "https://partners.example.com/manage/staff?page=2" })).toBe(true);
    expect(allowed("POST", { referer: "https://evil.example/partners.example.com" })).toBe(false);
  });

  it("judges by the Origin, not the Referer, when both are sent", () => {
    expect(allowed("POST", { origin: "https://evil.example", referer: "https://partners.example.com/" })).toBe(false);
  });

  it.each(["PUT", "PATCH", "DELETE"])("treats %s like POST", (method) => {
    expect(allowed(method, { origin: "https://evil.example" })).toBe(false);
    expect(allowed(method, { origin: APP_URL })).toBe(true);
  });
});
