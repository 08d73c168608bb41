import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { createTestDatabase } from "@/server/testing/db";
import { SYSTEM } from "./actor";
import { isTransaction, withTransaction, type ServiceCtx } from "./context";

const database = await createTestDatabase();
afterAll(() => database.close());
const ctx: ServiceCtx = { db: database.db, actor: SYSTEM, clock: fixedClock("2026-11-01T09:00:00Z") };

async function currentTxid(db: ServiceCtx["db"]): Promise<string> {
  const result = (await db.execute(sql`select txid_current()::text as id`)) as unknown as
    { id: string }[] | { rows: { id: string }[] };
  return (Array.isArray(result) ? result : result.rows)[0]!.id;
}

describe("withTransaction", () => {
  it("opens a transaction when the context holds none", async () => {
    expect(isTransaction(ctx.db)).toBe(false);
    await withTransaction(ctx, async (tx, inner) => {
      expect(isTransaction(tx)).toBe(true);
      expect(inner.db).toBe(tx);
      expect(inner.actor).toBe(ctx.actor);
    });
  });

  it("joins the outer transaction instead of opening a second one", async () => {
    await withTransaction(ctx, async (outer, outerCtx) => {
      const outerId = await currentTxid(outer);
      await withTransaction(outerCtx, async (inner) => {
        expect(inner).toBe(outer);
        expect(await currentTxid(inner)).toBe(outerId);
      });
    });
  });

  it("rolls the joined work back with the outer transaction", async () => {
    await database.db.execute(sql`create table if not exists ctx_probe (n int)`);
    await expect(
      withTransaction(ctx, async (_tx, outerCtx) => {
        await withTransaction(outerCtx, (inner) => inner.execute(sql`insert into ctx_probe values (1)`));
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    const result = (await database.db.execute(sql`select count(*)::int as n from ctx_probe`)) as unknown as
      { n: number }[] | { rows: { n: number }[] };
    expect((Array.isArray(result) ? result : result.rows)[0]!.n).toBe(0);
  });
});
