import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { isoDay } from "@/lib/clock";
import {
  leads,
  mdfClaimFiles,
  mdfClaimLeads,
  mdfClaims,
  mdfClaimStatus,
  mdfRequests,
  mdfRequestStatus,
  partners,
  storedFiles,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { readStoredFile, type StoredFileContent } from "@/server/integrations/storage";
import type { Actor, PartnerActor, StaffActor } from "../actor";
import type { ServiceCtx } from "../context";
import { NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { budgetPosition, claimDeadlineDays, quarterInput, quarterOf } from "./mdf-budgets";
import { claimDeadline } from "./mdf-claims";
import { requestNumber } from "./mdf-notify";

export const MDF_REQUEST_STATUSES = mdfRequestStatus.enumValues;
export const MDF_CLAIM_STATUSES = mdfClaimStatus.enumValues;

/** Where a claim file is downloaded from (a route that checks who asks). */
export const mdfFileUrl = (fileId: string) => `/api/mdf/files/${fileId}`;

export const myBudgetInput = z.object({ year: quarterInput.year.optional(), quarter: quarterInput.quarter.optional() });

/** The partner's quarter (the current one unless another is asked for) in numbers, and the claim deadline. */
export async function myBudget(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof myBudgetInput>) {
  const current = quarterOf(ctx.clock.now());
  const q = input.year && input.quarter ? { year: input.year, quarter: input.quarter } : current;
  const [position, deadlineDays] = await Promise.all([
    budgetPosition(ctx.db, ctx.actor.partnerId, q),
    claimDeadlineDays(ctx.db),
  ]);
  return { ...position, current, deadlineDays };
}

/** The latest claim of each request (the live one, or the newest rejected). */
async function latestClaims(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return new Map<string, typeof mdfClaims.$inferSelect>();
  const rows = await db
    .select()
    .from(mdfClaims)
    .where(inArray(mdfClaims.requestId, requestIds))
    .orderBy(asc(mdfClaims.createdAt));
  return new Map(rows.map((r) => [r.requestId, r]));
}

const listFilters = {
  ...pageInput,
  status: z.enum(MDF_REQUEST_STATUSES).optional(),
  year: quarterInput.year.optional(),
  quarter: quarterInput.quarter.optional(),
};

export const myRequestsInput = z.object(listFilters);

/** The partner's requests, newest first, a page at a time, with where each one's claim stands. */
export async function myRequests(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof myRequestsInput>) {
  const where = and(eq(mdfRequests.partnerId, ctx.actor.partnerId), ...requestFilters(input));
  return requestPage(ctx.db, where, input);
}

function requestFilters(input: { status?: string; year?: number; quarter?: number }): SQL[] {
  const out: SQL[] = [];
  if (input.status) out.push(eq(mdfRequests.status, input.status as (typeof MDF_REQUEST_STATUSES)[number]));
  if (input.year) out.push(eq(mdfRequests.year, input.year));
  if (input.quarter) out.push(eq(mdfRequests.quarter, input.quarter));
  return out;
}

async function requestPage(
  db: Db,
  where: SQL | undefined,
  input: { page: number; pageSize: number; sortDir: "asc" | "desc" },
) {
  const order = input.sortDir === "asc" ? asc(mdfRequests.createdAt) : desc(mdfRequests.createdAt);
  const [rows, [count]] = await Promise.all([
    db
      .select({ request: mdfRequests, partnerName: partners.name })
      .from(mdfRequests)
      .innerJoin(partners, eq(partners.id, mdfRequests.partnerId))
      .where(where)
      .orderBy(order, desc(mdfRequests.number))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(mdfRequests)
      .where(where),
  ]);
  const claims = await latestClaims(
    db,
    rows.map((r) => r.request.id),
  );
  return pageOf(
    rows.map(({ request, partnerName }) => {
      const claim = claims.get(request.id);
      return {
        ...request,
        partnerName,
        code: requestNumber(request.number),
        claimStatus: claim?.status ?? null,
        claimId: claim?.id ?? null,
      };
    }),
    count?.n ?? 0,
    input.page,
    input.pageSize,
  );
}

/** A request with every claim on it (newest first), their files and linked leads. */
async function requestDetail(db: Db, requestId: string, partnerId: string | null, today: string) {
  const [row] = await db
    .select({ request: mdfRequests, partnerName: partners.name, submittedByName: users.name })
    .from(mdfRequests)
    .innerJoin(partners, eq(partners.id, mdfRequests.partnerId))
    .leftJoin(users, eq(users.id, mdfRequests.submittedBy))
    .where(and(eq(mdfRequests.id, requestId), partnerId ? eq(mdfRequests.partnerId, partnerId) : undefined));
  if (!row) throw new NotFoundError("mdf.requestNotFound", "requestId");
  const { request } = row;
  const claims = await db
    .select()
    .from(mdfClaims)
    .where(eq(mdfClaims.requestId, request.id))
    .orderBy(desc(mdfClaims.createdAt));
  const ids = claims.map((c) => c.id);
  const [files, linked] = ids.length
    ? await Promise.all([
        db
          .select({
            claimId: mdfClaimFiles.claimId,
            fileId: mdfClaimFiles.fileId,
            kind: mdfClaimFiles.kind,
            name: storedFiles.originalName,
            contentType: storedFiles.contentType,
            sizeBytes: storedFiles.sizeBytes,
          })
          .from(mdfClaimFiles)
          .innerJoin(storedFiles, eq(storedFiles.id, mdfClaimFiles.fileId))
          .where(inArray(mdfClaimFiles.claimId, ids))
          .orderBy(asc(mdfClaimFiles.kind), asc(storedFiles.originalName)),
        db
          .select({ claimId: mdfClaimLeads.claimId, leadId: leads.id, companyName: leads.companyName })
          .from(mdfClaimLeads)
          .innerJoin(leads, eq(leads.id, mdfClaimLeads.leadId))
          .where(inArray(mdfClaimLeads.claimId, ids))
          .orderBy(asc(leads.companyName)),
      ])
    : [[], []];
  const deadline = claimDeadline(request.endsOn, await claimDeadlineDays(db));
  const live = claims.find((c) => c.status !== "rejected");
  return {
    request: { ...request, code: requestNumber(request.number) },
    partnerName: row.partnerName,
    submittedByName: row.submittedByName,
    claimDeadline: deadline,
    /** Why a claim cannot be filed today, or null when it can. */
    claimBlocker:
      request.status !== "approved"
        ? ("notApproved" as const)
        : live
          ? ("claimExists" as const)
          : today < request.endsOn
            ? ("notEnded" as const)
            : today > deadline
              ? ("pastDeadline" as const)
              : null,
    claims: claims.map((c) => ({
      ...c,
      files: files.filter((f) => f.claimId === c.id).map((f) => ({ ...f, url: mdfFileUrl(f.fileId) })),
      leads: linked.filter((l) => l.claimId === c.id),
    })),
  };
}

export const requestDetailInput = z.object({ requestId: z.uuid() });

/** One of the partner's own requests; another partner's reads as not found. */
export async function myRequest(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof requestDetailInput>) {
  return requestDetail(ctx.db, input.requestId, ctx.actor.partnerId, isoDay(ctx.clock.now()));
}

export const myLeadOptionsInput = z.object({ search: z.string().trim().max(200).optional() });

/** The partner's own registered leads a claim may link, newest first (a bounded list for the picker). */
export async function myLeadOptions(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof myLeadOptionsInput>) {
  return ctx.db
    .select({ id: leads.id, companyName: leads.companyName, status: leads.status })
    .from(leads)
    .where(
      and(
        eq(leads.partnerId, ctx.actor.partnerId),
        input.search ? ilike(leads.companyName, `%${input.search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
      ),
    )
    .orderBy(desc(leads.createdAt))
    .limit(100);
}

export const queueInput = z.object({
  ...listFilters,
  kind: z.enum(["requests", "claims"]).default("requests"),
  claimStatus: z.enum(MDF_CLAIM_STATUSES).optional(),
  partnerId: z.uuid().optional(),
});

/**
 * The managers' queue: requests (by their status) or claims (by theirs), filtered by quarter and
 * partner, oldest waiting first when asked, a page at a time.
 */
export async function mdfQueue(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof queueInput>) {
  const { db } = ctx;
  const partnerFilter = input.partnerId ? [eq(mdfRequests.partnerId, input.partnerId)] : [];
  if (input.kind === "requests") {
    return {
      kind: "requests" as const,
      requests: await requestPage(db, and(...requestFilters(input), ...partnerFilter), input),
      claims: null,
    };
  }
  const where = and(
    input.claimStatus ? eq(mdfClaims.status, input.claimStatus) : undefined,
    input.year ? eq(mdfRequests.year, input.year) : undefined,
    input.quarter ? eq(mdfRequests.quarter, input.quarter) : undefined,
    ...partnerFilter,
  );
  const order = input.sortDir === "asc" ? asc(mdfClaims.createdAt) : desc(mdfClaims.createdAt);
  const [rows, [count]] = await Promise.all([
    db
      .select({ claim: mdfClaims, request: mdfRequests, partnerName: partners.name })
      .from(mdfClaims)
      .innerJoin(mdfRequests, eq(mdfRequests.id, mdfClaims.requestId))
      .innerJoin(partners, eq(partners.id, mdfClaims.partnerId))
      .where(where)
      .orderBy(order)
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(mdfClaims)
      .innerJoin(mdfRequests, eq(mdfRequests.id, mdfClaims.requestId))
      .where(where),
  ]);
  return {
    kind: "claims" as const,
    requests: null,
    claims: pageOf(
      rows.map(({ claim, request, partnerName }) => ({
        ...claim,
        partnerName,
        campaignName: request.campaignName,
        code: requestNumber(request.number),
        year: request.year,
        quarter: request.quarter,
        requestApprovedMinor: request.approvedMinor,
      })),
      count?.n ?? 0,
      input.page,
      input.pageSize,
    ),
  };
}

/** A request for staff: everything the partner sees, plus what is left of the partner's quarter. */
export async function staffRequest(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof requestDetailInput>) {
  const detail = await requestDetail(ctx.db, input.requestId, null, isoDay(ctx.clock.now()));
  const budget = await budgetPosition(ctx.db, detail.request.partnerId, detail.request);
  return { ...detail, budget };
}

/** The partners a manager filters the queue by. */
export async function mdfPartnerOptions(ctx: ServiceCtx<StaffActor>) {
  return ctx.db.select({ id: partners.id, name: partners.name }).from(partners).orderBy(asc(partners.name));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A claim's proof or invoice for whoever may see it: staff (any role) and the partner whose claim
 * it is. Anyone else, and any id that is malformed or not a claim's file, gets null alike.
 */
export async function readMdfFile(db: Db, actor: Actor, fileId: string): Promise<StoredFileContent | null> {
  if (!UUID.test(fileId)) return null;
  const [row] = await db
    .select({ partnerId: mdfClaims.partnerId })
    .from(mdfClaimFiles)
    .innerJoin(mdfClaims, eq(mdfClaims.id, mdfClaimFiles.claimId))
    .where(eq(mdfClaimFiles.fileId, fileId));
  if (!row) return null;
  if (actor.kind === "partner" && actor.partnerId !== row.partnerId) return null;
  return readStoredFile(db, fileId);
}
