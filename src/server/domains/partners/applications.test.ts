import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "@/lib/clock";
import {
  auditLog,
  commissionPlans,
  emailOutbox,
  partnerPlans,
  partnerApplications,
  partnerInvitations,
  partnerMemberships,
  partners,
  tiers,
  users,
} from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { SYSTEM } from "../actor";
import { approveApplication, rejectApplication, submitApplication, type SubmitApplicationInput } from "./applications";
import { currentTerms } from "./terms";

const { db, clock, manager, ctxOf } = await setupProgram();
const terms = (await currentTerms(db))!;
let ipSeq = 0;

function form(
  overrides: Partial<SubmitApplicationInput & { ip: string }> = {},
): SubmitApplicationInput & { ip: string; locale: "en" } {
  return {
    company: "Orbit Labs",
    website: "https://www.orbit-labs.example/partners",
    country: "NL",
    type: "reseller",
    contactName: "Sanne de Vries",
    contactEmail: "sanne@orbit-labs.example",
    salesApproach: "We resell analytics tools to logistics companies in the Benelux.",
    expectedDealsPerQuarter: 5,
    termsId: terms.id,
    acceptTerms: true,
    ip: `198.51.100.${++ipSeq}`,
    locale: "en",
    ...overrides,
  };
}

const rows = async (table: typeof partnerApplications | typeof emailOutbox | typeof partners | typeof auditLog) =>
  (await db.select({ n: count() }).from(table))[0]!.n;

describe("applications", () => {
  it("stores an application with its normalized domain and emails a confirmation", async () => {
    await submitApplication(ctxOf(SYSTEM), form());
    const [row] = await db
      .select()
      .from(partnerApplications)
      .where(eq(partnerApplications.contactEmail, "sanne@orbit-labs.example"));
    expect(row).toMatchObject({ domain: "orbit-labs.example", status: "pending", termsId: terms.id });
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, "sanne@orbit-labs.example"));
    expect(email?.template).toBe("applicationReceived");
  });

  it("refuses a second application for the same company domain, naming the field, and writes nothing", async () => {
    const before = [await rows(partnerApplications), await rows(emailOutbox)];
    await expect(
      submitApplication(
        ctxOf(SYSTEM),
        form({ website: "orbit-labs.example", contactEmail: "other@orbit-labs.example" }),
      ),
    ).rejects.toMatchObject({ code: "application.pending", field: "website" });
    // The company's domain says nothing about a person, so it is refused whoever applies, account or not.
    await expect(
      submitApplication(ctxOf(SYSTEM), form({ website: "orbit-labs.example", contactEmail: "olivia@northwind.demo" })),
    ).rejects.toMatchObject({ code: "application.pending", field: "website" });
    expect([await rows(partnerApplications), await rows(emailOutbox)]).toEqual(before);
  });

  it("refuses a company that is already a partner, by website or by email domain", async () => {
    await expect(
      submitApplication(
        ctxOf(SYSTEM),
        form({ company: "NW", website: "northwind-analytics.example", contactEmail: "x@somewhere.example" }),
      ),
    ).rejects.toMatchObject({ code: "application.partnerExists" });
    await expect(
      submitApplication(
        ctxOf(SYSTEM),
        form({ company: "NW", website: "nw-new.example", contactEmail: "x@northwind-analytics.example" }),
      ),
    ).rejects.toMatchObject({ code: "application.partnerExists", field: "website" });
  });

  describe("an email that already has an account or a pending application", () => {
    const outboxTo = (to: string) => db.select().from(emailOutbox).where(eq(emailOutbox.to, to));

    it("is answered exactly like a new application, writes no application, and emails the account's owner how to get in", async () => {
      const before = await rows(partnerApplications);
      await expect(
        submitApplication(
          ctxOf(SYSTEM),
          form({ company: "NW", website: "nw-new.example", contactEmail: "Olivia@Northwind.demo" }),
        ),
      ).resolves.toEqual({ received: true });
      expect(await rows(partnerApplications)).toBe(before);
      const mails = await outboxTo("olivia@northwind.demo");
      expect(mails.map((m) => m.template)).toEqual(["applicationEmailExists"]);
      expect(mails[0]!.text).toContain("/login");
      expect(mails[0]!.text).toContain("/forgot");
      expect(mails[0]!.text).toContain("Olivia Park");
    });

    it("writes the owner's email in the owner's language, not the form's", async () => {
      await submitApplication(
        ctxOf(SYSTEM),
        form({ company: "Rimal 2", website: "rimal-two.example", contactEmail: "omar@rimal.demo" }),
      );
      const [mail] = await outboxTo("omar@rimal.demo");
      expect(mail).toMatchObject({ template: "applicationEmailExists", locale: "ar" });
    });

    it("for a pending application's email writes nothing new and tells that applicant it is still waiting", async () => {
      const before = await rows(partnerApplications);
      await expect(
        submitApplication(ctxOf(SYSTEM), form({ company: "Orbit Again", website: "elsewhere.example" })),
      ).resolves.toEqual({ received: true });
      expect(await rows(partnerApplications)).toBe(before);
      const mails = await outboxTo("sanne@orbit-labs.example");
      expect(mails.map((m) => m.template)).toEqual(["applicationReceived", "applicationAlreadyPending"]);
      expect(mails[1]!.text).toContain("Orbit Labs");
    });

    it("sends a deactivated account no email, and still answers the same", async () => {
      const [finance] = await db.select().from(users).where(eq(users.email, "finance@tierwise.demo"));
      await db.update(users).set({ deactivatedAt: clock.now() }).where(eq(users.id, finance!.id));
      await expect(
        submitApplication(
          ctxOf(SYSTEM),
          form({ company: "Fin", website: "fin.example", contactEmail: "finance@tierwise.demo" }),
        ),
      ).resolves.toEqual({ received: true });
      expect(await outboxTo("finance@tierwise.demo")).toHaveLength(0);
      await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, finance!.id));
    });

    it("counts against the same per-IP limit", async () => {
      const ip = "203.0.113.150";
      for (let i = 0; i < 5; i++)
        await submitApplication(
          ctxOf(SYSTEM),
          form({ ip, company: `Known ${i}`, website: `known${i}.example`, contactEmail: "manager@tierwise.demo" }),
        );
      await expect(
        submitApplication(
          ctxOf(SYSTEM),
          form({ ip, company: "Known 5", website: "known5.example", contactEmail: "manager@tierwise.demo" }),
        ),
      ).rejects.toMatchObject({ kind: "rate_limited" });
      await expect(
        submitApplication(
          ctxOf(SYSTEM),
          form({ ip, company: "New 5", website: "new5.example", contactEmail: "new5@new5.example" }),
        ),
      ).rejects.toMatchObject({ kind: "rate_limited" });
    });

    it("emails one address at most 3 times an hour, however many IPs apply with it", async () => {
      for (let i = 0; i < 5; i++)
        await submitApplication(
          ctxOf(SYSTEM),
          form({ company: `Flood ${i}`, website: `flood${i}.example`, contactEmail: "james@northwind.demo" }),
        );
      expect(await outboxTo("james@northwind.demo")).toHaveLength(3);
    });
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const before = await rows(partnerApplications);
    await expect(
      submitApplication(
        ctxOf(SYSTEM),
        form({ company: "Bot Co", website: "bot.example", contactEmail: "bot@bot.example", nickname: "spam" }),
      ),
    ).resolves.toEqual({ received: true });
    expect(await rows(partnerApplications)).toBe(before);
  });

  it("limits applications per IP per hour", async () => {
    const ip = "203.0.113.200";
    for (let i = 0; i < 5; i++)
      await submitApplication(
        ctxOf(SYSTEM),
        form({ ip, company: `Co ${i}`, website: `co${i}.example`, contactEmail: `a${i}@co${i}.example` }),
      );
    await expect(
      submitApplication(
        ctxOf(SYSTEM),
        form({ ip, company: "Co 6", website: "co6.example", contactEmail: "a@co6.example" }),
      ),
    ).rejects.toMatchObject({ kind: "rate_limited" });
    clock.advance(HOUR);
    await expect(
      submitApplication(
        ctxOf(SYSTEM),
        form({ ip, company: "Co 7", website: "co7.example", contactEmail: "a@co7.example" }),
      ),
    ).resolves.toEqual({ received: true });
  });

  it("refuses an outdated terms version", async () => {
    await expect(
      submitApplication(
        ctxOf(SYSTEM),
        form({ termsId: "00000000-0000-4000-8000-000000000000", website: "t.example", contactEmail: "t@t.example" }),
      ),
    ).rejects.toMatchObject({ code: "terms.outdated" });
  });

  it("approval creates the partner, its owner and a 7-day invitation, audited, in one go", async () => {
    const [application] = await db
      .select()
      .from(partnerApplications)
      .where(eq(partnerApplications.contactEmail, "sanne@orbit-labs.example"));
    const [silver] = await db.select().from(tiers).where(eq(tiers.key, "silver"));
    const { partnerId } = await approveApplication(ctxOf(manager), {
      applicationId: application!.id,
      tierId: silver!.id,
      managerId: manager.userId,
    });
    const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId));
    expect(partner).toMatchObject({
      name: "Orbit Labs",
      status: "active",
      tierId: silver!.id,
      managerId: manager.userId,
      domain: "orbit-labs.example",
    });
    const [owner] = await db
      .select()
      .from(users)
      .innerJoin(partnerMemberships, eq(partnerMemberships.userId, users.id))
      .where(eq(users.email, "sanne@orbit-labs.example"));
    expect(owner?.partner_memberships).toMatchObject({ partnerId, role: "owner" });
    const [invitation] = await db.select().from(partnerInvitations).where(eq(partnerInvitations.partnerId, partnerId));
    expect(invitation!.expiresAt.getTime() - clock.now().getTime()).toBe(7 * 24 * HOUR);
    const invite = (await db.select().from(emailOutbox).where(eq(emailOutbox.template, "partnerInvite"))).find(
      (e) => e.to === "sanne@orbit-labs.example",
    );
    expect(invite?.text).toMatch(/\/invite\/[\w-]{20,}/);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, application!.id));
    expect(audits.map((a) => a.action)).toContain("application.approved");
    await expect(
      approveApplication(ctxOf(manager), {
        applicationId: application!.id,
        tierId: silver!.id,
        managerId: manager.userId,
      }),
    ).rejects.toMatchObject({ code: "application.alreadyReviewed" });
  });

  it("refuses approval with an unknown tier or a manager who is not one, changing nothing", async () => {
    await submitApplication(
      ctxOf(SYSTEM),
      form({ company: "Delta", website: "delta.example", contactEmail: "d@delta.example" }),
    );
    const [application] = await db
      .select()
      .from(partnerApplications)
      .where(eq(partnerApplications.contactEmail, "d@delta.example"));
    const [gold] = await db.select().from(tiers).where(eq(tiers.key, "gold"));
    const before = await rows(partners);
    await expect(
      approveApplication(ctxOf(manager), {
        applicationId: application!.id,
        tierId: "00000000-0000-4000-8000-000000000000",
        managerId: manager.userId,
      }),
    ).rejects.toMatchObject({ code: "application.tierUnknown", field: "tierId" });
    const [finance] = await db.select().from(users).where(eq(users.email, "finance@tierwise.demo"));
    await expect(
      approveApplication(ctxOf(manager), { applicationId: application!.id, tierId: gold!.id, managerId: finance!.id }),
    ).rejects.toMatchObject({ code: "application.managerUnknown", field: "managerId" });
    await expect(
      approveApplication(ctxOf(manager), {
        applicationId: application!.id,
        tierId: gold!.id,
        managerId: manager.userId,
        planId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "plan.notFound", field: "planId" });
    expect(await rows(partners)).toBe(before);
  });

  it("puts the new partner on the plan chosen at approval", async () => {
    await submitApplication(
      ctxOf(SYSTEM),
      form({ company: "Echo", website: "echo.example", contactEmail: "e@echo.example" }),
    );
    const [application] = await db
      .select()
      .from(partnerApplications)
      .where(eq(partnerApplications.contactEmail, "e@echo.example"));
    const [registered] = await db.select().from(tiers).where(eq(tiers.key, "registered"));
    const [plan] = await db.insert(commissionPlans).values({ name: "Affiliates" }).returning();
    const { partnerId } = await approveApplication(ctxOf(manager), {
      applicationId: application!.id,
      tierId: registered!.id,
      managerId: manager.userId,
      planId: plan!.id,
    });
    expect(
      await db.select({ planId: partnerPlans.planId }).from(partnerPlans).where(eq(partnerPlans.partnerId, partnerId)),
    ).toEqual([{ planId: plan!.id }]);
  });

  it("holds the starting tier for the program's grace period, or until the date the manager picks", async () => {
    const approve = async (company: string, tierHeldUntil?: string) => {
      const slug = company.toLowerCase();
      await submitApplication(
        ctxOf(SYSTEM),
        form({ company, website: `${slug}.example`, contactEmail: `x@${slug}.example` }),
      );
      const [application] = await db
        .select()
        .from(partnerApplications)
        .where(eq(partnerApplications.contactEmail, `x@${slug}.example`));
      const [silver] = await db.select().from(tiers).where(eq(tiers.key, "silver"));
      return approveApplication(ctxOf(manager), {
        applicationId: application!.id,
        tierId: silver!.id,
        managerId: manager.userId,
        ...(tierHeldUntil ? { tierHeldUntil } : {}),
      });
    };
    const heldUntilOf = async (partnerId: string) =>
      (await db.select({ at: partners.tierHeldUntil }).from(partners).where(eq(partners.id, partnerId)))[0]!.at;
    const byDefault = await approve("Foxtrot");
    expect(await heldUntilOf(byDefault.partnerId)).toEqual(new Date(clock.now().getTime() + 90 * DAY));
    const chosen = await approve("Golf", "2027-06-30");
    expect(await heldUntilOf(chosen.partnerId)).toEqual(new Date("2027-06-30T00:00:00Z"));
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "application.approved"));
    expect(audit).toBeDefined();
    await expect(approve("Hotel", "2026-10-01")).rejects.toMatchObject({
      code: "application.holdInPast",
      field: "tierHeldUntil",
    });
    await expect(approve("India", "2029-01-01")).rejects.toMatchObject({
      code: "application.holdTooFar",
      field: "tierHeldUntil",
    });
  });

  it("rejection records the reason and emails it", async () => {
    const [application] = await db
      .select()
      .from(partnerApplications)
      .where(eq(partnerApplications.contactEmail, "d@delta.example"));
    await rejectApplication(ctxOf(manager), {
      applicationId: application!.id,
      reason: "We are not adding resellers in this region this year.",
    });
    const [row] = await db.select().from(partnerApplications).where(eq(partnerApplications.id, application!.id));
    expect(row).toMatchObject({
      status: "rejected",
      rejectionReason: "We are not adding resellers in this region this year.",
      reviewedBy: manager.userId,
    });
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "applicationRejected"));
    expect(email?.text).toContain("not adding resellers");
  });
});
