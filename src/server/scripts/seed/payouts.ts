import { and, asc, eq, inArray, like } from "drizzle-orm";
import Stripe from "stripe";
import type { Clock } from "@/lib/clock";
import { DAY, fixedClock, isoDay } from "@/lib/clock";
import { SYSTEM, type StaffActor } from "@/server/domains/actor";
import type { ServiceCtx } from "@/server/domains/context";
import { applyStripeAccount, type StripeAccountShape } from "@/server/domains/payouts/stripe-account";
import { approveRun, createRun, markRunExecuting } from "@/server/domains/payouts/runs";
import { markPaid, markPaidManually, markProcessing } from "@/server/domains/payouts/transitions";
import {
  emailOutbox,
  partners,
  payoutAccounts,
  payouts,
  payoutTaxForms,
  programSettings,
  staffRoles,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { getStripe, isStripeConfigured } from "@/server/integrations/stripe";

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

/** The demo's partners paid through Stripe: two onboarded, one still onboarding. */
const DEMO_STRIPE_PARTNERS = [
  { name: "Northwind Analytics", demoId: "acct_demo_northwind", enabled: true },
  { name: "Cobalt Cloud Partners", demoId: "acct_demo_cobalt", enabled: true },
  { name: "Brightpath Media", demoId: "acct_demo_brightpath", enabled: false },
];

interface DemoOrg {
  id: string;
  name: string;
  country: string | null;
  contactEmail: string | null;
}

const ATTEMPTS = 3;

/** The seed talks to Stripe once per call; a 429, 5xx, 409 or lost connection is tried again with the same key. */
async function withRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = error instanceof Stripe.errors.StripeError ? (error.statusCode ?? 0) : 0;
      const transient =
        error instanceof Stripe.errors.StripeConnectionError ||
        error instanceof Stripe.errors.StripeRateLimitError ||
        status === 409 ||
        status >= 500;
      if (!transient || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/**
 * What the stand-in's hosted onboarding page does when the partner finishes it. Only the stand-in
 * (STRIPE_API_BASE) has this control endpoint; on real Stripe the account stays onboarding.
 */
async function completeOnStandin(accountId: string): Promise<void> {
  const base = process.env.STRIPE_API_BASE;
  if (!base) return;
  const url = new URL(`/_standin/accounts/${encodeURIComponent(accountId)}/complete`, base);
  const res = await fetch(url, { method: "POST" }).catch((error: unknown) => error);
  if (!(res instanceof Response) || !res.ok) {
    const why = res instanceof Response ? `HTTP ${res.status}` : String(res);
    console.warn(`Demo seed: could not finish onboarding ${accountId} on ${base} (${why}); it stays onboarding.`);
  }
}

/**
 * Real Express accounts for the demo's Stripe partners, created through our client with the
 * params and idempotency key the partner's own "connect" button uses (onboarding.ts), so a replay
 * is the same account; the onboarded ones are finished on the stand-in. Returns the account
 * objects as Stripe now reports them.
 */
async function createDemoStripeAccounts(orgs: DemoOrg[]): Promise<StripeAccountShape[]> {
  const stripe = getStripe();
  const accounts: StripeAccountShape[] = [];
  for (const demo of DEMO_STRIPE_PARTNERS) {
    const org = orgs.find((o) => o.name === demo.name)!;
    const country = org.country?.trim().toUpperCase();
    const params: Stripe.AccountCreateParams = {
      type: "express",
      ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
      ...(org.contactEmail ? { email: org.contactEmail } : {}),
      capabilities: { transfers: { requested: true } },
      metadata: { partner_id: org.id },
    };
    const created = await withRetry(() => stripe.accounts.create(params, { idempotencyKey: `account:${org.id}` }));
    if (demo.enabled) await completeOnStandin(created.id);
    accounts.push(await withRetry(() => stripe.accounts.retrieve(created.id)));
  }
  return accounts;
}

/** Without Stripe: account objects shaped as Stripe sends them, under made-up ids. */
function fakeDemoStripeAccounts(orgs: DemoOrg[]): StripeAccountShape[] {
  return DEMO_STRIPE_PARTNERS.map((demo) =>
    demoAccount(demo.demoId, orgs.find((o) => o.name === demo.name)!.id, demo.enabled),
  );
}

/** A one-page PDF saying `line`: the demo's signed tax form, so its download opens. */
function demoPdf(line: string): Uint8Array {
  const text = line.replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/**
 * Payouts for the demo, through the payout services themselves: Northwind and Cobalt paid through
 * enabled Stripe accounts, Rimal by bank transfer (with its tax form), Brightpath still onboarding
 * and Kestrel not started; one completed run a month ago (paid, its commissions paid) and one
 * draft run from yesterday waiting for a second approver. Deterministic: ids come from the
 * database, everything else from the clock. When Stripe is configured at seed time (the demo's
 * stand-in, or a real test key), the three Stripe partners get real connected accounts instead of
 * made-up ones, so onboarding and runs work against it; only Stripe's ids (and its requirement
 * deadlines) then vary. The past run keeps its made-up transfer ids: it finished a month ago,
 * outside reconciliation's window, and pays nothing now.
 */
export async function seedDemoPayouts(tx: Db, clock: Clock): Promise<void> {
  const now = clock.now().getTime();
  await tx.update(programSettings).set({ bankPayoutsAllowed: true }).where(eq(programSettings.id, 1));
  const orgs = await tx
    .select({ id: partners.id, name: partners.name, country: partners.country, contactEmail: partners.contactEmail })
    .from(partners);
  const idOf = (name: string) => orgs.find((o) => o.name === name)!.id;
  const system: ServiceCtx = { db: tx, actor: SYSTEM, clock };
  const accounts = isStripeConfigured() ? await createDemoStripeAccounts(orgs) : fakeDemoStripeAccounts(orgs);
  for (const account of accounts) await applyStripeAccount(system, account);
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
    taxFormFile: "tax-form/demo/rimal-w8bene",
    taxUpdatedAt: new Date(now - 150 * DAY),
  });
  await tx.insert(payoutTaxForms).values({
    partnerId: idOf("Rimal Consulting"),
    storageKey: "tax-form/demo/rimal-w8bene",
    fileName: "rimal-w8bene.pdf",
    contentType: "application/pdf",
    bytes: demoPdf("Form W-8BEN-E (demo) - Rimal Consulting FZ-LLC - signed"),
    uploadedAt: new Date(now - 150 * DAY),
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

  // The past run is backfilled history: the emails its payments queued were never news to anyone.
  await tx.delete(emailOutbox).where(and(like(emailOutbox.template, "payout%"), eq(emailOutbox.status, "queued")));

  // This month's run: a draft from yesterday's cut-off, created by finance, for the admin to approve.
  await createRun(at(fixedClock(new Date(now - 2 * 60 * 60 * 1000)), finance), {
    cutoff: isoDay(new Date(now - DAY)),
  });
}
