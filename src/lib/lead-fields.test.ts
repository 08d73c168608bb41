import { describe, expect, it } from "vitest";
import { LEAD_FIELD_LIMITS, LEAD_FIELD_NAMES, leadInput, leadInputOn } from "./lead-fields";

describe("the lead form's fields, read from the schema", () => {
  it("names every field the server parses, in order", () => {
    expect(LEAD_FIELD_NAMES).toEqual([
      "companyName",
      "website",
      "contactName",
      "contactEmail",
      "contactPhone",
      "country",
      "productId",
      "estimatedValue",
      "currency",
      "expectedCloseDate",
      "notes",
    ]);
  });

  it("reads lengths and required marks through defaults and transforms", () => {
    expect(LEAD_FIELD_LIMITS.companyName).toEqual({ required: true, minLength: 2, maxLength: 160 });
    expect(LEAD_FIELD_LIMITS.website).toEqual({ required: true, minLength: 4, maxLength: 200 });
    expect(LEAD_FIELD_LIMITS.contactName).toEqual({ required: true, minLength: 2, maxLength: 120 });
    expect(LEAD_FIELD_LIMITS.contactEmail).toMatchObject({ required: true, maxLength: 320 });
    expect(LEAD_FIELD_LIMITS.contactPhone).toEqual({ required: false, maxLength: 40 });
    expect(LEAD_FIELD_LIMITS.estimatedValue).toEqual({ required: true, minLength: 1, maxLength: 24 });
    expect(LEAD_FIELD_LIMITS.notes).toEqual({ required: false, maxLength: 5000 });
    expect(LEAD_FIELD_LIMITS.country).toEqual({ required: true });
  });

  it("parses what the form sends", () => {
    const parsed = leadInput.parse({
      companyName: "Acme",
      website: "acme.example",
      contactName: "Wile E.",
      contactEmail: "Wile@Acme.Example",
      country: "de",
      productId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
      estimatedValue: "25,000.00",
      currency: "eur",
      expectedCloseDate: "2030-03-31",
    });
    expect(parsed).toMatchObject({
      contactEmail: "wile@acme.example",
      country: "DE",
      currency: "EUR",
      contactPhone: "",
      notes: "",
    });
  });
});

describe("a lead checked in one pass", () => {
  const valid = {
    companyName: "Acme",
    website: "acme.example",
    contactName: "Wile E.",
    contactEmail: "wile@acme.example",
    country: "DE",
    productId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    estimatedValue: "25,000.00",
    currency: "EUR",
    expectedCloseDate: "2026-12-31",
  };
  const problems = (input: Record<string, unknown>) => {
    const result = leadInputOn("2026-11-01").safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("reports a bad email, a negative value and a past close date in the same answer", () => {
    const found = problems({
      ...valid,
      contactEmail: "not-an-email",
      estimatedValue: "-5",
      expectedCloseDate: "2026-10-01",
    });
    expect(Object.keys(found).sort()).toEqual(["contactEmail", "estimatedValue", "expectedCloseDate"]);
    expect(found.estimatedValue).toBe("money.positive");
    expect(found.expectedCloseDate).toBe("lead.closeDatePast");
  });

  it("checks the amount in its currency and the five-year limit beside format errors", () => {
    const found = problems({
      ...valid,
      companyName: "",
      estimatedValue: "10.5",
      currency: "JPY",
      expectedCloseDate: "2032-01-01",
    });
    expect(found).toMatchObject({ estimatedValue: "money.invalid", expectedCloseDate: "lead.closeDateTooFar" });
    expect(found.companyName).toBeDefined();
  });

  it("says one thing per field: a malformed date or currency is not also out of range", () => {
    const found = problems({ ...valid, estimatedValue: "abc", currency: "XX", expectedCloseDate: "31/12/2026" });
    expect(found).toEqual({
      estimatedValue: "money.invalid",
      currency: "currency.invalid",
      expectedCloseDate: "lead.dateInvalid",
    });
  });

  it("accepts a lead that is right on today", () => {
    expect(leadInputOn("2026-11-01").safeParse({ ...valid, expectedCloseDate: "2026-11-01" }).success).toBe(true);
    expect(leadInputOn("2026-11-01").safeParse({ ...valid, expectedCloseDate: "2031-11-01" }).success).toBe(true);
  });
});
