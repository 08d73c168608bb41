import { describe, expect, it } from "vitest";
import { messagesByLocale } from "@/i18n/config";
import { parseCsv } from "@/lib/csv";
import { parseMoney } from "@/lib/money";
import { csvHeaders } from "@/server/trpc/csv-headers";
import {
  STATEMENT_CSV_COLUMNS,
  statementCsv,
  statementFileName,
  type PayoutStatement,
  type StatementItem,
} from "./statement-csv";

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

/** A statement as `payoutStatement` returns it: the payout's amount is the exact sum of its items. */
function statementOf(payout: Partial<PayoutStatement["payout"]>, items: Partial<StatementItem>[]): PayoutStatement {
  const currency = payout.currency ?? "USD";
  const rows: StatementItem[] = items.map((item, n) => ({
    entryId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    source: "deal",
    leadId: null,
    companyName: null,
    amount: 0n,
    currency,
    earnedAt: day("2026-10-01"),
    availableAt: day("2026-10-15"),
    note: null,
    released: false,
    ...item,
  }));
  return {
    payout: {
      id: "3f6c2a9e-1b2d-4c5e-8f90-a1b2c3d4e5f6",
      runId: "7d1e0c4b-2a3f-4b5c-9d8e-0f1a2b3c4d5e",
      cutoff: "2026-10-31",
      partnerId: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
      partnerName: "Northwind Analytics",
      currency,
      amount: rows.reduce((sum, r) => sum + r.amount, 0n),
      method: "stripe",
      state: "paid",
      stripeTransferId: "tr_1QxYzAbCdEf",
      bankReference: null,
      failureCode: null,
      failureMessage: null,
      paidAt: day("2026-11-02"),
      createdAt: day("2026-11-01"),
      ...payout,
    },
    items: rows,
  };
}

const csvOf = (statement: PayoutStatement, locale: "en" | "ar" = "en") =>
  parseCsv(statementCsv(statement, locale, csvHeaders(locale, "payoutStatement.columns", STATEMENT_CSV_COLUMNS)));

/** The item rows: everything between the header and the total row. */
const itemRows = (rows: string[][], items: number) => rows.slice(1, 1 + items);

describe("statement CSV", () => {
  const usd = statementOf({}, [
    { amount: 1_000_000n, companyName: "Acme Corp", note: "Annual licence", earnedAt: day("2026-09-12") },
    { amount: 250_000n, source: "subscription", companyName: "شركة الأفق للتقنية" },
    { amount: -15_433n, source: "clawback", note: "Refund of invoice INV-2291" },
  ]);

  it("lists every commission with its exact amount, then a total equal to their sum", () => {
    const rows = csvOf(usd);
    expect(rows[0]).toEqual(["Date", "Lead or deal", "Source", "Description", "Amount", "Currency", "State"]);
    const items = itemRows(rows, 3);
    expect(items[0]).toEqual(["2026-09-12", "Acme Corp", "Won deal", "Annual licence", "10000.00", "USD", "Paid"]);
    expect(items[1]![1]).toBe("شركة الأفق للتقنية");
    // A negative amount stays a number (not neutralized as if it were a formula).
    expect(items[2]).toEqual(["2026-10-01", "", "Clawback", "Refund of invoice INV-2291", "-154.33", "USD", "Paid"]);
    const sum = items.reduce((total, row) => total + parseMoney(row[4]!, "USD")!, 0n);
    expect(sum).toBe(usd.payout.amount);
    expect(rows[4]).toEqual(["Total", "", "", "", "12345.67", "USD", "Paid"]);
  });

  it("ends with the payout's details, every row as wide as the header", () => {
    const rows = csvOf(usd);
    expect(rows.every((row) => row.length === STATEMENT_CSV_COLUMNS.length)).toBe(true);
    const details = Object.fromEntries(rows.slice(5).map((row) => [row[0], row[1]]));
    expect(details).toEqual({
      "Payout ID": usd.payout.id,
      Partner: "Northwind Analytics",
      "Run cut-off": "2026-10-31",
      "Paid on": "2026-11-02",
      "Payment method": "Stripe transfer",
      "Stripe transfer ID": "tr_1QxYzAbCdEf",
    });
  });

  it("writes each currency's own decimals, from integer minor units", () => {
    const kwd = csvOf(statementOf({ currency: "KWD" }, [{ amount: 1_234_567n }, { amount: 1n }]));
    expect(itemRows(kwd, 2).map((r) => r[4])).toEqual(["1234.567", "0.001"]);
    expect(kwd[3]![4]).toBe("1234.568");
    const jpy = csvOf(statementOf({ currency: "JPY" }, [{ amount: 1250n }]));
    expect(jpy[1]![4]).toBe("1250");
    // Far past a float's exact integers: still exact.
    const big = csvOf(statementOf({}, [{ amount: 9_007_199_254_740_993n }]));
    expect(big[1]![4]).toBe("90071992547409.93");
  });

  it("neutralizes spreadsheet formulas in names and notes", () => {
    const rows = csvOf(
      statementOf({ partnerName: "+cmd|' /C calc'!A0" }, [
        { amount: 100n, companyName: '=HYPERLINK("http://evil.example")', note: "@SUM(1+1)" },
      ]),
    );
    expect(rows[1]![1]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(rows[1]![3]).toBe("'@SUM(1+1)");
    expect(rows.find((r) => r[0] === "Partner")![1]).toBe("'+cmd|' /C calc'!A0");
  });

  it("shows a failed bank payout: its commissions returned to payable, not paid, with the bank's reference", () => {
    const failed = statementOf(
      { method: "bank", state: "failed", paidAt: null, stripeTransferId: null, bankReference: null },
      [{ amount: 5000n, released: true }],
    );
    const rows = csvOf(failed);
    expect(rows[1]![6]).toBe("Returned to payable");
    expect(rows[2]).toEqual(["Total", "", "", "", "50.00", "USD", "Failed"]);
    const details = Object.fromEntries(rows.slice(3).map((row) => [row[0], row[1]]));
    expect(details["Paid on"]).toBe("Not paid");
    expect(details["Payment method"]).toBe("Bank transfer");
    expect(details["Bank reference"]).toBe("");
  });

  it("speaks Arabic to an Arabic reader, digits and dates unchanged", () => {
    const t = messagesByLocale.ar.payoutStatement;
    const rows = csvOf(usd, "ar");
    expect(rows[0]).toEqual(STATEMENT_CSV_COLUMNS.map((c) => t.columns[c]));
    expect(rows[1]).toEqual([
      "2026-09-12",
      "Acme Corp",
      t.sources.deal,
      "Annual licence",
      "10000.00",
      "USD",
      t.itemStates.paid,
    ]);
    expect(rows[4]).toEqual([t.total, "", "", "", "12345.67", "USD", t.states.paid]);
    expect(rows.find((r) => r[0] === t.method)![1]).toBe(t.methods.stripe);
  });

  it("names the download by cut-off and payout, in ASCII", () => {
    expect(statementFileName(usd.payout, "pdf")).toBe("payout-statement-2026-10-31-3f6c2a9e.pdf");
    expect(statementFileName(usd.payout, "csv")).toBe("payout-statement-2026-10-31-3f6c2a9e.csv");
  });
});
