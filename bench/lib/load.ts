import autocannon from "autocannon";

/** What one measured stretch of load gave: exact percentiles over every response. */
export interface LoadStats {
  requests: number;
  /** Responses that were not 2xx (or 3xx for pages); a scenario with errors is not a measurement. */
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadTarget {
  url: string;
  method?: "GET" | "POST";
  /** Cookie headers, spread over the connections (one session per connection, round robin). */
  cookies: string[];
  /** A fresh body per request (unique names for registrations, the next lead to win…). */
  body?: () => string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function statsOf(times: number[], errors: number, seconds: number): LoadStats {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: times.length,
    errors,
    rps: round(times.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

interface Tracker {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}

/**
 * Drives one target at a fixed number of connections for `seconds` and returns every response
 * time. autocannon reports p97.5 but not p95, so the percentiles are computed here, exactly.
 */
export async function drive(
  target: LoadTarget,
  connections: number,
  seconds: number,
): Promise<{ times: number[]; errors: number; seconds: number; firstError?: string }> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const instance = autocannon({
    url: target.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: target.method ?? "GET",
        setupRequest: (request, context: { cookie?: string }) => {
          context.cookie ??= target.cookies[next++ % target.cookies.length]!;
          return {
            ...request,
            // Writes carry the app's own Origin, as a browser's do; the server refuses cross-site writes.
            headers: {
              ...request.headers,
              cookie: context.cookie,
              ...(target.body ? { "content-type": "application/json", origin: new URL(target.url).origin } : {}),
            },
            ...(target.body ? { body: target.body() } : {}),
          };
        },
      },
    ],
  });
  (instance as unknown as Tracker).on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
    else {
      errors++;
      firstError ??= `HTTP ${status} from ${target.method ?? "GET"} ${target.url}`;
    }
  });
  const result = await instance;
  if (result.errors > 0) firstError ??= `${result.errors} connection errors or timeouts on ${target.url}`;
  return { times, errors: errors + result.errors, seconds: (performance.now() - started) / 1000, firstError };
}

type LoadOptions = {
  connections: number;
  seconds: number;
  warmup: number;
  rounds: number;
  log: (line: string) => void;
};

/**
 * Several targets measured in alternating rounds after a warm-up of each, so a machine that
 * slows down during the run slows them all alike.
 */
export async function compared<K extends string>(
  targets: Record<K, LoadTarget>,
  options: LoadOptions,
): Promise<Record<K, LoadStats>> {
  const keys = Object.keys(targets) as K[];
  for (const key of keys) await drive(targets[key], options.connections, options.warmup);
  const acc = Object.fromEntries(
    keys.map((key) => [
      key,
      { times: [] as number[], errors: 0, seconds: 0, firstError: undefined as string | undefined },
    ]),
  ) as Record<K, { times: number[]; errors: number; seconds: number; firstError: string | undefined }>;
  const slice = options.seconds / options.rounds;
  for (let round = 0; round < options.rounds; round++) {
    for (const key of keys) {
      const run = await drive(targets[key], options.connections, slice);
      acc[key].times.push(...run.times);
      acc[key].errors += run.errors;
      acc[key].seconds += run.seconds;
      acc[key].firstError ??= run.firstError;
    }
  }
  for (const key of keys) if (acc[key].firstError) options.log(`  ! ${acc[key].errors} failed: ${acc[key].firstError}`);
  return Object.fromEntries(
    keys.map((key) => [key, statsOf(acc[key].times, acc[key].errors, acc[key].seconds)]),
  ) as Record<K, LoadStats>;
}

/** A scenario and its baseline (the baseline's round first, as before references existed). */
export async function paired(scenario: LoadTarget, baseline: LoadTarget, options: LoadOptions) {
  const { baseline: b, scenario: s } = await compared({ baseline, scenario }, options);
  return { scenario: s, baseline: b };
}
