/**
 * Control characters have no place in anything a person types: NUL cannot be stored in
 * PostgreSQL text at all (the insert fails), and ESC, BEL or DEL smuggle terminal escapes into
 * logs and CSV exports. Tab, line feed and carriage return are ordinary text.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** The path of the first string inside `value` that holds a control character, or null. */
export function findControlCharacters(
  value: unknown,
  path: (string | number)[] = [],
  seen = new Set<object>(),
): (string | number)[] | null {
  if (typeof value === "string") return hasControlCharacters(value) ? path : null;
  if (value === null || typeof value !== "object" || seen.has(value)) return null;
  seen.add(value);
  if (value instanceof Date || value instanceof Uint8Array) return null;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  for (const [key, inner] of entries) {
    // A key is text the caller chose too (a record's keys).
    if (typeof key === "string" && hasControlCharacters(key)) return [...path, key];
    const found = findControlCharacters(inner, [...path, key], seen);
    if (found) return found;
  }
  return null;
}
