import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, customers } from "@/server/db/schema";
import { rolledBack } from "@/server/db/rollback";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM } from "../actor";
import {
  addCustomer,
  addCustomerFromWonDeal,
  importCustomers,
  listCustomers,
  listCustomersInput,
  releaseCustomerOfDeal,
  removeCustomer,
} from "./service";

const { db, clock, manager, ctxOf } = await setupProgram();
const byDomain = async (domain: string) =>
  (await db.select().from(customers).where(eq(customers.domain, domain)))[0] ?? null;
const auditOf = async (id: string) =>
  (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);

describe("customers", () => {
  it("are added once per domain, audited, and removed again", async () => {
    const added = await addCustomer(ctxOf(manager), {
      name: "Initrode Inc",
      website: "https://www.initrode.example/about",
    });
    expect(added).toMatchObject({ domain: "initrode.example", source: "manual", normalizedName: "initrode" });
    await expect(addCustomer(ctxOf(manager), { name: "Initrode", website: "initrode.example" })).rejects.toMatchObject({
      code: "customer.exists",
      field: "website",
    });
    await removeCustomer(ctxOf(manager), { customerId: added.id });
    expect(await byDomain("initrode.example")).toBeNull();
    expect(await auditOf(added.id)).toEqual(["customer.added", "customer.removed"]);
    await expect(removeCustomer(ctxOf(manager), { customerId: added.id })).rejects.toMatchObject({
      code: "customer.notFound",
    });
  });

  it("import row by row, reporting the rows already known and the invalid ones", async () => {
    const csv = [
      "name,website",
      "Duff Beer,duff.example",
      "Cyberdyne again,cyberdyne.example",
      "X,x.example",
      "Krusty Co,krusty.example",
    ].join("\n");
    const report = await importCustomers(ctxOf(manager), { csv });
    expect(report.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, "added"],
      [3, "exists"],
      [4, "invalid"],
      [5, "added"],
    ]);
    expect(report.added).toBe(2);
    expect(await byDomain("duff.example")).toMatchObject({ source: "import" });
    await expect(importCustomers(ctxOf(manager), { csv: "website\nduff.example" })).rejects.toMatchObject({
      code: "customer.importHeaders",
      field: "csv",
    });
  });

  it("a won deal makes one, which only the deal's loss releases; a company already known stays as it is", async () => {
    const leadId = "0193a7b0-0000-7000-8000-000000000001";
    await rolledBack(db, async (tx) => {
      const ctx = { db: tx, actor: SYSTEM, clock };
      await addCustomerFromWonDeal(ctx, { leadId, companyName: "Sirius Cybernetics", domain: "sirius.example" });
      // Already a customer (imported): the won deal changes nothing, and its loss does not remove it.
      await addCustomerFromWonDeal(ctx, { leadId, companyName: "Cyberdyne", domain: "cyberdyne.example" });
      expect((await tx.select().from(customers).where(eq(customers.domain, "sirius.example")))[0]).toMatchObject({
        source: "won_lead",
        sourceRef: leadId,
      });
      expect((await tx.select().from(customers).where(eq(customers.domain, "cyberdyne.example")))[0]).toMatchObject({
        source: "import",
        sourceRef: null,
      });
      await releaseCustomerOfDeal(ctx, { leadId });
      expect(await tx.select().from(customers).where(eq(customers.domain, "sirius.example"))).toEqual([]);
      expect(await tx.select().from(customers).where(eq(customers.domain, "cyberdyne.example"))).toHaveLength(1);
    });
  });

  it("list filtered by source and searched by name or domain", async () => {
    const page = await listCustomers(db, listCustomersInput.parse({ source: "won_lead" }));
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((c) => c.source === "won_lead")).toBe(true);
    const found = await listCustomers(db, listCustomersInput.parse({ search: "aperture" }));
    expect(found.rows.map((c) => c.domain)).toEqual(["aperture.example"]);
  });
});
