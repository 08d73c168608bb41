/**
 * `npm run admin:create -- <email> "<name>"`: the first admin of a new install (no demo data).
 * Prints a one-time link to choose a password, valid 7 days; the same link is emailed.
 */
import { eq } from "drizzle-orm";
import { systemClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { issueUserToken } from "@/server/security/tokens";
import { STAFF_INVITE_TTL_MS } from "@/server/domains/accounts/service";
import { audit } from "@/server/domains/audit/service";
import { SYSTEM } from "@/server/domains/actor";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import { openDatabase, runMigrations } from "@/server/db/client";
import { staffRoles, users } from "@/server/db/schema";
import { isSeeded, seedProgram } from "@/server/scripts/seed/demo";

async function main() {
  const [rawEmail, ...nameParts] = process.argv.slice(2);
  const email = rawEmail?.trim().toLowerCase();
  const name = nameParts.join(" ").trim() || email?.split("@")[0];
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !name) {
    console.error('Usage: npm run admin:create -- <email> "<full name>"');
    process.exit(2);
  }
  const database = await openDatabase();
  try {
    await runMigrations(database);
    const clock = systemClock;
    const token = await database.db.transaction(async (tx) => {
      if (!(await isSeeded(tx))) await seedProgram(tx, clock);
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) throw new Error(`${email} already has an account.`);
      const [user] = await tx.insert(users).values({ name, email, kind: "staff", createdAt: clock.now() }).returning();
      await tx.insert(staffRoles).values({ userId: user!.id, role: "admin" });
      const raw = await issueUserToken(tx, user!.id, "staff_invite", STAFF_INVITE_TTL_MS, clock);
      const url = `${env().APP_URL}/welcome/${raw}`;
      await enqueueEmail(
        tx,
        { to: email, locale: "en", template: "staffInvite", params: { url, name, inviter: "Tierwise", role: "admin" } },
        clock,
      );
      await audit(
        tx,
        SYSTEM,
        { action: "staff.invited", entityType: "user", entityId: user!.id, after: { email, role: "admin" } },
        clock.now(),
      );
      return url;
    });
    console.log(`Admin ${email} created. Choose a password within 7 days at:\n  ${token}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
