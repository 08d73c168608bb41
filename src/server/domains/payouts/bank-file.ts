import { and, asc, eq, inArray } from "drizzle-orm";
import { partners, payoutAccounts, payouts } from "@/server/db/schema";
import { toDecimalString } from "@/lib/money";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError } from "../errors";
import { assertFinance } from "./access";
import { lockRun } from "./runs";

/** The bank file's columns, as message keys for the header row (the CSV encoding is `lib/csv`). */
export const BANK_FILE_COLUMNS = [
  "payoutId",
  "partner",
  "accountHolder",
  "iban",
  "accountNumber",
  "routingCode",
  "bankName",
  "bankCountry",
  "currency",
  "amount",
  "reference",
] as const;

/**
 * The bank transfers finance makes by hand for a run: every bank payout still to pay, with the
 * whole account number (the one place it leaves the domain unmasked, so finance only, and the
 * export is audited). Amounts as plain decimals in their currency; the reference is the payout id,
 * which finance records back with `markPaidManually`.
 */
export async function bankCsv(ctx: ServiceCtx<StaffActor>, runId: string) {
  const { actor, clock } = ctx;
  assertFinance(actor);
  return withTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, runId);
    if (run.status === "draft" || run.status === "cancelled") throw new ConflictError("payoutRun.notApproved", "runId");
    const rows = await tx
      .select({
        payoutId: payouts.id,
        partner: partners.name,
        accountHolder: payoutAccounts.bankAccountHolder,
        iban: payoutAccounts.bankIban,
        accountNumber: payoutAccounts.bankAccountNumber,
        routingCode: payoutAccounts.bankRoutingCode,
        bankName: payoutAccounts.bankName,
        bankCountry: payoutAccounts.bankCountry,
        currency: payouts.currency,
        amount: payouts.amount,
      })
      .from(payouts)
      .innerJoin(partners, eq(partners.id, payouts.partnerId))
      .leftJoin(payoutAccounts, eq(payoutAccounts.partnerId, payouts.partnerId))
      .where(
        and(eq(payouts.runId, run.id), eq(payouts.method, "bank"), inArray(payouts.state, ["queued", "processing"])),
      )
      .orderBy(asc(partners.name), asc(payouts.currency));
    await audit(
      tx,
      actor,
      {
        action: "payoutRun.bankFileExported",
        entityType: "payout_run",
        entityId: run.id,
        after: { payouts: rows.length },
      },
      clock.now(),
    );
    return {
      headers: [...BANK_FILE_COLUMNS],
      rows: rows.map((r) => [
        r.payoutId,
        r.partner,
        r.accountHolder ?? "",
        r.iban ?? "",
        r.accountNumber ?? "",
        r.routingCode ?? "",
        r.bankName ?? "",
        r.bankCountry ?? "",
        r.currency,
        toDecimalString(r.amount, r.currency),
        `payout ${r.payoutId}`,
      ]),
    };
  });
}
