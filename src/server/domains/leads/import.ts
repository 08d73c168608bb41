import { z, type ZodError } from "zod";
import { csvRecords } from "@/lib/csv";
import type { PartnerActor } from "../actor";
import { productOptions } from "../catalog/products";
import type { ServiceCtx } from "../context";
import { DomainError, InvalidError } from "../errors";
import { getProgramSettings } from "../program/service";
import { leadInputAt } from "./fields";
import { registerLead } from "./register";

export const MAX_LEAD_IMPORT_ROWS = 500;

/** The columns of the import file, as in the template partners download. */
export const LEAD_IMPORT_COLUMNS = [
  "company_name",
  "website",
  "contact_name",
  "contact_email",
  "contact_phone",
  "country",
  "product",
  "estimated_value",
  "currency",
  "expected_close_date",
  "notes",
] as const;
const REQUIRED_COLUMNS = [
  "company_name",
  "website",
  "contact_name",
  "contact_email",
  "country",
  "product",
  "estimated_value",
  "expected_close_date",
];

export const importLeadsInput = z.object({ csv: z.string().min(1).max(1_000_000) });

export type ImportRowResult =
  | { row: number; company: string; outcome: "registered" | "flagged"; leadId: string }
  | { row: number; company: string; outcome: "refused"; error: ZodError | DomainError };

/**
 * Registers every row of a CSV through the same validation and conflict check as the form.
 * Each row is its own transaction: a refused row writes nothing, and the others still count.
 */
export async function importLeads(
  ctx: ServiceCtx<PartnerActor>,
  input: z.infer<typeof importLeadsInput>,
): Promise<ImportRowResult[]> {
  const { db } = ctx;
  const { headers, records } = csvRecords(input.csv);
  const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length > 0) throw new InvalidError("import.missingColumns", "csv", { columns: missing.join(", ") });
  if (records.length === 0) throw new InvalidError("import.empty", "csv");
  if (records.length > MAX_LEAD_IMPORT_ROWS)
    throw new InvalidError("import.tooManyRows", "csv", { max: MAX_LEAD_IMPORT_ROWS });
  const catalog = await productOptions(db, { includeArchived: false });
  // A row may name the product in either language the catalog gives it.
  const productByName = new Map(
    catalog.flatMap((p) =>
      [p.nameEn, p.nameAr].filter((n): n is string => !!n?.trim()).map((n) => [n.trim().toLowerCase(), p.id] as const),
    ),
  );
  // One pass per row: format problems and value problems (a negative value, a past close date) together.
  const rowInput = leadInputAt(ctx.clock);
  const { currency: programCurrency } = await getProgramSettings(db);

  const results: ImportRowResult[] = [];
  for (const [index, record] of records.entries()) {
    const row = index + 2; // the header is line 1
    const company = record.company_name ?? "";
    const parsed = rowInput.safeParse({
      companyName: company,
      website: record.website ?? "",
      contactName: record.contact_name ?? "",
      contactEmail: record.contact_email ?? "",
      contactPhone: record.contact_phone ?? "",
      country: record.country ?? "",
      // An unknown product name fails the id check, which names the product field.
      productId: productByName.get((record.product ?? "").trim().toLowerCase()) ?? "",
      estimatedValue: record.estimated_value ?? "",
      currency: record.currency || programCurrency,
      expectedCloseDate: record.expected_close_date ?? "",
      notes: record.notes ?? "",
    });
    if (!parsed.success) {
      results.push({ row, company, outcome: "refused", error: parsed.error });
      continue;
    }
    try {
      const lead = await registerLead(ctx, parsed.data);
      results.push({ row, company, outcome: lead.flagged ? "flagged" : "registered", leadId: lead.id });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ row, company, outcome: "refused", error });
    }
  }
  return results;
}
