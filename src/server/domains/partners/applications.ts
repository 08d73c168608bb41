import { and, asc, count, desc, eq, ilike, inArray, or } from "drizzle-orm";
import { z } from "zod";
import {
  applicationStatus,
  commissionPlans,
  partnerApplications,
  partnerMemberships,
  partnerPlans,
  partners,
  partnerStatusEvents,
  partnerType,
  staffRoles,
  tiers,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { containsPattern } from "@/server/db/like";
import type { Clock } from "@/lib/clock";
import { DAY, HOUR } from "@/lib/clock";
import { emailDomain, FREE_MAIL_DOMAINS, normalizeDomain } from "@/lib/domain-name";
import { env } from "@/lib/env";
import { normalizeEmail } from "@/lib/email";
import { plainTextField } from "@/lib/text";
import { hitRate } from "@/server/security/rate-limit";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import type { Locale } from "@/i18n/config";
import { SYSTEM, type StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError, NotFoundError, RateLimitedError } from "../errors";
import { offsetOf, pageInput, pageOf } from "../pagination";
import { issueInvitation } from "./invitations";
import { getProgramSettings } from "../program/service";
import { currentTerms } from "./terms";

export const APPLICATIONS_PER_IP_PER_HOUR = 5;

export const submitApplicationInput = z.object({
  company: plainTextField({ min: 2, max: 120 }),
  website: plainTextField({ min: 4, max: 200 }).refine((w) => normalizeDomain(w) !== null, {
    message: "application.websiteInvalid",
  }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: "application.countryInvalid" }),
  type: z.enum(partnerType.enumValues),
  contactName: plainTextField({ min: 2, max: 120 }),
  contactEmail: z
    .email()
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  salesApproach: z.string().trim().min(20).max(2000),
  expectedDealsPerQuarter: z.number().int().min(0).max(10_000),
  termsId: z.uuid(),
  acceptTerms: z.literal(true, { message: "terms.mustAccept" }),
  /** Honeypot: people never see or fill it; bots fill every field. */
  nickname: z.string().max(200).optional(),
});
export type SubmitApplicationInput = z.infer<typeof submitApplicationInput>;

/** Notices to one address about applications made with it: enough for a person, no mail bomb. */
export const APPLICATION_NOTICES_PER_EMAIL_PER_HOUR = 3;

/**
 * The public application form. Every well-formed application gets the same answer, so the form
 * cannot tell anyone whether an address has an account or an application: for such an address
 * nothing is stored and its owner is emailed instead. A filled honeypot is answered like a
 * success and writes nothing.
 */
export async function submitApplication(
  ctx: ServiceCtx,
  form: SubmitApplicationInput & { ip: string; locale: Locale },
) {
  const { db, clock } = ctx;
  if (form.nickname) return { received: true as const };
  // The schema lower-cases it too; here as well, so no spelling of an address answers differently.
  const input = { ...form, contactEmail: normalizeEmail(form.contactEmail) };
  const limit = await hitRate(
    db,
    `apply:ip:${input.ip}`,
    { limit: APPLICATIONS_PER_IP_PER_HOUR, windowMs: HOUR },
    clock,
  );
  if (limit.limited) throw new RateLimitedError("application.rateLimited", limit.retryAfterSeconds);
  const domain = normalizeDomain(input.website)!;
  return withTransaction(ctx, async (tx) => {
    const terms = await currentTerms(tx);
    if (!terms || terms.id !== input.termsId) throw new ConflictError("terms.outdated", "acceptTerms");
    // Company checks first: they depend only on domains, never on whether the person has an
    // account, so answering them openly reveals nothing about anyone.
    await assertCompanyNew(tx, input.contactEmail, domain);
    if (await noticeIfEmailKnown(tx, input, clock)) return { received: true as const };
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
    await enqueueEmail(
      tx,
      {
        to: input.contactEmail,
        locale: input.locale,
        template: "applicationReceived",
        params: { name: input.contactName, company: input.company },
      },
      clock,
    );
    await audit(
      tx,
      SYSTEM,
      {
        action: "application.submitted",
        entityType: "application",
        entityId: application!.id,
        after: { company: input.company, domain },
      },
      clock.now(),
    );
    return { received: true as const };
  });
}

/** A company domain that already belongs to a pending application or a live partner. */
async function assertCompanyNew(tx: Db, email: string, domain: string) {
  const [pending] = await tx
    .select({ id: partnerApplications.id })
    .from(partnerApplications)
    .where(and(eq(partnerApplications.status, "pending"), eq(partnerApplications.domain, domain)));
  if (pending) throw new ConflictError("application.pending", "website");
  const mailDomain = emailDomain(email);
  const domains = FREE_MAIL_DOMAINS.has(mailDomain) ? [domain] : [...new Set([domain, mailDomain])];
  const [partner] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(inArray(partners.domain, domains), inArray(partners.status, ["applied", "active", "suspended"])));
  if (partner) throw new ConflictError("application.partnerExists", "website");
}

/**
 * When the email already has an account or a pending application, emails its owner (in their
 * language) what they can do instead, and says so; the caller then stores nothing. A
 * deactivated account gets no email, like a password reset.
 */
async function noticeIfEmailKnown(
  tx: Db,
  input: SubmitApplicationInput & { locale: Locale },
  clock: Clock,
): Promise<boolean> {
  const email = input.contactEmail;
  const [user] = await tx.select().from(users).where(eq(users.email, email));
  const [pending] = user
    ? []
    : await tx
        .select()
        .from(partnerApplications)
        .where(and(eq(partnerApplications.status, "pending"), eq(partnerApplications.contactEmail, email)))
        .limit(1);
  if (!user && !pending) return false;
  if (user?.deactivatedAt) return true;
  const notices = await hitRate(
    tx,
    `apply:notice:${email}`,
    { limit: APPLICATION_NOTICES_PER_EMAIL_PER_HOUR, windowMs: HOUR },
    clock,
  );
  if (notices.limited) return true;
  if (user) {
    const appUrl = env().APP_URL;
    await enqueueEmail(
      tx,
      {
        to: email,
        locale: user.locale ?? input.locale,
        template: "applicationEmailExists",
        params: { url: `${appUrl}/login`, resetUrl: `${appUrl}/forgot`, name: user.name },
      },
      clock,
    );
  } else {
    await enqueueEmail(
      tx,
      {
        to: email,
        locale: pending!.locale === "ar" ? "ar" : "en",
        template: "applicationAlreadyPending",
        params: { name: pending!.contactName, company: pending!.company },
      },
      clock,
    );
  }
  return true;
}

export const listApplicationsInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100).optional(),
  status: z.enum(applicationStatus.enumValues).optional(),
  type: z.enum(partnerType.enumValues).optional(),
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
  const column = {
    createdAt: partnerApplications.createdAt,
    company: partnerApplications.company,
    expectedDealsPerQuarter: partnerApplications.expectedDealsPerQuarter,
  }[input.sort];
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
  /**
   * Until when the starting tier holds (a UTC day, held from its start); without one, the
   * program's grace period from today. Within two years, so a promise is not forever.
   */
  tierHeldUntil: z.iso.date().optional(),
});

/** The longest a manager may promise a starting tier at approval. */
export const MAX_TIER_HOLD_DAYS = 730;

/** When the starting tier stops being held: the manager's date, else now plus the program's grace days. */
function tierHoldEnd(now: Date, graceDays: number, chosen: string | undefined): Date {
  if (!chosen) return new Date(now.getTime() + graceDays * DAY);
  const at = new Date(`${chosen}T00:00:00Z`);
  if (at <= now) throw new InvalidError("application.holdInPast", "tierHeldUntil");
  if (at.getTime() > now.getTime() + MAX_TIER_HOLD_DAYS * DAY)
    throw new InvalidError("application.holdTooFar", "tierHeldUntil");
  return at;
}

/**
 * Admits the company: partner organization, owner user and a 7-day invitation, in one
 * transaction. The starting tier is a promise: it holds (never reviewed down) until
 * `tierHeldUntil`, while promotions still happen at once.
 */
export async function approveApplication(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof approveApplicationInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx, inner) => {
    const application = await lockPending(tx, input.applicationId);
    const tierHeldUntil = tierHoldEnd(clock.now(), (await getProgramSettings(tx)).tierGraceDays, input.tierHeldUntil);
    const [tier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.id, input.tierId));
    if (!tier) throw new InvalidError("application.tierUnknown", "tierId");
    const [manager] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
      .where(and(eq(users.id, input.managerId), inArray(staffRoles.role, ["partner_manager", "admin"])));
    if (!manager) throw new InvalidError("application.managerUnknown", "managerId");
    if (input.planId) {
      const [plan] = await tx
        .select({ id: commissionPlans.id })
        .from(commissionPlans)
        .where(eq(commissionPlans.id, input.planId));
      if (!plan) throw new InvalidError("plan.notFound", "planId");
    }
    const [existingUser] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, application.contactEmail));
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
        tierHeldUntil,
        managerId: input.managerId,
        createdAt: clock.now(),
      })
      .returning();
    const [owner] = await tx
      .insert(users)
      .values({
        name: application.contactName,
        email: application.contactEmail,
        kind: "partner",
        locale: application.locale === "ar" ? "ar" : "en",
        createdAt: clock.now(),
      })
      .returning();
    await tx
      .insert(partnerMemberships)
      .values({ userId: owner!.id, partnerId: partner!.id, role: "owner", createdAt: clock.now() });
    if (input.planId)
      await tx
        .insert(partnerPlans)
        .values({ partnerId: partner!.id, planId: input.planId, assignedBy: actor.userId, assignedAt: clock.now() });
    await tx.insert(partnerStatusEvents).values({
      partnerId: partner!.id,
      fromStatus: "applied",
      toStatus: "active",
      reason: "application.approved",
      actorId: actor.userId,
      at: clock.now(),
    });
    const [approved] = await tx
      .update(partnerApplications)
      .set({ status: "approved", reviewedBy: actor.userId, reviewedAt: clock.now(), partnerId: partner!.id })
      .where(eq(partnerApplications.id, application.id))
      .returning();
    await issueInvitation(inner, {
      partnerId: partner!.id,
      email: application.contactEmail,
      name: application.contactName,
      role: "owner",
      locale: application.locale === "ar" ? "ar" : "en",
    });
    await audit(
      tx,
      actor,
      {
        action: "application.approved",
        entityType: "application",
        entityId: application.id,
        before: { status: application.status },
        after: {
          status: approved!.status,
          partnerId: partner!.id,
          tierId: input.tierId,
          tierHeldUntil,
          managerId: input.managerId,
          planId: input.planId ?? null,
        },
      },
      clock.now(),
    );
    return { partnerId: partner!.id };
  });
}

export const rejectApplicationInput = z.object({
  applicationId: z.uuid(),
  reason: z.string().trim().min(10).max(2000),
});

export async function rejectApplication(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof rejectApplicationInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const application = await lockPending(tx, input.applicationId);
    await tx
      .update(partnerApplications)
      .set({ status: "rejected", reviewedBy: actor.userId, reviewedAt: clock.now(), rejectionReason: input.reason })
      .where(eq(partnerApplications.id, application.id));
    await enqueueEmail(
      tx,
      {
        to: application.contactEmail,
        locale: application.locale === "ar" ? "ar" : "en",
        template: "applicationRejected",
        params: { name: application.contactName, company: application.company, reason: input.reason },
      },
      clock,
    );
    await audit(
      tx,
      actor,
      {
        action: "application.rejected",
        entityType: "application",
        entityId: application.id,
        before: { status: application.status },
        after: { status: "rejected", reason: input.reason },
      },
      clock.now(),
    );
  });
}

async function lockPending(tx: Db, id: string) {
  const [application] = await tx.select().from(partnerApplications).where(eq(partnerApplications.id, id)).for("update");
  if (!application) throw new NotFoundError("application.notFound", "applicationId");
  if (application.status !== "pending") throw new ConflictError("application.alreadyReviewed", "applicationId");
  return application;
}
