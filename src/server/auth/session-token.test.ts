import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/domains/actor";
import { setupProgram } from "@/server/testing/fixtures";
import { actorOfToken } from "./actor";
import { claimsOf, endSession } from "./session";
import { readSessionToken, rememberedDecode } from "./session-token";

const { db, clock, partnerOwner, manager } = await setupProgram();
const secret = "test-secret-for-session-tokens-0123456789";
const NAME = "authjs.session-token";

async function cookieFor(userId: string, sid: string, actor: Actor = partnerOwner, salt = NAME) {
  const token = await encode({
    token: { sub: userId, sid, claims: claimsOf(actor, 0) },
    secret,
    salt,
    maxAge: 3600,
  });
  return { token, header: `theme=dark; ${salt}=${token}` };
}

describe("reading the session from a request's cookies", () => {
  it("decodes the token and loads its actor in one read", async () => {
    const { header } = await cookieFor(partnerOwner.userId, "s-1");
    const token = await readSessionToken(header, secret);
    expect(token?.sub).toBe(partnerOwner.userId);
    await expect(actorOfToken(db, token)).resolves.toMatchObject({ userId: partnerOwner.userId, kind: "partner" });
  });

  it("joins a token split over numbered cookies, and reads the secure name on https", async () => {
    const { token } = await cookieFor(partnerOwner.userId, "s-2");
    const half = Math.floor(token.length / 2);
    const split = `${NAME}.1=${token.slice(half)}; ${NAME}.0=${token.slice(0, half)}`;
    expect((await readSessionToken(split, secret))?.sid).toBe("s-2");
    const secure = await cookieFor(partnerOwner.userId, "s-3", partnerOwner, `__Secure-${NAME}`);
    expect((await readSessionToken(secure.header, secret))?.sid).toBe("s-3");
  });

  it("names nobody for a missing, tampered or foreign token", async () => {
    const { token } = await cookieFor(partnerOwner.userId, "s-4");
    await expect(readSessionToken(null, secret)).resolves.toBeNull();
    await expect(readSessionToken("theme=dark", secret)).resolves.toBeNull();
    await expect(readSessionToken(`${NAME}=${token.slice(0, -4)}AAAA`, secret)).resolves.toBeNull();
    await expect(readSessionToken(`${NAME}=${token}`, `${secret}-other`)).resolves.toBeNull();
    // A token is bound to its cookie's name: the plain one's token under the secure name fails.
    await expect(readSessionToken(`__Secure-${NAME}=${token}`, secret)).resolves.toBeNull();
    await expect(actorOfToken(db, null)).resolves.toBeNull();
  });

  it("loads no actor once the session was signed out, though the token still decodes", async () => {
    const { header } = await cookieFor(manager.userId, "s-5", manager);
    const token = await readSessionToken(header, secret);
    await expect(actorOfToken(db, token)).resolves.toMatchObject({ userId: manager.userId });
    await endSession(db, token!, clock.now());
    await expect(actorOfToken(db, await readSessionToken(header, secret))).resolves.toBeNull();
  });

  it("decodes a token once and keeps it only until it expires", async () => {
    const token = await encode({ token: { sub: "u" }, secret, salt: NAME, maxAge: 1 });
    const first = await rememberedDecode({ token, secret, salt: NAME });
    expect(await rememberedDecode({ token, secret, salt: NAME })).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // Past its expiry the kept copy is dropped: the token is decoded afresh (where Auth.js's own
    // check, with its clock tolerance, decides).
    expect(await rememberedDecode({ token, secret, salt: NAME })).not.toBe(first);
  });
});
