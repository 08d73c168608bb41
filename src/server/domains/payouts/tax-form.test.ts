import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { auditLog, payoutAccounts, payoutTaxForms } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { getPayoutSettings, saveTaxDetails } from "./settings";
import {
  checkTaxForm,
  cleanFileName,
  readTaxForm,
  sniffTaxFormType,
  TAX_FORM_MAX_BYTES,
  uploadTaxForm,
  uploadTaxFormInput,
} from "./tax-form";

const { db, admin, manager, finance, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } = await setupProgram();

const PDF = new TextEncoder().encode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const text = (s: string) => new TextEncoder().encode(s);

const accountOf = async (partnerId: string) =>
  (await db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, partnerId)))[0];
const formsOf = (partnerId: string) => db.select().from(payoutTaxForms).where(eq(payoutTaxForms.partnerId, partnerId));
const auditsOf = (action: string, partnerId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, partnerId)));
const snapshot = async () =>
  JSON.stringify({
    account: await accountOf(partnerOwner.partnerId),
    forms: (await formsOf(partnerOwner.partnerId)).map((f) => ({ ...f, bytes: [...f.bytes] })),
    audits: (await db.select({ id: auditLog.id }).from(auditLog)).length,
  });

describe("what a signed form may be", () => {
  it("knows a PDF, PNG or JPEG by its bytes, and nothing else", () => {
    expect(sniffTaxFormType(PDF)).toBe("application/pdf");
    expect(sniffTaxFormType(PNG)).toBe("image/png");
    expect(sniffTaxFormType(JPEG)).toBe("image/jpeg");
    for (const other of [
      text("GIF89a\u0001\u0000"),
      text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      text("<html><script>alert(1)</script></html>"),
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), // a .docx is a zip
      text(" %PDF-1.7"), // the signature must come first
      PNG.slice(0, 7), // a truncated signature is no PNG
    ])
      expect(sniffTaxFormType(other)).toBeNull();
  });

  it("holds the 5 MB limit exactly and refuses empty files", () => {
    const atLimit = new Uint8Array(TAX_FORM_MAX_BYTES);
    atLimit.set(PDF);
    expect(checkTaxForm(atLimit)).toEqual({ ok: true, contentType: "application/pdf" });
    const over = new Uint8Array(TAX_FORM_MAX_BYTES + 1);
    over.set(PDF);
    expect(checkTaxForm(over)).toEqual({ ok: false, code: "payoutAccount.taxFormTooLarge" });
    expect(checkTaxForm(new Uint8Array())).toEqual({ ok: false, code: "payoutAccount.taxFormEmpty" });
    expect(checkTaxForm(text("just text"))).toEqual({ ok: false, code: "payoutAccount.taxFormWrongType" });
  });

  it("keeps a clean name ending in the file's real extension", () => {
    expect(cleanFileName("W-9 signed.PDF", "application/pdf")).toBe("W-9 signed.pdf");
    expect(cleanFileName("scan.png", "application/pdf")).toBe("scan.pdf");
    expect(cleanFileName("C:\\Users\\me\\form.v2.jpeg", "image/jpeg")).toBe("form.v2.jpg");
    expect(cleanFileName("../../etc/passwd", "image/png")).toBe("passwd.png");
    expect(cleanFileName("نموذج\u0007.pdf", "application/pdf")).toBe("نموذج.pdf");
    expect(cleanFileName("", "image/png")).toBe("tax-form.png");
    expect(cleanFileName(`${"x".repeat(300)}.pdf`, "application/pdf")).toHaveLength(124);
  });

  it("takes base64 up to the limit, and says a larger or garbled upload is the form's fault", () => {
    const limit = Buffer.alloc(TAX_FORM_MAX_BYTES).toString("base64");
    expect(uploadTaxFormInput.safeParse({ fileName: "a.pdf", dataBase64: limit }).success).toBe(true);
    const over = uploadTaxFormInput.safeParse({ fileName: "a.pdf", dataBase64: `${limit}AAAAAAAAAAAA` });
    expect(over.error?.issues[0]).toMatchObject({ path: ["dataBase64"], message: "payoutAccount.taxFormTooLarge" });
    const garbled = uploadTaxFormInput.safeParse({ fileName: "a.pdf", dataBase64: "not base64!" });
    expect(garbled.error?.issues[0]).toMatchObject({ path: ["dataBase64"], message: "payoutAccount.taxFormWrongType" });
  });
});

describe("uploading the signed form", () => {
  it("needs the tax details first", async () => {
    const before = await snapshot();
    await expect(uploadTaxForm(ctxOf(partnerOwner), { bytes: PDF, name: "w9.pdf" })).rejects.toMatchObject({
      kind: "conflict",
      code: "payoutAccount.taxDetailsFirst",
      field: "taxForm",
    });
    expect(await snapshot()).toBe(before);
  });

  it("refuses a member, and a file that is not a PDF, PNG or JPEG or is too large, naming the field", async () => {
    await saveTaxDetails(ctxOf(partnerOwner), { formType: "w9", taxId: "12-3456789" });
    const before = await snapshot();
    await expect(uploadTaxForm(ctxOf(partnerMember), { bytes: PDF, name: "w9.pdf" })).rejects.toMatchObject({
      kind: "forbidden",
      code: "payoutAccount.ownerOnly",
    });
    // Named and typed like a PDF, but the bytes are HTML.
    await expect(
      uploadTaxForm(ctxOf(partnerOwner), { bytes: text("<html><body>W-9</body></html>"), name: "w9.pdf" }),
    ).rejects.toMatchObject({ kind: "invalid", code: "payoutAccount.taxFormWrongType", field: "taxForm" });
    const big = new Uint8Array(TAX_FORM_MAX_BYTES + 1);
    big.set(PDF);
    await expect(uploadTaxForm(ctxOf(partnerOwner), { bytes: big, name: "w9.pdf" })).rejects.toMatchObject({
      code: "payoutAccount.taxFormTooLarge",
      field: "taxForm",
    });
    await expect(uploadTaxForm(ctxOf(partnerOwner), { bytes: new Uint8Array(), name: "w9.pdf" })).rejects.toMatchObject(
      { code: "payoutAccount.taxFormEmpty", field: "taxForm" },
    );
    expect(await snapshot()).toBe(before);
  });

  it("stores the owner's form, points the account at it and audits it, in one transaction", async () => {
    const at = fixedClock("2026-11-02T10:00:00Z");
    const view = await uploadTaxForm(ctxOf(partnerOwner, at), { bytes: PDF, name: "W-9 (signed).pdf" });
    expect(view.tax).toMatchObject({ formType: "w9", taxIdLast4: "6789", hasSignedForm: true, updatedAt: at.now() });
    expect(JSON.stringify(view)).not.toContain("123456789");
    const account = await accountOf(partnerOwner.partnerId);
    const [form] = await formsOf(partnerOwner.partnerId);
    expect(form).toMatchObject({
      fileName: "W-9 (signed).pdf",
      contentType: "application/pdf",
      uploadedBy: partnerOwner.userId,
      uploadedAt: at.now(),
    });
    expect(form!.storageKey).toMatch(new RegExp(`^tax-form/${partnerOwner.partnerId}/[0-9a-f-]{36}$`));
    expect(account!.taxFormFile).toBe(form!.storageKey);
    expect(account!.taxUpdatedAt).toEqual(at.now());
    expect(new Uint8Array(form!.bytes)).toEqual(PDF);
    expect((await getPayoutSettings(ctxOf(partnerMember))).tax?.hasSignedForm).toBe(true);

    const [entry] = await auditsOf("payoutAccount.taxFormUploaded", partnerOwner.partnerId);
    expect(entry).toMatchObject({
      actorId: partnerOwner.userId,
      entityType: "partner",
      before: null,
      after: {
        storageKey: form!.storageKey,
        fileName: "W-9 (signed).pdf",
        contentType: "application/pdf",
        size: PDF.length,
      },
    });
    expect(JSON.stringify([entry!.before, entry!.after])).not.toContain("%PDF");

    // Inside a caller's transaction it joins it: rolled back, nothing of it stays (audit included).
    const before = await snapshot();
    await expect(
      db.transaction(async (tx) => {
        await uploadTaxForm({ ...ctxOf(partnerOwner), db: tx }, { bytes: PNG, name: "scan.png" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await snapshot()).toBe(before);
  });

  it("replaces the previous form: one file per partner, a new storage key, the audit saying what it was", async () => {
    const [first] = await formsOf(partnerOwner.partnerId);
    const at = fixedClock("2026-11-03T08:30:00Z");
    // A JPEG under a PDF's name: kept as what the bytes are.
    await uploadTaxForm(ctxOf(partnerOwner, at), { bytes: JPEG, name: "photo of form.pdf" });
    const forms = await formsOf(partnerOwner.partnerId);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ fileName: "photo of form.jpg", contentType: "image/jpeg", uploadedAt: at.now() });
    expect(new Uint8Array(forms[0]!.bytes)).toEqual(JPEG);
    expect(forms[0]!.storageKey).not.toBe(first!.storageKey);
    const account = await accountOf(partnerOwner.partnerId);
    expect(account!.taxFormFile).toBe(forms[0]!.storageKey);
    expect(account!.taxUpdatedAt).toEqual(at.now());
    const entries = await auditsOf("payoutAccount.taxFormUploaded", partnerOwner.partnerId);
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.before !== null)).toMatchObject({
      before: { storageKey: first!.storageKey, fileName: "W-9 (signed).pdf", size: PDF.length },
      after: { storageKey: forms[0]!.storageKey, fileName: "photo of form.jpg", size: JPEG.length },
    });
    const read = await readTaxForm(ctxOf(partnerOwner));
    expect(new Uint8Array(read.bytes)).toEqual(JPEG);
  });
});

describe("reading the signed form", () => {
  it("is for the partner's own users, owner and member, whatever id they pass", async () => {
    for (const actor of [partnerOwner, partnerMember]) {
      const form = await readTaxForm(ctxOf(actor), otherPartnerOwner.partnerId);
      expect(form).toMatchObject({ fileName: "photo of form.jpg", contentType: "image/jpeg" });
    }
  });

  it("never gives another partner's form: they get their own, or none", async () => {
    await expect(readTaxForm(ctxOf(otherPartnerOwner), partnerOwner.partnerId)).rejects.toMatchObject({
      kind: "not_found",
      code: "payoutAccount.taxFormMissing",
    });
    await expect(readTaxForm(ctxOf(otherPartnerOwner))).rejects.toMatchObject({ kind: "not_found" });
  });

  it("lets finance and admins read any partner's, audited; other staff are refused", async () => {
    for (const actor of [finance, admin]) {
      const form = await readTaxForm(ctxOf(actor), partnerOwner.partnerId);
      expect(new Uint8Array(form.bytes)).toEqual(JPEG);
    }
    const reads = await auditsOf("payoutAccount.taxFormDownloaded", partnerOwner.partnerId);
    expect(reads.map((r) => r.actorId).sort()).toEqual([finance.userId, admin.userId].sort());
    expect(reads[0]).toMatchObject({ entityType: "partner", after: { fileName: "photo of form.jpg" } });
    await expect(readTaxForm(ctxOf(manager), partnerOwner.partnerId)).rejects.toMatchObject({
      kind: "forbidden",
      code: "payout.financeOnly",
    });
    await expect(readTaxForm(ctxOf(finance))).rejects.toMatchObject({ kind: "invalid", field: "partnerId" });
    await expect(readTaxForm(ctxOf(finance), "not-a-uuid")).rejects.toMatchObject({ kind: "not_found" });
    await expect(readTaxForm(ctxOf(finance), otherPartnerOwner.partnerId)).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("serves only the file the account names", async () => {
    const account = await accountOf(partnerOwner.partnerId);
    await db
      .update(payoutAccounts)
      .set({ taxFormFile: "demo/tax/elsewhere.pdf" })
      .where(eq(payoutAccounts.partnerId, partnerOwner.partnerId));
    try {
      await expect(readTaxForm(ctxOf(partnerOwner))).rejects.toMatchObject({ kind: "not_found" });
      await expect(readTaxForm(ctxOf(finance), partnerOwner.partnerId)).rejects.toMatchObject({ kind: "not_found" });
    } finally {
      await db
        .update(payoutAccounts)
        .set({ taxFormFile: account!.taxFormFile })
        .where(eq(payoutAccounts.partnerId, partnerOwner.partnerId));
    }
  });
});
