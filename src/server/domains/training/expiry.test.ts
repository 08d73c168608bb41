import { and, desc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import { auditLog, certifications, emailOutbox, partners, tierChanges, tiers } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { addMember, certify, insertCourse, onlyRequirement } from "@/server/testing/certifications";
import { SYSTEM, type PartnerActor } from "../actor";
import { recomputeTier } from "../commissions/tiers";
import { listCertifications } from "./certification-admin";
import { runCertificationExpiry } from "./expiry";
import { revokeCertification } from "./revoke";

const { db, clock, manager, ctxOf, actorByEmail } = await setupProgram();
const tierIds = new Map((await db.select({ id: tiers.id, key: tiers.key }).from(tiers)).map((t) => [t.key, t.id]));
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
const partnerId = kestrel.partnerId;
const tierOf = async () =>
  (await db.select({ tierId: partners.tierId }).from(partners).where(eq(partners.id, partnerId)))[0]!.tierId;
const mailsTo = (to: string) => db.select().from(emailOutbox).where(eq(emailOutbox.to, to));
const promote = (at = clock) => db.transaction((tx) => recomputeTier(tx, partnerId, at));

const course = await insertCourse(db, "Cloud Basics");
await onlyRequirement(db, partnerId, "gold", { courseId: course.courseId, minPeople: 1 });
await db
  .update(partners)
  .set({ tierId: tierIds.get("silver")!, tierHeldUntil: null })
  .where(eq(partners.id, partnerId));
const ada = await addMember(db, partnerId, "Ada Expiring");
const expiresAt = new Date(clock.now().getTime() + 20 * DAY);
const cert = await certify(db, {
  ...ada,
  partnerId,
  ...course,
  issuedAt: new Date(clock.now().getTime() - 345 * DAY),
  expiresAt,
});

describe("the certification-expiry job", () => {
  it("reminds once before expiry", async () => {
    expect((await promote())?.changed).toBe(true);
    expect(await tierOf()).toBe(tierIds.get("gold"));
    // The demo's own certification about to expire is reminded too; this person's one reminder is ours.
    expect((await runCertificationExpiry(ctxOf(SYSTEM))).reminded).toBeGreaterThanOrEqual(1);
    expect(await runCertificationExpiry(ctxOf(SYSTEM))).toEqual({ reminded: 0, expired: 0 });
    const mails = await mailsTo(ada.email);
    expect(mails.map((m) => m.template)).toEqual(["certificationExpiring"]);
    expect(mails[0]!.subject).toContain("Cloud Basics");
    expect(mails[0]!.text).toContain(`/training/${course.courseId}`);
    const [row] = await db.select().from(certifications).where(eq(certifications.id, cert.id));
    expect(row!.remindedAt).toEqual(clock.now());
  });

  it("at expiry tells the person and moves the partner down at once, recorded, audited and emailed; a second run changes nothing", async () => {
    const after = fixedClock(new Date(expiresAt.getTime() + 3_600_000));
    const first = await runCertificationExpiry(ctxOf(SYSTEM, after));
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(await tierOf()).toBe(tierIds.get("silver"));
    const [change] = await db
      .select()
      .from(tierChanges)
      .where(and(eq(tierChanges.partnerId, partnerId), eq(tierChanges.cause, "certification")));
    expect(change).toMatchObject({ fromTierId: tierIds.get("gold"), toTierId: tierIds.get("silver") });
    expect(change!.note).toBe("Certification: 0 of 1 person certified in Cloud Basics needed.");
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, partnerId), inArray(auditLog.action, ["partner.tierChanged"])));
    expect(audits.map((a) => a.after)).toContainEqual(expect.objectContaining({ cause: "certification" }));
    const [expiredAudit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cert.id), eq(auditLog.action, "certification.expired")));
    expect(expiredAudit).toBeDefined();
    const [ownerMail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, "noah@kestrel.demo"), eq(emailOutbox.template, "tierDemoted")))
      .orderBy(desc(emailOutbox.createdAt));
    expect(ownerMail!.text).toContain("0 of 1 person certified in Cloud Basics");
    const [row] = await db.select().from(certifications).where(eq(certifications.id, cert.id));
    expect(row!.expiryHandledAt).toEqual(after.now());

    const outboxBefore = (await db.select().from(emailOutbox)).length;
    expect(await runCertificationExpiry(ctxOf(SYSTEM, after))).toEqual({ reminded: 0, expired: 0 });
    expect((await db.select().from(emailOutbox)).length).toBe(outboxBefore);
    expect((await mailsTo(ada.email)).map((m) => m.template).sort()).toEqual([
      "certificationExpired",
      "certificationExpiring",
    ]);
  });
});

describe("revoking a certification", () => {
  const grace = addMember(db, partnerId, "Grace Revoked");

  it("demotes in the same transaction, audits, and tells the person; twice is refused", async () => {
    const person = await grace;
    const held = await certify(db, {
      ...person,
      partnerId,
      ...course,
      issuedAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 365 * DAY),
    });
    // After the first person's certification expired: this one alone keeps the partner at gold.
    const later = fixedClock(new Date(expiresAt.getTime() + DAY));
    expect((await promote(later))?.changed).toBe(true);
    expect(await tierOf()).toBe(tierIds.get("gold"));

    const result = await revokeCertification(ctxOf(manager, later), {
      certificationId: held.id,
      reason: "Exam shared online",
    });
    expect(result.tierChanged).toBe(true);
    expect(await tierOf()).toBe(tierIds.get("silver"));
    const [row] = await db.select().from(certifications).where(eq(certifications.id, held.id));
    expect(row).toMatchObject({ revokedBy: manager.userId, revokeReason: "Exam shared online" });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, held.id), eq(auditLog.action, "certification.revoked")));
    expect(entry!.actorId).toBe(manager.userId);
    const mails = await mailsTo(person.email);
    expect(mails.map((m) => m.template)).toEqual(["certificationRevoked"]);
    expect(mails[0]!.text).toContain("Exam shared online");

    await expect(
      revokeCertification(ctxOf(manager), { certificationId: held.id, reason: "Exam shared online" }),
    ).rejects.toMatchObject({ code: "certification.alreadyRevoked" });
    await expect(
      revokeCertification(ctxOf(manager), { certificationId: crypto.randomUUID(), reason: "Nothing to revoke" }),
    ).rejects.toMatchObject({ code: "certification.notFound" });
  });
});

describe("the staff list", () => {
  it("opens on who expires this month, and filters by status, course and search", async () => {
    const now = clock.now(); // 2026-11-01: the demo's about-to-expire certification falls this month
    const thisMonth = await listCertifications(ctxOf(manager));
    expect(thisMonth.rows.length).toBeGreaterThan(0);
    for (const row of thisMonth.rows) {
      expect(row.status).toBe("expiringThisMonth");
      expect(row.expiresAt > now && row.expiresAt < new Date("2026-12-01T00:00:00Z")).toBe(true);
    }
    expect(thisMonth.rows.map((r) => r.personName)).toContain("Ada Expiring");

    const revoked = await listCertifications(ctxOf(manager), { status: "revoked" });
    expect(revoked.rows.map((r) => r.personName)).toEqual(["Grace Revoked"]);
    expect(revoked.rows[0]).toMatchObject({ revokeReason: "Exam shared online", revokedByName: expect.any(String) });

    const ours = await listCertifications(ctxOf(manager), { status: "all", courseId: course.courseId });
    expect(ours.total).toBe(2);
    const searched = await listCertifications(ctxOf(manager), { status: "all", search: "kestrel" });
    expect(searched.rows.every((r) => r.partnerId === partnerId)).toBe(true);
    const paged = await listCertifications(ctxOf(manager), { status: "all", pageSize: 5, sort: "person" });
    expect(paged.rows.length).toBeLessThanOrEqual(5);
    expect(paged.total).toBeGreaterThanOrEqual(ours.total);

    const later = fixedClock(new Date(expiresAt.getTime() + DAY));
    const expired = await listCertifications(ctxOf(manager, later), { status: "expired", courseId: course.courseId });
    expect(expired.rows.map((r) => r.personName)).toEqual(["Ada Expiring"]);
  });
});
