import type { PGlite } from "@electric-sql/pglite";
import { PgBoss, fromPglite } from "pg-boss";

export type JobTarget = { kind: "embedded"; pglite: PGlite } | { kind: "server"; url: string };

/** pg-boss on the app's own database: PGlite backend when embedded, else a pool of its own. */
export function createBoss(target: JobTarget, options: { supervise: boolean; schedule: boolean }): PgBoss {
  const common = { supervise: options.supervise, schedule: options.schedule, migrate: true, createSchema: true };
  const boss =
    target.kind === "embedded"
      ? new PgBoss({ ...common, db: fromPglite(target.pglite), backend: "pglite" })
      : new PgBoss({ ...common, connectionString: target.url, max: 4 });
  boss.on("error", (error: unknown) => console.error("[jobs]", error));
  return boss;
}
