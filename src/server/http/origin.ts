/**
 * Refuses cross-site writes: a state-changing request must carry an Origin (or, failing that,
 * a Referer) on this app's own host. Browsers always send Origin on cross-site POSTs.
 */
export function isSameOrigin(request: { method: string; headers: Headers }, appUrl: string): boolean {
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
  const forwardedHost = request.headers.get("x-forwarded-host");
  const host = forwardedHost ?? request.headers.get("host");
  if (host) allowed.add(host);
  return allowed.has(sourceHost);
}
