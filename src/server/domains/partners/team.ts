import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { plainTextField } from "@/lib/text";
import { partnerInvitations, partnerMemberships, partnerRole, partners, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { issueInvitation, pendingInvitations, resendInvitation, revokeInvitation } from "./invitations";

/** The caller's own organization: its members, and (for owners) the invitations still open. */
export async function listTeam(ctx: ServiceCtx<PartnerActor>) {
  const { db, actor } = ctx;
  const members = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: partnerMemberships.role,
      joinedAt: partnerMemberships.createdAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(eq(partnerMemberships.partnerId, actor.partnerId))
    .orderBy(asc(users.name));
  const invitations = actor.partnerRole === "owner" ? await pendingInvitations(ctx, actor.partnerId) : [];
  return { members, invitations };
}

export const inviteMemberInput = z.object({
  email: z
    .email()
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  name: plainTextField({ min: 2, max: 120 }).optional(),
  role: z.enum(partnerRole.enumValues),
});

export async function inviteMember(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof inviteMemberInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx, inner) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (user) throw new ConflictError("team.emailTaken", "email");
    const [open] = await tx
      .select({ id: partnerInvitations.id })
      .from(partnerInvitations)
      .where(
        and(
          eq(partnerInvitations.partnerId, actor.partnerId),
          eq(partnerInvitations.email, input.email),
          isNull(partnerInvitations.acceptedAt),
          isNull(partnerInvitations.revokedAt),
          sql`${partnerInvitations.expiresAt} > ${clock.now().toISOString()}::timestamptz`,
        ),
      );
    if (open) throw new ConflictError("team.alreadyInvited", "email");
    const invitation = await issueInvitation(inner, {
      partnerId: actor.partnerId,
      email: input.email,
      name: input.name ?? null,
      role: input.role,
      locale: actor.locale ?? "en",
    });
    return { id: invitation.id };
  });
}

export const invitationIdInput = z.object({ invitationId: z.uuid() });

export function resendMemberInvitation(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof invitationIdInput>) {
  const { actor } = ctx;
  return resendInvitation(ctx, {
    partnerId: actor.partnerId,
    invitationId: input.invitationId,
    locale: actor.locale ?? "en",
  }).then((i) => ({ id: i.id }));
}

export function revokeMemberInvitation(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof invitationIdInput>) {
  return revokeInvitation(ctx, { partnerId: ctx.actor.partnerId, invitationId: input.invitationId });
}

export const changeMemberRoleInput = z.object({ userId: z.uuid(), role: z.enum(partnerRole.enumValues) });

export async function changeMemberRole(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof changeMemberRoleInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    await lockOrganization(tx, actor.partnerId);
    const membership = await lockMember(tx, actor.partnerId, input.userId);
    if (membership.role === input.role) return membership;
    if (membership.role === "owner") await assertAnotherOwner(tx, actor.partnerId, input.userId);
    const [after] = await tx
      .update(partnerMemberships)
      .set({ role: input.role })
      .where(eq(partnerMemberships.userId, input.userId))
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "team.roleChanged",
        entityType: "user",
        entityId: input.userId,
        before: { role: membership.role },
        after: { role: input.role },
      },
      clock.now(),
    );
    return after!;
  });
}

export const removeMemberInput = z.object({ userId: z.uuid() });

/** Removes a colleague from the organization (their account is closed); never the last owner. */
export async function removeMember(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof removeMemberInput>) {
  const { actor, clock } = ctx;
  await withTransaction(ctx, async (tx) => {
    await lockOrganization(tx, actor.partnerId);
    const membership = await lockMember(tx, actor.partnerId, input.userId);
    if (membership.role === "owner") await assertAnotherOwner(tx, actor.partnerId, input.userId);
    if (input.userId === actor.userId) throw new InvalidError("team.cannotRemoveSelf", "userId");
    await tx.delete(partnerMemberships).where(eq(partnerMemberships.userId, input.userId));
    await tx.update(users).set({ deactivatedAt: clock.now() }).where(eq(users.id, input.userId));
    await audit(
      tx,
      actor,
      { action: "team.memberRemoved", entityType: "user", entityId: input.userId, before: membership },
      clock.now(),
    );
  });
}

/**
 * Serializes every change that can take an owner away (a demotion, a removal) within one
 * organization, by locking its partner row first. Without it, two owners demoting each other at
 * once each lock only the other's membership, each count the other as an owner still (neither
 * change is committed yet), and both commit: write skew, and no owner left. Locking the owner
 * memberships themselves instead would not do: each transaction already holds its target's row,
 * so each would wait for the other's (a deadlock, which PostgreSQL ends by failing one with an
 * error instead of an answer). With the partner row taken first, the second transaction waits
 * until the first commits; under READ COMMITTED its next statement (the owner count) reads a
 * fresh snapshot that includes the first change, so it is refused with team.lastOwner.
 * NO KEY UPDATE is the strength lead registration takes on the same row; it leaves foreign-key
 * checks (rows referencing the partner) unblocked.
 */
async function lockOrganization(tx: Db, partnerId: string) {
  await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).for("no key update");
}

async function lockMember(tx: Db, partnerId: string, userId: string) {
  const [membership] = await tx
    .select()
    .from(partnerMemberships)
    .where(and(eq(partnerMemberships.userId, userId), eq(partnerMemberships.partnerId, partnerId)))
    .for("update");
  // Someone in another organization is reported exactly like someone who does not exist.
  if (!membership) throw new NotFoundError("team.memberNotFound", "userId");
  return membership;
}

async function assertAnotherOwner(tx: Db, partnerId: string, exceptUserId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(
      and(
        eq(partnerMemberships.partnerId, partnerId),
        eq(partnerMemberships.role, "owner"),
        sql`${users.id} <> ${exceptUserId}`,
        isNull(users.deactivatedAt),
      ),
    );
  if ((row?.n ?? 0) === 0) throw new ConflictError("team.lastOwner", "userId");
}
