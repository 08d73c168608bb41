import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/postgres-js";
import { migrate as migratePg } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { installJobSchema } from "@/server/jobs/install";

const MIGRATIONS = path.join(process.cwd(), "drizzle");

export interface TestTemplate {
  kind: "embedded" | "server";
  /** PGlite: a dumped data directory; server: the template database name. */
  location: string;
  runId: string;
}

/** Builds the migrated template every test file copies: once per `vitest run`. */
export async function buildTemplate(): Promise<TestTemplate> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tierwise_tpl_${runId}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const templateUrl = withDatabase(url, name);
    const client = postgres(templateUrl, { max: 1, onnotice: () => {} });
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS });
      await installJobSchema({ kind: "server", url: templateUrl });
    } finally {
      await client.end();
    }
    return { kind: "server", location: name, runId };
  }
  const pglite = await PGlite.create();
  await migratePglite(drizzlePglite(pglite), { migrationsFolder: MIGRATIONS });
  await installJobSchema({ kind: "embedded", pglite });
  const dump = await pglite.dumpDataDir("none");
  const file = path.join(os.tmpdir(), `tierwise-template-${runId}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  return { kind: "embedded", location: file, runId };
}

export async function dropTemplate(template: TestTemplate): Promise<void> {
  if (template.kind === "embedded") {
    fs.rmSync(template.location, { force: true });
    return;
  }
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`tierwise_%${template.runId}%`}`;
    for (const { datname } of rows) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
