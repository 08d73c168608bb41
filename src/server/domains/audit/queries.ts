import { and, asc, count, desc, eq, gte, inArray, lt } from "drizzle-orm";
import { z } from "zod";
import { isUuid } from "@/lib/ids";
import {
  auditLog,
  bonusCampaigns,
  commissionAdjustments,
  commissionPlans,
  customers,
  emailOutbox,
  leads,
  partnerApplications,
  partners,
  payoutRuns,
  payouts,
  products,
  programTerms,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { offsetOf, pageInput, pageOf } from "../pagination";

export const listAuditInput = z.object({
  ...pageInput,
  actorId: z.uuid().optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
});

export async function listAudit(db: Db, input: z.infer<typeof listAuditInput>) {
  const where = and(
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.action ? eq(auditLog.action, input.action) : undefined,
    input.from ? gte(auditLog.at, input.from) : undefined,
    input.to ? lt(auditLog.at, input.to) : undefined,
  );
  const order = input.sortDir === "asc" ? [asc(auditLog.at), asc(auditLog.id)] : [desc(auditLog.at), desc(auditLog.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorKind: auditLog.actorKind,
        actorName: users.name,
        actorEmail: users.email,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const entities = await resolveEntities(db, rows);
  const withEntities = rows.map((row) => ({
    ...row,
    entity: entities.get(entityKey(row.entityType, row.entityId)) ?? null,
  }));
  return pageOf(withEntities, total?.n ?? 0, input.page, input.pageSize);
}

/**
 * What an audit row is about, for a person: its name and, where it has one, its page.
 * `name` is raw data (a payout run's is its cutoff day, yyyy-mm-dd; a terms version's its number),
 * the page words it. Null (no entry) when the record is gone or its kind has no name.
 */
export interface AuditEntity {
  name: string;
  href: string | null;
  /** For a payout run: its cutoff day; for terms: the version number; else absent. */
  kind?: "run" | "terms";
}

const entityKey = (type: string, id: string) => `${type}:${id}`;

type NameRow = { id: string; name: string; href: string | null; kind?: AuditEntity["kind"] };

/**
 * One lookup per entity type present on the page (never one per row): the ids of each type are
 * read together, in parallel across types. Ids that are not UUIDs (the program's settings row)
 * are left out so the uuid columns never see them.
 */
async function resolveEntities(db: Db, rows: { entityType: string; entityId: string }[]) {
  const idsByType = new Map<string, string[]>();
  for (const row of rows) {
    if (!isUuid(row.entityId)) continue;
    const ids = idsByType.get(row.entityType) ?? [];
    if (!ids.includes(row.entityId)) ids.push(row.entityId);
    idsByType.set(row.entityType, ids);
  }
  const lookups: Record<string, (ids: string[]) => Promise<NameRow[]>> = {
    partner: async (ids) =>
      (await db.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, ids))).map(
        (r) => ({ ...r, href: `/manage/partners/${r.id}` }),
      ),
    lead: async (ids) =>
      (await db.select({ id: leads.id, name: leads.companyName }).from(leads).where(inArray(leads.id, ids))).map(
        (r) => ({ ...r, href: `/manage/leads/${r.id}` }),
      ),
    // Staff and partner users alike: a name, no page of their own.
    user: async (ids) =>
      (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((r) => ({
        ...r,
        href: null,
      })),
    application: async (ids) =>
      (
        await db
          .select({ id: partnerApplications.id, name: partnerApplications.company })
          .from(partnerApplications)
          .where(inArray(partnerApplications.id, ids))
      ).map((r) => ({ ...r, href: `/manage/applications/${r.id}` })),
    payout_run: async (ids) =>
      (
        await db
          .select({ id: payoutRuns.id, name: payoutRuns.cutoff })
          .from(payoutRuns)
          .where(inArray(payoutRuns.id, ids))
      ).map((r) => ({ ...r, href: `/manage/payouts/${r.id}`, kind: "run" as const })),
    // A payout is named by its partner and opens the run it belongs to.
    payout: async (ids) =>
      (
        await db
          .select({ id: payouts.id, name: partners.name, runId: payouts.runId })
          .from(payouts)
          .innerJoin(partners, eq(partners.id, payouts.partnerId))
          .where(inArray(payouts.id, ids))
      ).map((r) => ({ id: r.id, name: r.name, href: `/manage/payouts/${r.runId}` })),
    // An adjustment is named by its partner and opens the partner's page.
    adjustment: async (ids) =>
      (
        await db
          .select({ id: commissionAdjustments.id, name: partners.name, partnerId: partners.id })
          .from(commissionAdjustments)
          .innerJoin(partners, eq(partners.id, commissionAdjustments.partnerId))
          .where(inArray(commissionAdjustments.id, ids))
      ).map((r) => ({ id: r.id, name: r.name, href: `/manage/partners/${r.partnerId}` })),
    customer: async (ids) =>
      (
        await db.select({ id: customers.id, name: customers.name }).from(customers).where(inArray(customers.id, ids))
      ).map((r) => ({ ...r, href: null })),
    product: async (ids) =>
      (await db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, ids))).map(
        (r) => ({ ...r, href: "/manage/products" }),
      ),
    plan: async (ids) =>
      (
        await db
          .select({ id: commissionPlans.id, name: commissionPlans.name })
          .from(commissionPlans)
          .where(inArray(commissionPlans.id, ids))
      ).map((r) => ({ ...r, href: "/manage/commissions/plans" })),
    campaign: async (ids) =>
      (
        await db
          .select({ id: bonusCampaigns.id, name: bonusCampaigns.name })
          .from(bonusCampaigns)
          .where(inArray(bonusCampaigns.id, ids))
      ).map((r) => ({ ...r, href: "/manage/commissions/campaigns" })),
    terms: async (ids) =>
      (
        await db
          .select({ id: programTerms.id, version: programTerms.version })
          .from(programTerms)
          .where(inArray(programTerms.id, ids))
      ).map((r) => ({ id: r.id, name: String(r.version), href: "/manage/terms", kind: "terms" as const })),
    email: async (ids) =>
      (
        await db
          .select({ id: emailOutbox.id, name: emailOutbox.subject })
          .from(emailOutbox)
          .where(inArray(emailOutbox.id, ids))
      ).map((r) => ({ ...r, href: `/manage/emails/${r.id}` })),
  };
  const found = await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const lookup = lookups[type];
      return lookup ? (await lookup(ids)).map((r) => [entityKey(type, r.id), r] as const) : [];
    }),
  );
  const byKey = new Map<string, AuditEntity>();
  for (const [key, { name, href, kind }] of found.flat()) byKey.set(key, kind ? { name, href, kind } : { name, href });
  return byKey;
}

/** The values the filters offer: who has acted, and on which kinds of entity. */
export async function auditFilterOptions(db: Db) {
  const [actors, entityTypes] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorId))
      .orderBy(users.name),
    db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
  ]);
  return { actors, entityTypes: entityTypes.map((e) => e.entityType) };
}
