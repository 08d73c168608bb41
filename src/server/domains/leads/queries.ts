import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  customers,
  leadComments,
  leadCounts as leadCountsTable,
  leadEvents,
  leads,
  leadStatus,
  partners,
  products,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import { toCsv } from "@/lib/csv";
import { toDecimalString } from "@/lib/money";
import type { PartnerActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";

export const LEAD_STATUSES = leadStatus.enumValues;
const LEAD_SORTS = ["createdAt", "companyName", "estimatedValue", "expectedCloseDate", "status"] as const;

const sortColumns = {
  createdAt: leads.createdAt,
  companyName: leads.companyName,
  estimatedValue: leads.estimatedValueMinor,
  expectedCloseDate: leads.expectedCloseDate,
  status: leads.status,
};

function searchOf(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = containsPattern(search);
  return or(
    ilike(leads.companyName, pattern),
    ilike(leads.domain, pattern),
    ilike(leads.contactName, pattern),
    ilike(leads.contactEmail, pattern),
  );
}

/** Columns every list shows. */
const listColumns = {
  id: leads.id,
  companyName: leads.companyName,
  domain: leads.domain,
  contactName: leads.contactName,
  productName: products.name,
  /** The product's Arabic name, for readers in Arabic (localizedName). */
  productNameAr: products.nameAr,
  estimatedValueMinor: leads.estimatedValueMinor,
  currency: leads.currency,
  expectedCloseDate: leads.expectedCloseDate,
  status: leads.status,
  flagged: leads.flagged,
  infoRequestedAt: leads.infoRequestedAt,
  protectedUntil: leads.protectedUntil,
  dealAmountMinor: leads.dealAmountMinor,
  dealCurrency: leads.dealCurrency,
  createdAt: leads.createdAt,
};

export const listMyLeadsInput = z.object({
  ...pageInput,
  status: z.enum(LEAD_STATUSES).optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(LEAD_SORTS).default("createdAt"),
});

/** The caller's organization's leads; the organization comes from the session. */
export async function listMyLeads(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof listMyLeadsInput>) {
  const { db, actor } = ctx;
  const where = and(
    eq(leads.partnerId, actor.partnerId),
    input.status ? eq(leads.status, input.status) : undefined,
    searchOf(input.search),
  );
  const column = sortColumns[input.sort];
  const [rows, [total], byStatus] = await Promise.all([
    db
      .select(listColumns)
      .from(leads)
      .innerJoin(products, eq(products.id, leads.productId))
      .where(where)
      .orderBy(input.sortDir === "asc" ? asc(column) : desc(column), asc(leads.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(leads).where(where),
    db
      .select({ status: leads.status, n: count() })
      .from(leads)
      .where(eq(leads.partnerId, actor.partnerId))
      .groupBy(leads.status),
  ]);
  return {
    ...pageOf(rows, total?.n ?? 0, input.page, input.pageSize),
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s.n])) as Partial<
      Record<(typeof LEAD_STATUSES)[number], number>
    >,
  };
}

const actorName = (column: SQL | typeof leadEvents.actorId) =>
  sql<string | null>`(select name from ${users} u where u.id = ${column})`;

async function timelineAndThread(db: Db, leadId: string) {
  return Promise.all([
    db
      .select({
        id: leadEvents.id,
        kind: leadEvents.kind,
        fromStatus: leadEvents.fromStatus,
        toStatus: leadEvents.toStatus,
        note: leadEvents.note,
        at: leadEvents.at,
        actorName: actorName(leadEvents.actorId),
      })
      .from(leadEvents)
      .where(eq(leadEvents.leadId, leadId))
      .orderBy(asc(leadEvents.at), asc(leadEvents.id)),
    db
      .select({
        id: leadComments.id,
        authorKind: leadComments.authorKind,
        body: leadComments.body,
        createdAt: leadComments.createdAt,
        authorName: sql<string | null>`(select name from ${users} u where u.id = ${leadComments.authorId})`,
      })
      .from(leadComments)
      .where(eq(leadComments.leadId, leadId))
      .orderBy(asc(leadComments.createdAt), asc(leadComments.id)),
  ]);
}

/** One of the caller's leads, with its timeline and thread; another organization's lead is "not found". */
export async function myLeadDetail(ctx: ServiceCtx<PartnerActor>, leadId: string) {
  const { db, actor } = ctx;
  const [row] = await db
    .select({ lead: leads, productName: products.name, productNameAr: products.nameAr, registrantName: users.name })
    .from(leads)
    .innerJoin(products, eq(products.id, leads.productId))
    .leftJoin(users, eq(users.id, leads.registeredBy))
    .where(and(eq(leads.id, leadId), eq(leads.partnerId, actor.partnerId)));
  if (!row) throw new NotFoundError("lead.notFound", "leadId");
  const [timeline, thread] = await timelineAndThread(db, leadId);
  const { reviewedBy: _reviewer, normalizedName: _key, ...lead } = row.lead;
  return {
    ...lead,
    productName: row.productName,
    productNameAr: row.productNameAr,
    registrantName: row.registrantName,
    timeline,
    thread,
  };
}

export const staffLeadFilters = z.object({
  status: z.enum(LEAD_STATUSES).optional(),
  search: z.string().trim().max(100).optional(),
  partnerId: z.uuid().optional(),
  productId: z.uuid().optional(),
  flagged: z.boolean().optional(),
  sort: z.enum([...LEAD_SORTS, "partner"]).default("createdAt"),
  sortDir: z.enum(["asc", "desc"]).default("asc"),
});
export const listLeadsInput = staffLeadFilters.extend({ page: pageInput.page, pageSize: pageInput.pageSize });

function staffWhere(input: z.infer<typeof staffLeadFilters>) {
  return and(
    input.status ? eq(leads.status, input.status) : undefined,
    input.partnerId ? eq(leads.partnerId, input.partnerId) : undefined,
    input.productId ? eq(leads.productId, input.productId) : undefined,
    input.flagged !== undefined ? eq(leads.flagged, input.flagged) : undefined,
    searchOf(input.search),
  );
}

/** The queue's order: the chosen column, then the id so equal values page stably. */
function staffOrder(input: z.infer<typeof staffLeadFilters>) {
  const column = input.sort === "partner" ? partners.name : sortColumns[input.sort];
  return [input.sortDir === "asc" ? asc(column) : desc(column), asc(leads.id)];
}

function staffQuery(db: Db, input: z.infer<typeof staffLeadFilters>, only?: SQL) {
  // Other partners' open registrations of the same company: an index lookup per listed row.
  const conflicts = sql<number>`(select count(*)::int from ${leads} o where (o.domain = ${leads.domain} or o.normalized_name = ${leads.normalizedName}) and o.id <> ${leads.id} and o.partner_id <> ${leads.partnerId} and o.status in ('submitted', 'approved'))`;
  return db
    .select({
      ...listColumns,
      partnerId: leads.partnerId,
      partnerName: partners.name,
      contactEmail: leads.contactEmail,
      country: leads.country,
      closedOn: leads.closedOn,
      conflictCount: conflicts,
    })
    .from(leads)
    .innerJoin(products, eq(products.id, leads.productId))
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .where(and(staffWhere(input), only))
    .orderBy(...staffOrder(input));
}

/**
 * The staff queue: by default what waits for review, oldest first. Deep pages stay cheap: the
 * page's ids are found first (an index range the offset skips through), and only those 25 rows
 * are joined and have their conflicts counted, rather than every row the offset passes.
 */
export async function listLeads(db: Db, input: z.infer<typeof listLeadsInput>) {
  const pageIds = db.select({ id: leads.id }).from(leads);
  const [ids, [total]] = await Promise.all([
    // Only a sort by partner name needs the partners joined to find the page.
    (input.sort === "partner" ? pageIds.innerJoin(partners, eq(partners.id, leads.partnerId)) : pageIds)
      .where(staffWhere(input))
      .orderBy(...staffOrder(input))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(leads).where(staffWhere(input)),
  ]);
  const rows = ids.length
    ? await staffQuery(
        db,
        input,
        inArray(
          leads.id,
          ids.map((r) => r.id),
        ),
      )
    : [];
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

export const MAX_LEAD_EXPORT_ROWS = 100_000;

/** The filtered list as CSV rows; amounts as exact decimal strings, never floats. */
export async function exportLeadsCsv(
  db: Db,
  input: z.infer<typeof staffLeadFilters>,
  headers: string[],
): Promise<string> {
  const rows = await staffQuery(db, input).limit(MAX_LEAD_EXPORT_ROWS);
  return toCsv(
    headers,
    rows.map((r) => [
      r.companyName,
      r.domain,
      r.partnerName,
      r.contactName,
      r.contactEmail,
      r.country,
      r.productName,
      toDecimalString(r.estimatedValueMinor, r.currency),
      r.currency,
      r.expectedCloseDate,
      r.status,
      r.flagged ? "yes" : "no",
      r.dealAmountMinor !== null && r.dealCurrency ? toDecimalString(r.dealAmountMinor, r.dealCurrency) : "",
      r.dealCurrency ?? "",
      r.closedOn ?? "",
      r.createdAt,
    ]),
  );
}

/** Everything a manager weighs on one lead, with every registration and customer of the same company beside it. */
export async function leadDetail(db: Db, leadId: string) {
  const [row] = await db
    .select({
      lead: leads,
      productName: products.name,
      partnerName: partners.name,
      partnerStatus: partners.status,
      partnerDomain: partners.domain,
      registrantName: users.name,
      registrantEmail: users.email,
    })
    .from(leads)
    .innerJoin(products, eq(products.id, leads.productId))
    .innerJoin(partners, eq(partners.id, leads.partnerId))
    .leftJoin(users, eq(users.id, leads.registeredBy))
    .where(eq(leads.id, leadId));
  if (!row) throw new NotFoundError("lead.notFound", "leadId");
  const { lead } = row;
  const sameCompany = or(eq(leads.domain, lead.domain), eq(leads.normalizedName, lead.normalizedName));
  const [[timeline, thread], related, matchingCustomers] = await Promise.all([
    timelineAndThread(db, leadId),
    db
      .select({
        id: leads.id,
        companyName: leads.companyName,
        domain: leads.domain,
        partnerId: leads.partnerId,
        partnerName: partners.name,
        status: leads.status,
        estimatedValueMinor: leads.estimatedValueMinor,
        currency: leads.currency,
        protectedUntil: leads.protectedUntil,
        createdAt: leads.createdAt,
        matchedBy: sql<"domain" | "name">`case when ${leads.domain} = ${lead.domain} then 'domain' else 'name' end`,
      })
      .from(leads)
      .innerJoin(partners, eq(partners.id, leads.partnerId))
      .where(and(sameCompany, ne(leads.id, lead.id), inArray(leads.status, ["submitted", "approved", "won"])))
      .orderBy(asc(leads.createdAt))
      .limit(20),
    db
      .select({ id: customers.id, name: customers.name, domain: customers.domain, source: customers.source })
      .from(customers)
      // The customer this lead itself became (when won) is not a conflict.
      .where(
        and(
          or(
            and(isNotNull(customers.domain), eq(customers.domain, lead.domain)),
            eq(customers.normalizedName, lead.normalizedName),
          ),
          or(isNull(customers.sourceRef), ne(customers.sourceRef, lead.id)),
        ),
      )
      .limit(5),
  ]);
  return {
    ...lead,
    productName: row.productName,
    partnerName: row.partnerName,
    partnerStatus: row.partnerStatus,
    partnerDomain: row.partnerDomain,
    registrantName: row.registrantName,
    registrantEmail: row.registrantEmail,
    timeline,
    thread,
    related,
    customers: matchingCustomers,
  };
}

/** The staff overview's and the queue's tab counts, from the counters the leads trigger keeps (a dozen rows, not a million). */
export async function leadCounts(db: Db) {
  const rows = await db.select().from(leadCountsTable);
  const byStatus: Partial<Record<(typeof LEAD_STATUSES)[number], number>> = {};
  for (const row of rows) if (row.n > 0) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
  return { byStatus, flaggedPending: rows.find((r) => r.status === "submitted" && r.flagged)?.n ?? 0 };
}
