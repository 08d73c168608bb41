/** `npm run worker`: runs the job queue on its own, against the same database as the web app. */
import { openDatabase, runMigrations } from "@/server/db/client";
import { startJobs, stopJobs } from "./runtime";

async function main() {
  const database = await openDatabase();
  await runMigrations(database);
  await startJobs(database);
  console.log(
    `Tierwise worker running on the ${database.kind === "embedded" ? "embedded" : "PostgreSQL"} database. Ctrl+C stops it.`,
  );
  const shutdown = async () => {
    await stopJobs();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
