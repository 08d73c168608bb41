import { sql } from "drizzle-orm";
import { bigint, char, customType, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The column shapes every schema file repeats, written once (see ARCHITECTURE: IDs, Money, Time).
 * Each helper returns a fresh builder, so no two tables share a column instance; chain `.notNull()`,
 * `.default…()` and `.references()` on it as on the plain builder. They produce exactly the SQL the
 * hand-written columns did: changing one here changes every table, and needs a migration.
 */

/** The primary key: a UUID the database generates. */
export function id() {
  return uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`);
}

/** A point in time: `timestamptz`, read and written as a `Date` (UTC in storage). */
export function timestamptz<TName extends string>(name: TName) {
  return timestamp(name, { withTimezone: true, mode: "date" });
}

/** When the row was written. */
export function createdAt() {
  return timestamptz("created_at").notNull().defaultNow();
}

/** When the row last changed (set by the code that changes it). */
export function updatedAt() {
  return timestamptz("updated_at").notNull().defaultNow();
}

/** `created_at` and `updated_at`, for tables that keep both: spread into the columns. */
export function timestamps() {
  return { createdAt: createdAt(), updatedAt: updatedAt() };
}

/**
 * An amount in minor units (cents; whole points on the points ledger), as a `bigint` read as a
 * JavaScript `bigint`, never a float. Pair it with a `currencyCode` column (or the ledger's asset).
 */
export function money<TName extends string>(name: TName) {
  return bigint(name, { mode: "bigint" });
}

/** An ISO 4217 currency code ("USD"): `char(3)`. */
export function currencyCode<TName extends string>(name: TName) {
  return char(name, { length: 3 });
}

/** Raw bytes (uploaded logos and documents), as Uint8Array on both drivers. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
