import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MINUTE } from "@/lib/clock";
import { RateLimitedError } from "../errors";
import { DEMO_PASSWORD } from "@/server/scripts/seed/demo";
import { auditLog, emailOutbox, passwordCredentials, users } from "@/server/db/schema";
import { InvalidCredentialsError, SIGN_IN_LIMITS, verifyCredentials } from "@/server/security/credentials";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM } from "../actor";
import { setStaffActive } from "../staff/service";
import {
  changePassword,
  PASSWORD_CHANGE_LIMIT,
  PASSWORD_RESET_TTL_MS,
  requestPasswordReset,
  resetPassword,
  setLocale,
  signOutEverywhere,
} from "./service";

const p = await setupProgram();
const { db, clock, admin, finance, partnerOwner, partnerMember, otherPartnerOwner, manager, ctxOf } = p;

let ipSeq = 0;
/** Each test asks from its own IP, so the per-IP reset limit never gets in the way. */
const nextIp = () => `198.51.100.${++ipSeq}`;

const sessionVersionOf = async (userId: string) =>
  (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)))[0]!.v;

const auditsOf = async (action: string, userId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, userId)));

async function emailsTo(to: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.to, to));
}

/** Requests a reset and returns the token from the link in the one new email to that address. */
async function requestToken(email: string): Promise<string> {
  const seen = new Set((await emailsTo(email)).map((m) => m.id));
  await requestPasswordReset(ctxOf(SYSTEM), { email, ip: nextIp(), locale: "en" });
  const added = (await emailsTo(email)).filter((m) => !seen.has(m.id));
  expect(added).toHaveLength(1);
  const token = /\/reset\/([A-Za-z0-9_-]+)/.exec(added[0]!.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

describe("requestPasswordReset", () => {
  it("writes no email for an unknown address, and does not say so", async () => {
    const [before] = await db.select({ n: count() }).from(emailOutbox);
    await expect(
      requestPasswordReset(ctxOf(SYSTEM), { email: "nobody@nowhere.test", ip: nextIp(), locale: "en" }),
    ).resolves.toBeUndefined();
    const [after] = await db.select({ n: count() }).from(emailOutbox);
    expect(after!.n).toBe(before!.n);
  });

  it("emails a known address a /reset/<token> link", async () => {
    await requestPasswordReset(ctxOf(SYSTEM), { email: "Lena@Cobalt.demo", ip: nextIp(), locale: "en" });
    const [mail] = await emailsTo(otherPartnerOwner.email);
    expect(mail?.template).toBe("passwordReset");
    expect(mail?.text).toMatch(/\/reset\/[A-Za-z0-9_-]{20,}/);
  });

  it("sends at most 3 emails per address in 15 minutes, then again once the window has passed", async () => {
    const email = manager.email;
    const ip = nextIp();
    for (let i = 0; i < 4; i++) await requestPasswordReset(ctxOf(SYSTEM), { email, ip, locale: "en" });
    expect(await emailsTo(email)).toHaveLength(3);

    clock.advance(15 * MINUTE);
    await requestPasswordReset(ctxOf(SYSTEM), { email, ip, locale: "en" });
    expect(await emailsTo(email)).toHaveLength(4);
  });

  it("writes no email for a deactivated user", async () => {
    await setStaffActive(ctxOf(admin), { userId: finance.userId, active: false });
    await requestPasswordReset(ctxOf(SYSTEM), { email: finance.email, ip: nextIp(), locale: "en" });
    expect(await emailsTo(finance.email)).toHaveLength(0);
  });

  it("refuses the 21st request from one IP within 15 minutes as rate limited", async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i++)
      await requestPasswordReset(ctxOf(SYSTEM), { email: `spray${i}@nowhere.test`, ip, locale: "en" });
    await expect(
      requestPasswordReset(ctxOf(SYSTEM), { email: "spray20@nowhere.test", ip, locale: "en" }),
    ).rejects.toMatchObject({
      kind: "rate_limited",
      code: "auth.rateLimited",
    });
  });
});

describe("resetPassword", () => {
  it("sets the new password", async () => {
    const token = await requestToken(partnerMember.email);
    await resetPassword(ctxOf(SYSTEM), { token, password: "a-brand-new-secret" });
    const userId = await verifyCredentials(
      db,
      { email: partnerMember.email, password: "a-brand-new-secret", ip: nextIp() },
      clock,
    );
    expect(userId).toBe(partnerMember.userId);
    await expect(
      verifyCredentials(db, { email: partnerMember.email, password: DEMO_PASSWORD, ip: nextIp() }, clock),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("signs out every session of the user: the session version goes up, audited", async () => {
    const user = await p.actorByEmail("noah@kestrel.demo");
    const before = await sessionVersionOf(user.userId);
    const token = await requestToken(user.email);
    await resetPassword(ctxOf(SYSTEM), { token, password: "noahs-reset-password" });
    expect(await sessionVersionOf(user.userId)).toBe(before + 1);
    expect(await auditsOf("account.passwordReset", user.userId)).toHaveLength(1);
  });

  it("lifts the password sign-in lockouts on the address, from every IP", async () => {
    const user = await p.actorByEmail("priya@saffron.demo");
    const ips = [nextIp(), nextIp()];
    for (const ip of ips) {
      for (let i = 0; i < SIGN_IN_LIMITS.pair.limit; i++) {
        await expect(
          verifyCredentials(db, { email: user.email, password: "wrong-password", ip }, clock),
        ).rejects.toBeInstanceOf(InvalidCredentialsError);
      }
    }
    const token = await requestToken(user.email);
    await resetPassword(ctxOf(SYSTEM), { token, password: "priyas-reset-password" });
    for (const ip of ips) {
      await expect(
        verifyCredentials(db, { email: user.email, password: "priyas-reset-password", ip }, clock),
      ).resolves.toBe(user.userId);
    }
  });

  it("works only once", async () => {
    const token = await requestToken("tobias@cobalt.demo");
    await resetPassword(ctxOf(SYSTEM), { token, password: "first-use-password" });
    await expect(resetPassword(ctxOf(SYSTEM), { token, password: "second-use-password" })).rejects.toMatchObject({
      code: "token.used",
      field: "token",
    });
  });

  it("refuses a token older than PASSWORD_RESET_TTL_MS", async () => {
    const token = await requestToken("mia@cobalt.demo");
    clock.advance(PASSWORD_RESET_TTL_MS + 1);
    await expect(resetPassword(ctxOf(SYSTEM), { token, password: "too-late-password" })).rejects.toMatchObject({
      code: "token.expired",
    });
  });

  it("retires the older token when a newer reset is requested", async () => {
    const older = await requestToken("sam@brightpath.demo");
    const newer = await requestToken("sam@brightpath.demo");
    expect(newer).not.toBe(older);
    await expect(resetPassword(ctxOf(SYSTEM), { token: older, password: "from-the-old-link" })).rejects.toMatchObject({
      code: "token.used",
    });
    await expect(resetPassword(ctxOf(SYSTEM), { token: newer, password: "from-the-new-link" })).resolves.toEqual({
      email: "sam@brightpath.demo",
    });
  });
});

describe("changePassword", () => {
  const hashOf = async (userId: string) =>
    (
      await db
        .select({ hash: passwordCredentials.hash })
        .from(passwordCredentials)
        .where(eq(passwordCredentials.userId, userId))
    )[0]?.hash;

  it("refuses a wrong current password and leaves the hash unchanged", async () => {
    const before = await hashOf(partnerOwner.userId);
    await expect(
      changePassword(ctxOf(partnerOwner), { currentPassword: "not-my-password", newPassword: "whatever-new-one" }),
    ).rejects.toMatchObject({ code: "account.currentPasswordWrong", field: "currentPassword" });
    expect(await hashOf(partnerOwner.userId)).toBe(before);
  });

  it("changes the password when the current one is right", async () => {
    await changePassword(ctxOf(partnerOwner), { currentPassword: DEMO_PASSWORD, newPassword: "olivias-new-password" });
    const userId = await verifyCredentials(
      db,
      { email: partnerOwner.email, password: "olivias-new-password", ip: nextIp() },
      clock,
    );
    expect(userId).toBe(partnerOwner.userId);
  });

  it("signs out the user's other sessions: the session version goes up and is returned, audited", async () => {
    const before = await sessionVersionOf(partnerOwner.userId);
    const result = await changePassword(ctxOf(partnerOwner), {
      currentPassword: "olivias-new-password",
      newPassword: "olivias-third-password",
    });
    expect(result).toEqual({ sessionVersion: before + 1 });
    expect(await sessionVersionOf(partnerOwner.userId)).toBe(before + 1);
    const entries = await auditsOf("account.passwordChanged", partnerOwner.userId);
    expect(entries.at(-1)).toMatchObject({ actorId: partnerOwner.userId, after: { sessionVersion: before + 1 } });
  });

  it("leaves the session version alone when the current password is wrong", async () => {
    const before = await sessionVersionOf(partnerOwner.userId);
    await expect(
      changePassword(ctxOf(partnerOwner), { currentPassword: "not-my-password", newPassword: "whatever-new-one" }),
    ).rejects.toMatchObject({
      code: "account.currentPasswordWrong",
    });
    expect(await sessionVersionOf(partnerOwner.userId)).toBe(before);
  });

  it("refuses wrong current passwords past 5 in 15 minutes as rate limited, even the right one, per user", async () => {
    expect(PASSWORD_CHANGE_LIMIT).toEqual({ limit: 5, windowMs: 15 * MINUTE });
    const user = await p.actorByEmail("mia@cobalt.demo");
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit; i++) {
      await expect(
        changePassword(ctxOf(user), { currentPassword: `guess-${i}`, newPassword: "mias-new-password" }),
      ).rejects.toMatchObject({
        code: "account.currentPasswordWrong",
      });
    }
    const error = await changePassword(ctxOf(user), {
      currentPassword: DEMO_PASSWORD,
      newPassword: "mias-new-password",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ kind: "rate_limited", code: "auth.rateLimited" });
    // Another user is not held back by this one's failures.
    await expect(
      changePassword(ctxOf(partnerMember), {
        currentPassword: "a-brand-new-secret",
        newPassword: "james-next-password",
      }),
    ).resolves.toMatchObject({ sessionVersion: expect.any(Number) });
    clock.advance(15 * MINUTE);
    await expect(
      changePassword(ctxOf(user), { currentPassword: DEMO_PASSWORD, newPassword: "mias-new-password" }),
    ).resolves.toMatchObject({ sessionVersion: expect.any(Number) });
  });

  it("clears the failures counted against the user once the right password is given", async () => {
    const user = await p.actorByEmail("tobias@cobalt.demo");
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit - 1; i++) {
      await expect(
        changePassword(ctxOf(user), { currentPassword: `guess-${i}`, newPassword: "tobias-next-password" }),
      ).rejects.toMatchObject({
        code: "account.currentPasswordWrong",
      });
    }
    await changePassword(ctxOf(user), { currentPassword: "first-use-password", newPassword: "tobias-next-password" });
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit - 1; i++) {
      await expect(
        changePassword(ctxOf(user), { currentPassword: `guess-${i}`, newPassword: "tobias-other-password" }),
      ).rejects.toMatchObject({
        code: "account.currentPasswordWrong",
      });
    }
    await expect(
      changePassword(ctxOf(user), { currentPassword: "tobias-next-password", newPassword: "tobias-other-password" }),
    ).resolves.toBeDefined();
  });
});

describe("signOutEverywhere", () => {
  it("raises the session version, audited, and changes nothing else", async () => {
    const before = await sessionVersionOf(manager.userId);
    const hash = (
      await db
        .select({ hash: passwordCredentials.hash })
        .from(passwordCredentials)
        .where(eq(passwordCredentials.userId, manager.userId))
    )[0]?.hash;
    await expect(signOutEverywhere(ctxOf(manager))).resolves.toEqual({ sessionVersion: before + 1 });
    expect(await sessionVersionOf(manager.userId)).toBe(before + 1);
    const [entry] = await auditsOf("account.signedOutEverywhere", manager.userId);
    expect(entry).toMatchObject({
      actorId: manager.userId,
      entityType: "user",
      before: { sessionVersion: before },
      after: { sessionVersion: before + 1 },
    });
    expect(
      (
        await db
          .select({ hash: passwordCredentials.hash })
          .from(passwordCredentials)
          .where(eq(passwordCredentials.userId, manager.userId))
      )[0]?.hash,
    ).toBe(hash);
  });
});

describe("setLocale", () => {
  it("writes an audit entry with the old and new locale", async () => {
    await setLocale(ctxOf(partnerOwner), { locale: "ar" });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.localeChanged"), eq(auditLog.entityId, partnerOwner.userId)));
    expect(entry).toMatchObject({ actorId: partnerOwner.userId, before: { locale: null }, after: { locale: "ar" } });
  });
});
