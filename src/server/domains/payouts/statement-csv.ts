import { createTranslator } from "use-intl/core";
import { messagesByLocale, type Locale } from "@/i18n/config";
import { isoDay } from "@/lib/clock";
import { toCsv } from "@/lib/csv";
import { isCurrencyCode, toDecimalString } from "@/lib/money";
import type { payoutStatement } from "./statements";

/** A payout with every commission it pays, as `payoutStatement` reads it. */
export type PayoutStatement = Awaited<ReturnType<typeof payoutStatement>>;
export type StatementPayout = PayoutStatement["payout"];
export type StatementItem = PayoutStatement["items"][number];

/** The statement CSV's columns (keys of the `payoutStatement.columns` messages). */
export const STATEMENT_CSV_COLUMNS = ["date", "lead", "source", "description", "amount", "currency", "state"] as const;

/** The statement's words in the reader's language (CSV and PDF share them). */
export function statementTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace: "payoutStatement" });
}

export type StatementItemState = "paid" | "inPayout" | "released";

/**
 * Where one commission stands as far as this payout goes: an item released by a failure or a
 * reversal went back to payable (a later run pays it); the others follow their payout.
 */
export function itemStateOf(payoutState: StatementPayout["state"], released: boolean): StatementItemState {
  if (released) return "released";
  return payoutState === "paid" ? "paid" : "inPayout";
}

/** How the payout was (or is to be) paid: the Stripe transfer id or the bank's reference, when known. */
export function paymentReferenceOf(payout: StatementPayout): {
  label: "transferId" | "bankReference";
  value: string | null;
} {
  return payout.method === "stripe"
    ? { label: "transferId", value: payout.stripeTransferId }
    : { label: "bankReference", value: payout.bankReference };
}

/** An exact decimal of the currency from integer minor units ("1234.56"), never through a float. */
export function decimalOf(amount: bigint, currency: string): string {
  return isCurrencyCode(currency) ? toDecimalString(amount, currency) : amount.toString();
}

/** The download's file name: ASCII only, so every browser keeps it ("payout-statement-2026-10-31-1a2b3c4d.pdf"). */
export function statementFileName(payout: Pick<StatementPayout, "id" | "cutoff">, format: "csv" | "pdf"): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(payout.cutoff) ? payout.cutoff : "undated";
  return `payout-statement-${day}-${payout.id.slice(0, 8)}.${format}`;
}

/**
 * The statement as CSV: one row per commission the payout pays, then the total row (which equals
 * the sum of the rows above it exactly) and the payout's details, each a label and its value.
 * Amounts are exact decimals of the currency; cells go through the shared CSV writer, which
 * neutralizes spreadsheet formulas. `headers` are the column names in the reader's language
 * (csvHeaders with STATEMENT_CSV_COLUMNS).
 */
export function statementCsv(statement: PayoutStatement, locale: Locale, headers: string[]): string {
  const t = statementTranslator(locale);
  const { payout, items } = statement;
  const width = STATEMENT_CSV_COLUMNS.length;
  // Every row as wide as the header, so spreadsheets and parsers see one rectangle.
  const padded = (cells: unknown[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill("")];
  const rows: unknown[][] = items.map((item) => [
    isoDay(item.earnedAt),
    item.companyName ?? "",
    t(`sources.${item.source}`),
    item.note ?? "",
    decimalOf(item.amount, item.currency),
    item.currency,
    t(`itemStates.${itemStateOf(payout.state, item.released)}`),
  ]);
  const reference = paymentReferenceOf(payout);
  rows.push(
    [t("total"), "", "", "", decimalOf(payout.amount, payout.currency), payout.currency, t(`states.${payout.state}`)],
    padded([t("payoutId"), payout.id]),
    padded([t("partner"), payout.partnerName]),
    padded([t("cutoff"), payout.cutoff]),
    padded([t("paidOn"), payout.paidAt ? isoDay(payout.paidAt) : t("notPaid")]),
    padded([t("method"), t(`methods.${payout.method}`)]),
    padded([t(reference.label), reference.value ?? ""]),
  );
  return toCsv(headers, rows);
}
