import { afterEach, describe, expect, it, vi } from "vitest";
import { normalizeIp, parseTrustedProxies, trustsAnyProxy } from "./trusted-proxies";

describe("normalizeIp", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    [" 1.2.3.4 ", "1.2.3.4"],
    ["1.2.3.4:5678", "1.2.3.4"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:10.0.0.2", "10.0.0.2"],
    ["::ffff:a00:2", "10.0.0.2"],
    ["fe80::1%eth0", "fe80::1"],
  ])("reads %j as %s", (raw, expected) => {
    expect(normalizeIp(raw)).toBe(expected);
  });

  it.each([
    "",
    "unknown",
    "evil.example",
    "1.2.3",
    "01.2.3.4",
    "1.2.3.4.5",
    "256.1.1.1",
    "1.2.3.4:99999",
    "::g",
    "_gateway",
    "[1.2.3.4]",
  ])("refuses %j", (raw) => {
    expect(normalizeIp(raw)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it.each([
    ["0", { kind: "hops", hops: 0 }],
    ["1", { kind: "hops", hops: 1 }],
    [" 2 ", { kind: "hops", hops: 2 }],
  ])("reads %j as a hop count", (spec, expected) => {
    expect(parseTrustedProxies(spec)).toEqual({ ok: true, value: expected });
  });

  it("reads IPv4 and IPv6 addresses and CIDRs", () => {
    expect(parseTrustedProxies("10.0.0.0/8, 127.0.0.1,::1,fd00::/8,::ffff:192.168.1.1")).toEqual({
      ok: true,
      value: {
        kind: "ranges",
        ranges: [
          { network: "10.0.0.0", prefix: 8, family: "ipv4" },
          { network: "127.0.0.1", prefix: 32, family: "ipv4" },
          { network: "::1", prefix: 128, family: "ipv6" },
          { network: "fd00::", prefix: 8, family: "ipv6" },
          { network: "192.168.1.1", prefix: 32, family: "ipv4" },
        ],
      },
    });
  });

  it.each([
    "-1",
    "1.5",
    "yes",
    "10.0.0.0/33",
    "::1/129",
    "10.0.0.0/",
    "10.0.0.0/8/8",
    "10.0.0.0/-1",
    "10.0.0.0/08x",
    "evil.example",
    "10.0.0.0/8,",
    ",10.0.0.0/8",
    "1,10.0.0.0/8",
    "99999999999999999999",
  ])("refuses %j with a message naming the bad part", (spec) => {
    const parsed = parseTrustedProxies(spec);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/hop count|IP address|CIDR/);
  });
});

describe("trustsAnyProxy", () => {
  it("is false only for zero hops", () => {
    expect(trustsAnyProxy({ kind: "hops", hops: 0 })).toBe(false);
    expect(trustsAnyProxy({ kind: "hops", hops: 1 })).toBe(true);
    expect(trustsAnyProxy({ kind: "ranges", ranges: [{ network: "::1", prefix: 128, family: "ipv6" }] })).toBe(true);
  });
});

describe("env().TRUSTED_PROXIES", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const freshEnv = async () => (await import("./env")).env();

  it("defaults to no trusted proxy", async () => {
    vi.stubEnv("TRUSTED_PROXIES", "");
    vi.resetModules();
    expect((await freshEnv()).TRUSTED_PROXIES).toEqual({ kind: "hops", hops: 0 });
  });

  it("parses a CIDR list", async () => {
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    vi.resetModules();
    expect((await freshEnv()).TRUSTED_PROXIES).toEqual({
      kind: "ranges",
      ranges: [{ network: "10.0.0.0", prefix: 8, family: "ipv4" }],
    });
  });

  it("refuses a bad value at start with a clear message", async () => {
    vi.stubEnv("TRUSTED_PROXIES", "proxy.internal");
    vi.resetModules();
    await expect(freshEnv()).rejects.toThrow(/Invalid environment: TRUSTED_PROXIES: .*proxy\.internal/);
  });
});
