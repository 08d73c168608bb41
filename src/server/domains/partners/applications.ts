import { and, asc, count, desc, eq, ilike, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { commissionPlans, partnerApplications, partnerMemberships, partnerPlans, partners, partnerStatusEvents, staffRoles, tiers, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import type { Clock } from "@/lib/clock";
import { HOUR } from "@/lib/clock";
import { emailDomain, FREE_MAIL_DOMAINS, normalizeDomain } from "@/lib/domain-name";
import { hitRate } from "@/server/auth/rate-limit";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { Locale, StaffActor } from "../actor";
import { audit } from "../audit/service";
import { ConflictError, InvalidError, NotFoundError, RateLimitedError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { issueInvitation } from "./invitations";
import { currentTerms } from "./terms";

export const APPLICATIONS_PER_IP_PER_HOUR = 5;

export const submitApplicationInput = z.object({
  company: z.string().trim().min(2).max(120),
  website: z.string().trim().min(4).max(200).refine((w) => normalizeDomain(w) !== null, { message: "application.websiteInvalid" }),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: "application.countryInvalid" }),
  type: z.enum(["referral", "reseller", "affiliate"]),
  contactName: z.string().trim().min(2).max(120),
  contactEmail: z.email().max(320).transform((e) => e.trim().toLowerCase()),
  salesApproach: z.string().trim().min(20).max(2000),
  expectedDealsPerQuarter: z.number().int().min(0).max(10_000),
  termsId: z.uuid(),
  acceptTerms: z.literal(true, { message: "terms.mustAccept" }),
  /** Honeypot: people never see or fill it; bots fill every field. */
  nickname: z.string().max(200).optional(),
});
export type SubmitApplicationInput = z.infer<typeof submitApplicationInput>;

/** The public application form. A filled honeypot is answered like a success and writes nothing. */
export async function submitApplication(db: Db, input: SubmitApplicationInput & { ip: string; locale: Locale }, clock: Clock) {
  if (input.nickname) return { received: true as const };
  const limit = await hitRate(db, `apply:ip:${input.ip}`, { limit: APPLICATIONS_PER_IP_PER_HOUR, windowMs: HOUR }, clock);
  if (limit.limited) throw new RateLimitedError("application.rateLimited", limit.retryAfterSeconds);
  const domain = normalizeDomain(input.website)!;
  return db.transaction(async (tx) => {
    const terms = await currentTerms(tx);
    if (!terms || terms.id !== input.termsId) throw new ConflictError("terms.outdated", "acceptTerms");
    await assertNotDuplicate(tx, input.contactEmail, domain);
    const [application] = await tx
      .insert(partnerApplications)
      .values({
        company: input.company,
        website: input.website,
        domain,
        country: input.country,
        type: input.type,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        salesApproach: input.salesApproach,
        expectedDealsPerQuarter: input.expectedDealsPerQuarter,
        termsId: terms.id,
        locale: input.locale,
        ip: input.ip,
        createdAt: clock.now(),
      })
      .returning();
    await enqueueEmail(tx, { to: input.contactEmail, locale: input.locale, template: "applicationReceived", params: { name: input.contactName, company: input.company } }, clock);
    await audit(tx, { kind: "system", userId: null }, { action: "application.submitted", entityType: "application", entityId: application!.id, after: { company: input.company, domain } }, clock.now());
    return { received: true as const };
  });
}

/** An email or company domain that already belongs to a pending application or a live partner. */
async function assertNotDuplicate(tx: Db, email: string, domain: string) {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (user) throw new ConflictError("application.emailTaken", "contactEmail");
  const [pending] = await tx
    .select({ id: partnerApplications.id, contactEmail: partnerApplications.contactEmail })
    .from(partnerApplications)
    .where(and(eq(partnerApplications.status, "pending"), or(eq(partnerApplications.contactEmail, email), eq(partnerApplications.domain, domain))));
  if (pending) throw new ConflictError("application.pending", pending.contactEmail === email ? "contactEmail" : "website");
  const mailDomain = emailDomain(email);
  const domains = FREE_MAIL_DOMAINS.has(mailDomain) ? [domain] : [...new Set([domain, mailDomain])];
  const [partner] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(inArray(partners.domain, domains), inArray(partners.status, ["applied", "active", "suspended"])));
  if (partner) throw new ConflictError("application.partnerExists", "website");
}

export const listApplicationsInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100).optional(),
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  type: z.enum(["referral", "reseller", "affiliate"]).optional(),
  sort: z.enum(["createdAt", "company", "expectedDealsPerQuarter"]).default("createdAt"),
});

export async function listApplications(db: Db, input: z.infer<typeof listApplicationsInput>) {
  const where = and(
    input.status ? eq(partnerApplications.status, input.status) : undefined,
    input.type ? eq(partnerApplications.type, input.type) : undefined,
    input.search
      ? or(
          ilike(partnerApplications.company, containsPattern(input.search)),
          ilike(partnerApplications.contactEmail, containsPattern(input.search)),
          ilike(partnerApplications.domain, containsPattern(input.search)),
        )
      : undefined,
  );
  const column = { createdAt: partnerApplications.createdAt, company: partnerApplications.company, expectedDealsPerQuarter: partnerApplications.expectedDealsPerQuarter }[input.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: partnerApplications.id,
        company: partnerApplications.company,
        domain: partnerApplications.domain,
        country: partnerApplications.country,
        type: partnerApplications.type,
        contactName: partnerApplications.contactName,
        contactEmail: partnerApplications.contactEmail,
        expectedDealsPerQuarter: partnerApplications.expectedDealsPerQuarter,
        status: partnerApplications.status,
        createdAt: partnerApplications.createdAt,
      })
      .from(partnerApplications)
      .where(where)
      .orderBy(input.sortDir === "asc" ? asc(column) : desc(column), asc(partnerApplications.id))
      .limit(input.pageSize)
      .offset(offsetOf(input.page, input.pageSize)),
    db.select({ n: count() }).from(partnerApplications).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, input.page, input.pageSize);
}

export async function getApplication(db: Db, id: string) {
  const [row] = await db
    .select({ application: partnerApplications, reviewerName: users.name })
    .from(partnerApplications)
    .leftJoin(users, eq(users.id, partnerApplications.reviewedBy))
    .where(eq(partnerApplications.id, id));
  if (!row) throw new NotFoundError("application.notFound", "applicationId");
  return { ...row.application, reviewerName: row.reviewerName };
}

export const approveApplicationInput = z.object({
  applicationId: z.uuid(),
  tierId: z.uuid(),
  managerId: z.uuid(),
  /** The commission plan the partner earns under; without one, the program's default plan applies. */
  planId: z.uuid().optional(),
});

/** Admits the company: partner organization, owner user and a 7-day invitation, in one transaction. */
export async function approveApplication(db: Db, actor: StaffActor, input: z.infer<typeof approveApplicationInput>, clock: Clock) {
  return db.transaction(async (tx) => {
    const application = await lockPending(tx, input.applicationId);
    const [tier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, input.tierId));
    if (!tier) throw new InvalidError("application.tierUnknown", "tierId");
    const [manager] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
      .where(and(eq(users.id, input.managerId), inArray(staffRoles.role, ["partner_manager", "admin"])));
    if (!manager) throw new InvalidError("application.managerUnknown", "managerId");
    if (input.planId) {
      const [plan] = await tx.select({ id: commissionPlans.id }).from(commissionPlans).where(eq(commissionPlans.id, input.planId));
      if (!plan) throw new InvalidError("plan.notFound", "planId");
    }
    const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, application.contactEmail));
    if (existingUser) throw new ConflictError("application.emailTaken", "applicationId");
    const [partner] = await tx
      .insert(partners)
      .values({
        name: application.company,
        website: application.website,
        domain: application.domain,
        country: application.country,
        type: application.type,
        contactEmail: application.contactEmail,
        status: "active",
        tierId: input.tierId,
        managerId: input.managerId,
        createdAt: clock.now(),
      })
      .returning();
    const [owner] = await tx
      .insert(users)
      .values({ name: application.contactName, email: application.contactEmail, kind: "partner", locale: application.locale === "ar" ? "ar" : "en", createdAt: clock.now() })
      .returning();
    await tx.insert(partnerMemberships).values({ userId: owner!.id, partnerId: partner!.id, role: "owner", createdAt: clock.now() });
    if (input.planId) await tx.insert(partnerPlans).values({ partnerId: partner!.id, planId: input.planId, assignedBy: actor.userId, assignedAt: clock.now() });
    await tx.insert(partnerStatusEvents).values({ partnerId: partner!.id, fromStatus: "applied", toStatus: "active", reason: "application.approved", actorId: actor.userId, at: clock.now() });
    const [approved] = await tx
      .update(partnerApplications)
      .set({ status: "approved", reviewedBy: actor.userId, reviewedAt: clock.now(), partnerId: partner!.id })
      .where(eq(partnerApplications.id, application.id))
      .returning();
    await issueInvitation(
      tx,
      actor,
      { partnerId: partner!.id, email: application.contactEmail, name: application.contactName, role: "owner", locale: application.locale === "ar" ? "ar" : "en" },
      clock,
    );
    await audit(tx, actor, { action: "application.approved", entityType: "application", entityId: application.id, before: { status: application.status }, after: { status: approved!.status, partnerId: partner!.id, tierId: input.tierId, managerId: input.managerId, planId: input.planId ?? null } }, clock.now());
    return { partnerId: partner!.id };
  });
}

export const rejectApplicationInput = z.object({ applicationId: z.uuid(), reason: z.string().trim().min(10).max(2000) });

export async function rejectApplication(db: Db, actor: StaffActor, input: z.infer<typeof rejectApplicationInput>, clock: Clock) {
  return db.transaction(async (tx) => {
    const application = await lockPending(tx, input.applicationId);
    await tx
      .update(partnerApplications)
      .set({ status: "rejected", reviewedBy: actor.userId, reviewedAt: clock.now(), rejectionReason: input.reason })
      .where(eq(partnerApplications.id, application.id));
    await enqueueEmail(
      tx,
      { to: application.contactEmail, locale: application.locale === "ar" ? "ar" : "en", template: "applicationRejected", params: { name: application.contactName, company: application.company, reason: input.reason } },
      clock,
    );
    await audit(tx, actor, { action: "application.rejected", entityType: "application", entityId: application.id, before: { status: application.status }, after: { status: "rejected", reason: input.reason } }, clock.now());
  });
}

async function lockPending(tx: Db, id: string) {
  const [application] = await tx.select().from(partnerApplications).where(eq(partnerApplications.id, id)).for("update");
  if (!application) throw new NotFoundError("application.notFound", "applicationId");
  if (application.status !== "pending") throw new ConflictError("application.alreadyReviewed", "applicationId");
  return application;
}
