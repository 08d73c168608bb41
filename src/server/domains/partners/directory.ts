import { and, asc, count, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { plainTextField } from "@/lib/text";
import {
  partnerInvitations,
  partnerLogos,
  partnerMemberships,
  partnerNotes,
  partners,
  partnerStatus,
  partnerStatusEvents,
  partnerType,
  staffRoles,
  tiers,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import { normalizeDomain } from "@/lib/domain-name";
import { toCsv } from "@/lib/csv";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";

export const directoryFilters = z.object({
  search: z.string().trim().max(100).optional(),
  type: z.enum(partnerType.enumValues).optional(),
  tierId: z.uuid().optional(),
  status: z.enum(partnerStatus.enumValues).optional(),
  managerId: z.uuid().optional(),
  sort: z.enum(["name", "createdAt", "tier", "status"]).default("name"),
  sortDir: z.enum(["asc", "desc"]).default("asc"),
});
export const listPartnersInput = directoryFilters.extend({ page: pageInput.page, pageSize: pageInput.pageSize });

function whereOf(input: z.infer<typeof directoryFilters>) {
  return and(
    input.search
      ? or(ilike(partners.name, containsPattern(input.search)), ilike(partners.domain, containsPattern(input.search)))
      : undefined,
    input.type ? eq(partners.type, input.type) : undefined,
    input.tierId ? eq(partners.tierId, input.tierId) : undefined,
    input.status ? eq(partners.status, input.status) : undefined,
    input.managerId ? eq(partners.managerId, input.managerId) : undefined,
  );
}

function directoryQuery(db: Db, input: z.infer<typeof directoryFilters>) {
  const column = { name: partners.name, createdAt: partners.createdAt, tier: tiers.rank, status: partners.status }[
    input.sort
  ];
  return db
    .select({
      id: partners.id,
      name: partners.name,
      domain: partners.domain,
      country: partners.country,
      type: partners.type,
      status: partners.status,
      tierKey: tiers.key,
      tierName: tiers.name,
      managerId: partners.managerId,
      managerName: users.name,
      createdAt: partners.createdAt,
      userCount: sql<number>`(select count(*)::int from ${partnerMemberships} where ${partnerMemberships.partnerId} = ${partners.id})`,
    })
    .from(partners)
    .innerJoin(tiers, eq(tiers.id, partners.tierId))
    .leftJoin(users, eq(users.id, partners.managerId))
    .where(whereOf(input))
    .orderBy(input.sortDir === "asc" ? asc(column) : desc(column), asc(partners.id));
}

export async function listPartners(db: Db, input: z.infer<typeof listPartnersInput>) {
  const [rows, [total]] = await Promise.all([
    directoryQuery(db, input).limit(input.pageSize).offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(partners).where(whereOf(input)),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

/** The filtered directory as CSV (every matching row, not just one page). */
export async function exportPartnersCsv(
  db: Db,
  input: z.infer<typeof directoryFilters>,
  headers: string[],
): Promise<string> {
  const rows = await directoryQuery(db, input);
  return toCsv(
    headers,
    rows.map((r) => [
      r.name,
      r.domain,
      r.country,
      r.type,
      r.status,
      r.tierName,
      r.managerName,
      r.userCount,
      r.createdAt,
    ]),
  );
}

/** Everything the staff detail page shows about one partner. */
export async function partnerDetail(db: Db, partnerId: string) {
  const [partner] = await db
    .select({
      partner: partners,
      tierKey: tiers.key,
      tierName: tiers.name,
      managerName: users.name,
      hasLogo: sql<boolean>`exists(select 1 from ${partnerLogos} where ${partnerLogos.partnerId} = ${partners.id})`,
    })
    .from(partners)
    .innerJoin(tiers, eq(tiers.id, partners.tierId))
    .leftJoin(users, eq(users.id, partners.managerId))
    .where(eq(partners.id, partnerId));
  if (!partner) throw new NotFoundError("partner.notFound", "partnerId");
  const actor = sql`(select name from ${users} u where u.id = ${partnerStatusEvents.actorId})`;
  const noteAuthor = sql`(select name from ${users} u where u.id = ${partnerNotes.authorId})`;
  const [members, history, notes, invitations] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: partnerMemberships.role,
        joinedAt: partnerMemberships.createdAt,
        lastVerifiedAt: users.emailVerified,
      })
      .from(partnerMemberships)
      .innerJoin(users, eq(users.id, partnerMemberships.userId))
      .where(eq(partnerMemberships.partnerId, partnerId))
      .orderBy(asc(users.name)),
    db
      .select({
        id: partnerStatusEvents.id,
        fromStatus: partnerStatusEvents.fromStatus,
        toStatus: partnerStatusEvents.toStatus,
        reason: partnerStatusEvents.reason,
        at: partnerStatusEvents.at,
        actorName: sql<string | null>`${actor}`,
      })
      .from(partnerStatusEvents)
      .where(eq(partnerStatusEvents.partnerId, partnerId))
      .orderBy(desc(partnerStatusEvents.at)),
    db
      .select({
        id: partnerNotes.id,
        body: partnerNotes.body,
        createdAt: partnerNotes.createdAt,
        authorName: sql<string | null>`${noteAuthor}`,
      })
      .from(partnerNotes)
      .where(eq(partnerNotes.partnerId, partnerId))
      .orderBy(desc(partnerNotes.createdAt)),
    db
      .select({
        id: partnerInvitations.id,
        email: partnerInvitations.email,
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
      ),
  ]);
  return {
    ...partner.partner,
    tierKey: partner.tierKey,
    tierName: partner.tierName,
    managerName: partner.managerName,
    hasLogo: partner.hasLogo,
    members,
    history,
    notes,
    invitations,
  };
}

export const profileFields = {
  name: plainTextField({ min: 2, max: 120 }),
  website: plainTextField({ max: 200 }).refine((w) => w === "" || normalizeDomain(w) !== null, {
    message: "application.websiteInvalid",
  }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: "application.countryInvalid" }),
  contactEmail: z.union([z.literal(""), z.email().max(320)]),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()\-.]*$/, { message: "partner.phoneInvalid" }),
  address: z.string().trim().max(300),
};
export const updatePartnerProfileInput = z.object({ partnerId: z.uuid(), ...profileFields });
export type ProfileValues = Omit<z.infer<typeof updatePartnerProfileInput>, "partnerId">;

/** Writes profile fields; shared by staff edits and the owner's own settings. */
export async function writeProfile(tx: Db, partnerId: string, values: ProfileValues) {
  const [before] = await tx.select().from(partners).where(eq(partners.id, partnerId)).for("no key update");
  if (!before) throw new NotFoundError("partner.notFound", "partnerId");
  const [after] = await tx
    .update(partners)
    .set({
      name: values.name,
      website: values.website || null,
      domain: values.website ? normalizeDomain(values.website) : null,
      country: values.country,
      contactEmail: values.contactEmail ? values.contactEmail.toLowerCase() : null,
      phone: values.phone || null,
      address: values.address || null,
    })
    .where(eq(partners.id, partnerId))
    .returning();
  return { before, after: after! };
}

export async function updatePartnerProfile(
  ctx: ServiceCtx<StaffActor>,
  input: z.infer<typeof updatePartnerProfileInput>,
) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const { partnerId, ...values } = input;
    const { before, after } = await writeProfile(tx, partnerId, values);
    await audit(
      tx,
      actor,
      { action: "partner.profileUpdated", entityType: "partner", entityId: partnerId, before, after },
      clock.now(),
    );
    return after;
  });
}

export const assignManagerInput = z.object({ partnerId: z.uuid(), managerId: z.uuid().nullable() });

export async function assignManager(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof assignManagerInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, input.partnerId)).for("no key update");
    if (!before) throw new NotFoundError("partner.notFound", "partnerId");
    if (input.managerId) {
      const [manager] = await tx
        .select({ role: staffRoles.role })
        .from(staffRoles)
        .where(eq(staffRoles.userId, input.managerId));
      if (!manager || manager.role === "finance") throw new InvalidError("application.managerUnknown", "managerId");
    }
    await tx.update(partners).set({ managerId: input.managerId }).where(eq(partners.id, input.partnerId));
    await audit(
      tx,
      actor,
      {
        action: "partner.managerAssigned",
        entityType: "partner",
        entityId: input.partnerId,
        before: { managerId: before.managerId },
        after: { managerId: input.managerId },
      },
      clock.now(),
    );
  });
}

export const setPartnerStatusInput = z.object({
  partnerId: z.uuid(),
  status: z.enum(partnerStatus.enumValues).extract(["active", "suspended"]),
  reason: z.string().trim().min(5).max(1000),
});

/** Suspends or reactivates, recording the reason in the partner's status history. */
export async function setPartnerStatus(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof setPartnerStatusInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, input.partnerId)).for("no key update");
    if (!before) throw new NotFoundError("partner.notFound", "partnerId");
    if (before.status === input.status) throw new ConflictError(`partner.already.${input.status}`, "status");
    await tx.update(partners).set({ status: input.status }).where(eq(partners.id, input.partnerId));
    await tx.insert(partnerStatusEvents).values({
      partnerId: input.partnerId,
      fromStatus: before.status,
      toStatus: input.status,
      reason: input.reason,
      actorId: actor.userId,
      at: clock.now(),
    });
    await audit(
      tx,
      actor,
      {
        action: input.status === "suspended" ? "partner.suspended" : "partner.reactivated",
        entityType: "partner",
        entityId: input.partnerId,
        before: { status: before.status },
        after: { status: input.status, reason: input.reason },
      },
      clock.now(),
    );
  });
}

export const addNoteInput = z.object({ partnerId: z.uuid(), body: z.string().trim().min(1).max(5000) });

export async function addPartnerNote(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof addNoteInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId));
    if (!partner) throw new NotFoundError("partner.notFound", "partnerId");
    const [note] = await tx
      .insert(partnerNotes)
      .values({ partnerId: input.partnerId, authorId: actor.userId, body: input.body, createdAt: clock.now() })
      .returning();
    await audit(
      tx,
      actor,
      { action: "partner.noteAdded", entityType: "partner", entityId: input.partnerId, after: { noteId: note!.id } },
      clock.now(),
    );
    return note!;
  });
}

/** Staff who can manage partners, for the manager pickers. */
export async function partnerManagers(db: Db) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
    .where(and(sql`${staffRoles.role} in ('partner_manager', 'admin')`, isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
}

export async function tierOptions(db: Db) {
  return db.select({ id: tiers.id, key: tiers.key, name: tiers.name }).from(tiers).orderBy(asc(tiers.rank));
}
