import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;
/** A database handle or a transaction: both drivers (PGlite, postgres-js) fit. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
