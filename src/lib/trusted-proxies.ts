import { isIP } from "node:net";

/** One trusted network: an address and its prefix length (32 / 128 for a single address). */
export interface IpRange {
  readonly network: string;
  readonly prefix: number;
  readonly family: "ipv4" | "ipv6";
}

/**
 * Which X-Forwarded-For entries were written by our own proxies: a fixed number of hops in
 * front of the app, or the networks they sit in. `{ kind: "hops", hops: 0 }` trusts none.
 */
export type TrustedProxies =
  { readonly kind: "hops"; readonly hops: number } | { readonly kind: "ranges"; readonly ranges: readonly IpRange[] };

export const NO_TRUSTED_PROXIES: TrustedProxies = { kind: "hops", hops: 0 };

/**
 * An IP address in one canonical spelling, or null when `raw` is not one. IPv6 is compressed and
 * lower-case and IPv4-mapped IPv6 becomes plain IPv4, so one client is always one rate-limit key.
 * Accepts the port and brackets some proxies write ("1.2.3.4:5678", "[::1]:443").
 */
export function normalizeIp(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (withPort && Number(withPort[2]) <= 65535) value = withPort[1]!;
  const family = isIP(value);
  if (family === 4) return bracketed ? null : value;
  if (family !== 6) return null;
  // A link-local zone ("%eth0") names our interface, not the client.
  const zone = value.indexOf("%");
  if (zone !== -1) value = value.slice(0, zone);
  let canonical: string;
  try {
    canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1]!, 16);
  const low = parseInt(mapped[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

const familyOf = (address: string): IpRange["family"] => (isIP(address) === 4 ? "ipv4" : "ipv6");

/**
 * TRUSTED_PROXIES as written in the environment: a hop count ("1") or a comma-separated list
 * of addresses and CIDRs ("10.0.0.0/8,127.0.0.1,::1").
 */
export function parseTrustedProxies(spec: string): { ok: true; value: TrustedProxies } | { ok: false; error: string } {
  const text = spec.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (!Number.isSafeInteger(hops)) return { ok: false, error: `"${text}" is too large for a hop count` };
    return { ok: true, value: { kind: "hops", hops } };
  }
  const ranges: IpRange[] = [];
  for (const item of text.split(",").map((part) => part.trim())) {
    const slash = item.indexOf("/");
    const address = normalizeIp(slash === -1 ? item : item.slice(0, slash));
    if (!address || address.includes("%")) {
      return {
        ok: false,
        error: `expected a hop count (0, 1, 2…) or a comma-separated list of IP addresses and CIDRs (10.0.0.0/8,::1); "${item}" is neither`,
      };
    }
    const family = familyOf(address);
    const max = family === "ipv4" ? 32 : 128;
    const prefixText = slash === -1 ? String(max) : item.slice(slash + 1);
    const prefix = Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText) || prefix > max) {
      return { ok: false, error: `"${item}" is not a valid CIDR: the prefix length must be 0–${max}` };
    }
    ranges.push({ network: address, prefix, family });
  }
  return { ok: true, value: { kind: "ranges", ranges } };
}

/** True when TRUSTED_PROXIES names at least one proxy in front of the app. */
export function trustsAnyProxy(trusted: TrustedProxies): boolean {
  return trusted.kind === "hops" ? trusted.hops > 0 : trusted.ranges.length > 0;
}
