import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { baseAuthConfig } from "@/server/auth/config";
import { authSecret } from "@/server/auth/secret";
import { strictTransportSecurity } from "@/server/security/headers";

const { auth } = NextAuth(() => ({ ...baseAuthConfig, secret: authSecret() }));

/** Paths anyone may open; everything else needs a session. */
const PUBLIC_PATHS = [
  /^\/login(\/|$)/,
  /^\/forgot$/,
  /^\/reset\//,
  /^\/welcome\//,
  /^\/invite\//,
  /^\/apply$/,
  /^\/api\/auth\//,
  /^\/api\/trpc\//,
  /^\/api\/logos\//,
  // Stripe signs its webhook deliveries; they carry no session.
  /^\/api\/webhooks\/stripe$/,
  /^\/icon/,
  /^\/favicon/,
];

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Recharts set style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

const middleware = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const signedIn = Boolean(req.auth?.user);
  if (!signedIn && !PUBLIC_PATHS.some((p) => p.test(pathname))) {
    const login = new URL("/login", req.nextUrl.origin);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  // Route handlers that serve files set their own, stricter policy.
  if (pathname.startsWith("/api/logos/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
});

// With a lazy config, next-auth hands the wrapped middleware back as a promise.
let ready: Promise<NextMiddleware> | undefined;

/** HSTS on every response the proxy sees, redirects included; the value depends on APP_URL. */
function withTransportSecurity(response: Response): Response {
  const hsts = strictTransportSecurity(env().APP_URL);
  if (!hsts) return response;
  try {
    response.headers.set("strict-transport-security", hsts);
    return response;
  } catch {
    // Response.redirect() and friends have immutable headers: copy them onto a new response.
    const headers = new Headers(response.headers);
    headers.set("strict-transport-security", hsts);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  ready ??= Promise.resolve(middleware as unknown as NextMiddleware | Promise<NextMiddleware>);
  const response = await (await ready)(request, event);
  // Nothing returned means "carry on"; an explicit next() is the same and can carry the header.
  return withTransportSecurity(response ?? NextResponse.next());
}

export const config = {
  // Static files skip the proxy; their security headers come from next.config.mjs. They get no
  // HSTS, which is fine: browsers apply it per host, from any page's response.
  matcher: ["/((?!_next/static|_next/image|fonts/).*)"],
};
