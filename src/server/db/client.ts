import path from "node:path";
import { env, dataDir } from "@/lib/env";
import * as schema from "./schema";
import type { Db } from "./types";
import { acquireDataDirLock, type HeldLock } from "./lock";

export type { Db } from "./types";

/** What `openDatabase` hands back: the drizzle handle plus what jobs and shutdown need. */
export interface Database {
  db: Db;
  kind: "embedded" | "server";
  /** The raw PGlite instance when embedded (pg-boss runs on it). */
  pglite?: import("@electric-sql/pglite").PGlite;
  url?: string;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** The one place that decides how to connect: DATABASE_URL when set, else embedded PGlite. */
export async function openDatabase(options: { url?: string; dir?: string } = {}): Promise<Database> {
  const url = options.url ?? env().DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Db;
    return { db, kind: "server", url, close: () => client.end({ timeout: 5 }) };
  }
  const dir = options.dir ?? dataDir();
  const lock: HeldLock = acquireDataDirLock(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const pglite = await PGlite.create(path.join(dir, "pgdata"));
    const db = drizzle(pglite, { schema }) as unknown as Db;
    return {
      db,
      kind: "embedded",
      pglite,
      close: async () => {
        await pglite.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === "embedded") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const { drizzle } = await import("drizzle-orm/pglite");
    await migrate(drizzle(database.pglite!), { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

// One database per server process; kept on globalThis so dev-mode module reloads reuse it.
const holder = globalThis as unknown as { __tierwiseDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // Opening it here would take the embedded database's lock from a build worker.
    throw new Error("The database is not available while `next build` runs.");
  }
  holder.__tierwiseDb ??= openDatabase().then(async (database) => {
    await runMigrations(database);
    return database;
  });
  return holder.__tierwiseDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
