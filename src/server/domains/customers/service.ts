import { and, asc, count, desc, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import { customers, customerSource } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import type { Clock } from "@/lib/clock";
import { normalizeCompanyName } from "@/lib/company-name";
import { csvRecords } from "@/lib/csv";
import { normalizeDomain } from "@/lib/domain-name";
import { plainTextField } from "@/lib/text";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type AnyActor, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";

/**
 * The companies that already buy: imported or added by staff, made by a won deal, or (next)
 * a referred customer who paid through Stripe. No partner registers one of them as a lead.
 */
export const listCustomersInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100).optional(),
  source: z.enum(customerSource.enumValues).optional(),
  sort: z.enum(["name", "createdAt"]).default("name"),
  sortDir: z.enum(["asc", "desc"]).default("asc"),
});

export async function listCustomers(db: Db, input: z.infer<typeof listCustomersInput>) {
  const where = and(
    input.search
      ? or(ilike(customers.name, containsPattern(input.search)), ilike(customers.domain, containsPattern(input.search)))
      : undefined,
    input.source ? eq(customers.source, input.source) : undefined,
  );
  const column = input.sort === "name" ? customers.name : customers.createdAt;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        domain: customers.domain,
        source: customers.source,
        sourceRef: customers.sourceRef,
        createdAt: customers.createdAt,
      })
      .from(customers)
      .where(where)
      .orderBy(input.sortDir === "asc" ? asc(column) : desc(column), asc(customers.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(customers).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

export const customerFields = {
  name: plainTextField({ min: 2, max: 160 }),
  website: plainTextField({ max: 200 })
    .refine((w) => w === "" || normalizeDomain(w) !== null, { message: "lead.websiteInvalid" })
    .default(""),
};
export const addCustomerInput = z.object(customerFields);

async function insertCustomer(
  tx: Db,
  values: { name: string; website: string; source: "import" | "manual" },
  clock: Clock,
) {
  const domain = values.website ? normalizeDomain(values.website) : null;
  if (domain) {
    const [existing] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.domain, domain));
    if (existing) throw new ConflictError("customer.exists", "website");
  }
  const [row] = await tx
    .insert(customers)
    .values({
      name: values.name,
      normalizedName: normalizeCompanyName(values.name),
      domain,
      source: values.source,
      createdAt: clock.now(),
    })
    .returning();
  return row!;
}

export async function addCustomer(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof addCustomerInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const row = await insertCustomer(tx, { ...input, source: "manual" }, clock);
    await audit(
      tx,
      actor,
      { action: "customer.added", entityType: "customer", entityId: row.id, after: row },
      clock.now(),
    );
    return row;
  });
}

export const importCustomersInput = z.object({ csv: z.string().min(1).max(2_000_000) });
export const MAX_CUSTOMER_IMPORT_ROWS = 5000;

export type CustomerImportRow = {
  row: number;
  name: string;
  outcome: "added" | "exists" | "invalid";
  field?: string;
  code?: string;
};

/**
 * Customers from a CSV with a "name" column and a "website" (or "domain") column. Each row is
 * added on its own; a row already known (same domain) is reported, not duplicated.
 */
export async function importCustomers(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof importCustomersInput>) {
  const { actor, clock } = ctx;
  const { headers, records } = csvRecords(input.csv);
  if (!headers.includes("name")) throw new InvalidError("customer.importHeaders", "csv");
  if (records.length === 0) throw new InvalidError("import.empty", "csv");
  if (records.length > MAX_CUSTOMER_IMPORT_ROWS)
    throw new InvalidError("import.tooManyRows", "csv", { max: MAX_CUSTOMER_IMPORT_ROWS });
  const report: CustomerImportRow[] = [];
  for (const [index, record] of records.entries()) {
    const row = index + 2; // the header is line 1
    const parsed = addCustomerInput.safeParse({
      name: record.name ?? "",
      website: record.website ?? record.domain ?? "",
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      report.push({
        row,
        name: record.name ?? "",
        outcome: "invalid",
        field: String(issue.path[0] ?? "name"),
        code: issue.message.startsWith("lead.") ? issue.message : "validation.invalid",
      });
      continue;
    }
    try {
      await withTransaction(ctx, async (tx) => {
        const created = await insertCustomer(tx, { ...parsed.data, source: "import" }, clock);
        await audit(
          tx,
          actor,
          { action: "customer.imported", entityType: "customer", entityId: created.id, after: created },
          clock.now(),
        );
      });
      report.push({ row, name: parsed.data.name, outcome: "added" });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      report.push({ row, name: parsed.data.name, outcome: "exists", field: "website", code: error.code });
    }
  }
  return { rows: report, added: report.filter((r) => r.outcome === "added").length };
}

export const removeCustomerInput = z.object({ customerId: z.uuid() });

export async function removeCustomer(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof removeCustomerInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.delete(customers).where(eq(customers.id, input.customerId)).returning();
    if (!row) throw new NotFoundError("customer.notFound", "customerId");
    await audit(
      tx,
      actor,
      { action: "customer.removed", entityType: "customer", entityId: row.id, before: row },
      clock.now(),
    );
  });
}

/** The company a won deal was about, by the lead that won it. */
export interface WonDealCompany {
  leadId: string;
  companyName: string;
  /** Normalized host, as the lead holds it. */
  domain: string;
}

/**
 * A won deal makes the company a customer, so no partner registers it again. Runs in the
 * caller's transaction (the one that marks the deal won); a company already known stays as it is.
 */
export async function addCustomerFromWonDeal(ctx: ServiceCtx<AnyActor>, company: WonDealCompany): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await tx
      .insert(customers)
      .values({
        name: company.companyName,
        normalizedName: normalizeCompanyName(company.companyName),
        domain: company.domain,
        source: "won_lead",
        sourceRef: company.leadId,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing({ target: customers.domain });
  });
}

/** A won deal turned lost: the company is no longer a customer through it (a customer it did not make stays). */
export async function releaseCustomerOfDeal(ctx: ServiceCtx<AnyActor>, deal: { leadId: string }): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await tx.delete(customers).where(and(eq(customers.source, "won_lead"), eq(customers.sourceRef, deal.leadId)));
  });
}
