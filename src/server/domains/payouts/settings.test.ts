import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, payoutAccounts, programSettings } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM } from "../actor";
import { isValidIban, isValidTaxId, masked } from "./bank";
import { getPayoutSettings, saveBankDetails, saveTaxDetails } from "./settings";
import { uploadTaxForm } from "./tax-form";
import { applyStripeAccount, onboardingStateOf, type StripeAccountShape } from "./stripe-account";

const { db, partnerOwner, partnerMember, ctxOf } = await setupProgram();
const accountOf = async (partnerId: string) =>
  (await db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, partnerId)))[0];
const auditCount = async () => (await db.select({ id: auditLog.id }).from(auditLog)).length;

const bank = {
  accountHolder: "Northwind Analytics Inc.",
  iban: "DE89 3704 0044 0532 0130 00",
  bankName: "Demo Bank",
  bankCountry: "de",
};

describe("bank and tax checks", () => {
  it("checks IBANs by mod 97 and country length", () => {
    expect(isValidIban("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(isValidIban("GB82 WEST 1234 5698 7654 33")).toBe(false);
    expect(isValidIban("DE8937040044053201300")).toBe(false);
    expect(isValidTaxId("w9", "12-3456789")).toBe(true);
    expect(isValidTaxId("w9", "12345")).toBe(false);
    expect(isValidTaxId("w8ben", "GB123456789")).toBe(true);
    expect(masked("DE89370400440532013000")).toBe("•••• 3000");
  });
});

describe("partner payout settings", () => {
  it("a member may read but not edit them", async () => {
    const before = await auditCount();
    await expect(saveBankDetails(ctxOf(partnerMember), bank)).rejects.toMatchObject({
      kind: "forbidden",
      code: "payoutAccount.ownerOnly",
    });
    await expect(saveTaxDetails(ctxOf(partnerMember), { formType: "w9", taxId: "123456789" })).rejects.toMatchObject({
      code: "payoutAccount.ownerOnly",
    });
    expect((await getPayoutSettings(ctxOf(partnerMember))).canEdit).toBe(false);
    expect(await auditCount()).toBe(before);
  });

  it("bad input names its field and writes nothing", async () => {
    const before = { account: await accountOf(partnerOwner.partnerId), audits: await auditCount() };
    await expect(
      saveBankDetails(ctxOf(partnerOwner), { ...bank, iban: "DE89 3704 0044 0532 0130 01" }),
    ).rejects.toMatchObject({ kind: "invalid", code: "payoutAccount.ibanInvalid", field: "iban" });
    await expect(
      saveBankDetails(ctxOf(partnerOwner), { ...bank, iban: "", accountNumber: "12ab", routingCode: "021000021" }),
    ).rejects.toMatchObject({ code: "payoutAccount.accountNumberInvalid", field: "accountNumber" });
    await expect(
      saveBankDetails(ctxOf(partnerOwner), { ...bank, iban: "", accountNumber: "", routingCode: "" }),
    ).rejects.toMatchObject({ code: "payoutAccount.accountRequired", field: "iban" });
    await expect(saveBankDetails(ctxOf(partnerOwner), { ...bank, bankCountry: "Germany" })).rejects.toMatchObject({
      field: "bankCountry",
    });
    await expect(saveTaxDetails(ctxOf(partnerOwner), { formType: "w9", taxId: "99-12" })).rejects.toMatchObject({
      code: "payoutAccount.taxIdInvalid",
      field: "taxId",
    });
    expect(await accountOf(partnerOwner.partnerId)).toEqual(before.account);
    expect(await auditCount()).toBe(before.audits);
  });

  it("the owner saves bank and tax details; only masked forms leave the domain", async () => {
    const saved = await saveBankDetails(ctxOf(partnerOwner), bank);
    expect(saved.method).toBe("bank");
    expect(saved.bank).toMatchObject({ accountLast4: "3000", kind: "iban", bankCountry: "DE" });
    expect(JSON.stringify(saved)).not.toContain("370400440532013000");
    expect((await accountOf(partnerOwner.partnerId))!.bankIban).toBe("DE89370400440532013000");
    const tax = await saveTaxDetails(ctxOf(partnerOwner), { formType: "w9", taxId: "12-3456789" });
    expect(tax.tax).toEqual(expect.objectContaining({ formType: "w9", taxIdLast4: "6789", hasSignedForm: false }));
    const settings = await getPayoutSettings(ctxOf(partnerOwner));
    expect(JSON.stringify(settings)).not.toContain("123456789");
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, partnerOwner.partnerId));
    const logged = JSON.stringify(
      audits.filter((a) => a.action.startsWith("payoutAccount.")).map(({ id: _id, ...a }) => a),
    );
    expect(logged).toContain("payoutAccount.bankSaved");
    expect(logged).not.toContain("370400440532013000");
    expect(logged).not.toContain("123456789");
  });

  it("bank details need the program's permission", async () => {
    await db.update(programSettings).set({ bankPayoutsAllowed: false }).where(eq(programSettings.id, 1));
    try {
      await expect(saveBankDetails(ctxOf(partnerOwner), bank)).rejects.toMatchObject({
        code: "payoutAccount.bankNotAllowed",
      });
    } finally {
      await db.update(programSettings).set({ bankPayoutsAllowed: true }).where(eq(programSettings.id, 1));
    }
  });
});

describe("Stripe account state", () => {
  const base: StripeAccountShape = {
    id: "acct_test_1",
    charges_enabled: false,
    payouts_enabled: false,
    details_submitted: false,
    requirements: { currently_due: ["external_account"], past_due: [], pending_verification: [] },
  };

  it("maps the account's flags to one state", () => {
    expect(onboardingStateOf(base)).toBe("details_needed");
    expect(
      onboardingStateOf({ ...base, details_submitted: true, requirements: { pending_verification: ["id"] } }),
    ).toBe("pending_verification");
    expect(
      onboardingStateOf({
        ...base,
        details_submitted: true,
        requirements: { currently_due: ["x"], disabled_reason: "requirements.past_due" },
      }),
    ).toBe("restricted");
    expect(
      onboardingStateOf({
        ...base,
        details_submitted: true,
        payouts_enabled: true,
        capabilities: { transfers: "active" },
      }),
    ).toBe("enabled");
  });

  it("links an account by its metadata, updates it by its id, and ignores strangers", async () => {
    const sys = ctxOf(SYSTEM);
    expect(await applyStripeAccount(sys, { ...base, id: "acct_nobody" })).toBeNull();
    const linked = await applyStripeAccount(sys, {
      ...base,
      metadata: { partner_id: partnerOwner.partnerId },
      requirements: { ...base.requirements, current_deadline: 1_800_000_000 },
    });
    expect(linked).toMatchObject({ partnerId: partnerOwner.partnerId, onboardingState: "details_needed" });
    expect(linked!.currentDeadline?.getTime()).toBe(1_800_000_000_000);
    const enabled = await applyStripeAccount(sys, {
      ...base,
      details_submitted: true,
      payouts_enabled: true,
      charges_enabled: true,
      requirements: { currently_due: [] },
    });
    expect(enabled).toMatchObject({ partnerId: partnerOwner.partnerId, onboardingState: "enabled", currentlyDue: [] });
    expect(await accountOf(partnerOwner.partnerId)).toMatchObject({ stripeAccountId: "acct_test_1" });
  });
});

describe("the signed tax form", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\n% signed W-9\n%%EOF\n");

  it("stays on file while the details it was signed for do, and is taken off when they change", async () => {
    await saveTaxDetails(ctxOf(partnerOwner), { formType: "w9", taxId: "12-3456789" });
    await uploadTaxForm(ctxOf(partnerOwner), { bytes: pdf, name: "w9-signed.pdf" });
    const uploaded = (await accountOf(partnerOwner.partnerId))!.taxFormFile;
    expect(uploaded).toMatch(/^tax-form\//);
    await saveTaxDetails(ctxOf(partnerOwner), { formType: "w9", taxId: "12-3456789" });
    expect((await accountOf(partnerOwner.partnerId))!.taxFormFile).toBe(uploaded);
    await saveTaxDetails(ctxOf(partnerOwner), { formType: "w9", taxId: "98-7654321" });
    expect((await accountOf(partnerOwner.partnerId))!.taxFormFile).toBeNull();
  });

  it("cannot be set by typing a storage key into the tax details", async () => {
    const input = { formType: "w9", taxId: "12-3456789", formFile: "tax-form/someone-else" } as const;
    await saveTaxDetails(ctxOf(partnerOwner), input);
    expect((await accountOf(partnerOwner.partnerId))!.taxFormFile).not.toBe("tax-form/someone-else");
  });
});
