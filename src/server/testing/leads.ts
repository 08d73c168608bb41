import { asc, eq } from "drizzle-orm";
import { leads, products } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { LeadInput } from "@/server/domains/leads/fields";

/** A valid registration for a company, overridable field by field. */
export async function leadFor(
  db: Db,
  company: string,
  website: string,
  overrides: Partial<LeadInput> = {},
): Promise<LeadInput> {
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.active, true))
    .orderBy(asc(products.name))
    .limit(1);
  return {
    companyName: company,
    website,
    contactName: "Dana Buyer",
    contactEmail: `dana@${website
      .replace(/^https?:\/\//, "")
      .replace(/^www\./i, "")
      .split(/[/:]/)[0]!
      .toLowerCase()}`,
    contactPhone: "",
    country: "US",
    productId: product!.id,
    estimatedValue: "12,500.00",
    currency: "USD",
    expectedCloseDate: "2027-06-30",
    notes: "",
    ...overrides,
  };
}

export async function leadByCompany(db: Db, companyName: string) {
  const [lead] = await db.select().from(leads).where(eq(leads.companyName, companyName));
  if (!lead) throw new Error(`no lead for ${companyName}`);
  return lead;
}
