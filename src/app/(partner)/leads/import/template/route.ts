import { toCsv } from "@/lib/csv";
import { minorDigits, toDecimalString } from "@/lib/money";
import { getCurrentActor } from "@/server/auth/current";
import { getDb } from "@/server/db/client";
import { LEAD_IMPORT_COLUMNS } from "@/server/domains/leads/import";
import { productOptions } from "@/server/domains/catalog/products";
import { getProgramSettings } from "@/server/domains/program/service";

const DAY_MS = 86_400_000;

/** The import file's header row and one example row, for a signed-in partner (UTF-8 with a BOM, so spreadsheets read it right). */
export async function GET(): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "partner") return new Response(null, { status: 401, headers: { "cache-control": "no-store" } });
  const db = await getDb();
  const [products, settings] = await Promise.all([
    productOptions(db, { includeArchived: false }),
    getProgramSettings(db),
  ]);
  const currency = settings.currency;
  const example: Record<(typeof LEAD_IMPORT_COLUMNS)[number], string> = {
    company_name: "Example Corp",
    website: "example.com",
    contact_name: "Jane Doe",
    contact_email: "jane.doe@example.com",
    // No leading "+": the CSV writer would neutralize it as a spreadsheet formula.
    contact_phone: "555 0100",
    country: "US",
    product: products[0]?.name ?? "",
    estimated_value: toDecimalString(12_500n * 10n ** BigInt(minorDigits(currency)), currency),
    currency,
    expected_close_date: new Date(Date.now() + 90 * DAY_MS).toISOString().slice(0, 10),
    notes: "",
  };
  const csv = toCsv([...LEAD_IMPORT_COLUMNS], [LEAD_IMPORT_COLUMNS.map((column) => example[column])]);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="leads-template.csv"',
      "cache-control": "private, no-store",
    },
  });
}
