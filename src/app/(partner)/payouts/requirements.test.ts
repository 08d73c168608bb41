import { describe, expect, it } from "vitest";
import { disabledReasonOf, readableRequirements } from "./requirements";

describe("readableRequirements", () => {
  it("turns Stripe's paths into things to provide, each once", () => {
    expect(
      readableRequirements([
        "external_account",
        "individual.verification.document",
        "individual.dob.day",
        "individual.dob.month",
        "person_1Nabc.address.city",
        "tos_acceptance.date",
        "business_profile.mcc",
      ]),
    ).toEqual({
      known: ["bankAccount", "identityDocument", "dateOfBirth", "homeAddress", "terms", "businessDescription"],
      other: [],
    });
  });

  it("keeps the additional document apart from the identity document", () => {
    expect(readableRequirements(["individual.verification.additional_document"]).known).toEqual(["addressDocument"]);
  });

  it("keeps paths it does not know as they are", () => {
    expect(readableRequirements(["treasury.something", "company.tax_id", "treasury.something"])).toEqual({
      known: ["companyTaxId"],
      other: ["treasury.something"],
    });
  });
});

describe("disabledReasonOf", () => {
  it.each([
    ["requirements.past_due", "pastDue"],
    ["requirements.pending_verification", "pendingVerification"],
    ["rejected.fraud", "rejected"],
    ["under_review", "underReview"],
    ["platform_paused", "paused"],
    ["something_new", "other"],
  ])("%s → %s", (reason, expected) => {
    expect(disabledReasonOf(reason)).toBe(expected);
  });

  it("has nothing to say without a reason", () => {
    expect(disabledReasonOf(null)).toBeNull();
  });
});
