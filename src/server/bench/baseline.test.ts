import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leads, products } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { insertBareLead } from "./baseline";

const { db, clock, partnerOwner, ctxOf } = await setupProgram();
if (partnerOwner.kind !== "partner") throw new Error("fixture: partner owner expected");
const [product] = await db.select({ id: products.id }).from(products).limit(1);
const input = {
  companyName: "Baseline Row Ltd",
  website: "baseline-row.example",
  contactName: "Bench Buyer",
  contactEmail: "buyer@baseline-row.example",
  contactPhone: "",
  country: "US",
  productId: product!.id,
  estimatedValue: "1000",
  currency: "USD",
  expectedCloseDate: "2027-06-30",
  notes: "",
};

describe("bench baselines", () => {
  it("do not exist unless the benchmark's server turns them on", async () => {
    const caller = createCallerFactory(appRouter)({ db, actor: partnerOwner, clock, locale: "en", ip: "203.0.113.9" });
    const error = await caller.bench.insertLead(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    expect(await db.select().from(leads).where(eq(leads.companyName, input.companyName))).toEqual([]);
  });

  it("insert one row into the caller's own organization and nothing else", async () => {
    const { id } = await insertBareLead(ctxOf(partnerOwner), input);
    const [row] = await db.select().from(leads).where(eq(leads.id, id));
    expect(row).toMatchObject({
      partnerId: partnerOwner.partnerId,
      companyName: input.companyName,
      status: "submitted",
    });
  });
});
