import { and, asc, eq, gte, isNull, lt, or } from "drizzle-orm";
import { leads } from "@/server/db/schema";
import { DAY } from "@/lib/clock";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { getProgramSettings } from "../program/service";
import { recordEvent } from "./history";
import { emailDate, notifyPartner } from "./notify";

/** Partners hear this many days before an approved lead without progress expires. */
export const EXPIRY_WARNING_DAYS = 7;
const BATCH = 200;

/**
 * Approved leads with no progress (status change, edit or comment) for the program's expiry
 * period become expired. Rows are claimed with SKIP LOCKED in batches, so two workers never
 * expire (or email about) one lead twice. Jobs run it as the system, which the audit names.
 */
export async function expireStaleLeads(ctx: ServiceCtx): Promise<number> {
  const { db, actor, clock } = ctx;
  const { leadExpiryDays } = await getProgramSettings(db);
  const cutoff = new Date(clock.now().getTime() - leadExpiryDays * DAY);
  let expired = 0;
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      const due = await tx
        .select()
        .from(leads)
        .where(and(eq(leads.status, "approved"), lt(leads.lastActivityAt, cutoff)))
        .orderBy(asc(leads.lastActivityAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      const now = clock.now();
      for (const lead of due) {
        await tx.update(leads).set({ status: "expired", updatedAt: now }).where(eq(leads.id, lead.id));
        await recordEvent(tx, lead, { kind: "expired", toStatus: "expired", actorId: null, at: now });
        await notifyPartner(tx, lead, "leadExpired", {}, clock);
        await audit(
          tx,
          actor,
          {
            action: "lead.expired",
            entityType: "lead",
            entityId: lead.id,
            before: { status: "approved", lastActivityAt: lead.lastActivityAt },
            after: { status: "expired" },
          },
          now,
        );
      }
      return due.length;
    });
    expired += n;
    if (n < BATCH) return expired;
  }
}

/** A week before expiry, the partner is told once per quiet spell (progress resets the warning). */
export async function warnExpiringLeads(ctx: ServiceCtx): Promise<number> {
  const { db, clock } = ctx;
  const { leadExpiryDays } = await getProgramSettings(db);
  const warnAfter = Math.max(0, leadExpiryDays - EXPIRY_WARNING_DAYS);
  const cutoff = new Date(clock.now().getTime() - warnAfter * DAY);
  const expiredBefore = new Date(clock.now().getTime() - leadExpiryDays * DAY);
  let warned = 0;
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      const due = await tx
        .select()
        .from(leads)
        .where(
          and(
            eq(leads.status, "approved"),
            lt(leads.lastActivityAt, cutoff),
            gte(leads.lastActivityAt, expiredBefore),
            or(isNull(leads.expiryWarnedAt), lt(leads.expiryWarnedAt, leads.lastActivityAt)),
          ),
        )
        .orderBy(asc(leads.lastActivityAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      const now = clock.now();
      for (const lead of due) {
        const expiresAt = new Date(lead.lastActivityAt.getTime() + leadExpiryDays * DAY);
        await tx.update(leads).set({ expiryWarnedAt: now }).where(eq(leads.id, lead.id));
        // The timeline keeps the day as yyyy-mm-dd; pages format it for their reader.
        await recordEvent(tx, lead, {
          kind: "expiry_warned",
          toStatus: lead.status,
          note: expiresAt.toISOString().slice(0, 10),
          actorId: null,
          at: now,
        });
        await notifyPartner(tx, lead, "leadExpiring", (locale) => ({ expiresOn: emailDate(expiresAt, locale) }), clock);
      }
      return due.length;
    });
    warned += n;
    if (n < BATCH) return warned;
  }
}

/** The scheduled run: expire what is due, then warn about what is close (never about what just expired). */
export async function runLeadLifecycle(ctx: ServiceCtx) {
  const expired = await expireStaleLeads(ctx);
  const warned = await warnExpiringLeads(ctx);
  return { expired, warned };
}
