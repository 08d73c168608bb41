import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { PayoutStatement, StatementItem } from "./statement-csv";
import { statementFormat, statementPdf } from "./statement-pdf";

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const issuedAt = day("2026-11-05");

function statementOf(payout: Partial<PayoutStatement["payout"]>, items: Partial<StatementItem>[]): PayoutStatement {
  const currency = payout.currency ?? "USD";
  const rows: StatementItem[] = items.map((item, n) => ({
    entryId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    source: "deal",
    leadId: null,
    companyName: null,
    amount: 100n,
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
      partnerName: "رمال للاستشارات",
      currency,
      amount: rows.reduce((sum, r) => sum + r.amount, 0n),
      method: "bank",
      state: "paid",
      stripeTransferId: null,
      bankReference: "DEMO-BANK-1",
      failureCode: null,
      failureMessage: null,
      paidAt: day("2026-11-02"),
      createdAt: day("2026-11-01"),
      ...payout,
    },
    items: rows,
  };
}

/** The PDF's decompressed streams (page contents, font programs, the text-to-Unicode maps). */
function streamsOf(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  for (let at = text.indexOf("stream\n"); at >= 0; at = text.indexOf("stream\n", at + 1)) {
    const end = text.indexOf("\nendstream", at);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(at + 7, end)).toString("latin1"));
    } catch {
      // Not deflated (or not a stream body): nothing to read.
    }
    // Past "endstream", which itself ends in "stream\n".
    at = end + "\nendstream".length;
  }
  return out;
}

/** Each glyph set on the pages maps back to its characters (copy, search and screen readers). */
function unicodeMaps(pdf: Buffer): string {
  return streamsOf(pdf)
    .filter((s) => s.includes("beginbfrange") || s.includes("beginbfchar"))
    .join("\n");
}

const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

describe("statement PDF", () => {
  // First in this file on purpose: the font library's glyph cache is per process.
  it("sets Arabic correctly whatever was printed before (a composite letter no longer breaks the next document)", async () => {
    // "خ" is drawn as ح plus a dot: embedding it used to leave ح without its character for every
    // later document, which then printed it unjoined and dropped letters beside it.
    await statementPdf(statementOf({ partnerName: "خ" }, [{ companyName: "خ" }]), {
      locale: "en",
      programName: "Tierwise",
      issuedAt,
    });
    const arabic = await statementPdf(statementOf({}, [{ companyName: "تحويل" }]), {
      locale: "ar",
      programName: "Tierwise",
      issuedAt,
    });
    const maps = unicodeMaps(arabic);
    expect(maps).toMatch(/<062d>/i); // ح
    expect(maps).not.toContain("<>");
  });

  it("renders English and Arabic statements as PDFs in their language", async () => {
    for (const locale of ["en", "ar"] as const) {
      const pdf = await statementPdf(
        statementOf({}, [{ amount: 1_000_000n, companyName: "شركة الأفق للتقنية" }, { amount: -15_433n }]),
        { locale, programName: "Tierwise Demo Program", issuedAt },
      );
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
      expect(pdf.toString("latin1")).toContain(`/Lang (${locale})`);
      // The font is embedded (nothing depends on the reader's fonts).
      expect(pdf.toString("latin1")).toContain("/FontFile2");
      expect(pageCount(pdf)).toBe(1);
      const maps = unicodeMaps(pdf);
      expect(maps).toMatch(/<0634>/i); // ش, from the company name
      expect(maps).not.toContain("<>");
    }
  });

  it("takes names with spaces Intl and people type (no-break, narrow, figure) and long tables over pages", async () => {
    const items = Array.from({ length: 60 }, (_, n) => ({
      companyName: n % 2 ? "Fjord\u00a0Systems\u202fAS" : "مؤسسة\u00a0النخيل",
      note: n === 7 ? "Clawback\u2007after refund" : null,
      released: n === 3,
    }));
    const pdf = await statementPdf(statementOf({ partnerName: "Kestrel\u00a0IT" }, items), {
      locale: "ar",
      programName: "Tierwise",
      issuedAt,
    });
    expect(pageCount(pdf)).toBeGreaterThan(1);
  });

  it("writes figures from minor units, Western digits and no bidi marks in both languages", () => {
    const ar = statementFormat("ar");
    const en = statementFormat("en");
    expect(ar.money(1_234_56n, "USD")).toBe("1,234.56 USD");
    expect(en.money(1_234_56n, "USD")).toBe("USD 1,234.56");
    expect(ar.number(-15_433n, "USD")).toBe("-154.33");
    expect(ar.number(1_234_567n, "KWD")).toBe("1,234.567");
    expect(en.number(1250n, "JPY")).toBe("1,250");
    expect(en.number(9_007_199_254_740_993n, "USD")).toBe("90,071,992,547,409.93");
    expect(ar.date(day("2026-10-31"))).toMatch(/^31 .+ 2026$/);
    expect(en.date(day("2026-10-31"))).toBe("Oct 31, 2026");
  });
});
