import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { leadFor } from "@/server/testing/leads";
import { createProduct, listProducts, productOptions, updateProduct } from "./products";
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

describe("products in both languages", () => {
  it("stores the Arabic name and description beside the English, and audits them", async () => {
    const created = await createProduct(ctxOf(manager), {
      name: "Insight Studio",
      description: "Dashboards for every team.",
      nameAr: "استوديو الرؤى",
      descriptionAr: "لوحات معلومات لكل فريق.",
    });
    expect(created).toMatchObject({ nameAr: "استوديو الرؤى", descriptionAr: "لوحات معلومات لكل فريق." });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "product.created")));
    expect(entry?.after).toMatchObject({ nameAr: "استوديو الرؤى" });

    // An edit that empties the Arabic makes the product English-only again.
    const saved = await updateProduct(ctxOf(manager), {
      productId: created.id,
      name: "Insight Studio",
      description: "Dashboards for every team.",
      nameAr: "",
      descriptionAr: "",
      active: true,
    });
    expect(saved).toMatchObject({ nameAr: null, descriptionAr: null });
  });

  it("gives partners the name in their language, the English one marked where Arabic is missing", async () => {
    const arabic = await productOptions(db, { includeArchived: false, locale: "ar" });
    expect(arabic.find((p) => p.name === "منصة التحليلات السحابية")).toMatchObject({
      nameLang: "ar",
      nameFallback: false,
    });
    // The demo leaves Onboarding Services English-only.
    expect(arabic.find((p) => p.name === "Onboarding Services")).toMatchObject({ nameLang: "en", nameFallback: true });
    const english = await productOptions(db, { includeArchived: false, locale: "en" });
    expect(english.map((p) => p.name)).toContain("Analytics Cloud");
    // Without a locale, the names staff manage and imports match on.
    expect((await productOptions(db, { includeArchived: false })).map((p) => p.name)).toContain("Analytics Cloud");
    const listed = await listProducts(db, { includeArchived: true, locale: "ar" });
    expect(listed.find((p) => p.nameEn === "Analytics Cloud")).toMatchObject({
      name: "منصة التحليلات السحابية",
      nameAr: "منصة التحليلات السحابية",
      description: "منصة التحليلات المستضافة، تُحتسب رسومها لكل مستخدم.",
    });
  });
});
