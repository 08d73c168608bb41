import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DAY, fixedClock } from "@/lib/clock";
import { auditLog, customers, emailOutbox, leadComments, leadEvents, leads, products } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { leadByCompany, leadFor } from "@/server/testing/leads";
import { SYSTEM, type PartnerActor } from "../actor";
import { addLeadComment } from "./comments";
import { importCustomers } from "../customers/service";
import { expireStaleLeads, runLeadLifecycle, warnExpiringLeads } from "./lifecycle";
import { myLeadDetail } from "./queries";
import { registerLead, updateLead, withdrawLead } from "./register";
import { importLeads } from "./import";
import {
  approveLead,
  bulkReviewLeads,
  correctLeadDeal,
  markLeadLost,
  markLeadWon,
  reassignLead,
  rejectLead,
  requestLeadInfo,
} from "./review";

const { db, clock, manager, partnerOwner, otherPartnerOwner, actorByEmail, ctxOf } = await setupProgram();
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;

let hugeLeads = 0;
const productName = async () =>
  (await db.select({ name: products.name }).from(products).where(eq(products.active, true)).limit(1))[0]!.name;
const auditActions = async (leadId: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.entityId, leadId)).orderBy(auditLog.at)).map((e) => e.action);
const emailsTo = async (to: string, template: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, to), eq(emailOutbox.template, template)));

describe("approval", () => {
  it("starts the protection window from the program setting and tells the partner", async () => {
    const at = fixedClock(clock.now());
    const lead = await registerLead(ctxOf(partnerOwner, at), await leadFor(db, "Approve Me", "approve-me.example"));
    at.advance(60_000);
    const { protectedUntil } = await approveLead(ctxOf(manager, at), { leadId: lead.id });
    expect(protectedUntil.getTime() - at.now().getTime()).toBe(90 * DAY);
    const after = await leadByCompany(db, "Approve Me");
    expect(after).toMatchObject({ status: "approved", reviewedBy: manager.userId });
    expect(await emailsTo("olivia@northwind.demo", "leadApproved")).toHaveLength(1);
    expect(await auditActions(lead.id)).toEqual(["lead.registered", "lead.approved"]);
    await expect(approveLead(ctxOf(manager), { leadId: lead.id })).rejects.toMatchObject({ code: "lead.notPending" });
  });

  it("serves the first registration first: the later one waits, then is refused once the first is protected", async () => {
    const first = await registerLead(ctxOf(otherPartnerOwner), await leadFor(db, "Contested Ltd", "contested.example"));
    const second = await registerLead(
      ctxOf(partnerOwner, fixedClock(new Date(clock.now().getTime() + 60_000))),
      await leadFor(db, "Contested", "www.contested.example"),
    );
    expect([first.flagged, second.flagged]).toEqual([false, true]);
    await expect(approveLead(ctxOf(manager), { leadId: second.id })).rejects.toMatchObject({
      code: "lead.conflict.earlierPending",
    });
    await approveLead(ctxOf(manager), { leadId: first.id });
    await expect(approveLead(ctxOf(manager), { leadId: second.id })).rejects.toMatchObject({
      code: "lead.conflict.protected",
    });
    await rejectLead(ctxOf(manager), { leadId: second.id, reason: "Another partner registered this company first." });
    expect((await leadByCompany(db, "Contested")).status).toBe("rejected");
  });

  it("checks again on approval: a company imported as a customer since is refused", async () => {
    const lead = await registerLead(ctxOf(partnerOwner), await leadFor(db, "Late Customer", "late-customer.example"));
    await importCustomers(ctxOf(manager), { csv: "name,website\nLate Customer Inc,https://late-customer.example\n" });
    await expect(approveLead(ctxOf(manager), { leadId: lead.id })).rejects.toMatchObject({
      code: "lead.conflict.customer",
    });
  });
});

describe("rejection, questions and the partner's answers", () => {
  it("rejects with a reason the partner reads in the email and the timeline", async () => {
    const at = fixedClock(clock.now());
    const lead = await registerLead(ctxOf(partnerOwner, at), await leadFor(db, "Reject Me", "reject-me.example"));
    at.advance(60_000);
    await rejectLead(ctxOf(manager, at), { leadId: lead.id, reason: "Outside your territory." });
    const emails = await emailsTo("olivia@northwind.demo", "leadRejected");
    expect(emails.find((e) => e.subject.includes("Reject Me"))?.text).toContain("Outside your territory.");
    const detail = await myLeadDetail(ctxOf(partnerOwner), lead.id);
    expect(detail.timeline.map((e) => [e.kind, e.note])).toEqual([
      ["submitted", null],
      ["rejected", "Outside your territory."],
    ]);
    await expect(
      updateLead(ctxOf(partnerOwner), { leadId: lead.id, ...(await leadFor(db, "Reject Me", "reject-me.example")) }),
    ).rejects.toMatchObject({ code: "lead.notEditable" });
  });

  it("asks for more information; an edit or a reply answers it", async () => {
    const at = fixedClock(clock.now());
    const lead = await registerLead(ctxOf(partnerMember(), at), await leadFor(db, "Question Co", "question.example"));
    at.advance(60_000);
    await requestLeadInfo(ctxOf(manager, at), { leadId: lead.id, message: "Who signs the contract?" });
    at.advance(60_000);
    expect((await leadByCompany(db, "Question Co")).infoRequestedAt).not.toBeNull();
    expect(await emailsTo("james@northwind.demo", "leadInfoRequested")).toHaveLength(1);
    await addLeadComment(ctxOf(partnerOwner, at), { leadId: lead.id, body: "The CFO, Dana Buyer." });
    expect((await leadByCompany(db, "Question Co")).infoRequestedAt).toBeNull();
    const thread = (await myLeadDetail(ctxOf(partnerOwner), lead.id)).thread;
    expect(thread.map((c) => [c.authorKind, c.body])).toEqual([
      ["staff", "Who signs the contract?"],
      ["partner", "The CFO, Dana Buyer."],
    ]);
    // The partner's manager hears about the reply.
    expect(await emailsTo("manager@tierwise.demo", "leadComment")).toHaveLength(1);

    await requestLeadInfo(ctxOf(manager, at), { leadId: lead.id, message: "And the budget?" });
    await updateLead(ctxOf(partnerOwner, at), {
      leadId: lead.id,
      ...(await leadFor(db, "Question Co", "question.example", { notes: "Budget approved: 50k." })),
    });
    expect(await leadByCompany(db, "Question Co")).toMatchObject({
      infoRequestedAt: null,
      notes: "Budget approved: 50k.",
    });
  });

  it("lets the partner withdraw while submitted, and not after", async () => {
    const lead = await registerLead(ctxOf(partnerOwner), await leadFor(db, "Withdraw Me", "withdraw-me.example"));
    await withdrawLead(ctxOf(partnerOwner), { leadId: lead.id, reason: "Registered by mistake." });
    expect((await leadByCompany(db, "Withdraw Me")).status).toBe("withdrawn");
    await expect(withdrawLead(ctxOf(partnerOwner), { leadId: lead.id, reason: "" })).rejects.toMatchObject({
      code: "lead.notWithdrawable",
    });
  });
});

function partnerMember(): PartnerActor {
  return {
    ...partnerOwner,
    userId: jamesId,
    email: "james@northwind.demo",
    name: "James Okafor",
    partnerRole: "member",
  };
}
const jamesId = (await actorByEmail("james@northwind.demo")).userId;

describe("closing deals", () => {
  it("marks won with the deal amount, makes the company a customer, and refuses a second registration", async () => {
    const lead = await registerLead(ctxOf(partnerOwner), await leadFor(db, "Winner GmbH", "winner.example"));
    await approveLead(ctxOf(manager), { leadId: lead.id });
    await markLeadWon(ctxOf(manager), {
      leadId: lead.id,
      amount: "48,250.50",
      currency: "EUR",
      closedOn: "2026-10-30",
    });
    expect(await leadByCompany(db, "Winner GmbH")).toMatchObject({
      status: "won",
      dealAmountMinor: 4_825_050n,
      dealCurrency: "EUR",
      closedOn: "2026-10-30",
    });
    const [customer] = await db.select().from(customers).where(eq(customers.domain, "winner.example"));
    expect(customer).toMatchObject({ source: "won_lead", sourceRef: lead.id });
    await expect(registerLead(ctxOf(kestrel), await leadFor(db, "Winner", "winner.example"))).rejects.toMatchObject({
      code: "lead.conflict.customer",
    });
    expect(await emailsTo("olivia@northwind.demo", "leadWon")).toHaveLength(1);
    await expect(
      markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "1", currency: "EUR", closedOn: "2026-10-30" }),
    ).rejects.toMatchObject({ code: "lead.notApproved" });
  });

  it("refuses a won deal without a valid amount or with a close date ahead, and writes nothing", async () => {
    const lead = await registerLead(ctxOf(partnerOwner), await leadFor(db, "Careful Co", "careful.example"));
    await approveLead(ctxOf(manager), { leadId: lead.id });
    await expect(
      markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "-5", currency: "USD", closedOn: "2026-10-30" }),
    ).rejects.toMatchObject({ field: "amount" });
    await expect(
      markLeadWon(ctxOf(manager), { leadId: lead.id, amount: "500", currency: "USD", closedOn: "2026-12-30" }),
    ).rejects.toMatchObject({ field: "closedOn" });
    expect((await leadByCompany(db, "Careful Co")).status).toBe("approved");
  });

  it.each(["500000000000", "1000000000000000.00", "92233720368547758.08", "9223372036854775808"])(
    "refuses a won or corrected amount of %s, naming the field and writing nothing",
    async (amount) => {
      const lead = await registerLead(
        ctxOf(partnerOwner),
        await leadFor(db, `Huge ${amount} Co`, `huge-${++hugeLeads}.example`),
      );
      await approveLead(ctxOf(manager), { leadId: lead.id });
      const written = async () => ({
        lead: await leadByCompany(db, `Huge ${amount} Co`),
        audit: await auditActions(lead.id),
        customers: (await db.select().from(customers)).length,
      });
      const before = await written();
      await expect(
        markLeadWon(ctxOf(manager), { leadId: lead.id, amount, currency: "USD", closedOn: "2026-10-30" }),
      ).rejects.toMatchObject({ kind: "invalid", code: "money.tooLarge", field: "amount" });
      expect(await written()).toEqual(before);
      await markLeadWon(ctxOf(manager), {
        leadId: lead.id,
        amount: "100,000,000,000",
        currency: "USD",
        closedOn: "2026-10-30",
      });
      const won = await written();
      expect(won.lead.dealAmountMinor).toBe(10n ** 13n);
      await expect(
        correctLeadDeal(ctxOf(manager), { leadId: lead.id, amount, reason: "Typed too many zeros." }),
      ).rejects.toMatchObject({ kind: "invalid", code: "money.tooLarge", field: "amount" });
      expect(await written()).toEqual(won);
    },
  );

  it("refuses an imported lead whose value is out of range, on that row and field", async () => {
    const csv = [
      "company_name,website,contact_name,contact_email,country,product,estimated_value,expected_close_date",
      `Import Huge,import-huge.example,Dana Buyer,dana@import-huge.example,US,${await productName()},1000000000000000.00,2027-06-30`,
    ].join("\n");
    const [row] = await importLeads(ctxOf(partnerOwner), { csv });
    expect(row).toMatchObject({ row: 2, outcome: "refused" });
    // Refused where the row is parsed, before any rule runs: a Zod issue on the field.
    const error = row!.outcome === "refused" ? row!.error : null;
    expect(error instanceof ZodError ? error.issues.map((i) => [i.path.join("."), i.message]) : error).toEqual([
      ["estimatedValue", "money.tooLarge"],
    ]);
    expect(await db.select().from(leads).where(eq(leads.domain, "import-huge.example"))).toEqual([]);
  });

  it("marks lost with a reason", async () => {
    const at = fixedClock(clock.now());
    const lead = await registerLead(ctxOf(partnerOwner, at), await leadFor(db, "Loser Ltd", "loser.example"));
    at.advance(60_000);
    await approveLead(ctxOf(manager, at), { leadId: lead.id });
    at.advance(60_000);
    await markLeadLost(ctxOf(manager, at), { leadId: lead.id, reason: "Chose a competitor." });
    expect(await leadByCompany(db, "Loser Ltd")).toMatchObject({ status: "lost", closeReason: "Chose a competitor." });
    expect(await auditActions(lead.id)).toEqual(["lead.registered", "lead.approved", "lead.lost"]);
  });
});

describe("reassignment", () => {
  it("moves the lead and its notifications to the other partner, who then sees it and the first no longer does", async () => {
    const lead = await registerLead(ctxOf(partnerOwner), await leadFor(db, "Territory Co", "territory.example"));
    await reassignLead(ctxOf(manager), {
      leadId: lead.id,
      partnerId: kestrel.partnerId,
      reason: "Kestrel covers this territory.",
    });
    await expect(myLeadDetail(ctxOf(partnerOwner), lead.id)).rejects.toMatchObject({ code: "lead.notFound" });
    expect((await myLeadDetail(ctxOf(kestrel), lead.id)).companyName).toBe("Territory Co");
    expect(await emailsTo("noah@kestrel.demo", "leadReassignedTo")).toHaveLength(1);
    expect(await emailsTo("olivia@northwind.demo", "leadReassignedAway")).toHaveLength(1);
  });

  it("keeps the rules for the new owner: not to the partner's own company", async () => {
    const lead = await registerLead(ctxOf(partnerOwner), await leadFor(db, "Kestrel IT", "kestrel-it.example"));
    await expect(
      reassignLead(ctxOf(manager), {
        leadId: lead.id,
        partnerId: kestrel.partnerId,
        reason: "Trying a self-referral.",
      }),
    ).rejects.toMatchObject({ code: "lead.conflict.selfReferral", field: "partnerId" });
  });
});

describe("bulk review", () => {
  it("approves each lead on its own and reports the ones a rule refuses", async () => {
    const a = await registerLead(ctxOf(kestrel), await leadFor(db, "Bulk A", "bulk-a.example"));
    const b = await registerLead(ctxOf(kestrel), await leadFor(db, "Bulk B", "bulk-b.example"));
    const late = await registerLead(
      ctxOf(partnerOwner, fixedClock(new Date(clock.now().getTime() + 1000))),
      await leadFor(db, "Bulk A", "bulk-a.example"),
    );
    const result = await bulkReviewLeads(ctxOf(manager), { action: "approve", leadIds: [late.id, a.id, b.id] });
    expect(result.done.sort()).toEqual([a.id, b.id].sort());
    expect(result.refused.map((r) => [r.leadId, r.error.code])).toEqual([[late.id, "lead.conflict.earlierPending"]]);
  });
});

describe("isolation in the domain", () => {
  it("refuses another partner's lead by id, for reading, editing, withdrawing and commenting", async () => {
    const theirs = await leadByCompany(db, "Vandelay Industries");
    await expect(myLeadDetail(ctxOf(partnerOwner), theirs.id)).rejects.toMatchObject({ code: "lead.notFound" });
    await expect(
      updateLead(ctxOf(partnerOwner), { leadId: theirs.id, ...(await leadFor(db, "Hijack", "hijack.example")) }),
    ).rejects.toMatchObject({ code: "lead.notFound" });
    await expect(withdrawLead(ctxOf(partnerOwner), { leadId: theirs.id, reason: "" })).rejects.toMatchObject({
      code: "lead.notFound",
    });
    await expect(addLeadComment(ctxOf(partnerOwner), { leadId: theirs.id, body: "hello" })).rejects.toMatchObject({
      code: "lead.notFound",
    });
    expect(await db.select().from(leadComments).where(eq(leadComments.leadId, theirs.id))).toEqual([]);
  });
});

describe("lifecycle", () => {
  it("warns a week before an approved lead without progress expires, then expires it, once each", async () => {
    const lead = await registerLead(ctxOf(kestrel), await leadFor(db, "Sleepy Co", "sleepy.example"));
    await approveLead(ctxOf(manager, fixedClock(new Date(clock.now().getTime() + 60_000))), { leadId: lead.id });
    const at = fixedClock(new Date(clock.now().getTime() + 52 * DAY));
    expect(await warnExpiringLeads(ctxOf(SYSTEM, at))).toBe(0);
    at.advance(2 * DAY);
    const first = await runLeadLifecycle(ctxOf(SYSTEM, at));
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect(await runLeadLifecycle(ctxOf(SYSTEM, at))).toEqual({ expired: 0, warned: 0 });
    const warnings = (await emailsTo("noah@kestrel.demo", "leadExpiring")).filter((e) =>
      e.subject.includes("Sleepy Co"),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.text).toContain("December 31, 2026");
    // A comment is progress: the clock restarts and the warning may come again later.
    at.advance(60_000);
    await addLeadComment(ctxOf(kestrel, at), { leadId: lead.id, body: "Pilot starts next week." });
    at.advance(59 * DAY);
    await expireStaleLeads(ctxOf(SYSTEM, at));
    await warnExpiringLeads(ctxOf(SYSTEM, at));
    expect((await leadByCompany(db, "Sleepy Co")).status).toBe("approved");
    at.advance(2 * DAY);
    await runLeadLifecycle(ctxOf(SYSTEM, at));
    expect((await leadByCompany(db, "Sleepy Co")).status).toBe("expired");
    expect(
      (await emailsTo("noah@kestrel.demo", "leadExpired")).filter((e) => e.subject.includes("Sleepy Co")),
    ).toHaveLength(1);
    const kinds = (await db.select().from(leadEvents).where(eq(leadEvents.leadId, lead.id)).orderBy(leadEvents.at)).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(["submitted", "approved", "expiry_warned", "expiry_warned", "expired"]);
    expect((await db.select().from(leads).where(eq(leads.id, lead.id)))[0]?.status).toBe("expired");
  });
});
