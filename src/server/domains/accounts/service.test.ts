import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MINUTE } from "@/lib/clock";
import { DEMO_PASSWORD } from "@/server/db/seed/demo";
import { auditLog, emailOutbox, passwordCredentials } from "@/server/db/schema";
import { InvalidCredentialsError, verifyCredentials } from "@/server/auth/credentials";
import { setupProgram } from "@/server/testing/fixtures";
import { setStaffActive } from "../staff/service";
import { changePassword, PASSWORD_RESET_TTL_MS, requestPasswordReset, resetPassword, setLocale } from "./service";

const p = await setupProgram();
const { db, clock, admin, finance, partnerOwner, partnerMember, otherPartnerOwner, manager } = p;

let ipSeq = 0;
/** Each test asks from its own IP, so the per-IP reset limit never gets in the way. */
const nextIp = () => `198.51.100.${++ipSeq}`;

async function emailsTo(to: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.to, to));
}

/** Requests a reset and returns the token from the link in the one new email to that address. */
async function requestToken(email: string): Promise<string> {
  const seen = new Set((await emailsTo(email)).map((m) => m.id));
  await requestPasswordReset(db, { email, ip: nextIp(), locale: "en" }, clock);
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
      requestPasswordReset(db, { email: "nobody@nowhere.test", ip: nextIp(), locale: "en" }, clock),
    ).resolves.toBeUndefined();
    const [after] = await db.select({ n: count() }).from(emailOutbox);
    expect(after!.n).toBe(before!.n);
  });

  it("emails a known address a /reset/<token> link", async () => {
    await requestPasswordReset(db, { email: "Lena@Cobalt.demo", ip: nextIp(), locale: "en" }, clock);
    const [mail] = await emailsTo(otherPartnerOwner.email);
    expect(mail?.template).toBe("passwordReset");
    expect(mail?.text).toMatch(/\/reset\/[A-Za-z0-9_-]{20,}/);
  });

  it("sends at most 3 emails per address in 15 minutes, then again once the window has passed", async () => {
    const email = manager.email;
    const ip = nextIp();
    for (let i = 0; i < 4; i++) await requestPasswordReset(db, { email, ip, locale: "en" }, clock);
    expect(await emailsTo(email)).toHaveLength(3);

    clock.advance(15 * MINUTE);
    await requestPasswordReset(db, { email, ip, locale: "en" }, clock);
    expect(await emailsTo(email)).toHaveLength(4);
  });

  it("writes no email for a deactivated user", async () => {
    await setStaffActive(db, admin, { userId: finance.userId, active: false }, clock);
    await requestPasswordReset(db, { email: finance.email, ip: nextIp(), locale: "en" }, clock);
    expect(await emailsTo(finance.email)).toHaveLength(0);
  });

  it("refuses the 21st request from one IP within 15 minutes as rate limited", async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i++) await requestPasswordReset(db, { email: `spray${i}@nowhere.test`, ip, locale: "en" }, clock);
    await expect(requestPasswordReset(db, { email: "spray20@nowhere.test", ip, locale: "en" }, clock)).rejects.toMatchObject({
      kind: "rate_limited",
      code: "auth.rateLimited",
    });
  });
});

describe("resetPassword", () => {
  it("sets the new password", async () => {
    const token = await requestToken(partnerMember.email);
    await resetPassword(db, { token, password: "a-brand-new-secret" }, clock);
    const userId = await verifyCredentials(db, { email: partnerMember.email, password: "a-brand-new-secret", ip: nextIp() }, clock);
    expect(userId).toBe(partnerMember.userId);
    await expect(
      verifyCredentials(db, { email: partnerMember.email, password: DEMO_PASSWORD, ip: nextIp() }, clock),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("works only once", async () => {
    const token = await requestToken("tobias@cobalt.demo");
    await resetPassword(db, { token, password: "first-use-password" }, clock);
    await expect(resetPassword(db, { token, password: "second-use-password" }, clock)).rejects.toMatchObject({
      code: "token.used",
      field: "token",
    });
  });

  it("refuses a token older than PASSWORD_RESET_TTL_MS", async () => {
    const token = await requestToken("mia@cobalt.demo");
    clock.advance(PASSWORD_RESET_TTL_MS + 1);
    await expect(resetPassword(db, { token, password: "too-late-password" }, clock)).rejects.toMatchObject({
      code: "token.expired",
    });
  });

  it("retires the older token when a newer reset is requested", async () => {
    const older = await requestToken("sam@brightpath.demo");
    const newer = await requestToken("sam@brightpath.demo");
    expect(newer).not.toBe(older);
    await expect(resetPassword(db, { token: older, password: "from-the-old-link" }, clock)).rejects.toMatchObject({
      code: "token.used",
    });
    await expect(resetPassword(db, { token: newer, password: "from-the-new-link" }, clock)).resolves.toEqual({
      email: "sam@brightpath.demo",
    });
  });
});

describe("changePassword", () => {
  const hashOf = async (userId: string) =>
    (await db.select({ hash: passwordCredentials.hash }).from(passwordCredentials).where(eq(passwordCredentials.userId, userId)))[0]?.hash;

  it("refuses a wrong current password and leaves the hash unchanged", async () => {
    const before = await hashOf(partnerOwner.userId);
    await expect(
      changePassword(db, partnerOwner, { currentPassword: "not-my-password", newPassword: "whatever-new-one" }, clock),
    ).rejects.toMatchObject({ code: "account.currentPasswordWrong", field: "currentPassword" });
    expect(await hashOf(partnerOwner.userId)).toBe(before);
  });

  it("changes the password when the current one is right", async () => {
    await changePassword(db, partnerOwner, { currentPassword: DEMO_PASSWORD, newPassword: "olivias-new-password" }, clock);
    const userId = await verifyCredentials(db, { email: partnerOwner.email, password: "olivias-new-password", ip: nextIp() }, clock);
    expect(userId).toBe(partnerOwner.userId);
  });
});

describe("setLocale", () => {
  it("writes an audit entry with the old and new locale", async () => {
    await setLocale(db, partnerOwner, { locale: "ar" }, clock);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.localeChanged"), eq(auditLog.entityId, partnerOwner.userId)));
    expect(entry).toMatchObject({ actorId: partnerOwner.userId, before: { locale: null }, after: { locale: "ar" } });
  });
});
