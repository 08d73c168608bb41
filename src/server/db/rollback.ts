import type { Db } from "./types";

class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rolled back on purpose");
  }
}

/**
 * Runs `work` in a transaction and throws it away, returning what the work returned: to see what
 * a write would do (tests, query plans) without keeping it. Real errors still propagate.
 */
export async function rolledBack<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await work(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
  throw new Error("unreachable: the transaction always rolls back");
}
