/** `npm run db:seed`: creates the demo program on an empty database. */
import { systemClock } from "@/lib/clock";
import { openDatabase, runMigrations } from "@/server/db/client";
import { isSeeded, printDemoLogins, seedDemo } from "@/server/scripts/seed/demo";

async function main() {
  const database = await openDatabase();
  try {
    await runMigrations(database);
    if (await isSeeded(database.db)) {
      console.log("The database already holds a program; nothing seeded.");
    } else {
      await seedDemo(database.db, systemClock);
      console.log("Demo program created.");
    }
    printDemoLogins();
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
