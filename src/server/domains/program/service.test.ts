import { and, asc, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_MINOR_UNITS } from "@/lib/money";
import { auditLog } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { getProgramSettings, updateProgramSettings, updateProgramSettingsInput } from "./service";

const p = await setupProgram();
const { db, clock, admin, ctxOf } = p;

const valid = {
  name: "Northstar Partner Program",
  currency: "EUR",
  attributionWindowDays: 60,
  holdPeriodDays: 14,
  minimumPayoutMinor: 7_500n,
  leadProtectionDays: 120,
  leadExpiryDays: 45,
  leadDailyLimit: 30,
};

/** The paths of the issues Zod reports for `valid` with `change` applied. */
function issuePaths(change: Record<string, unknown>) {
  const result = updateProgramSettingsInput.safeParse({ ...valid, ...change });
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path);
}

describe("updateProgramSettings", () => {
  it("persists the new settings", async () => {
    await updateProgramSettings(ctxOf(admin), updateProgramSettingsInput.parse(valid));
    const saved = await getProgramSettings(db);
    expect(saved).toMatchObject({ ...valid, updatedAt: clock.now() });
  });

  it("audits the change with before and after, the bigint amount as a string", async () => {
    const before = await getProgramSettings(db);
    await updateProgramSettings(
      ctxOf(admin),
      updateProgramSettingsInput.parse({ ...valid, minimumPayoutMinor: 12_345n }),
    );
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "program.settingsUpdated"), eq(auditLog.entityId, "1")))
      .orderBy(asc(auditLog.id));
    const last = entries.at(-1);
    expect(last).toMatchObject({ actorId: admin.userId, entityType: "program" });
    expect(last?.before).toMatchObject({ minimumPayoutMinor: before.minimumPayoutMinor.toString() });
    expect(last?.after).toMatchObject({ minimumPayoutMinor: "12345", currency: "EUR" });
  });
});

describe("payout settings", () => {
  it("saves the schedule, its day, bank payouts and the tax rule, and keeps them when not sent", async () => {
    await updateProgramSettings(
      ctxOf(admin),
      updateProgramSettingsInput.parse({
        ...valid,
        payoutSchedule: "monthly",
        payoutDayOfMonth: 5,
        bankPayoutsAllowed: false,
        taxDetailsRequired: true,
      }),
    );
    expect(await getProgramSettings(db)).toMatchObject({
      payoutSchedule: "monthly",
      payoutDayOfMonth: 5,
      bankPayoutsAllowed: false,
      taxDetailsRequired: true,
    });
    // A caller that does not send the payout fields (an older form) leaves them as they are.
    await updateProgramSettings(ctxOf(admin), updateProgramSettingsInput.parse(valid));
    expect(await getProgramSettings(db)).toMatchObject({ payoutSchedule: "monthly", payoutDayOfMonth: 5 });
    await updateProgramSettings(
      ctxOf(admin),
      updateProgramSettingsInput.parse({ ...valid, payoutSchedule: "manual", payoutDayOfMonth: null }),
    );
    expect(await getProgramSettings(db)).toMatchObject({ payoutSchedule: "manual", payoutDayOfMonth: null });
  });

  it("refuses a monthly schedule without its day, on the day's field", async () => {
    await expect(
      updateProgramSettings(
        ctxOf(admin),
        updateProgramSettingsInput.parse({ ...valid, payoutSchedule: "monthly", payoutDayOfMonth: null }),
      ),
    ).rejects.toMatchObject({ kind: "invalid", code: "program.payoutDayRequired", field: "payoutDayOfMonth" });
    expect((await getProgramSettings(db)).payoutSchedule).toBe("manual");
  });

  it.each([0, 29, 31, 1.5])("rejects %s as the day of the month", (payoutDayOfMonth) => {
    expect(issuePaths({ payoutSchedule: "monthly", payoutDayOfMonth })).toEqual([["payoutDayOfMonth"]]);
  });

  it("rejects a schedule it does not know", () => {
    expect(issuePaths({ payoutSchedule: "weekly" })).toEqual([["payoutSchedule"]]);
  });
});

describe("updateProgramSettingsInput", () => {
  it("accepts valid settings", () => {
    expect(updateProgramSettingsInput.parse(valid)).toEqual(valid);
  });

  it("upper-cases the currency", () => {
    expect(updateProgramSettingsInput.parse({ ...valid, currency: " eur " }).currency).toBe("EUR");
  });

  it("rejects an unknown currency on the currency field", () => {
    expect(issuePaths({ currency: "XYZ" })).toEqual([["currency"]]);
  });

  it("rejects a negative hold period", () => {
    expect(issuePaths({ holdPeriodDays: -1 })).toEqual([["holdPeriodDays"]]);
  });

  it("accepts a zero hold period", () => {
    expect(updateProgramSettingsInput.parse({ ...valid, holdPeriodDays: 0 }).holdPeriodDays).toBe(0);
  });

  it("rejects a day count that is not a whole number", () => {
    expect(issuePaths({ attributionWindowDays: 1.5 })).toEqual([["attributionWindowDays"]]);
  });

  it("rejects a negative minimum payout", () => {
    expect(issuePaths({ minimumPayoutMinor: -1n })).toEqual([["minimumPayoutMinor"]]);
  });

  it.each([10n ** 17n, 2n ** 63n, MAX_MINOR_UNITS + 1n])(
    "rejects a minimum payout of %s with the money range's message",
    (minimumPayoutMinor) => {
      const result = updateProgramSettingsInput.safeParse({ ...valid, minimumPayoutMinor });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [["minimumPayoutMinor"], "money.tooLarge"],
      ]);
    },
  );
});

describe("tier promise settings", () => {
  it("saves the grace period and the review cadence, audits them, and keeps them when not sent", async () => {
    await updateProgramSettings(
      ctxOf(admin),
      updateProgramSettingsInput.parse({ ...valid, tierGraceDays: 180, tierReviewMonths: 6 }),
    );
    expect(await getProgramSettings(db)).toMatchObject({ tierGraceDays: 180, tierReviewMonths: 6 });
    const [last] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "program.settingsUpdated"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(last?.after).toMatchObject({ tierGraceDays: 180, tierReviewMonths: 6 });
    await updateProgramSettings(ctxOf(admin), updateProgramSettingsInput.parse(valid));
    expect(await getProgramSettings(db)).toMatchObject({ tierGraceDays: 180, tierReviewMonths: 6 });
    await updateProgramSettings(ctxOf(admin), updateProgramSettingsInput.parse({ ...valid, tierGraceDays: 0 }));
    expect((await getProgramSettings(db)).tierGraceDays).toBe(0);
  });

  it.each([-1, 731, 2.5])("rejects %s grace days", (tierGraceDays) => {
    expect(issuePaths({ tierGraceDays })).toEqual([["tierGraceDays"]]);
  });

  it.each([0, 2, 4, 24])("rejects a review every %s months, with its own message", (tierReviewMonths) => {
    const result = updateProgramSettingsInput.safeParse({ ...valid, tierReviewMonths });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["tierReviewMonths"], "program.reviewMonthsInvalid"],
    ]);
  });
});
