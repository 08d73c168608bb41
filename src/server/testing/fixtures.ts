import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { fixedClock } from "@/lib/clock";
import { loadActor } from "@/server/auth/actor";
import { seedDemo } from "@/server/scripts/seed/demo";
import { users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor, StaffActor } from "@/server/domains/actor";
import { createTestDatabase } from "./db";

/** A fresh database with the demo program, the actors tests need, and a clock they move. */
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
  };
}
