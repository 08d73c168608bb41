import { describe, expect, it } from "vitest";
import type { IpRange, TrustedProxies } from "@/lib/trusted-proxies";
// Through the old import path on purpose: every caller imports clientIp from here.
import { clientIp } from "@/server/security/client-address";

const NONE: TrustedProxies = { kind: "hops", hops: 0 };
const hops = (n: number): TrustedProxies => ({ kind: "hops", hops: n });
/** Trusted ranges written as literals, so these tests do not lean on the parser. */
const cidrs = (...list: string[]): TrustedProxies => ({
  kind: "ranges",
  ranges: list.map((entry): IpRange => {
    const [network, prefix] = entry.split("/") as [string, string | undefined];
    const family = network.includes(":") ? "ipv6" : "ipv4";
    return { network, prefix: prefix === undefined ? (family === "ipv4" ? 32 : 128) : Number(prefix), family };
  }),
});

/** The X-Forwarded-For scripts/server.mjs passes on: whatever the client sent, then the socket peer. */
const ip = (forwardedFor: string | null, trusted: TrustedProxies = NONE) =>
  clientIp(new Headers(forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor }), trusted);

describe("clientIp", () => {
  it("is the socket peer when no proxy is trusted, whatever the client claims", () => {
    expect(ip("1.1.1.1, 9.9.9.9")).toBe("9.9.9.9");
    expect(ip("9.9.9.9")).toBe("9.9.9.9");
  });

  it("takes the client's entry when one proxy hop is trusted", () => {
    expect(ip("1.1.1.1, 9.9.9.9", hops(1))).toBe("1.1.1.1");
  });

  it("skips exactly N hops, so a spoofed entry further left is ignored", () => {
    expect(ip("6.6.6.6, 1.1.1.1, 10.0.0.2", hops(1))).toBe("1.1.1.1");
    expect(ip("6.6.6.6, 1.1.1.1, 10.0.0.3, 10.0.0.2", hops(2))).toBe("1.1.1.1");
  });

  it("stops at the left end when the chain is shorter than the hop count", () => {
    expect(ip("1.1.1.1, 10.0.0.2", hops(5))).toBe("1.1.1.1");
    expect(ip("10.0.0.2", hops(1))).toBe("10.0.0.2");
  });

  it("walks past trusted ranges to the first untrusted address", () => {
    expect(ip("6.6.6.6, 1.1.1.1, 10.0.0.2", cidrs("10.0.0.0/8"))).toBe("1.1.1.1");
    expect(ip("6.6.6.6, 1.1.1.1, 10.0.0.7, 10.0.0.2", cidrs("10.0.0.0/8"))).toBe("1.1.1.1");
    expect(ip("1.1.1.1, 172.16.0.9, 127.0.0.1", cidrs("127.0.0.1", "172.16.0.0/12"))).toBe("1.1.1.1");
  });

  it("does not walk past an untrusted socket peer, even if the client wrote a trusted address", () => {
    // A client reaching us directly cannot make itself look like a proxy by sending XFF.
    expect(ip("1.1.1.1, 10.0.0.2, 9.9.9.9", cidrs("10.0.0.0/8"))).toBe("9.9.9.9");
  });

  it("takes the left-most address when every entry is trusted", () => {
    expect(ip("10.0.0.5, 10.0.0.2", cidrs("10.0.0.0/8"))).toBe("10.0.0.5");
  });

  it("matches IPv6 ranges and reports IPv6 clients in canonical form", () => {
    expect(ip("2001:DB8:0:0::7, fd00::2", cidrs("fd00::/8"))).toBe("2001:db8::7");
    expect(ip("2001:db8::7, ::1", cidrs("::1"))).toBe("2001:db8::7");
    expect(ip("2001:db8::7, 2001:db8::9")).toBe("2001:db8::9");
  });

  it("reads IPv4-mapped IPv6 addresses as IPv4, for the key and for the ranges", () => {
    expect(ip("::ffff:9.9.9.9")).toBe("9.9.9.9");
    expect(ip("1.1.1.1, ::ffff:10.0.0.2", cidrs("10.0.0.0/8"))).toBe("1.1.1.1");
  });

  it("treats a malformed entry as untrusted and answers with the valid address to its right", () => {
    expect(ip("1.1.1.1, not-an-ip, 10.0.0.2", cidrs("10.0.0.0/8"))).toBe("10.0.0.2");
    expect(ip("1.1.1.1, , 10.0.0.2", hops(1))).toBe("10.0.0.2");
    expect(ip("evil, 9.9.9.9", hops(3))).toBe("9.9.9.9");
  });

  it("is unknown with no X-Forwarded-For, or no valid socket entry", () => {
    expect(ip(null)).toBe("unknown");
    expect(ip("")).toBe("unknown");
    expect(ip("1.1.1.1, garbage")).toBe("unknown");
  });

  it("ignores X-Real-IP, which anyone can send", () => {
    expect(clientIp(new Headers({ "x-real-ip": "1.1.1.1" }), NONE)).toBe("unknown");
    expect(clientIp(new Headers({ "x-real-ip": "1.1.1.1", "x-forwarded-for": "9.9.9.9" }), NONE)).toBe("9.9.9.9");
  });

  it("gives one key for one socket peer, whatever X-Forwarded-For the client varies", () => {
    const keys = new Set(
      ["1.1.1.1", "2.2.2.2", "3.3.3.3, 4.4.4.4", "unknown", "::1"].map((spoofed) => ip(`${spoofed}, 9.9.9.9`)),
    );
    expect([...keys]).toEqual(["9.9.9.9"]);
  });
});
