import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { locale, staffRole, staffRoles, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import { env } from "@/lib/env";
import { issueUserToken } from "@/server/security/tokens";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { StaffActor } from "../actor";
import { STAFF_INVITE_TTL_MS } from "../accounts/service";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";

const staffRoleSchema = z.enum(staffRole.enumValues);

export const listStaffInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100).optional(),
  role: staffRoleSchema.optional(),
  sort: z.enum(["name", "email", "role", "createdAt"]).default("name"),
  sortDir: z.enum(["asc", "desc"]).default("asc"),
});

export async function listStaff(db: Db, input: z.infer<typeof listStaffInput>) {
  const where = and(
    eq(users.kind, "staff"),
    input.role ? eq(staffRoles.role, input.role) : undefined,
    input.search
      ? or(ilike(users.name, containsPattern(input.search)), ilike(users.email, containsPattern(input.search)))
      : undefined,
  );
  const column = { name: users.name, email: users.email, role: staffRoles.role, createdAt: users.createdAt }[
    input.sort
  ];
  const order = input.sortDir === "asc" ? asc(column) : desc(column);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: staffRoles.role,
        createdAt: users.createdAt,
        deactivatedAt: users.deactivatedAt,
        hasSignedIn: sql<boolean>`${users.emailVerified} is not null`,
      })
      .from(users)
      .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
      .where(where)
      .orderBy(order, asc(users.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(users).innerJoin(staffRoles, eq(staffRoles.userId, users.id)).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

export const inviteStaffInput = z.object({
  name: z.string().trim().min(2).max(120),
  email: z
    .email()
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  role: staffRoleSchema,
  locale: z.enum(locale.enumValues).default("en"),
});

/** Creates a staff user and emails a link to set a password (valid 7 days). */
export async function inviteStaff(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof inviteStaffInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new ConflictError("staff.emailTaken", "email");
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, kind: "staff", locale: input.locale, createdAt: clock.now() })
      .returning();
    await tx.insert(staffRoles).values({ userId: user!.id, role: input.role, updatedAt: clock.now() });
    const token = await issueUserToken(tx, user!.id, "staff_invite", STAFF_INVITE_TTL_MS, clock);
    await enqueueEmail(
      tx,
      {
        to: user!.email,
        locale: input.locale,
        template: "staffInvite",
        params: { url: `${env().APP_URL}/welcome/${token}`, name: user!.name, inviter: actor.name, role: input.role },
      },
      clock,
    );
    await audit(
      tx,
      actor,
      { action: "staff.invited", entityType: "user", entityId: user!.id, after: { ...user!, role: input.role } },
      clock.now(),
    );
    return { id: user!.id };
  });
}

export const changeStaffRoleInput = z.object({ userId: z.uuid(), role: staffRoleSchema });

/** Changes a staff member's role; the program always keeps at least one active admin. */
export async function changeStaffRole(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof changeStaffRoleInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(staffRoles).where(eq(staffRoles.userId, input.userId)).for("update");
    if (!current) throw new NotFoundError("staff.notFound", "userId");
    if (current.role === input.role) return current;
    if (current.role === "admin") await assertAnotherAdmin(tx, input.userId);
    const [after] = await tx
      .update(staffRoles)
      .set({ role: input.role, updatedAt: clock.now() })
      .where(eq(staffRoles.userId, input.userId))
      .returning();
    await audit(
      tx,
      actor,
      { action: "staff.roleChanged", entityType: "user", entityId: input.userId, before: current, after },
      clock.now(),
    );
    return after!;
  });
}

export const setStaffActiveInput = z.object({ userId: z.uuid(), active: z.boolean() });

export async function setStaffActive(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof setStaffActiveInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    if (input.userId === actor.userId && !input.active) throw new InvalidError("staff.cannotDeactivateSelf", "userId");
    const [before] = await tx
      .select({ id: users.id, deactivatedAt: users.deactivatedAt, role: staffRoles.role })
      .from(users)
      .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
      .where(eq(users.id, input.userId))
      .for("update", { of: users });
    if (!before) throw new NotFoundError("staff.notFound", "userId");
    if (!input.active && before.role === "admin") await assertAnotherAdmin(tx, input.userId);
    const [after] = await tx
      .update(users)
      .set({ deactivatedAt: input.active ? null : clock.now() })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, deactivatedAt: users.deactivatedAt });
    await audit(
      tx,
      actor,
      {
        action: input.active ? "staff.reactivated" : "staff.deactivated",
        entityType: "user",
        entityId: input.userId,
        before,
        after,
      },
      clock.now(),
    );
    return after!;
  });
}

async function assertAnotherAdmin(tx: Db, exceptUserId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.role, "admin"), sql`${users.id} <> ${exceptUserId}`, sql`${users.deactivatedAt} is null`));
  if ((row?.n ?? 0) === 0) throw new ConflictError("staff.lastAdmin", "role");
}
