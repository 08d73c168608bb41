import { env } from "@/lib/env";
import { systemClock } from "@/lib/clock";
import { getDatabase } from "./db/client";
import { isSeeded, printDemoLogins, seedDemo, seedProgram } from "@/server/scripts/seed/demo";
import { startJobs } from "./jobs/runtime";

/** Opens (and migrates) the database, seeds an empty one, and starts the job workers. */
export async function startServerProcess(): Promise<void> {
  const config = env();
  let database;
  try {
    database = await getDatabase();
  } catch (error) {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const seedDemoData = (config.SEED_DEMO ?? (config.DATABASE_URL ? "false" : "true")) === "true";
  if (!(await isSeeded(database.db))) {
    if (seedDemoData) {
      await seedDemo(database.db, systemClock);
      console.log("Demo program created.");
    } else {
      await database.db.transaction((tx) => seedProgram(tx, systemClock));
    }
  }
  if (seedDemoData) printDemoLogins();
  if (config.RUN_JOBS_IN_WEB === "true") await startJobs(database);
  // A repeated signal (Ctrl+C under `npm run demo` arrives twice) waits for the first close
  // instead of killing the process with the embedded database half-closed.
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const { stopJobs } = await import("./jobs/runtime");
      await stopJobs().catch(() => {});
      await database.close().catch(() => {});
      process.exit(0);
    })();
  };
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
}
