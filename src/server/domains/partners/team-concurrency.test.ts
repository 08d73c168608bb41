import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { partnerMemberships, users } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import type { PartnerActor } from "../actor";
import { DomainError } from "../errors";
import { changeMemberRole, removeMember } from "./team";

/**
 * Two owners of one organization acting on each other at the same moment, on PostgreSQL
 * (TEST_DATABASE_URL, as in CI), each on its own connection under READ COMMITTED. The race is
 * made deterministic: the first change runs inside a transaction the test holds open (its locks
 * and its uncommitted write stay), the second starts while it is open, and the first commits only
 * once the second has either finished or is waiting on a lock. The embedded database has one
 * connection, so the two could never overlap there: these cases run on PostgreSQL only.
 */
const { database, db, partnerOwner, actorByEmail, ctxOf } = await setupProgram();
const onServer = database.kind === "server";
const observer = onServer && database.url ? postgres(database.url, { max: 1, onnotice: () => {} }) : null;
afterAll(() => observer?.end());

const olivia = partnerOwner;
const jamesId = (await actorByEmail("james@northwind.demo")).userId;

async function ownersOf(partnerId: string) {
  const rows = await db
    .select({ userId: partnerMemberships.userId })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(and(eq(partnerMemberships.partnerId, partnerId), eq(partnerMemberships.role, "owner")));
  return rows.map((r) => r.userId);
}

/** Sessions of this test's database waiting for a lock another transaction holds. */
async function waitingOnLocks(): Promise<number> {
  const [row] = await observer!<
    { n: number }[]
  >`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
  return row?.n ?? 0;
}

/**
 * Runs `first` in a transaction held open after it has done its work, starts `second` meanwhile,
 * and lets the first commit once the second has finished or is blocked behind it.
 */
async function race(first: (tx: typeof db) => Promise<unknown>, second: () => Promise<unknown>) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let done!: () => void;
  const firstDidItsWork = new Promise<void>((resolve) => (done = resolve));
  const firstTx = db.transaction(async (tx) => {
    await first(tx);
    done();
    await held;
  });
  await firstDidItsWork;
  let secondSettled = false;
  const secondRun = second().finally(() => (secondSettled = true));
  for (let i = 0; i < 500 && !secondSettled && (await waitingOnLocks()) === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  release();
  const [a, b] = await Promise.allSettled([firstTx, secondRun]);
  return [a, b].map((r) =>
    r.status === "fulfilled" ? "done" : r.reason instanceof DomainError ? r.reason.code : r.reason,
  );
}

async function promoteJames(): Promise<PartnerActor> {
  const members = await ownersOf(olivia.partnerId);
  if (!members.includes(jamesId)) await changeMemberRole(ctxOf(olivia), { userId: jamesId, role: "owner" });
  if (!(await ownersOf(olivia.partnerId)).includes(olivia.userId))
    await changeMemberRole(ctxOf({ ...olivia, userId: jamesId }), { userId: olivia.userId, role: "owner" });
  return (await actorByEmail("james@northwind.demo")) as PartnerActor;
}

describe.skipIf(!onServer)("two owners acting on each other at once", () => {
  it("demoting each other: the second waits for the first, sees it, and is refused; one owner stays", async () => {
    for (let round = 0; round < 3; round++) {
      const james = await promoteJames();
      expect((await ownersOf(olivia.partnerId)).sort()).toEqual([olivia.userId, james.userId].sort());
      const outcome = await race(
        (tx) => changeMemberRole({ ...ctxOf(olivia), db: tx }, { userId: james.userId, role: "member" }),
        () => changeMemberRole(ctxOf(james), { userId: olivia.userId, role: "member" }),
      );
      expect(outcome, `round ${round}`).toEqual(["done", "team.lastOwner"]);
      expect(await ownersOf(olivia.partnerId), `round ${round}`).toEqual([olivia.userId]);
    }
  });

  it("one removing the other while being demoted by them: one owner stays", async () => {
    const james = await promoteJames();
    const outcome = await race(
      (tx) => changeMemberRole({ ...ctxOf(james), db: tx }, { userId: olivia.userId, role: "member" }),
      () => removeMember(ctxOf(olivia), { userId: james.userId }),
    );
    expect(outcome).toEqual(["done", "team.lastOwner"]);
    expect(await ownersOf(olivia.partnerId)).toEqual([james.userId]);
  });
});
