import { env } from "./env";

/**
 * Control characters (C0, DEL, C1), format characters (zero-width, bidi), any whitespace and the
 * backslash: browsers drop or rewrite these while parsing, so "/\t/evil.example" and
 * "/\evil.example" both navigate to //evil.example.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\s\\]/u;

/** Rounds of percent-decoding checked; enough for anything a chain of redirects decodes. */
const DECODE_ROUNDS = 3;

/** True when the path, or what percent-decoding makes of it, holds an unsafe character or "//". */
function decodesToUnsafe(path: string): boolean {
  let current = path;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // Malformed at the first level is refused; deeper, it is just literal "%" in the text.
      return round === 0;
    }
    if (decoded === current) return false;
    if (UNSAFE.test(decoded) || decoded.startsWith("//")) return true;
    current = decoded;
  }
  return false;
}

/**
 * A callback value as a same-origin path ("/x?y#z", normalized), or `fallback` when it could
 * lead anywhere else. Decided by parsing against `baseUrl` (APP_URL), not by prefix tests alone.
 */
export function safeCallbackPath(value: unknown, fallback = "/", baseUrl: string = env().APP_URL): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return fallback;
  if (UNSAFE.test(value)) return fallback;
  // Only the path can move the browser to another host; an encoded space in the query is fine.
  const path = value.split(/[?#]/, 1)[0]!;
  if (decodesToUnsafe(path)) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const result = `${target.pathname}${target.search}${target.hash}`;
  // Dot segments can normalize into "//host" ("/.//evil.example").
  if (!result.startsWith("/") || result.startsWith("//")) return fallback;
  return result;
}
