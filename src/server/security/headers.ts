/** Two years, every subdomain: the values HSTS preload lists ask for. */
const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The Strict-Transport-Security value for an app served at `appUrl`, or null when it is not
 * served over HTTPS (browsers ignore the header on plain HTTP, and localhost must stay usable).
 * Decided from APP_URL at run time: next.config.mjs headers are fixed at build time.
 */
export function strictTransportSecurity(appUrl: string): string | null {
  try {
    return new URL(appUrl).protocol === "https:" ? HSTS : null;
  } catch {
    return null;
  }
}
