import { BlockList } from "node:net";
import { env } from "@/lib/env";
import { normalizeIp, type TrustedProxies } from "@/lib/trusted-proxies";

/** One BlockList per trust setting; env() hands out the same object every time. */
const compiled = new WeakMap<TrustedProxies, BlockList>();

function blockListOf(trusted: TrustedProxies & { kind: "ranges" }): BlockList {
  let list = compiled.get(trusted);
  if (!list) {
    list = new BlockList();
    for (const range of trusted.ranges) list.addSubnet(range.network, range.prefix, range.family);
    compiled.set(trusted, list);
  }
  return list;
}

const familyOf = (address: string) => (address.includes(":") ? "ipv6" : "ipv4");

/**
 * The client's address from an X-Forwarded-For chain whose right-most entry is the socket peer
 * (scripts/server.mjs appends it, as every proxy does). Entries are read from the right: only
 * our own proxies are believed, so whatever a client writes further left is ignored.
 * - no trusted proxies: the socket peer;
 * - N hops: the entry N places left of the peer (the left-most if the chain is shorter);
 * - ranges: the first entry, from the right, outside every trusted range.
 * A malformed entry is never believed: the answer is then the valid address to its right.
 * "unknown" when there is no chain at all (a server not started through scripts/server.mjs).
 */
export function clientAddress(forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  if (!forwardedFor) return "unknown";
  const entries = forwardedFor.split(",");
  const ranges = trusted.kind === "ranges" ? blockListOf(trusted) : null;
  let nearest = "unknown";
  for (let index = entries.length - 1, hop = 0; index >= 0; index--, hop++) {
    const address = normalizeIp(entries[index]!);
    if (!address) return nearest;
    nearest = address;
    const fromTrustedProxy = ranges
      ? ranges.check(address, familyOf(address))
      : trusted.kind === "hops" && hop < trusted.hops;
    if (!fromTrustedProxy) return address;
  }
  return nearest;
}

/** The caller's IP, as the request's X-Forwarded-For chain and TRUSTED_PROXIES establish it. */
export function clientIp(headers: Headers, trusted: TrustedProxies = env().TRUSTED_PROXIES): string {
  return clientAddress(headers.get("x-forwarded-for"), trusted);
}
