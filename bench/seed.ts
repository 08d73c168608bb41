/**
 * `npm run bench:seed -- --scale <n> [--seed <n>] [--reset]`: fills the PostgreSQL database in
 * DATABASE_URL with a large program for `npm run bench` (scale 1 = 10,000 partners, 1,000,000
 * leads, 1,000,000 ledger entries). The embedded database takes small scales only.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { systemClock } from "@/lib/clock";
import { BENCH_PARTNER_EMAIL, BENCH_PASSWORD, BENCH_STAFF_EMAIL, seedBenchProgram } from "@/server/scripts/bench/seed";
import { openDatabase, runMigrations } from "@/server/db/client";
import { isSeeded } from "@/server/scripts/seed/demo";

const EMBEDDED_MAX_SCALE = 0.01;

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: "42" },
      reset: { type: "boolean", default: false },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10)
    throw new Error("--scale must be a number above 0 and at most 10 (1 = 10,000 partners and 1,000,000 leads)");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const database = await openDatabase();
  try {
    if (database.kind === "embedded" && scale > EMBEDDED_MAX_SCALE) {
      throw new Error(
        `The embedded database holds small programs only (--scale ${EMBEDDED_MAX_SCALE} at most). Set DATABASE_URL to a PostgreSQL server, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/tierwise_bench`,
      );
    }
    if (values.reset && database.kind === "server") {
      // A clean slate: the app's tables, the migration journal and the job queue.
      await database.db.execute(
        sql`drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public`,
      );
    }
    await runMigrations(database);
    if (await isSeeded(database.db))
      throw new Error(
        "This database already holds a program. Pass --reset to wipe it first (PostgreSQL only), or point DATABASE_URL at an empty database.",
      );
    console.log(
      `Seeding scale ${scale} (seed ${seed}) into the ${database.kind === "embedded" ? "embedded" : "PostgreSQL"} database…`,
    );
    const started = performance.now();
    const report = await seedBenchProgram(database.db, {
      scale,
      seed,
      clock: systemClock,
      log: (line) => console.log(line),
    });
    const seconds = (performance.now() - started) / 1000;
    const rows = report.reduce((sum, r) => sum + r.rows, 0);
    console.log(
      `\nDone: ${rows.toLocaleString("en")} rows in ${seconds.toLocaleString("en", { maximumFractionDigits: 1 })} s (${Math.round(rows / seconds).toLocaleString("en")} rows/s).`,
    );
    console.log(
      `Sign in as ${BENCH_STAFF_EMAIL} (staff) or ${BENCH_PARTNER_EMAIL} (the largest partner), password ${BENCH_PASSWORD}.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
