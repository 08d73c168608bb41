import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import {
  certifications,
  courses,
  leadComments,
  leadEvents,
  ledgerEntries,
  leads,
  partnerInvitations,
  partnerLogos,
  partnerMemberships,
  partners,
  payoutAccounts,
  payouts,
  payoutTaxForms,
  products,
  quizAttempts,
  users,
} from "@/server/db/schema";
import { issueInvitation } from "@/server/domains/partners/invitations";
import { saveTaxDetails } from "@/server/domains/payouts/settings";
import { uploadTaxForm } from "@/server/domains/payouts/tax-form";
import { setupProgram } from "@/server/testing/fixtures";
import { createCallerFactory, type AccessMeta, type Context } from "./init";
import { appRouter } from "./root";

/**
 * Tenant isolation, router-wide: a partner user calls every partner procedure with another
 * organization's ids in every id field, and never sees or changes anything of theirs.
 */
const { db, clock, partnerOwner, otherPartnerOwner, actorByEmail } = await setupProgram();
const otherMember = await actorByEmail("tobias@cobalt.demo");
const otherPartnerId = otherPartnerOwner.kind === "partner" ? otherPartnerOwner.partnerId : "";
const otherInvitation = await db.transaction((tx) =>
  issueInvitation(
    { db: tx, actor: otherPartnerOwner, clock: fixedClock(clock.now()) },
    { partnerId: otherPartnerId, email: "newhire@cobalt.demo", name: "New Hire", role: "member", locale: "en" },
  ),
);
await db.insert(partnerLogos).values({
  partnerId: otherPartnerId,
  contentType: "image/png",
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
});

// Their signed tax form, which no call of ours may read, replace or point at.
const otherCtx = { db, actor: otherPartnerOwner, clock: fixedClock(clock.now()) };
await saveTaxDetails(otherCtx, { formType: "w8bene", taxId: "DE123456789" });
await uploadTaxForm(otherCtx, { bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), name: "cobalt-w8bene.pdf" });
const [otherTaxForm] = await db.select().from(payoutTaxForms).where(eq(payoutTaxForms.partnerId, otherPartnerId));

/** Every value that would betray the other organization if it showed up in an answer. */
const [otherOrg] = await db.select().from(partners).where(eq(partners.id, otherPartnerId));
const otherUsers = await db
  .select({ id: users.id, email: users.email, name: users.name })
  .from(partnerMemberships)
  .innerJoin(users, eq(users.id, partnerMemberships.userId))
  .where(eq(partnerMemberships.partnerId, otherPartnerId));
const otherLeads = await db.select().from(leads).where(eq(leads.partnerId, otherPartnerId));
const otherLead = otherLeads.find((l) => l.companyName === "Vandelay Industries")!;
const [product] = await db.select({ id: products.id, name: products.name }).from(products).limit(1);
// Their payouts (paid last month, and in this month's draft) and their connected Stripe account.
const otherPayouts = await db.select().from(payouts).where(eq(payouts.partnerId, otherPartnerId));
const [otherPayoutAccount] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, otherPartnerId));
const secrets = [
  otherPartnerId,
  otherOrg!.name,
  otherOrg!.domain!,
  otherInvitation.id,
  otherInvitation.email,
  ...otherUsers.flatMap((u) => [u.id, u.email, u.name]),
  ...otherLeads.flatMap((l) => [l.id, l.contactEmail, l.contactName]),
  ...(
    await db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.partnerId, otherPartnerId))
  ).map((e) => e.id),
  ...otherPayouts.flatMap((p) => [p.id, ...(p.stripeTransferId ? [p.stripeTransferId] : [])]),
  otherPayoutAccount!.stripeAccountId!,
  otherTaxForm!.storageKey,
  otherTaxForm!.fileName,
];
/** A registration of the other organization's protected company: refused without naming them. */
const leadFields = {
  companyName: "Vandelay Industries",
  website: "vandelay.example",
  contactName: "Someone Else",
  contactEmail: "someone@vandelay.example",
  contactPhone: "",
  country: "US",
  productId: product!.id,
  estimatedValue: "1000",
  currency: "USD",
  expectedCloseDate: "2027-06-30",
  notes: "",
};

/** The other organization's rows, to prove that nothing of theirs changed. */
async function otherOrgSnapshot() {
  const [org, members, invitations, logo, theirLeads, comments, events, payoutAccount, theirPayouts, taxForm] =
    await Promise.all([
      db.select().from(partners).where(eq(partners.id, otherPartnerId)),
      db.select().from(partnerMemberships).where(eq(partnerMemberships.partnerId, otherPartnerId)),
      db.select().from(partnerInvitations).where(eq(partnerInvitations.partnerId, otherPartnerId)),
      db
        .select({ contentType: partnerLogos.contentType })
        .from(partnerLogos)
        .where(eq(partnerLogos.partnerId, otherPartnerId)),
      db.select().from(leads).where(eq(leads.partnerId, otherPartnerId)).orderBy(leads.id),
      db.select().from(leadComments).where(eq(leadComments.leadId, otherLead.id)),
      db.select().from(leadEvents).where(eq(leadEvents.leadId, otherLead.id)),
      db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, otherPartnerId)),
      db.select().from(payouts).where(eq(payouts.partnerId, otherPartnerId)).orderBy(payouts.id),
      db
        .select({
          storageKey: payoutTaxForms.storageKey,
          fileName: payoutTaxForms.fileName,
          uploadedAt: payoutTaxForms.uploadedAt,
        })
        .from(payoutTaxForms)
        .where(eq(payoutTaxForms.partnerId, otherPartnerId)),
    ]);
  return JSON.stringify(
    {
      org,
      members,
      invitations,
      logo,
      theirLeads,
      comments,
      events,
      payoutAccount,
      theirPayouts,
      taxForm,
      users: await db.select().from(users).where(eq(users.id, otherMember.userId)),
    },
    (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
  );
}

/** Inputs for each partner procedure, with the other organization's ids wherever an id goes. */
const hostileInputs: Record<string, unknown[]> = {
  "partner.dashboard": [undefined, { partnerId: otherPartnerId }],
  "partner.profile.get": [undefined, { partnerId: otherPartnerId }],
  "partner.profile.update": [
    {
      partnerId: otherPartnerId,
      name: "Hijacked",
      website: "",
      country: "US",
      contactEmail: "",
      phone: "",
      address: "",
    },
  ],
  "partner.profile.uploadLogo": [
    {
      partnerId: otherPartnerId,
      contentType: "image/png",
      dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]).toString("base64"),
    },
  ],
  "partner.profile.removeLogo": [undefined, { partnerId: otherPartnerId }],
  "partner.team.list": [undefined, { partnerId: otherPartnerId }],
  "partner.team.invite": [{ partnerId: otherPartnerId, email: "sneaky@northwind.demo", role: "member" }],
  "partner.team.resendInvitation": [{ invitationId: otherInvitation.id, partnerId: otherPartnerId }],
  "partner.team.revokeInvitation": [{ invitationId: otherInvitation.id, partnerId: otherPartnerId }],
  "partner.team.changeRole": [{ userId: otherMember.userId, role: "owner", partnerId: otherPartnerId }],
  "partner.team.remove": [{ userId: otherMember.userId, partnerId: otherPartnerId }],
  "partner.leads.list": [{}, { partnerId: otherPartnerId }, { search: "Vandelay" }],
  "partner.leads.get": [{ leadId: otherLead.id }, { leadId: otherLead.id, partnerId: otherPartnerId }],
  "partner.leads.formOptions": [undefined],
  "partner.leads.register": [{ ...leadFields, partnerId: otherPartnerId }],
  "bench.insertLead": [{ ...leadFields, partnerId: otherPartnerId }],
  "partner.leads.update": [{ leadId: otherLead.id, ...leadFields, companyName: "Hijacked" }],
  "partner.leads.withdraw": [{ leadId: otherLead.id, reason: "" }],
  "partner.leads.comment": [{ leadId: otherLead.id, body: "Hello from another partner" }],
  "partner.commissions.summary": [undefined, { partnerId: otherPartnerId }],
  "partner.commissions.overview": [undefined, { partnerId: otherPartnerId }],
  "partner.commissions.ledger": [{ partnerId: otherPartnerId }, {}],
  "partner.commissions.exportCsv": [{ partnerId: otherPartnerId }, {}],
  "partner.payouts.settings": [undefined, { partnerId: otherPartnerId }],
  "partner.payouts.chooseMethod": [{ method: "stripe", partnerId: otherPartnerId }],
  "partner.payouts.saveBank": [
    {
      partnerId: otherPartnerId,
      accountHolder: "Hijacked Holder",
      iban: "DE89370400440532013000",
      bankName: "Hijack Bank",
      bankCountry: "DE",
    },
  ],
  "partner.payouts.saveTax": [{ partnerId: otherPartnerId, formType: "w9", taxId: "123456789" }],
  "partner.payouts.uploadTaxForm": [
    {
      partnerId: otherPartnerId,
      fileName: "cobalt-w8bene.pdf",
      dataBase64: Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64"),
    },
  ],
  "partner.payouts.startOnboarding": [undefined, { partnerId: otherPartnerId }],
  "partner.payouts.dashboardLink": [undefined, { partnerId: otherPartnerId }],
  "partner.payouts.list": [{}, { partnerId: otherPartnerId }, { pageSize: 100, state: "paid" }],
  "partner.payouts.statement": otherPayouts.flatMap((p) => [
    { payoutId: p.id },
    { payoutId: p.id, partnerId: otherPartnerId },
  ]),
  "partner.leads.import": [
    {
      csv: `company_name,website,contact_name,contact_email,country,product,estimated_value,expected_close_date\nVandelay Industries,vandelay.example,Someone,someone@vandelay.example,US,${product!.name},1000,2027-06-30\n`,
    },
  ],
};

// Training: the other organization's attempts and certifications (the demo has people at every stage).
const otherAttempts = await db.select().from(quizAttempts).where(eq(quizAttempts.partnerId, otherPartnerId));
const otherCertifications = await db.select().from(certifications).where(eq(certifications.partnerId, otherPartnerId));
secrets.push(...otherAttempts.map((a) => a.id), ...otherCertifications.flatMap((c) => [c.id, c.code]));
const [anyCourse] = await db.select({ id: courses.id }).from(courses).limit(1);
const courseOf = { courseId: anyCourse!.id, partnerId: otherPartnerId };
Object.assign(hostileInputs, {
  "partner.training.catalogue": [{}, { partnerId: otherPartnerId, pageSize: 100 }],
  "partner.training.myCertifications": [undefined, { partnerId: otherPartnerId }],
  "partner.training.course": [courseOf],
  "partner.training.lesson": [{ ...courseOf, lessonId: anyCourse!.id }],
  "partner.training.completeLesson": [{ ...courseOf, lessonId: anyCourse!.id }],
  "partner.training.startAttempt": [courseOf],
  "partner.training.submitAttempt": otherAttempts.map((a) => ({ attemptId: a.id, answers: [] })),
  "partner.training.attemptResult": otherAttempts.map((a) => ({ attemptId: a.id })),
});

// Assets: what a Gold partner's tier does not see (Platinum material, the expired kit) never shows, by list or by id.
const assetSchema = await import("@/server/db/schema");
const assetOps = await import("drizzle-orm");
const hiddenAssets = await db
  .select({ id: assetSchema.assets.id })
  .from(assetSchema.assets)
  .leftJoin(assetSchema.tiers, assetOps.eq(assetSchema.tiers.id, assetSchema.assets.minTierId))
  .where(
    assetOps.and(
      assetOps.inArray(assetSchema.assets.kind, ["file", "link"]),
      assetOps.or(
        assetOps.lte(assetSchema.assets.expiresAt, clock.now()),
        assetOps.eq(assetSchema.tiers.key, "platinum"),
      ),
    ),
  );
secrets.push(...hiddenAssets.map((a) => a.id));
Object.assign(hostileInputs, {
  "partner.assets.list": [{}, { partnerId: otherPartnerId, pageSize: 100 }, { search: "battle", pageSize: 100 }],
  "partner.assets.get": hiddenAssets.flatMap((a) => [{ assetId: a.id }, { assetId: a.id, partnerId: otherPartnerId }]),
});

// Co-branded material: the other organization's referral link never shows in our preview page.
{
  const schema = await import("@/server/db/schema");
  const otherLinks = await db
    .select()
    .from(schema.referralLinks)
    .where(eq(schema.referralLinks.partnerId, otherPartnerId));
  secrets.push(...otherLinks.map((l) => l.code));
  const cobrandAssets = await db
    .select({ id: schema.assets.id })
    .from(schema.assets)
    .where(eq(schema.assets.kind, "cobrand"));
  Object.assign(hostileInputs, {
    "partner.cobrand.template": cobrandAssets.flatMap((a) => [
      { assetId: a.id },
      { assetId: a.id, partnerId: otherPartnerId },
    ]),
  });
}

// MDF: Cobalt's requests, claims, files and campaign names never show in ours; we cannot cancel or claim against them.
{
  const schema = await import("@/server/db/schema");
  const theirRequests = await db
    .select()
    .from(schema.mdfRequests)
    .where(eq(schema.mdfRequests.partnerId, otherPartnerId));
  const theirClaims = await db.select().from(schema.mdfClaims).where(eq(schema.mdfClaims.partnerId, otherPartnerId));
  const theirFiles = theirClaims.length
    ? await db
        .select({ fileId: schema.mdfClaimFiles.fileId })
        .from(schema.mdfClaimFiles)
        .where(eq(schema.mdfClaimFiles.claimId, theirClaims[0]!.id))
    : [];
  secrets.push(
    ...theirRequests.flatMap((r) => [r.id, r.campaignName]),
    ...theirClaims.map((c) => c.id),
    ...theirFiles.map((f) => f.fileId),
  );
  const tiny = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");
  const pdf = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");

  Object.assign(hostileInputs, {
    "partner.mdf.budget": [{}, { partnerId: otherPartnerId }],
    "partner.mdf.requests": [{}, { partnerId: otherPartnerId, pageSize: 100 }],
    "partner.mdf.request": theirRequests.map((r) => ({ requestId: r.id })),
    "partner.mdf.leadOptions": [{}, { partnerId: otherPartnerId, search: "Vandelay" }],
    "partner.mdf.createRequest": [
      {
        partnerId: otherPartnerId,
        campaignName: "Hostile campaign",
        activityType: "event",
        startsOn: "2099-01-01",
        endsOn: "2099-01-02",
        totalCost: "100",
        requested: "50",
      },
    ],
    "partner.mdf.cancelRequest": theirRequests.map((r) => ({ requestId: r.id })),
    "partner.mdf.submitClaim": [
      ...theirRequests.map((r) => ({
        requestId: r.id,
        actualCost: "100",
        claimed: "10",
        proofs: [{ fileName: "p.png", contentBase64: tiny }],
        invoice: { fileName: "i.pdf", contentBase64: pdf },
      })),
      {
        requestId: theirRequests[0]?.id ?? otherPartnerId,
        actualCost: "100",
        claimed: "10",
        leadIds: [otherLead.id],
        proofs: [{ fileName: "p.png", contentBase64: tiny }],
        invoice: { fileName: "i.pdf", contentBase64: pdf },
      },
    ],
  });
}

const partnerProcedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: AccessMeta } }>,
)
  .filter(([, p]) => p._def.meta?.access === "partner")
  .map(([path]) => path);

const createCaller = createCallerFactory(appRouter);
const context: Context = { db, actor: partnerOwner, clock, locale: "en", ip: "203.0.113.7" };

async function call(path: string, input: unknown): Promise<unknown> {
  let target: unknown = createCaller(context);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    return await (target as (i: unknown) => Promise<unknown>)(input);
  } catch (error) {
    if (error instanceof TRPCError) return { error: error.code, message: error.message };
    throw error;
  }
}

describe("tenant isolation", () => {
  it("covers every partner procedure", () => {
    expect(
      partnerProcedures.filter((p) => !(p in hostileInputs)),
      "add hostile inputs for new partner procedures",
    ).toEqual([]);
  });

  it.each(partnerProcedures)("%s never reveals or changes another organization", async (path) => {
    const before = await otherOrgSnapshot();
    for (const input of hostileInputs[path] ?? []) {
      const answer =
        JSON.stringify(await call(path, input), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "";
      for (const secret of secrets) expect(answer, `${path} answered with ${secret}`).not.toContain(secret);
    }
    expect(await otherOrgSnapshot()).toBe(before);
  });

  it("acts on the caller's own organization when ids of another are sent", async () => {
    const answer = (await call("partner.team.list", { partnerId: otherPartnerId })) as { members: { email: string }[] };
    expect(answer.members.map((m) => m.email).sort()).toEqual(["james@northwind.demo", "olivia@northwind.demo"]);
  });
});
