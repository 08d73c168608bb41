import { decode, encode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "./session-age";

/**
 * Decrypting a session token costs about 1.4 ms of CPU (a key derivation and AES on every call),
 * and one request decoded the same token twice: in the proxy, then in the page. A token is
 * immutable and names its own expiry, so a decoded one is kept by its exact text until then.
 * Only tokens that decrypted with our secret are kept; revocation is still checked per request
 * against the database (loadSessionActor).
 */
// On globalThis: the proxy and the pages are bundled apart, each with its own copy of this module.
const store = globalThis as typeof globalThis & { __tierwiseSessionTokens?: Map<string, JWT> };
const decoded = (store.__tierwiseSessionTokens ??= new Map<string, JWT>());
const KEEP = 5_000;

export async function rememberedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${params.salt}\u0000${params.token ?? ""}`;
  const kept = decoded.get(key);
  if (kept && typeof kept.exp === "number" && kept.exp * 1000 > Date.now()) return kept;
  if (kept) decoded.delete(key);
  const token = await decode(params);
  if (token && params.token) {
    if (decoded.size >= KEEP) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, token);
  }
  return token;
}

/** Auth.js's session cookie names: the secure one on https, the plain one elsewhere. */
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(raw));
    } catch {
      // a malformed value names no session
    }
  }
  return cookies;
}

/**
 * The session token a request's Cookie header carries, decoded, without Auth.js's session round
 * (its callback and a re-encoded cookie that a server component cannot set anyway): the proxy
 * already rolled the cookie's expiry for this request. Large tokens are split over numbered cookies.
 */
export async function readSessionToken(cookieHeader: string | null, secret: string): Promise<JWT | null> {
  return (await readSessionCookie(cookieHeader, secret)).token;
}

/** The session cookie a request carries: its name, and its token when that decodes. */
export async function readSessionCookie(
  cookieHeader: string | null,
  secret: string,
): Promise<{ name: string | null; token: JWT | null }> {
  if (!cookieHeader) return { name: null, token: null };
  const cookies = parseCookies(cookieHeader);
  for (const name of COOKIE_NAMES) {
    let token = cookies.get(name);
    if (token === undefined) {
      const parts: string[] = [];
      for (let i = 0; cookies.has(`${name}.${i}`); i++) parts.push(cookies.get(`${name}.${i}`)!);
      if (parts.length > 0) token = parts.join("");
    }
    if (!token) continue;
    try {
      return { name, token: await rememberedDecode({ token, secret, salt: name }) };
    } catch {
      return { name, token: null };
    }
  }
  return { name: null, token: null };
}

/** A session is re-issued (its expiry moved to 30 days from now) once a day, not on every request. */
export const SESSION_ROLL_AFTER_SECONDS = 24 * 60 * 60;

/**
 * The cookie that keeps a session signed in for another 30 days, when the token in use was issued
 * more than a day ago; null when it is fresh. Re-issuing on every request (Auth.js's middleware
 * does) costs an encryption per request and hands the browser a new token each time, so no
 * decoded token could ever be reused.
 */
export async function rolledSessionCookie(
  name: string,
  token: JWT,
  secret: string,
  now = Date.now(),
): Promise<{ name: string; value: string; options: RolledCookieOptions } | null> {
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  if (now / 1000 - issuedAt < SESSION_ROLL_AFTER_SECONDS) return null;
  const value = await encode({ token, secret, salt: name, maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    name,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: name.startsWith("__Secure-"),
      expires: new Date(now + SESSION_MAX_AGE_SECONDS * 1000),
    },
  };
}

export interface RolledCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  expires: Date;
}
