import { eq } from "drizzle-orm";
import { z } from "zod";
import { payoutAccounts, payoutMethod, taxFormType } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { PartnerActor, StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, InvalidError } from "../errors";
import { getProgramSettings } from "../program/service";
import { assertOwner } from "./access";
import {
  compactIdentifier,
  isValidAccountNumber,
  isValidIban,
  isValidRoutingCode,
  isValidTaxId,
  lastFour,
} from "./bank";

export type PayoutAccount = typeof payoutAccounts.$inferSelect;
export type PayoutMethod = (typeof payoutMethod.enumValues)[number];
export const PAYOUT_METHODS = payoutMethod.enumValues;
export const TAX_FORM_TYPES = taxFormType.enumValues;

/** What a screen may show of a payout account: never a whole account number or tax id. */
export function payoutAccountView(row: PayoutAccount | undefined) {
  return {
    method: row?.method ?? ("stripe" as const),
    stripe: {
      accountId: row?.stripeAccountId ?? null,
      onboardingState: row?.onboardingState ?? ("not_started" as const),
      currentlyDue: row?.currentlyDue ?? [],
      currentDeadline: row?.currentDeadline ?? null,
      disabledReason: row?.disabledReason ?? null,
      syncedAt: row?.stripeSyncedAt ?? null,
    },
    bank: row?.bankAccountHolder
      ? {
          accountHolder: row.bankAccountHolder,
          kind: row.bankIban ? ("iban" as const) : ("account" as const),
          accountLast4: lastFour(row.bankIban ?? row.bankAccountNumber),
          bankName: row.bankName,
          bankCountry: row.bankCountry,
          updatedAt: row.bankUpdatedAt,
        }
      : null,
    tax: row?.taxFormType
      ? {
          formType: row.taxFormType,
          taxIdLast4: lastFour(row.taxId),
          hasSignedForm: row.taxFormFile !== null,
          updatedAt: row.taxUpdatedAt,
        }
      : null,
  };
}
export type PayoutAccountView = ReturnType<typeof payoutAccountView>;

async function accountRow(db: Db, partnerId: string, forUpdate = false): Promise<PayoutAccount | undefined> {
  const query = db.select().from(payoutAccounts).where(eq(payoutAccounts.partnerId, partnerId));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** The caller's own payout settings (organization from the session), with what the program asks of them. */
export async function getPayoutSettings(ctx: ServiceCtx<PartnerActor>) {
  const [row, program] = await Promise.all([accountRow(ctx.db, ctx.actor.partnerId), getProgramSettings(ctx.db)]);
  return {
    ...payoutAccountView(row),
    canEdit: ctx.actor.partnerRole === "owner",
    bankPayoutsAllowed: program.bankPayoutsAllowed,
    taxDetailsRequired: program.taxDetailsRequired,
  };
}

/** A partner's payout settings for staff (masked as for the partner). */
export async function partnerPayoutAccount(ctx: ServiceCtx<StaffActor>, partnerId: string) {
  return payoutAccountView(await accountRow(ctx.db, partnerId));
}

export const bankDetailsInput = z.object({
  accountHolder: z.string().trim().min(2).max(140),
  /** Either an IBAN, or a local account number with its routing code. */
  iban: z.string().trim().max(42).default(""),
  accountNumber: z.string().trim().max(34).default(""),
  routingCode: z.string().trim().max(20).default(""),
  bankName: z.string().trim().min(2).max(140),
  bankCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { message: "payoutAccount.countryInvalid" }),
});
export type BankDetailsInput = z.input<typeof bankDetailsInput>;

/** The checks Zod's shape cannot make, each naming its field; they run before anything is written. */
function checkedBank(input: BankDetailsInput) {
  const iban = compactIdentifier(input.iban ?? "");
  const accountNumber = compactIdentifier(input.accountNumber ?? "");
  const routingCode = compactIdentifier(input.routingCode ?? "");
  const bankCountry = input.bankCountry.trim().toUpperCase();
  if (input.accountHolder.trim().length < 2) throw new InvalidError("payoutAccount.holderRequired", "accountHolder");
  if (!/^[A-Z]{2}$/.test(bankCountry)) throw new InvalidError("payoutAccount.countryInvalid", "bankCountry");
  if (iban) {
    if (!isValidIban(iban)) throw new InvalidError("payoutAccount.ibanInvalid", "iban");
    return { bankIban: iban, bankAccountNumber: null, bankRoutingCode: null, bankCountry };
  }
  if (!accountNumber) throw new InvalidError("payoutAccount.accountRequired", "iban");
  if (!isValidAccountNumber(accountNumber))
    throw new InvalidError("payoutAccount.accountNumberInvalid", "accountNumber");
  if (!isValidRoutingCode(routingCode)) throw new InvalidError("payoutAccount.routingCodeInvalid", "routingCode");
  return { bankIban: null, bankAccountNumber: accountNumber, bankRoutingCode: routingCode, bankCountry };
}

/**
 * Writes one part (bank or tax) of the owner's payout account, creating the row on first use, and
 * audits that part as it was and is (masked, as the view shows it).
 */
async function saveAccountPart(
  tx: Db,
  ctx: ServiceCtx<PartnerActor>,
  part: "bank" | "tax",
  action: string,
  values: (before: PayoutAccount | undefined) => Partial<typeof payoutAccounts.$inferInsert>,
) {
  const { actor, clock } = ctx;
  const before = await accountRow(tx, actor.partnerId, true);
  const fields = { ...values(before), updatedAt: clock.now() };
  const [row] = await tx
    .insert(payoutAccounts)
    .values({ partnerId: actor.partnerId, ...fields })
    .onConflictDoUpdate({ target: payoutAccounts.partnerId, set: fields })
    .returning();
  await audit(
    tx,
    actor,
    {
      action,
      entityType: "partner",
      entityId: actor.partnerId,
      before: before ? payoutAccountView(before)[part] : null,
      after: payoutAccountView(row)[part],
    },
    clock.now(),
  );
  return payoutAccountView(row);
}

/**
 * The owner saves the bank account the program pays by transfer; saving it makes bank the
 * partner's payout method. Only where the program allows bank payouts.
 */
export async function saveBankDetails(ctx: ServiceCtx<PartnerActor>, input: BankDetailsInput) {
  const { actor, clock } = ctx;
  assertOwner(actor);
  const bank = checkedBank(input);
  return withTransaction(ctx, async (tx) => {
    const program = await getProgramSettings(tx);
    if (!program.bankPayoutsAllowed) throw new ConflictError("payoutAccount.bankNotAllowed", "iban");
    return saveAccountPart(tx, ctx, "bank", "payoutAccount.bankSaved", () => ({
      ...bank,
      method: "bank" as const,
      bankAccountHolder: input.accountHolder.trim(),
      bankName: input.bankName.trim(),
      bankUpdatedAt: clock.now(),
    }));
  });
}

export const payoutMethodInput = z.object({ method: z.enum(PAYOUT_METHODS) });

/** The owner picks how they are paid; bank needs the program's permission and saved bank details. */
export async function choosePayoutMethod(ctx: ServiceCtx<PartnerActor>, input: z.infer<typeof payoutMethodInput>) {
  const { actor, clock } = ctx;
  assertOwner(actor);
  return withTransaction(ctx, async (tx) => {
    const before = await accountRow(tx, actor.partnerId, true);
    if (input.method === "bank") {
      const program = await getProgramSettings(tx);
      if (!program.bankPayoutsAllowed) throw new ConflictError("payoutAccount.bankNotAllowed", "method");
      if (!before?.bankAccountHolder) throw new ConflictError("payoutAccount.bankMissing", "method");
    }
    const [row] = await tx
      .insert(payoutAccounts)
      .values({ partnerId: actor.partnerId, method: input.method, updatedAt: clock.now() })
      .onConflictDoUpdate({ target: payoutAccounts.partnerId, set: { method: input.method, updatedAt: clock.now() } })
      .returning();
    await audit(
      tx,
      actor,
      {
        action: "payoutAccount.methodChosen",
        entityType: "partner",
        entityId: actor.partnerId,
        before: { method: before?.method ?? "stripe" },
        after: { method: input.method },
      },
      clock.now(),
    );
    return payoutAccountView(row);
  });
}

export const taxDetailsInput = z.object({
  formType: z.enum(TAX_FORM_TYPES),
  taxId: z.string().trim().min(4).max(40),
});
export type TaxDetailsInput = z.input<typeof taxDetailsInput>;

/** The owner records the tax form on file and the tax id it carries (checked loosely, stored whole, shown masked). */
export async function saveTaxDetails(ctx: ServiceCtx<PartnerActor>, input: TaxDetailsInput) {
  const { actor, clock } = ctx;
  assertOwner(actor);
  if (!(TAX_FORM_TYPES as readonly string[]).includes(input.formType))
    throw new InvalidError("payoutAccount.taxFormInvalid", "formType");
  const taxId = compactIdentifier(input.taxId);
  if (!isValidTaxId(input.formType, taxId)) throw new InvalidError("payoutAccount.taxIdInvalid", "taxId");
  return withTransaction(ctx, (tx) =>
    saveAccountPart(tx, ctx, "tax", "payoutAccount.taxSaved", (before) => ({
      taxFormType: input.formType,
      taxId,
      // Only an upload sets the signed form; it stays on file while the details it was signed for do.
      taxFormFile: before?.taxFormType === input.formType && before.taxId === taxId ? before.taxFormFile : null,
      taxUpdatedAt: clock.now(),
    })),
  );
}
