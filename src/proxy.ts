import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { authSecret } from "@/server/auth/secret";
import { readSessionCookie, rolledSessionCookie } from "@/server/auth/session-token";
import { strictTransportSecurity } from "@/server/security/headers";

/** Paths anyone may open; everything else needs a session. */
/** Route handlers that serve stored files with their own sandbox policy. */
const FILE_ROUTES = ["/api/logos/", "/api/training/images/", "/api/assets/", "/api/mdf/"];

const PUBLIC_PATHS = [
  /^\/login(\/|$)/,
  /^\/forgot$/,
  /^\/reset\//,
  /^\/welcome\//,
  /^\/invite\//,
  /^\/apply$/,
  // The public certificate check: anyone holding a code may verify it.
  /^\/verify(\/|$)/,
  // Referral links are opened by the people partners share them with.
  /^\/r\/[^/]+$/,
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
    // PDF previews render in a worker of our own bundle (pdf.js).
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Signed-out visitors go to the sign-in page; everyone else gets the page's CSP nonce, and a
 * session in use for more than a day is re-issued for another 30 days. Whether the session still
 * names someone (its version, a sign-out) is the page's and the API's question, asked of the
 * database on every request; nothing about the user leaves here in a header.
 */
async function handle(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  const secret = authSecret();
  const session = await readSessionCookie(req.headers.get("cookie"), secret);
  if (!session.token && !PUBLIC_PATHS.some((p) => p.test(pathname))) {
    const login = new URL("/login", req.nextUrl.origin);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    // A cookie that no longer decodes (expired, or from another secret) is cleared.
    if (session.name) response.cookies.delete(session.name);
    return response;
  }
  const rolled = session.token && session.name ? await rolledSessionCookie(session.name, session.token, secret) : null;
  const withSession = (response: NextResponse) => {
    if (rolled) response.cookies.set(rolled.name, rolled.value, rolled.options);
    return response;
  };
  // Route handlers that serve files set their own, stricter policy.
  if (FILE_ROUTES.some((prefix) => pathname.startsWith(prefix))) return withSession(NextResponse.next());
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return withSession(response);
}

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

export default async function proxy(request: NextRequest) {
  return withTransportSecurity(await handle(request));
}

export const config = {
  // Static files skip the proxy; their security headers come from next.config.mjs. They get no
  // HSTS, which is fine: browsers apply it per host, from any page's response.
  matcher: ["/((?!_next/static|_next/image|fonts/).*)"],
};
