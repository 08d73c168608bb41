import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { plainTextField } from "@/lib/text";
import { partnerInvitations, partnerMemberships, partners, passwordCredentials, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { DAY } from "@/lib/clock";
import { env } from "@/lib/env";
import { hashPassword } from "@/server/security/password";
import { sha256 } from "@/server/security/tokens";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { Locale } from "@/i18n/config";
import type { Actor, PartnerRole } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { recordTermsAcceptance } from "./terms";

export const INVITATION_TTL_MS = 7 * DAY;

export type InvitationState = "valid" | "expired" | "accepted" | "revoked" | "unknown";
type Invitation = typeof partnerInvitations.$inferSelect;

function stateOf(invitation: Invitation | undefined, now: Date): InvitationState {
  if (!invitation) return "unknown";
  if (invitation.revokedAt) return "revoked";
  if (invitation.acceptedAt) return "accepted";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

export interface IssueInvitationInput {
  partnerId: string;
  email: string;
  name: string | null;
  role: PartnerRole;
  locale: Locale;
}

/** Issues an invitation (joining the caller's transaction) and emails its single-use link. */
export async function issueInvitation(ctx: ServiceCtx<Actor>, input: IssueInvitationInput): Promise<Invitation> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const token = randomBytes(32).toString("base64url");
    const [invitation] = await tx
      .insert(partnerInvitations)
      .values({
        partnerId: input.partnerId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        expiresAt: new Date(clock.now().getTime() + INVITATION_TTL_MS),
        createdAt: clock.now(),
      })
      .returning();
    const [partner] = await tx.select({ name: partners.name }).from(partners).where(eq(partners.id, input.partnerId));
    await enqueueEmail(
      tx,
      {
        to: input.email,
        locale: input.locale,
        template: "partnerInvite",
        params: {
          url: `${env().APP_URL}/invite/${token}`,
          company: partner!.name,
          name: input.name ?? "",
          inviter: actor.name,
        },
      },
      clock,
    );
    await audit(
      tx,
      actor,
      {
        action: "invitation.sent",
        entityType: "partner",
        entityId: input.partnerId,
        after: { email: input.email, role: input.role, invitationId: invitation!.id },
      },
      clock.now(),
    );
    return invitation!;
  });
}

/** What the invitation page shows before the person acts. */
export async function inspectInvitation(ctx: ServiceCtx, token: string) {
  const { db, clock } = ctx;
  const [row] = await db
    .select({ invitation: partnerInvitations, partnerName: partners.name, partnerStatus: partners.status })
    .from(partnerInvitations)
    .innerJoin(partners, eq(partners.id, partnerInvitations.partnerId))
    .where(eq(partnerInvitations.tokenHash, sha256(token)));
  const state = stateOf(row?.invitation, clock.now());
  if (!row || state !== "valid") return { state, email: null, name: null, company: null, hasPassword: false };
  const [existing] = await db
    .select({ id: users.id, hash: passwordCredentials.hash })
    .from(users)
    .leftJoin(passwordCredentials, eq(passwordCredentials.userId, users.id))
    .where(eq(users.email, row.invitation.email));
  return {
    state,
    email: row.invitation.email,
    name: row.invitation.name,
    company: row.partnerName,
    hasPassword: Boolean(existing?.hash),
  };
}

export const acceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  name: plainTextField({ min: 2, max: 120 }),
  /** Absent when the person continues with an emailed sign-in link instead. */
  password: z.string().min(10).max(200).optional(),
  termsId: z.uuid(),
  acceptTerms: z.literal(true, { message: "terms.mustAccept" }),
});

/**
 * Joins the organization: creates (or completes) the user, their membership and the terms
 * acceptance in one transaction. The link works once; two clicks cannot both succeed. A public
 * flow: the caller is anonymous (the system acts for them), and the audit names the new member.
 */
export async function acceptInvitation(
  ctx: ServiceCtx,
  input: z.infer<typeof acceptInvitationInput> & { ip: string; locale?: string },
) {
  const { clock } = ctx;
  return withTransaction(ctx, async (tx, inner) => {
    const [invitation] = await tx
      .select()
      .from(partnerInvitations)
      .where(eq(partnerInvitations.tokenHash, sha256(input.token)))
      .for("update");
    const state = stateOf(invitation, clock.now());
    if (state !== "valid") throw new InvalidError(`invitation.${state}`, "token");
    const [existing] = await tx.select().from(users).where(eq(users.email, invitation!.email));
    let userId: string;
    if (existing) {
      const [membership] = await tx.select().from(partnerMemberships).where(eq(partnerMemberships.userId, existing.id));
      if (existing.kind !== "partner" || (membership && membership.partnerId !== invitation!.partnerId)) {
        throw new ConflictError("invitation.emailInOtherOrganization", "token");
      }
      userId = existing.id;
      await tx
        .update(users)
        .set({ name: input.name, emailVerified: clock.now(), deactivatedAt: null })
        .where(eq(users.id, userId));
      if (!membership)
        await tx
          .insert(partnerMemberships)
          .values({ userId, partnerId: invitation!.partnerId, role: invitation!.role, createdAt: clock.now() });
    } else {
      const [created] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: invitation!.email,
          kind: "partner",
          emailVerified: clock.now(),
          createdAt: clock.now(),
        })
        .returning();
      userId = created!.id;
      await tx
        .insert(partnerMemberships)
        .values({ userId, partnerId: invitation!.partnerId, role: invitation!.role, createdAt: clock.now() });
    }
    if (input.password) {
      const hash = await hashPassword(input.password);
      await tx
        .insert(passwordCredentials)
        .values({ userId, hash, updatedAt: clock.now() })
        .onConflictDoUpdate({ target: passwordCredentials.userId, set: { hash, updatedAt: clock.now() } });
    }
    // Accepted in the language the invitee read them in (their own when the version has it).
    await recordTermsAcceptance(inner, { userId, termsId: input.termsId, ip: input.ip, locale: input.locale });
    await tx
      .update(partnerInvitations)
      .set({ acceptedAt: clock.now() })
      .where(eq(partnerInvitations.id, invitation!.id));
    await audit(
      tx,
      { kind: "partner", userId },
      {
        action: "invitation.accepted",
        entityType: "partner",
        entityId: invitation!.partnerId,
        after: { userId, role: invitation!.role },
      },
      clock.now(),
    );
    return { userId, email: invitation!.email, partnerId: invitation!.partnerId };
  });
}

/** Invitations still waiting, for one organization. */
export async function pendingInvitations(ctx: ServiceCtx, partnerId: string) {
  const { db, clock } = ctx;
  const rows = await db
    .select({
      id: partnerInvitations.id,
      email: partnerInvitations.email,
      name: partnerInvitations.name,
      role: partnerInvitations.role,
      expiresAt: partnerInvitations.expiresAt,
      createdAt: partnerInvitations.createdAt,
    })
    .from(partnerInvitations)
    .where(
      and(
        eq(partnerInvitations.partnerId, partnerId),
        isNull(partnerInvitations.acceptedAt),
        isNull(partnerInvitations.revokedAt),
      ),
    )
    .orderBy(partnerInvitations.createdAt);
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= clock.now() }));
}

async function lockInvitation(tx: Db, partnerId: string, invitationId: string) {
  const [invitation] = await tx
    .select()
    .from(partnerInvitations)
    .where(and(eq(partnerInvitations.id, invitationId), eq(partnerInvitations.partnerId, partnerId)))
    .for("update");
  // Another organization's invitation looks exactly like one that does not exist.
  if (!invitation) throw new NotFoundError("invitation.notFound", "invitationId");
  if (invitation.acceptedAt) throw new ConflictError("invitation.accepted", "invitationId");
  return invitation;
}

/** One open invitation of one organization (another organization's is "not found"). */
export interface InvitationRef {
  partnerId: string;
  invitationId: string;
}

/** Revokes the old link and sends a fresh one (a new 7 days), in `locale`. */
export async function resendInvitation(ctx: ServiceCtx<Actor>, input: InvitationRef & { locale: Locale }) {
  const { clock } = ctx;
  const { partnerId, invitationId, locale } = input;
  return withTransaction(ctx, async (tx, inner) => {
    const invitation = await lockInvitation(tx, partnerId, invitationId);
    await tx.update(partnerInvitations).set({ revokedAt: clock.now() }).where(eq(partnerInvitations.id, invitation.id));
    return issueInvitation(inner, {
      partnerId,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      locale,
    });
  });
}

export async function revokeInvitation(ctx: ServiceCtx<Actor>, input: InvitationRef) {
  const { actor, clock } = ctx;
  const { partnerId, invitationId } = input;
  await withTransaction(ctx, async (tx) => {
    const invitation = await lockInvitation(tx, partnerId, invitationId);
    if (invitation.revokedAt) return;
    await tx.update(partnerInvitations).set({ revokedAt: clock.now() }).where(eq(partnerInvitations.id, invitation.id));
    await audit(
      tx,
      actor,
      {
        action: "invitation.revoked",
        entityType: "partner",
        entityId: partnerId,
        before: { invitationId, email: invitation.email },
      },
      clock.now(),
    );
  });
}
