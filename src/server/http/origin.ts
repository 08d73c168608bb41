import { env } from "@/lib/env";
import { trustsAnyProxy, type TrustedProxies } from "@/lib/trusted-proxies";

/**
 * Refuses cross-site writes: a state-changing request must carry an Origin (or, failing that,
 * a Referer) on this app's own host. Browsers always send Origin on cross-site POSTs.
 * The host is APP_URL's; X-Forwarded-Host (or Host) counts too only behind a trusted proxy,
 * which sets it. Without one, a client (or a rebound DNS name) chooses both headers.
 */
export function isSameOrigin(
  request: { method: string; headers: Headers },
  appUrl: string,
  trusted: TrustedProxies = env().TRUSTED_PROXIES,
): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase())) return true;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (!source) return false;
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>([new URL(appUrl).host]);
  if (trustsAnyProxy(trusted)) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (host) allowed.add(host.trim());
  }
  return allowed.has(sourceHost);
}
