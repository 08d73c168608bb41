/** Lists keep their page, sort and filters in the URL, so the server renders them and links share them. */
export type SearchParams = Record<string, string | string[] | undefined>;

export function param(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

/** The page number (1 when absent or not a page); `name` for a second list on the same page. */
export function pageParam(params: SearchParams, name = "page"): number {
  const n = Number(param(params, name) ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A date from a yyyy-mm-dd filter, at the start of that day in UTC. */
export function dateParam(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The same list with some parameters changed (undefined removes one). */
export function hrefWith(
  path: string,
  params: SearchParams,
  changes: Record<string, string | number | undefined>,
): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") next.set(k, value);
  }
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") next.delete(k);
    else next.set(k, String(v));
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
