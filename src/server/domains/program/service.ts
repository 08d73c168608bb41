import { eq } from "drizzle-orm";
import { z } from "zod";
import { payoutSchedule, programSettings } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { isCurrencyCode, minorUnits } from "@/lib/money";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { InvalidError, NotFoundError } from "../errors";

export type ProgramSettings = typeof programSettings.$inferSelect;

export const updateProgramSettingsInput = z.object({
  name: z.string().trim().min(2).max(80),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: "currency.invalid" }),
  attributionWindowDays: z.number().int().min(1).max(365),
  holdPeriodDays: z.number().int().min(0).max(365),
  minimumPayoutMinor: minorUnits("nonNegative"),
  leadProtectionDays: z.number().int().min(1).max(730),
  leadExpiryDays: z.number().int().min(1).max(730),
  leadDailyLimit: z.number().int().min(1).max(10_000),
  // Payout rules: optional, so a caller that does not send them keeps what is stored.
  payoutSchedule: z.enum(payoutSchedule.enumValues).optional(),
  /** 1–28 so every month has the day; null clears it (only with the manual schedule). */
  payoutDayOfMonth: z.number().int().min(1).max(28).nullable().optional(),
  bankPayoutsAllowed: z.boolean().optional(),
  taxDetailsRequired: z.boolean().optional(),
  // Tier promise: optional like the payout rules, so older callers keep what is stored.
  /** Days a newly approved partner's starting tier holds before a review may move it down. */
  tierGraceDays: z.number().int().min(0).max(730).optional(),
  /** Months between tier reviews (on the 1st, counted from January); the database allows these four. */
  tierReviewMonths: z
    .union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)], { message: "program.reviewMonthsInvalid" })
    .optional(),
  /**
   * The vendor's home page: where referral links lead and unknown codes land. https only, so a
   * printed link never sends a customer to a plain-http or script address; null clears it (the
   * portal's own address is used). Optional, so older callers keep what is stored.
   */
  websiteUrl: z
    .string()
    .trim()
    .max(2_000)
    .refine((value) => /^https:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value), {
      message: "program.websiteHttps",
    })
    .nullable()
    .optional(),
});
export type UpdateProgramSettingsInput = z.infer<typeof updateProgramSettingsInput>;

export async function getProgramSettings(db: Db): Promise<ProgramSettings> {
  const [row] = await db.select().from(programSettings).where(eq(programSettings.id, 1));
  if (!row) throw new NotFoundError("program.notConfigured");
  return row;
}

export async function updateProgramSettings(
  ctx: ServiceCtx<StaffActor>,
  input: UpdateProgramSettingsInput,
): Promise<ProgramSettings> {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(programSettings).where(eq(programSettings.id, 1)).for("update");
    if (!before) throw new NotFoundError("program.notConfigured");
    // A monthly schedule needs its day, whether sent now or already stored (the database holds it too).
    const schedule = input.payoutSchedule ?? before.payoutSchedule;
    const day = input.payoutDayOfMonth === undefined ? before.payoutDayOfMonth : input.payoutDayOfMonth;
    if (schedule === "monthly" && day === null) throw new InvalidError("program.payoutDayRequired", "payoutDayOfMonth");
    const [after] = await tx
      .update(programSettings)
      .set({ ...input, updatedAt: clock.now() })
      .where(eq(programSettings.id, 1))
      .returning();
    await audit(
      tx,
      actor,
      { action: "program.settingsUpdated", entityType: "program", entityId: "1", before, after },
      clock.now(),
    );
    return after!;
  });
}
