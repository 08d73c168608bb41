import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY, fixedClock } from "@/lib/clock";
import { auditLog, emailOutbox, partners, tierChanges, tierOverrides, tiers, users } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { addMember, certify, insertCourse, onlyRequirement } from "@/server/testing/certifications";
import { SYSTEM, type PartnerActor } from "../actor";
import { createPlan, listPlans, publishPlanVersion } from "./admin";
import { currentPlanFor } from "./plans";
import { tierProgress } from "./queries";
import { partnersDueForRecompute, recomputeAllTiers, recomputeTier } from "./tiers";

const { db, clock, admin, manager, ctxOf, actorByEmail } = await setupProgram();
const tierIds = new Map((await db.select({ id: tiers.id, key: tiers.key }).from(tiers)).map((t) => [t.key, t.id]));
const kestrel = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;
const partnerId = kestrel.partnerId;
const tierOf = async () =>
  (await db.select({ tierId: partners.tierId }).from(partners).where(eq(partners.id, partnerId)))[0]!.tierId;
const lastChange = async () =>
  (
    await db
      .select()
      .from(tierChanges)
      .where(eq(tierChanges.partnerId, partnerId))
      .orderBy(desc(tierChanges.at), desc(tierChanges.id))
      .limit(1)
  )[0]!;
const changesCount = async (cause: "certification" | "recompute") =>
  (
    await db
      .select()
      .from(tierChanges)
      .where(and(eq(tierChanges.partnerId, partnerId), eq(tierChanges.cause, cause)))
  ).length;
const recompute = () => db.transaction((tx) => recomputeTier(tx, partnerId, clock));

const course = await insertCourse(db, "Security Essentials");
await onlyRequirement(db, partnerId, "gold", { courseId: course.courseId, minPeople: 2 });
await db
  .update(partners)
  .set({ tierId: tierIds.get("silver")!, tierHeldUntil: null })
  .where(eq(partners.id, partnerId));
const ada = await addMember(db, partnerId, "Ada Lovelace");
const grace = await addMember(db, partnerId, "Grace Hopper");
const issuedAt = new Date(clock.now().getTime() - 10 * DAY);
const inAYear = new Date(clock.now().getTime() + 365 * DAY);

describe("a tier that requires certified people", () => {
  it("is not reached until enough people are certified, then promotes at once", async () => {
    await certify(db, { ...ada, partnerId, ...course, issuedAt, expiresAt: inAYear });
    expect((await recompute())?.changed).toBe(false);
    expect(await tierOf()).toBe(tierIds.get("silver"));

    const progress = await tierProgress(ctxOf(SYSTEM), partnerId);
    expect(progress!.next).toMatchObject({ tierKey: "gold", reached: false });
    expect(progress!.next!.certifications).toEqual([
      { courseId: course.courseId, title: "Security Essentials", needed: 2, have: 1 },
    ]);

    // Someone certified for another partner does not count for this one.
    const northwind = ((await actorByEmail("olivia@northwind.demo")) as PartnerActor).partnerId;
    const outsider = await addMember(db, northwind, "Outsider");
    await certify(db, {
      ...outsider,
      partnerId: northwind,
      ...course,
      issuedAt,
      expiresAt: inAYear,
    });
    expect((await recompute())?.changed).toBe(false);

    // What the quiz does when it issues a certification: recompute in its transaction.
    await certify(db, { ...grace, partnerId, ...course, issuedAt, expiresAt: inAYear });
    expect((await recompute())?.changed).toBe(true);
    expect(await tierOf()).toBe(tierIds.get("gold"));
    expect(await lastChange()).toMatchObject({ cause: "recompute", toTierId: tierIds.get("gold") });
    expect(await changesCount("certification")).toBe(0);
  });

  it("warns on the tier card when a certification the tier needs expires within 30 days", async () => {
    const progress = await tierProgress(ctxOf(SYSTEM), partnerId);
    expect(progress!.tierKey).toBe("gold");
    expect(progress!.certifications).toEqual([
      expect.objectContaining({ courseId: course.courseId, have: 2, needed: 2, haveSoon: 2, atRisk: false }),
    ]);
    const later = fixedClock(new Date(inAYear.getTime() - 10 * DAY));
    const atRisk = await tierProgress(ctxOf(SYSTEM, later), partnerId);
    expect(atRisk!.certifications[0]).toMatchObject({ have: 2, haveSoon: 0, atRisk: true, expiresAt: inAYear });
  });

  it("an active override holds the tier though a person left; when it ends the partner moves down", async () => {
    await db.insert(tierOverrides).values({
      partnerId,
      tierId: tierIds.get("gold")!,
      reason: "Strategic account",
      endsAt: new Date(clock.now().getTime() + 30 * DAY),
      createdBy: manager.userId,
    });
    // A certified person who leaves (deactivated) no longer counts.
    await db.update(users).set({ deactivatedAt: clock.now() }).where(eq(users.id, grace.userId));
    expect((await recompute())?.changed).toBe(false);
    expect(await tierOf()).toBe(tierIds.get("gold"));
    expect(await partnersDueForRecompute(ctxOf(SYSTEM))).not.toContain(partnerId);

    await db.update(tierOverrides).set({ endedAt: clock.now() }).where(eq(tierOverrides.partnerId, partnerId));
    expect(await partnersDueForRecompute(ctxOf(SYSTEM))).toContain(partnerId);
    expect((await recompute())?.changed).toBe(true);
    expect(await tierOf()).toBe(tierIds.get("silver"));
    // The fixed clock gives every change the same time: find this one by its cause.
    const [change] = await db
      .select()
      .from(tierChanges)
      .where(and(eq(tierChanges.partnerId, partnerId), eq(tierChanges.cause, "certification")));
    expect(change).toMatchObject({ fromTierId: tierIds.get("gold"), toTierId: tierIds.get("silver") });
    expect(change!.note).toBe("Certification: 1 of 2 people certified in Security Essentials needed.");
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, partnerId), eq(auditLog.action, "partner.tierChanged")));
    expect(entries.map((e) => e.after)).toContainEqual(
      expect.objectContaining({ cause: "certification", tierId: tierIds.get("silver"), note: change!.note }),
    );
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, "noah@kestrel.demo"), eq(emailOutbox.template, "tierDemoted")))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    expect(mail!.text).toContain("1 of 2 people certified in Security Essentials");
  });

  it("the nightly pre-check finds a partner whose certification lapsed, and the run moves it down", async () => {
    await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, grace.userId));
    expect((await recompute())?.changed).toBe(true);
    expect(await tierOf()).toBe(tierIds.get("gold"));
    // A year on, both certifications have lapsed; no expiry job has run.
    const later = fixedClock(new Date(inAYear.getTime() + DAY));
    expect(await partnersDueForRecompute(ctxOf(SYSTEM, later))).toContain(partnerId);
    await recomputeAllTiers(ctxOf(SYSTEM, later));
    expect(await tierOf()).not.toBe(tierIds.get("gold"));
    expect(await changesCount("certification")).toBe(2);
    expect(await partnersDueForRecompute(ctxOf(SYSTEM, later))).not.toContain(partnerId);
  });
});

describe("plan versions carry certification requirements", () => {
  const rowsFor = async (certs: { courseId: string; minPeople: number }[]) =>
    (await db.select().from(tiers).orderBy(tiers.rank)).map((t, i) => ({
      tierId: t.id,
      rateBps: 500 + i * 100,
      minRevenue: "",
      minWonDeals: i === 0 ? null : i,
      perks: "",
      certifications: t.key === "gold" ? certs : [],
    }));
  const base = { baseKind: "percent" as const, baseRateBps: 500, baseFlatAmount: "", recurringMonths: 12 };

  it("writes them with each version, lists them with the course title, and validates them by field", async () => {
    const plan = await createPlan(ctxOf(admin), {
      name: "Certified Partners",
      description: "",
      ...base,
      tierRules: await rowsFor([{ courseId: course.courseId, minPeople: 3 }]),
      productRates: [],
    });
    const listed = (await listPlans(db)).find((p) => p.id === plan.id)!;
    const gold = listed.tierRules.find((r) => r.tierKey === "gold")!;
    expect(gold.certifications).toEqual([
      { courseId: course.courseId, minPeople: 3, courseTitle: "Security Essentials" },
    ]);
    expect(listed.tierRules.find((r) => r.tierKey === "silver")!.certifications).toEqual([]);

    // A new version has its own copy; the old one keeps what it had.
    await publishPlanVersion(ctxOf(admin), {
      planId: plan.id,
      ...base,
      tierRules: await rowsFor([{ courseId: course.courseId, minPeople: 1 }]),
      productRates: [],
    });
    const relisted = (await listPlans(db)).find((p) => p.id === plan.id)!;
    expect(relisted.version!.version).toBe(2);
    expect(relisted.tierRules.find((r) => r.tierKey === "gold")!.certifications[0]!.minPeople).toBe(1);

    const retired = await insertCourse(db, "Legacy Course", { retired: true });
    const attempt = (certs: { courseId: string; minPeople: number }[]) =>
      rowsFor(certs).then((tierRules) =>
        publishPlanVersion(ctxOf(admin), { planId: plan.id, ...base, tierRules, productRates: [] }),
      );
    const goldIndex = (await db.select().from(tiers).orderBy(tiers.rank)).findIndex((t) => t.key === "gold");
    await expect(attempt([{ courseId: retired.courseId, minPeople: 1 }])).rejects.toMatchObject({
      code: "plan.certificationCourseRetired",
      field: `tierRules.${goldIndex}.certifications.0.courseId`,
    });
    await expect(attempt([{ courseId: crypto.randomUUID(), minPeople: 1 }])).rejects.toMatchObject({
      code: "plan.certificationCourseUnknown",
    });
    await expect(
      attempt([
        { courseId: course.courseId, minPeople: 1 },
        { courseId: course.courseId, minPeople: 2 },
      ]),
    ).rejects.toMatchObject({
      code: "plan.certificationDuplicate",
      field: `tierRules.${goldIndex}.certifications.1.courseId`,
    });
    expect((await listPlans(db)).find((p) => p.id === plan.id)!.version!.version).toBe(2);
  });

  it("the partner's plan reads each rule's requirements", async () => {
    const plan = await currentPlanFor(db, partnerId);
    const gold = plan!.tierRules.find((r) => r.tierId === tierIds.get("gold"))!;
    expect(gold.certifications).toEqual([{ courseId: course.courseId, minPeople: 2 }]);
  });
});
