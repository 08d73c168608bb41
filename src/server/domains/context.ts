import { PgTransaction } from "drizzle-orm/pg-core";
import type { Clock } from "@/lib/clock";
import type { Db } from "@/server/db/types";
import type { Actor, SystemActor } from "./actor";

/** A caller of the REST API, by the key it signed with (the API comes next; the shape is set now). */
export interface ApiKeyActor {
  kind: "api_key";
  userId: null;
  apiKeyId: string;
}

/** Everyone a service can act for: a signed-in partner or staff user, a job, or an API key. */
export type AnyActor = Actor | SystemActor | ApiKeyActor;

/**
 * What every service takes first: the database (or the transaction it is part of), who is
 * acting, and the clock ("now" is passed in, so tests move time).
 */
export interface ServiceCtx<A extends AnyActor = AnyActor> {
  db: Db;
  actor: A;
  clock: Clock;
}

/** True when `db` is already a transaction (work joins it rather than nesting a savepoint). */
export function isTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}

/**
 * Runs `work` in one transaction: the caller's, when the context already holds one (a service
 * called by another service joins it), else a new one. Everything a service writes, its audit
 * entry included, commits or rolls back together.
 */
export async function withTransaction<A extends AnyActor, T>(
  ctx: ServiceCtx<A>,
  work: (tx: Db, inner: ServiceCtx<A>) => Promise<T>,
): Promise<T> {
  if (isTransaction(ctx.db)) return work(ctx.db, ctx);
  return ctx.db.transaction((tx) => work(tx, { ...ctx, db: tx }));
}
