/** `npm run db:migrate`: applies the SQL migrations in drizzle/ (and the job queue's schema). */
import { openDatabase, runMigrations } from "@/server/db/client";
import { installJobSchema } from "@/server/jobs/install";

async function main() {
  const database = await openDatabase();
  try {
    await runMigrations(database);
    await installJobSchema(
      database.kind === "embedded"
        ? { kind: "embedded", pglite: database.pglite! }
        : { kind: "server", url: database.url! },
    );
    console.log(`Migrations applied (${database.kind === "embedded" ? "embedded database" : "PostgreSQL server"}).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
