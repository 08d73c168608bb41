import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { fixedClock, type Clock } from "@/lib/clock";
import { loadActor } from "@/server/auth/actor";
import { seedDemo } from "@/server/scripts/seed/demo";
import { users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor, StaffActor } from "@/server/domains/actor";
import type { AnyActor, ServiceCtx } from "@/server/domains/context";
import { createTestDatabase } from "./db";

/**
 * A fresh database with the demo program, the actors tests need, a clock they move, and
 * `ctxOf(actor, at?)`: the service context of an actor on this database, at the program's clock
 * unless another is given.
 */
export async function setupProgram() {
  const database = await createTestDatabase();
  afterAll(() => database.close());
  const clock = fixedClock("2026-11-01T09:00:00Z");
  await seedDemo(database.db, clock);
  const actorByEmail = async (email: string) => {
    const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const actor = row ? await loadActor(database.db, row.id) : null;
    if (!actor) throw new Error(`no demo user ${email}`);
    return actor;
  };
  const ctxOf = <A extends AnyActor>(actor: A, at: Clock = clock): ServiceCtx<A> => ({
    db: database.db as Db,
    actor,
    clock: at,
  });
  return {
    database,
    db: database.db as Db,
    clock,
    admin: (await actorByEmail("admin@tierwise.demo")) as StaffActor,
    manager: (await actorByEmail("manager@tierwise.demo")) as StaffActor,
    finance: (await actorByEmail("finance@tierwise.demo")) as StaffActor,
    partnerOwner: (await actorByEmail("olivia@northwind.demo")) as PartnerActor,
    partnerMember: (await actorByEmail("james@northwind.demo")) as PartnerActor,
    otherPartnerOwner: (await actorByEmail("lena@cobalt.demo")) as PartnerActor,
    actorByEmail,
    ctxOf,
  };
}
