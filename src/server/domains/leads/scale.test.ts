import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partners, products } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { conflictLookups } from "./conflicts";
import { withoutLeadCounters } from "./counters";

/**
 * With a million leads, every lookup of the conflict check is an index lookup on the company's
 * domain or normalized name, never a scan of the table (and the customer list, at a tenth of that,
 * likewise). The plans are printed for the record.
 */
const LEADS = 1_000_000;
const { db, clock, partnerOwner } = await setupProgram();

async function fillLeads() {
  const partnerIds = (await db.select({ id: partners.id }).from(partners)).map((p) => p.id);
  const [product] = await db.select({ id: products.id }).from(products).limit(1);
  // Spread over every status and over the partners; one company per row, as in a real program.
  await withoutLeadCounters(db, () =>
    db.execute(sql`
    insert into leads (partner_id, company_name, normalized_name, website, domain, contact_name, contact_email, country,
                       product_id, estimated_value_minor, currency, expected_close_date, status, protected_until, created_at)
    select (string_to_array(${partnerIds.join(",")}, ',')::uuid[])[1 + g % ${partnerIds.length}],
           'Company ' || g, 'company ' || g, 'company-' || g || '.example', 'company-' || g || '.example',
           'Contact', 'buyer@company-' || g || '.example', 'US', ${product!.id}::uuid, (g % 90000 + 1000) * 100, 'USD', date '2027-01-01',
           (array['submitted','approved','rejected','won','lost','expired','withdrawn']::lead_status[])[1 + g % 7],
           case when g % 7 = 1 then now() + interval '30 days' end,
           now() - (g % 1095) * interval '1 day'
    from generate_series(1, ${LEADS}) g`),
  );
  await db.execute(sql`
    insert into customers (name, normalized_name, domain, source)
    select 'Customer ' || g, 'customer ' || g, 'customer-' || g || '.example', 'import' from generate_series(1, ${LEADS / 10}) g`);
  await db.execute(sql`analyze leads`);
  await db.execute(sql`analyze customers`);
}

/** Rows of a raw query; postgres-js answers with an array, PGlite with { rows }. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function plan(query: { getSQL(): ReturnType<typeof sql> }): Promise<string> {
  const rows = rowsOf<Record<string, string>>(await db.execute(sql`explain ${query.getSQL()}`));
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe(`conflict check with ${LEADS.toLocaleString("en")} leads`, () => {
  it("looks leads up through the domain and name indexes", { timeout: 300_000 }, async () => {
    await fillLeads();
    const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from leads`));
    expect(count?.n).toBeGreaterThanOrEqual(LEADS);
    const lookups = conflictLookups(
      db,
      {
        partnerId: partnerOwner.partnerId,
        keys: { domain: "company-424242.example", normalizedName: "company 424242" },
        contactEmail: "x@y.example",
      },
      clock.now(),
    );
    for (const name of ["protectedLead", "duplicate", "pendingElsewhere"] as const) {
      const text = await plan(lookups[name]);
      console.log(`EXPLAIN ${name}:\n${text}\n`);
      expect(text, name).not.toMatch(/Seq Scan on leads/);
      expect(text, name).toMatch(/leads_domain_idx/);
      expect(text, name).toMatch(/leads_normalized_name_idx/);
    }
    const customerPlan = await plan(lookups.customer);
    console.log(`EXPLAIN customer:\n${customerPlan}\n`);
    expect(customerPlan).not.toMatch(/Seq Scan on customers/);
    expect(customerPlan).toMatch(/customers_domain_key/);
  });
});
