import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/server/auth/config";
import { authSecret } from "@/server/auth/secret";

const { auth } = NextAuth(() => ({ ...baseAuthConfig, secret: authSecret() }));

/** Paths anyone may open; everything else needs a session. */
const PUBLIC_PATHS = [/^\/login(\/|$)/, /^\/forgot$/, /^\/reset\//, /^\/welcome\//, /^\/invite\//, /^\/apply$/, /^\/api\/auth\//, /^\/api\/trpc\//, /^\/api\/logos\//, /^\/icon/, /^\/favicon/];

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

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  ready ??= Promise.resolve(middleware as unknown as NextMiddleware | Promise<NextMiddleware>);
  return (await ready)(request, event);
}

export const config = {
  // Static files skip the proxy; their security headers come from next.config.mjs.
  matcher: ["/((?!_next/static|_next/image|fonts/).*)"],
};
