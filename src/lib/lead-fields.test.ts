import { describe, expect, it } from "vitest";
import { LEAD_FIELD_LIMITS, LEAD_FIELD_NAMES, leadInput } from "./lead-fields";

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
