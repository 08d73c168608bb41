import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import type { TrustedProxies } from "@/lib/trusted-proxies";
import { clientIp } from "@/server/security/client-address";
import { InvalidCredentialsError, SIGN_IN_LIMITS, verifyCredentials } from "@/server/security/credentials";
import { createTestDatabase } from "@/server/testing/db";

const database = await createTestDatabase();
afterAll(() => database.close());
const clock = fixedClock("2026-11-01T09:00:00Z");

/** One sign-in as it reaches authorize(): the IP comes from the headers scripts/server.mjs passes on. */
const attempt = (i: number, forwardedFor: string, trusted: TrustedProxies) =>
  verifyCredentials(
    database.db,
    {
      email: `spray${i}@nowhere.test`,
      password: "guess",
      ip: clientIp(new Headers({ "x-forwarded-for": forwardedFor }), trusted),
    },
    clock,
  );

describe("the per-IP sign-in limit", () => {
  it("cannot be dodged by sending a new X-Forwarded-For with every guess", async () => {
    const none: TrustedProxies = { kind: "hops", hops: 0 };
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      await expect(attempt(i, `203.0.113.${i + 1}, 198.51.100.9`, none)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    await expect(attempt(999, "192.0.2.250, 198.51.100.9", none)).rejects.toMatchObject({ kind: "rate_limited" });
  });

  it("cannot be dodged behind a trusted proxy either: only the entry the proxy wrote counts", async () => {
    const oneHop: TrustedProxies = { kind: "hops", hops: 1 };
    // The proxy (10.0.0.2) appends the real client, 198.51.100.20; the client prepends junk.
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      await expect(attempt(1000 + i, `203.0.113.${i + 1}, 198.51.100.20, 10.0.0.2`, oneHop)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    await expect(attempt(1999, "192.0.2.251, 198.51.100.20, 10.0.0.2", oneHop)).rejects.toMatchObject({
      kind: "rate_limited",
    });
  });
});
