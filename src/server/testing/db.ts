import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { inject } from "vitest";
import type { Database } from "@/server/db/client";
import * as schema from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { withDatabase } from "./template";

/**
 * A fresh, migrated database for one test file: a PGlite in memory loaded from the template
 * dump, or a new database on the PostgreSQL server in TEST_DATABASE_URL copied from the template.
 */
export async function createTestDatabase(): Promise<Database> {
  const template = inject("dbTemplate");
  if (template.kind === "embedded") {
    const blob = new Blob([fs.readFileSync(template.location)]);
    const pglite = await PGlite.create({ loadDataDir: blob });
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return { db, kind: "embedded", pglite, close: () => pglite.close() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `tierwise_t_${template.runId}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template.location}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(base, name);
  const client = postgres(url, { max: 5, onnotice: () => {} });
  const db = drizzlePg(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "server",
    url,
    close: async () => {
      await client.end({ timeout: 5 });
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
