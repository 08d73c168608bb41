import { describe, expect, it } from "vitest";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import { createProduct, listProducts, updateProduct } from "./products";
import { registerLead } from "../leads/register";

const { db, manager, partnerOwner, ctxOf } = await setupProgram();

describe("product catalog", () => {
  it("counts the leads that name each product", async () => {
    const rows = await listProducts(db, { includeArchived: true });
    expect(Object.fromEntries(rows.map((p) => [p.name, p.leadCount]))).toEqual({
      "Analytics Cloud": 8,
      "Data Connectors": 14,
      "Enterprise Support": 2,
      "Onboarding Services": 2,
    });
  });

  it("refuses a second product of the same name, in any case", async () => {
    await createProduct(ctxOf(manager), { name: "Edge Gateway", description: "" });
    await expect(createProduct(ctxOf(manager), { name: "edge gateway", description: "" })).rejects.toMatchObject({
      code: "product.nameTaken",
      field: "name",
    });
  });

  it("keeps an archived product off the registration form and refuses it for new leads", async () => {
    const created = await createProduct(ctxOf(manager), { name: "Legacy Suite", description: "Old" });
    await updateProduct(ctxOf(manager), {
      productId: created.id,
      name: "Legacy Suite",
      description: "Old",
      active: false,
    });
    expect((await listProducts(db, { includeArchived: false })).map((p) => p.name)).not.toContain("Legacy Suite");
    await expect(
      registerLead(
        ctxOf(partnerOwner),
        await leadFor(db, "Legacy Buyer", "legacy-buyer.example", { productId: created.id }),
      ),
    ).rejects.toMatchObject({ code: "lead.productUnknown", field: "productId" });
  });
});
