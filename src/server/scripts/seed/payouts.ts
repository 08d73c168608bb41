import { asc, eq, inArray } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { DAY, fixedClock } from "@/lib/clock";
import { SYSTEM, type StaffActor } from "@/server/domains/actor";
import type { ServiceCtx } from "@/server/domains/context";
import { applyStripeAccount } from "@/server/domains/payouts/stripe-account";
import { approveRun, createRun, markRunExecuting } from "@/server/domains/payouts/runs";
import { markPaid, markPaidManually, markProcessing } from "@/server/domains/payouts/transitions";
import { partners, payoutAccounts, payouts, programSettings, staffRoles, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/** A Stripe account object as Stripe sends it, for the demo's connected accounts. */
function demoAccount(id: string, partnerId: string, enabled: boolean) {
  return {
    id,
    charges_enabled: enabled,
    payouts_enabled: enabled,
    details_submitted: enabled,
    capabilities: { transfers: enabled ? "active" : "inactive" },
    requirements: enabled
      ? { currently_due: [], past_due: [], pending_verification: [], current_deadline: null, disabled_reason: null }
      : {
          currently_due: ["external_account", "individual.verification.document"],
          past_due: [],
          pending_verification: [],
          current_deadline: null,
          disabled_reason: "requirements.past_due",
        },
    metadata: { partner_id: partnerId },
  };
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Payouts for the demo, through the payout services themselves: Northwind and Cobalt paid through
 * enabled Stripe accounts, Rimal by bank transfer (with its tax form), Brightpath still onboarding
 * and Kestrel not started; one completed run a month ago (paid, its commissions paid) and one
 * draft run from yesterday waiting for a second approver. Deterministic: ids come from the
 * database, everything else from the clock.
 */
export async function seedDemoPayouts(tx: Db, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await tx.update(programSettings).set({ bankPayoutsAllowed: true }).where(eq(programSettings.id, 1));
  const orgs = await tx.select({ id: partners.id, name: partners.name }).from(partners);
  const idOf = (name: string) => orgs.find((o) => o.name === name)!.id;
  const system: ServiceCtx = { db: tx, actor: SYSTEM, clock };
  await applyStripeAccount(system, demoAccount("acct_demo_northwind", idOf("Northwind Analytics"), true));
  await applyStripeAccount(system, demoAccount("acct_demo_cobalt", idOf("Cobalt Cloud Partners"), true));
  await applyStripeAccount(system, demoAccount("acct_demo_brightpath", idOf("Brightpath Media"), false));
  await tx.insert(payoutAccounts).values({
    partnerId: idOf("Rimal Consulting"),
    method: "bank",
    bankAccountHolder: "Rimal Consulting FZ-LLC",
    bankIban: "AE070331234567890123456",
    bankName: "Emirates Demo Bank",
    bankCountry: "AE",
    bankUpdatedAt: new Date(now - 150 * DAY),
    taxFormType: "w8bene",
    taxId: "100234567800003",
    taxFormFile: "demo/tax/rimal-w8bene.pdf",
    taxUpdatedAt: new Date(now - 150 * DAY),
  });

  const staff = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: staffRoles.role })
    .from(users)
    .innerJoin(staffRoles, eq(staffRoles.userId, users.id))
    .where(inArray(staffRoles.role, ["finance", "admin"]))
    .orderBy(asc(users.email));
  const actor = (role: "finance" | "admin"): StaffActor => {
    const s = staff.find((u) => u.role === role)!;
    return { kind: "staff", userId: s.id, email: s.email, name: s.name, staffRole: s.role, locale: null };
  };
  const finance = actor("finance");
  const admin = actor("admin");

  // Last month's run: created and approved a month ago, executed the next day.
  const then = fixedClock(new Date(now - 30 * DAY));
  const at = <A extends StaffActor | typeof SYSTEM>(c: Clock, a: A): ServiceCtx<A> => ({ db: tx, actor: a, clock: c });
  const past = await createRun(at(then, finance), { cutoff: isoDay(new Date(now - 31 * DAY)) });
  then.advance(2 * 60 * 60 * 1000);
  await approveRun(at(then, admin), { runId: past.id });
  then.advance(DAY);
  await markRunExecuting(at(then, SYSTEM), { runId: past.id });
  const pastPayouts = await tx
    .select()
    .from(payouts)
    .where(eq(payouts.runId, past.id))
    .orderBy(asc(payouts.createdAt), asc(payouts.partnerId));
  for (const [n, payout] of pastPayouts.entries()) {
    if (payout.method === "bank") {
      await markPaidManually(at(then, finance), { payoutId: payout.id, reference: `DEMO-BANK-${n + 1}` });
      continue;
    }
    await markProcessing(at(then, SYSTEM), payout.id);
    await markPaid(at(then, SYSTEM), payout.id, {
      transferId: `tr_demo_${String(n + 1).padStart(4, "0")}`,
      at: then.now(),
    });
  }

  // This month's run: a draft from yesterday's cut-off, created by finance, for the admin to approve.
  await createRun(at(fixedClock(new Date(now - 2 * 60 * 60 * 1000)), finance), {
    cutoff: isoDay(new Date(now - DAY)),
  });
}
