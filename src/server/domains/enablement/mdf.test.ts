import { and, eq, like, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

// Before anything reads the environment: this file's uploads go to a directory of its own.
await vi.hoisted(async () => {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  process.env.DATA_DIR = await fs.mkdtemp(`${os.tmpdir()}/tierwise-mdf-`);
});

import { fixedClock } from "@/lib/clock";
import {
  auditLog,
  emailOutbox,
  leads,
  ledgerEntries,
  mdfClaims,
  partners,
  programSettings,
  storedFiles,
  tiers,
} from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { budgetPosition, remainingOf, setBudget, setClaimDeadline } from "./mdf-budgets";
import { approveClaim, rejectClaim, submitClaim, submitClaimInput } from "./mdf-claims";
import { myRequest, myRequests, readMdfFile } from "./mdf-queries";
import { approveRequest, cancelRequest, createRequest, rejectRequest } from "./mdf-requests";

const { db, manager, admin, partnerOwner, partnerMember, otherPartnerOwner, ctxOf, actorByEmail } =
  await setupProgram();

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const proof = { fileName: "booth-photo.png", contentBase64: b64(PNG) };
const invoice = { fileName: "invoice-0042.pdf", contentBase64: b64(PDF) };

// A quarter the demo seed leaves alone: 2027 Q1, campaigns in January, claims at the end of it.
const Q = { year: 2027, quarter: 1 };
const afterCampaign = fixedClock("2027-01-25T10:00:00Z");
const gold = (await db.select().from(tiers).where(eq(tiers.key, "gold")))[0]!;
await setBudget(ctxOf(admin), { ...Q, tierId: gold.id, amount: "10,000", note: "" });

const campaign = (overrides: Partial<Parameters<typeof createRequest>[1]> = {}) => ({
  campaignName: "Northwind Data Summit booth",
  activityType: "event" as const,
  description: "A booth at the regional data summit.",
  startsOn: "2027-01-10",
  endsOn: "2027-01-20",
  totalCost: "8,000",
  requested: "4,000",
  expectedLeads: 40,
  expectedPipeline: "250,000",
  ...overrides,
});

const claimFor = (requestId: string, overrides: Partial<Parameters<typeof submitClaim>[1]> = {}) =>
  submitClaimInput.parse({
    requestId,
    actualCost: "7,500",
    claimed: "3,000",
    leadsProduced: 12,
    notes: "",
    leadIds: [],
    proofs: [proof],
    invoice,
    ...overrides,
  });

describe("MDF budget arithmetic", () => {
  it("what is left is the allocation less the approvals, never below zero", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { maxLength: 20 }),
        (allocated, approvals) => {
          const left = remainingOf(allocated, approvals);
          const used = approvals.reduce((a, b) => a + b, 0n);
          expect(left >= 0n).toBe(true);
          expect(left).toBe(used >= allocated ? 0n : allocated - used);
          // Approving any amount up to what is left keeps the total within the allocation.
          if (left > 0n) expect(used + left <= allocated).toBe(true);
        },
      ),
    );
  });
});

describe("MDF requests", () => {
  it("a member asks within the budget; the quarter comes from the start date and managers hear", async () => {
    const request = await createRequest(ctxOf(partnerMember), campaign());
    expect(request).toMatchObject({ year: 2027, quarter: 1, status: "submitted", requestedMinor: 400_000n });
    expect(request.currency).toBe("USD");
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "mdfRequestSubmitted"));
    expect(mails.length).toBeGreaterThan(0);
    const position = await budgetPosition(db, partnerOwner.partnerId, Q);
    expect(position).toMatchObject({ allocatedMinor: 1_000_000n, requestedMinor: 400_000n, approvedMinor: 0n });
  });

  it("refuses an ask above the total cost, above what is left, or where no budget exists", async () => {
    await expect(createRequest(ctxOf(partnerOwner), campaign({ requested: "9,000" }))).rejects.toMatchObject({
      code: "mdf.requestAboveCost",
      field: "requested",
    });
    await expect(
      createRequest(ctxOf(partnerOwner), campaign({ totalCost: "20,000", requested: "10,001" })),
    ).rejects.toMatchObject({ code: "mdf.requestAboveBudget" });
    // Cobalt is Platinum: no allocation for Platinum in 2027 Q1.
    await expect(createRequest(ctxOf(otherPartnerOwner), campaign())).rejects.toMatchObject({ code: "mdf.noBudget" });
    await expect(
      createRequest(ctxOf(partnerOwner), campaign({ startsOn: "2027-01-20", endsOn: "2027-01-10" })),
    ).rejects.toMatchObject({ code: "mdf.endsBeforeStart", field: "endsOn" });
  });

  it("a partner override replaces the tier's allocation", async () => {
    const cobalt = (await db.select().from(partners).where(eq(partners.id, otherPartnerOwner.partnerId)))[0]!;
    await setBudget(ctxOf(manager), { ...Q, partnerId: cobalt.id, amount: "2,500", note: "Pilot quarter" });
    expect((await budgetPosition(db, cobalt.id, Q)).allocatedMinor).toBe(250_000n);
    const entry = await db.select().from(auditLog).where(eq(auditLog.action, "mdf.budgetSet"));
    expect(entry.length).toBeGreaterThan(0);
    await setBudget(ctxOf(manager), { ...Q, partnerId: cobalt.id, amount: "", note: "" });
    expect((await budgetPosition(db, cobalt.id, Q)).allocatedMinor).toBeNull();
  });

  it("a manager approves at most what was asked and what is left, or rejects with a reason", async () => {
    const request = await createRequest(ctxOf(partnerOwner), campaign({ campaignName: "Webinar series" }));
    await expect(
      approveRequest(ctxOf(manager), { requestId: request.id, amount: "4,001", note: "" }),
    ).rejects.toMatchObject({ code: "mdf.approveAboveRequested", field: "amount" });
    const approved = await approveRequest(ctxOf(manager), { requestId: request.id, amount: "3,500", note: "Go" });
    expect(approved).toMatchObject({ status: "approved", approvedMinor: 350_000n, decidedBy: manager.userId });
    await expect(
      approveRequest(ctxOf(manager), { requestId: request.id, amount: "1", note: "" }),
    ).rejects.toMatchObject({
      code: "mdf.alreadyDecided",
    });
    // 10,000 less 3,500 leaves 6,500; both asks fit when made, but once 5,000 is approved only
    // 1,500 is left, and an approval of the other's 2,000 is refused although it was asked for.
    const big = await createRequest(ctxOf(partnerOwner), campaign({ totalCost: "7,000", requested: "6,500" }));
    const more = await createRequest(ctxOf(partnerOwner), campaign({ requested: "2,000" }));
    await approveRequest(ctxOf(manager), { requestId: big.id, amount: "5,000", note: "" });
    await expect(
      approveRequest(ctxOf(manager), { requestId: more.id, amount: "2,000", note: "" }),
    ).rejects.toMatchObject({ code: "mdf.approveAboveBudget" });
    expect((await budgetPosition(db, partnerOwner.partnerId, Q)).remainingMinor).toBe(150_000n);
    const rejected = await rejectRequest(ctxOf(manager), { requestId: more.id, reason: "Outside our focus markets" });
    expect(rejected).toMatchObject({ status: "rejected", decisionNote: "Outside our focus markets" });
    const audits = await db.select().from(auditLog).where(like(auditLog.action, "mdf.request%"));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["mdf.requestApproved", "mdf.requestRejected", "mdf.requestSubmitted"]),
    );
    const partnerMails = await db
      .select({ to: emailOutbox.to })
      .from(emailOutbox)
      .where(eq(emailOutbox.template, "mdfRequestApproved"));
    expect(partnerMails.map((m) => m.to)).toContain(partnerOwner.email);
  });

  it("the partner cancels a request nobody decided; another partner cannot touch it", async () => {
    const request = await createRequest(ctxOf(partnerOwner), campaign({ requested: "100" }));
    await expect(cancelRequest(ctxOf(otherPartnerOwner), { requestId: request.id })).rejects.toMatchObject({
      code: "mdf.requestNotFound",
    });
    await expect(myRequest(ctxOf(otherPartnerOwner), { requestId: request.id })).rejects.toMatchObject({
      code: "mdf.requestNotFound",
    });
    const theirs = await myRequests(ctxOf(otherPartnerOwner), { page: 1, pageSize: 100, sortDir: "desc" });
    expect(theirs.rows.map((r) => r.id)).not.toContain(request.id);
    expect((await cancelRequest(ctxOf(partnerOwner), { requestId: request.id })).status).toBe("cancelled");
    expect((await cancelRequest(ctxOf(partnerOwner), { requestId: request.id })).status).toBe("cancelled");
  });
});

describe("MDF claims", () => {
  const approvedRequest = async (name: string) => {
    const request = await createRequest(ctxOf(partnerOwner), campaign({ campaignName: name, requested: "100" }));
    await approveRequest(ctxOf(manager), { requestId: request.id, amount: "100", note: "" });
    return request;
  };

  it("is filed after the campaign, within the deadline, at most what was approved, with the partner's own leads", async () => {
    const request = await approvedRequest("Claimed campaign");
    await expect(submitClaim(ctxOf(partnerOwner), claimFor(request.id, { claimed: "50" }))).rejects.toMatchObject({
      code: "mdf.campaignNotEnded",
    });
    const late = fixedClock("2027-06-30T10:00:00Z");
    await expect(submitClaim(ctxOf(partnerOwner, late), claimFor(request.id, { claimed: "50" }))).rejects.toMatchObject(
      { code: "mdf.claimPastDeadline" },
    );
    await expect(
      submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(request.id, { claimed: "100.01" })),
    ).rejects.toMatchObject({ code: "mdf.claimAboveApproved", field: "claimed" });
    const [foreignLead] = await db
      .select()
      .from(leads)
      .where(eq(leads.partnerId, otherPartnerOwner.partnerId))
      .limit(1);
    const [ownLead] = await db.select().from(leads).where(eq(leads.partnerId, partnerOwner.partnerId)).limit(1);
    await expect(
      submitClaim(
        ctxOf(partnerOwner, afterCampaign),
        claimFor(request.id, { claimed: "50", leadIds: [foreignLead!.id] }),
      ),
    ).rejects.toMatchObject({ code: "mdf.leadNotFound" });
    await expect(
      submitClaim(ctxOf(otherPartnerOwner, afterCampaign), claimFor(request.id, { claimed: "50" })),
    ).rejects.toMatchObject({ code: "mdf.requestNotFound" });
    const claim = await submitClaim(
      ctxOf(partnerOwner, afterCampaign),
      claimFor(request.id, { claimed: "80", leadIds: [ownLead!.id] }),
    );
    expect(claim).toMatchObject({ status: "submitted", claimedMinor: 8_000n });
    await expect(
      submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(request.id, { claimed: "80" })),
    ).rejects.toMatchObject({ code: "mdf.claimExists" });
    const detail = await myRequest(ctxOf(partnerOwner, afterCampaign), { requestId: request.id });
    expect(detail.claims[0]!.files.map((f) => f.kind).sort()).toEqual(["invoice", "proof"]);
    expect(detail.claims[0]!.leads.map((l) => l.leadId)).toEqual([ownLead!.id]);
    const fileId = detail.claims[0]!.files[0]!.fileId;
    expect(await readMdfFile(db, partnerOwner, fileId)).not.toBeNull();
    expect(await readMdfFile(db, manager, fileId)).not.toBeNull();
    expect(await readMdfFile(db, otherPartnerOwner, fileId)).toBeNull();
    expect(await readMdfFile(db, otherPartnerOwner, "not-a-uuid")).toBeNull();
  });

  it("refuses a wrong file by its bytes and stores nothing", async () => {
    const request = await approvedRequest("Bad files");
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0]!.n;
    const html = { fileName: "photo.png", contentBase64: b64(new TextEncoder().encode("<html><script>x</script>")) };
    await expect(
      submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(request.id, { claimed: "50", proofs: [proof, html] })),
    ).rejects.toMatchObject({ code: "storage.wrongType", field: "proofs.1" });
    await expect(
      submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(request.id, { claimed: "50", invoice: proof })),
    ).resolves.toBeTruthy(); // a PNG invoice is allowed (a photographed receipt)
    const after = (await db.select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0]!.n;
    expect(after - before).toBe(2);
    const zip = { fileName: "x.pdf", contentBase64: b64(Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])) };
    expect(() => claimFor(request.id, { proofs: [] })).toThrow();
    const other = await approvedRequest("Executable invoice");
    await expect(
      submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(other.id, { claimed: "50", invoice: zip })),
    ).rejects.toMatchObject({ code: "storage.wrongType", field: "invoice" });
  });

  it("an approved claim posts one payable mdf entry in the same transaction; a second click changes nothing", async () => {
    const request = await approvedRequest("Paid campaign");
    const claim = await submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(request.id, { claimed: "90" }));
    await expect(approveClaim(ctxOf(manager), { claimId: claim.id, amount: "90.01", note: "" })).rejects.toMatchObject({
      code: "mdf.approveAboveClaimed",
    });
    const approved = await approveClaim(ctxOf(manager, afterCampaign), { claimId: claim.id, amount: "85", note: "" });
    expect(approved.status).toBe("approved");
    await expect(approveClaim(ctxOf(manager), { claimId: claim.id, amount: "85", note: "" })).rejects.toMatchObject({
      code: "mdf.alreadyDecided",
    });
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.mdfClaimId, claim.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      source: "mdf",
      state: "payable",
      amount: 8_500n,
      asset: "USD",
      eventKey: `mdf_claim:${claim.id}`,
      partnerId: partnerOwner.partnerId,
      id: approved.ledgerEntryId,
    });
    expect(entries[0]!.availableAt.getTime()).toBe(afterCampaign.now().getTime());
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "mdfClaimApproved"));
    expect(mails.length).toBeGreaterThan(0);
    const position = await budgetPosition(db, partnerOwner.partnerId, Q);
    expect(position.claimedMinor).toBeGreaterThanOrEqual(9_000n);
  });

  it("a rejected claim may be followed by a new one", async () => {
    const request = await approvedRequest("Second try");
    const first = await submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(request.id, { claimed: "60" }));
    await rejectClaim(ctxOf(manager), { claimId: first.id, reason: "The invoice is not itemised" });
    const again = await submitClaim(ctxOf(partnerOwner, afterCampaign), claimFor(request.id, { claimed: "60" }));
    expect(again.status).toBe("submitted");
    const claims = await db.select().from(mdfClaims).where(eq(mdfClaims.requestId, request.id));
    expect(claims.map((c) => c.status).sort()).toEqual(["rejected", "submitted"]);
    const rejectedMail = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, "mdfClaimRejected"), eq(emailOutbox.to, partnerOwner.email)));
    expect(rejectedMail.length).toBeGreaterThan(0);
  });

  it("the claim deadline is the program's, set by staff and audited", async () => {
    await setClaimDeadline(ctxOf(admin), { days: 3 });
    const request = await approvedRequest("Short deadline");
    await expect(
      submitClaim(ctxOf(partnerOwner, fixedClock("2027-01-24T10:00:00Z")), claimFor(request.id, { claimed: "10" })),
    ).rejects.toMatchObject({ code: "mdf.claimPastDeadline" });
    await setClaimDeadline(ctxOf(admin), { days: 60 });
    const [settings] = await db.select().from(programSettings);
    expect(settings!.mdfClaimDeadlineDays).toBe(60);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "mdf.claimDeadlineSet"));
    expect(audits).toHaveLength(2);
  });

  it("an Arabic reader gets the email in Arabic", async () => {
    const omar = await actorByEmail("omar@rimal.demo");
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.to, omar.email));
    for (const m of mails.filter((x) => x.template.startsWith("mdf"))) expect(m.locale).toBe("ar");
  });
});
