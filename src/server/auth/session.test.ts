import { and, eq } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { MINUTE } from "@/lib/clock";
import { DEMO_PASSWORD } from "@/server/scripts/seed/demo";
import { emailOutbox, endedSessions, users, verificationTokens } from "@/server/db/schema";
import { changePassword, signOutEverywhere } from "@/server/domains/accounts/service";
import { setupProgram } from "@/server/testing/fixtures";
import { loadSessionActor } from "./actor";
import { tierwiseAdapter } from "./adapter";
import { SESSION_MAX_AGE_SECONDS, type SessionClaims } from "./config";
import { InvalidCredentialsError, SIGN_IN_LIMITS, verifyCredentials } from "@/server/security/credentials";
import { endSession, refreshSessionToken, sessionHandover, SESSION_HANDOVER_TTL_MS } from "./session";
import { sendSignInLink } from "./sign-in-link";

const { db, clock, admin, manager, partnerOwner, otherPartnerOwner, actorByEmail, ctxOf } = await setupProgram();
const secret = "test-secret-for-session-handover";
const now = () => new Date("2026-11-01T09:00:00Z");
const options = { secret, now: now() };

/** The token Auth.js holds right after a sign-in (password or emailed link). */
async function signedIn(userId: string): Promise<JWT> {
  const token = await refreshSessionToken(db, { token: { sub: userId }, user: { id: userId } }, options);
  expect(token).not.toBeNull();
  return token!;
}

const claimsOf = (token: JWT | null) => token?.claims as SessionClaims | undefined;
const versionOf = async (userId: string) =>
  (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)))[0]!.v;

describe("loadSessionActor", () => {
  it("loads the actor of a session issued at the user's current version", async () => {
    const actor = await loadSessionActor(db, { id: admin.userId, sessionVersion: await versionOf(admin.userId) });
    expect(actor).toMatchObject({ userId: admin.userId, kind: "staff", staffRole: "admin" });
  });

  it("treats a session from before versions existed as version 0", async () => {
    expect(await versionOf(otherPartnerOwner.userId)).toBe(0);
    await expect(loadSessionActor(db, { id: otherPartnerOwner.userId })).resolves.toMatchObject({
      userId: otherPartnerOwner.userId,
    });
  });

  it("yields no actor for a session whose version is stale", async () => {
    const stale = await versionOf(manager.userId);
    await signOutEverywhere(ctxOf(manager));
    await expect(loadSessionActor(db, { id: manager.userId, sessionVersion: stale })).resolves.toBeNull();
    await expect(loadSessionActor(db, { id: manager.userId, sessionVersion: stale + 1 })).resolves.toMatchObject({
      userId: manager.userId,
    });
  });
});

describe("refreshSessionToken (the jwt callback)", () => {
  it("puts the user's current session version in the claims at sign-in", async () => {
    const token = await signedIn(partnerOwner.userId);
    expect(claimsOf(token)).toMatchObject({
      id: partnerOwner.userId,
      sessionVersion: await versionOf(partnerOwner.userId),
    });
  });

  it("keeps a current token as it is", async () => {
    const token = await signedIn(partnerOwner.userId);
    await expect(refreshSessionToken(db, { token }, options)).resolves.toBe(token);
  });

  it("returns null for a token issued before a password change, so that session is signed out", async () => {
    const user = await actorByEmail("tobias@cobalt.demo");
    const other = await signedIn(user.userId);
    await changePassword(ctxOf(user), { currentPassword: DEMO_PASSWORD, newPassword: "tobias-new-password" });
    await expect(refreshSessionToken(db, { token: other }, options)).resolves.toBeNull();
  });

  it("re-issues the current session at the new version when the server hands it over", async () => {
    const user = await actorByEmail("mia@cobalt.demo");
    const current = await signedIn(user.userId);
    const other = await signedIn(user.userId);
    const { sessionVersion } = await changePassword(ctxOf(user), {
      currentPassword: DEMO_PASSWORD,
      newPassword: "mias-new-password",
    });
    const reissued = await refreshSessionToken(
      db,
      {
        token: current,
        trigger: "update",
        session: { handover: sessionHandover(secret, user.userId, sessionVersion, now()) },
      },
      options,
    );
    expect(claimsOf(reissued)).toMatchObject({ id: user.userId, sessionVersion });
    await expect(refreshSessionToken(db, { token: reissued! }, options)).resolves.not.toBeNull();
    await expect(loadSessionActor(db, claimsOf(reissued)!)).resolves.toMatchObject({ userId: user.userId });
    await expect(refreshSessionToken(db, { token: other }, options)).resolves.toBeNull();
  });

  it("does not let a stale session revive itself through an update without a valid handover", async () => {
    const user = await actorByEmail("sam@brightpath.demo");
    const stale = await signedIn(user.userId);
    const { sessionVersion } = await signOutEverywhere(ctxOf(user));
    const attempts: unknown[] = [
      undefined,
      { user: { sessionVersion } },
      { handover: "forged" },
      { handover: sessionHandover("another-secret", user.userId, sessionVersion, now()) },
      { handover: sessionHandover(secret, partnerOwner.userId, sessionVersion, now()) },
      { handover: sessionHandover(secret, user.userId, sessionVersion + 1, now()) },
      {
        handover: sessionHandover(
          secret,
          user.userId,
          sessionVersion,
          new Date(now().getTime() - SESSION_HANDOVER_TTL_MS - 1),
        ),
      },
    ];
    for (const session of attempts) {
      await expect(
        refreshSessionToken(db, { token: structuredClone(stale), trigger: "update", session }, options),
      ).resolves.toBeNull();
    }
  });

  it("does not carry a token over more than one version step", async () => {
    const user = await actorByEmail("hannah@brightpath.demo");
    const stale = await signedIn(user.userId);
    await signOutEverywhere(ctxOf(user));
    const { sessionVersion } = await signOutEverywhere(ctxOf(user));
    const session = { handover: sessionHandover(secret, user.userId, sessionVersion, now()) };
    await expect(refreshSessionToken(db, { token: stale, trigger: "update", session }, options)).resolves.toBeNull();
  });
});

describe("the emailed sign-in link while password sign-in is locked", () => {
  it("is still sent, and signing in with it gives a session", async () => {
    const user = await actorByEmail("noah@kestrel.demo");
    // Lock every password limit on the address: one pair, then the ceiling from many IPs.
    for (let ip = 0; ip * SIGN_IN_LIMITS.pair.limit < SIGN_IN_LIMITS.email.limit; ip++) {
      for (let i = 0; i < SIGN_IN_LIMITS.pair.limit; i++) {
        await expect(
          verifyCredentials(db, { email: user.email, password: "wrong", ip: `203.0.113.${ip}` }, clock),
        ).rejects.toBeInstanceOf(InvalidCredentialsError);
      }
    }
    await expect(
      verifyCredentials(db, { email: user.email, password: DEMO_PASSWORD, ip: "203.0.113.250" }, clock),
    ).rejects.toMatchObject({
      kind: "rate_limited",
    });

    const adapter = tierwiseAdapter(db);
    await adapter.createVerificationToken!({
      identifier: user.email,
      token: "hashed-link-token",
      expires: new Date(clock.now().getTime() + 10 * MINUTE),
    });
    await sendSignInLink(
      db,
      { identifier: user.email, url: "http://localhost/api/auth/callback/email?token=t" },
      clock,
    );
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, user.email), eq(emailOutbox.template, "signInLink")));
    expect(mail?.text).toContain("/api/auth/callback/email?token=t");

    // What Auth.js does with the link: use the token once, find the user, issue the session.
    await expect(
      adapter.useVerificationToken!({ identifier: user.email, token: "hashed-link-token" }),
    ).resolves.toMatchObject({ identifier: user.email });
    const found = await adapter.getUserByEmail!(user.email);
    const token = await refreshSessionToken(db, { token: { sub: found!.id }, user: found! }, options);
    expect(claimsOf(token)).toMatchObject({ id: user.userId });
    await expect(loadSessionActor(db, claimsOf(token)!)).resolves.toMatchObject({ userId: user.userId });
    expect(
      await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, user.email)),
    ).toHaveLength(0);
  });
});

describe("signing out one session", () => {
  it("ends that session for good, even if its cookie comes back, and leaves the user's others alone", async () => {
    const first = await signedIn(partnerOwner.userId);
    const second = await signedIn(partnerOwner.userId);
    expect(typeof first.sid).toBe("string");
    expect(first.sid).not.toBe(second.sid);
    await endSession(db, structuredClone(first), now());
    // The same token again (a late response set the cookie back): refused.
    expect(await refreshSessionToken(db, { token: structuredClone(first) }, options)).toBeNull();
    expect(await refreshSessionToken(db, { token: structuredClone(first), trigger: "update" }, options)).toBeNull();
    expect(claimsOf(await refreshSessionToken(db, { token: structuredClone(second) }, options))).toMatchObject({
      id: partnerOwner.userId,
    });
    // Signing out twice is harmless.
    await endSession(db, structuredClone(first), now());
  });

  it("keeps sessions issued before sessions had ids, and clears ended sessions whose tokens expired", async () => {
    const old = await signedIn(otherPartnerOwner.userId);
    delete old.sid;
    expect(await refreshSessionToken(db, { token: structuredClone(old) }, options)).not.toBeNull();
    await endSession(db, old, now());
    const gone = await signedIn(otherPartnerOwner.userId);
    await endSession(db, gone, now());
    const later = new Date(now().getTime() + (SESSION_MAX_AGE_SECONDS + 60) * 1000);
    await endSession(db, await signedIn(otherPartnerOwner.userId), later);
    const left = await db
      .select()
      .from(endedSessions)
      .where(eq(endedSessions.sessionId, String(gone.sid)));
    expect(left).toHaveLength(0);
  });
});
