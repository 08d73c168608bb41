import { beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "@/lib/clock";
import { DEMO_PASSWORD } from "@/server/scripts/seed/demo";
import { DomainError } from "@/server/domains/errors";
import { setStaffActive } from "@/server/domains/staff/service";
import { setupProgram } from "@/server/testing/fixtures";
import { InvalidCredentialsError, SIGN_IN_LIMITS, verifyCredentials } from "@/server/security/credentials";

const p = await setupProgram();
const { db, clock, admin, manager, finance, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } = p;

let ipSeq = 0;
/** A new IP per test, so only the limit a test is about can trip. */
const nextIp = () => `192.0.2.${++ipSeq}`;

const signIn = (email: string, password: string, ip: string) => verifyCredentials(db, { email, password, ip }, clock);

/** Signs in with a wrong password `times` times, each failure refused as invalid credentials. */
async function fail(email: string, times: number, ip: string) {
  for (let i = 0; i < times; i++) {
    await expect(signIn(email, "wrong-password", ip)).rejects.toBeInstanceOf(InvalidCredentialsError);
  }
}

describe("verifyCredentials", () => {
  it("returns the user id for the right password, whatever the email's case", async () => {
    await expect(signIn("  Admin@Tierwise.DEMO ", DEMO_PASSWORD, nextIp())).resolves.toBe(admin.userId);
  });

  it("refuses a wrong password with InvalidCredentialsError", async () => {
    const error = await signIn(admin.email, "wrong-password", nextIp()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error).toMatchObject({ kind: "unauthorized", code: "auth.invalidCredentials", field: "password" });
  });

  it("refuses an unknown email the same way as a wrong password", async () => {
    await expect(signIn("ghost@tierwise.demo", DEMO_PASSWORD, nextIp())).rejects.toMatchObject({
      kind: "unauthorized",
      code: "auth.invalidCredentials",
      field: "password",
    });
  });

  it("refuses a deactivated user the same way, even with the right password", async () => {
    await setStaffActive(ctxOf(admin), { userId: finance.userId, active: false });
    await expect(signIn(finance.email, DEMO_PASSWORD, nextIp())).rejects.toBeInstanceOf(InvalidCredentialsError);
  });
});

describe("per email-and-IP limit", () => {
  it("after 5 failures refuses the right password from that pair, for at most 15 minutes, but not from another IP", async () => {
    const ip = nextIp();
    await fail(manager.email, SIGN_IN_LIMITS.pair.limit, ip);
    const error = await signIn(manager.email, DEMO_PASSWORD, ip).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: "rate_limited", code: "auth.rateLimited" });
    const minutes = (error as DomainError).params?.minutes;
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(15);
    await expect(signIn(manager.email, DEMO_PASSWORD, nextIp())).resolves.toBe(manager.userId);
  });

  it("does not let an attacker failing 10 times from IP A stop the owner signing in from IP B", async () => {
    const attacker = nextIp();
    await fail(partnerOwner.email, SIGN_IN_LIMITS.pair.limit, attacker);
    for (let i = SIGN_IN_LIMITS.pair.limit; i < 10; i++) {
      await expect(signIn(partnerOwner.email, "wrong-password", attacker)).rejects.toMatchObject({
        kind: "rate_limited",
      });
    }
    await expect(signIn(partnerOwner.email, DEMO_PASSWORD, nextIp())).resolves.toBe(partnerOwner.userId);
  });

  it("lets the user in from the locked pair again once 15 minutes have passed", async () => {
    const ip = nextIp();
    await fail(partnerMember.email, SIGN_IN_LIMITS.pair.limit, ip);
    await expect(signIn(partnerMember.email, DEMO_PASSWORD, ip)).rejects.toMatchObject({ kind: "rate_limited" });
    clock.advance(15 * MINUTE);
    await expect(signIn(partnerMember.email, DEMO_PASSWORD, ip)).resolves.toBe(partnerMember.userId);
  });

  it("is cleared by a successful sign-in", async () => {
    const ip = nextIp();
    await fail(partnerOwner.email, SIGN_IN_LIMITS.pair.limit - 1, ip);
    await expect(signIn(partnerOwner.email, DEMO_PASSWORD, ip)).resolves.toBe(partnerOwner.userId);
    // Without the reset these would make 8 failures, well over the limit.
    await fail(partnerOwner.email, SIGN_IN_LIMITS.pair.limit - 1, ip);
    await expect(signIn(partnerOwner.email, DEMO_PASSWORD, ip)).resolves.toBe(partnerOwner.userId);
  });

  it("counts unknown emails too, so they look like real accounts", async () => {
    const ip = nextIp();
    await fail("ghost2@tierwise.demo", SIGN_IN_LIMITS.pair.limit, ip);
    await expect(signIn("ghost2@tierwise.demo", "anything", ip)).rejects.toMatchObject({ kind: "rate_limited" });
  });
});

describe("per-email ceiling", () => {
  // A fresh hour, so failures counted by the tests above do not add up here.
  beforeAll(() => clock.advance(60 * MINUTE));

  /** Fails against one email from as many new IPs as it takes to spend the ceiling, none of them locked. */
  async function spendCeiling(email: string) {
    for (let failed = 0; failed < SIGN_IN_LIMITS.email.limit; failed += SIGN_IN_LIMITS.pair.limit) {
      await fail(email, Math.min(SIGN_IN_LIMITS.pair.limit, SIGN_IN_LIMITS.email.limit - failed), nextIp());
    }
  }

  it("is slower than the pair limit: at most 50 an hour", () => {
    expect(SIGN_IN_LIMITS.email).toEqual({ limit: 50, windowMs: 60 * MINUTE });
  });

  it("stops a guess spread over many IPs, even with the right password, for up to an hour", async () => {
    await spendCeiling(admin.email);
    const error = await signIn(admin.email, DEMO_PASSWORD, nextIp()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "rate_limited", code: "auth.rateLimited" });
    expect((error as DomainError).params?.minutes).toBeLessThanOrEqual(60);
    clock.advance(60 * MINUTE);
    await expect(signIn(admin.email, DEMO_PASSWORD, nextIp())).resolves.toBe(admin.userId);
  });

  it("is not spent by attempts a locked pair already refused", async () => {
    const attacker = nextIp();
    await fail(otherPartnerOwner.email, SIGN_IN_LIMITS.pair.limit, attacker);
    for (let i = 0; i < SIGN_IN_LIMITS.email.limit; i++) {
      await expect(signIn(otherPartnerOwner.email, "wrong-password", attacker)).rejects.toMatchObject({
        kind: "rate_limited",
      });
    }
    await expect(signIn(otherPartnerOwner.email, DEMO_PASSWORD, nextIp())).resolves.toBe(otherPartnerOwner.userId);
  });

  it("is not cleared by the owner signing in, so a distributed guess cannot reset its budget", async () => {
    const owner = nextIp();
    for (
      let failed = 0;
      failed < SIGN_IN_LIMITS.email.limit - SIGN_IN_LIMITS.pair.limit;
      failed += SIGN_IN_LIMITS.pair.limit
    ) {
      await fail(manager.email, SIGN_IN_LIMITS.pair.limit, nextIp());
    }
    await expect(signIn(manager.email, DEMO_PASSWORD, owner)).resolves.toBe(manager.userId);
    await fail(manager.email, SIGN_IN_LIMITS.pair.limit, nextIp());
    await expect(signIn(manager.email, DEMO_PASSWORD, owner)).rejects.toMatchObject({ kind: "rate_limited" });
    clock.advance(60 * MINUTE);
  });
});

describe("per-IP limit", () => {
  it("refuses an IP after SIGN_IN_LIMITS.ip.limit failures spread over many emails", async () => {
    const ip = nextIp();
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      await expect(signIn(`spray${i}@nowhere.test`, "guess", ip)).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await expect(signIn(otherPartnerOwner.email, DEMO_PASSWORD, ip)).rejects.toMatchObject({ kind: "rate_limited" });
  });

  it("does not stop the same user signing in from another IP", async () => {
    const ip = nextIp();
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      await expect(signIn(`spray-b${i}@nowhere.test`, "guess", ip)).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await expect(signIn(otherPartnerOwner.email, DEMO_PASSWORD, nextIp())).resolves.toBe(otherPartnerOwner.userId);
  });

  it("lets at most the limit of guesses sent at once reach the password check", async () => {
    const ip = nextIp();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => signIn(finance.email, "wrong-password", ip)),
    );
    const checked = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof InvalidCredentialsError);
    const limited = outcomes.filter(
      (o) => o.status === "rejected" && (o.reason as DomainError).kind === "rate_limited",
    );
    expect(checked.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair.limit);
    expect(checked.length + limited.length).toBe(20);
    clock.advance(15 * MINUTE);
  });
});
