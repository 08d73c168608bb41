import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { setupProgram } from "@/server/testing/fixtures";
import { createCallerFactory } from "@/server/trpc/init";
import { describeError } from "@/server/trpc/errors";
import { appRouter } from "@/server/trpc/root";

/** The lead form's server answers every field's problem in one round (issue 18). */
const { db, clock, partnerOwner } = await setupProgram();
const caller = createCallerFactory(appRouter)({ db, actor: partnerOwner, clock, locale: "en", ip: "203.0.113.7" });

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect(trpcError.code).toBe("BAD_REQUEST");
  return describeError(trpcError, "en").data.fieldErrors ?? {};
}

describe("registering a lead with several problems", async () => {
  const { products } = await caller.partner.leads.formOptions();
  const lead = {
    companyName: "One Pass Ltd",
    website: "one-pass.example",
    contactName: "Ada Pass",
    contactEmail: "ada@one-pass.example",
    contactPhone: "",
    country: "GB",
    productId: products[0]!.id,
    estimatedValue: "12,000.00",
    currency: "GBP",
    expectedCloseDate: "2027-01-15",
    notes: "",
  };

  it("gets the bad email, the negative value and the past close date in one answer", async () => {
    const fields = await fieldErrorsOf(
      caller.partner.leads.register({
        ...lead,
        contactEmail: "ada-at-nowhere",
        estimatedValue: "-500",
        expectedCloseDate: "2026-10-01", // the clock says 2026-11-01
      }),
    );
    expect(Object.keys(fields).sort()).toEqual(["contactEmail", "estimatedValue", "expectedCloseDate"]);
    expect(fields.expectedCloseDate).toMatch(/past/i);
  });

  it("reports a past close date beside a malformed email on an edit too", async () => {
    const created = await caller.partner.leads.register(lead);
    const fields = await fieldErrorsOf(
      caller.partner.leads.update({
        leadId: created.id,
        ...lead,
        contactEmail: "nope",
        expectedCloseDate: "2026-01-01",
      }),
    );
    expect(Object.keys(fields).sort()).toEqual(["contactEmail", "expectedCloseDate"]);
  });
});
