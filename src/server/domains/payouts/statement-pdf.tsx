import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY, printable, renderPdf } from "@/server/integrations/pdf/fonts";
import type { Locale } from "@/i18n/config";
import { minorDigits, toDecimalString } from "@/lib/money";
import {
  itemStateOf,
  paymentReferenceOf,
  statementTranslator,
  type PayoutStatement,
  type StatementItem,
} from "./statement-csv";

/** Bidi marks Intl adds for an RTL page; amounts are set in their own LTR box instead. */
function withoutBidiMarks(text: string): string {
  return text.replace(/[\u061c\u200e\u200f]/g, "");
}

interface Format {
  locale: Locale;
  rtl: boolean;
  date(at: Date): string;
  /** A bare amount ("1,234.56") in the currency's digits: the table's cells, under "Amount (USD)". */
  number(amount: bigint, currency: string): string;
  /** An amount with its currency code ("USD 1,234.56" / "1,234.56 USD"): the totals. */
  money(amount: bigint, currency: string): string;
}

function formatFor(locale: Locale): Format {
  // Western digits in both languages, so figures read the same on the statement and the bank's.
  const dates = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
    numberingSystem: "latn",
  });
  // Intl formats decimal strings exactly (NumberFormat v3); the casts are for older lib typings.
  const exact = (formatter: Intl.NumberFormat, amount: bigint, currency: string) =>
    withoutBidiMarks(printable(formatter.format(toDecimalString(amount, currency) as unknown as number)));
  return {
    locale,
    rtl: locale === "ar",
    date: (at) => printable(dates.format(at)),
    number: (amount, currency) => {
      const digits = minorDigits(currency);
      const formatter = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        numberingSystem: "latn",
      });
      return exact(formatter, amount, currency);
    },
    money: (amount, currency) => {
      const formatter = new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        currencyDisplay: "code",
        numberingSystem: "latn",
      });
      return exact(formatter, amount, currency);
    },
  };
}

const styles = StyleSheet.create({
  page: {
    paddingTop: 40,
    paddingBottom: 56,
    paddingHorizontal: 40,
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 9,
    color: "#171717",
    // No lineHeight here: one set on the page hides the page-number line (a render-prop text).
  },
  program: { fontSize: 16, fontWeight: 600 },
  title: { fontSize: 12, color: "#525252", marginTop: 6 },
  details: { marginTop: 18, borderTop: "1pt solid #e5e5e5" },
  detail: { paddingVertical: 4, borderBottom: "1pt solid #e5e5e5" },
  detailLabel: { width: 130, color: "#525252" },
  // A fixed width, not flexGrow: text aligns only within a box whose width is known.
  detailValue: { width: 385 },
  heading: { fontSize: 11, fontWeight: 600, marginTop: 22, marginBottom: 6 },
  headRow: { backgroundColor: "#f5f5f5", borderBottom: "1pt solid #d4d4d4", fontWeight: 600 },
  row: { borderBottom: "1pt solid #e5e5e5" },
  totalRow: { borderTop: "1.5pt solid #171717", fontWeight: 600, fontSize: 10 },
  cell: { paddingVertical: 4, paddingHorizontal: 4 },
  note: { marginTop: 10, color: "#525252" },
  footer: { position: "absolute", bottom: 24, left: 40, right: 40, color: "#737373", fontSize: 8 },
});

/** The table's columns in reading order (mirrored for Arabic); widths add up to the page's 515 pt. */
const COLUMNS = [
  // Wide enough for an Arabic day on one line ("18 سبتمبر 2026").
  { key: "date", width: 82 },
  { key: "lead", width: 110 },
  { key: "source", width: 72 },
  { key: "description", width: 106 },
  { key: "state", width: 70 },
  { key: "amount", width: 75 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];

/** A row of boxes from the reader's start side: left to right in English, right to left in Arabic. */
function rowStyle(f: Format) {
  return { flexDirection: f.rtl ? ("row-reverse" as const) : ("row" as const) };
}

/** Words start at the reader's start side, with the reader's base direction. */
function wordsStyle(f: Format) {
  return {
    direction: f.rtl ? ("rtl" as const) : ("ltr" as const),
    textAlign: f.rtl ? ("right" as const) : ("left" as const),
  };
}

/** Figures always read left to right, lined up at the reader's end side (where totals sit). */
function figuresStyle(f: Format) {
  return { direction: "ltr" as const, textAlign: f.rtl ? ("left" as const) : ("right" as const) };
}

function StatementDocument({
  statement,
  programName,
  f,
  issuedAt,
}: {
  statement: PayoutStatement;
  programName: string;
  f: Format;
  issuedAt: Date;
}) {
  const t = statementTranslator(f.locale);
  const { payout, items } = statement;
  const none = t("none");
  const reference = paymentReferenceOf(payout);
  const details: [string, string, "words" | "figures"][] = [
    [t("partner"), payout.partnerName, "words"],
    [t("payoutId"), payout.id, "figures"],
    [t("cutoff"), f.date(new Date(`${payout.cutoff}T00:00:00Z`)), "words"],
    [t("paidOn"), payout.paidAt ? f.date(payout.paidAt) : t("notPaid"), "words"],
    [t("status"), t(`states.${payout.state}`), "words"],
    [t("method"), t(`methods.${payout.method}`), "words"],
    [t(reference.label), reference.value ?? none, "figures"],
    [t("total"), f.money(payout.amount, payout.currency), "figures"],
  ];
  const header: Record<ColumnKey, string> = {
    date: t("columns.date"),
    lead: t("columns.lead"),
    source: t("columns.source"),
    description: t("columns.description"),
    state: t("columns.state"),
    amount: t("amountIn", { currency: payout.currency }),
  };
  const cellsOf = (item: StatementItem): Record<ColumnKey, string> => ({
    date: f.date(item.earnedAt),
    lead: item.companyName ?? none,
    source: t(`sources.${item.source}`),
    description: item.note ?? "",
    state: t(`itemStates.${itemStateOf(payout.state, item.released)}`),
    amount: f.number(item.amount, item.currency),
  });
  const cell = (key: ColumnKey, text: string) => (
    <View key={key} style={[styles.cell, { width: COLUMNS.find((c) => c.key === key)!.width }]}>
      <Text style={key === "amount" ? figuresStyle(f) : wordsStyle(f)}>{printable(text)}</Text>
    </View>
  );
  const wordsWidth = COLUMNS.slice(0, -1).reduce((sum, c) => sum + c.width, 0);
  return (
    <Document
      title={`${t("title")} ${payout.id}`}
      author={programName}
      subject={payout.partnerName}
      language={f.locale}
      creator={programName}
      producer={programName}
      creationDate={issuedAt}
    >
      <Page size="A4" style={styles.page}>
        <Text style={[styles.program, wordsStyle(f)]}>{printable(programName)}</Text>
        <Text style={[styles.title, wordsStyle(f)]}>{t("title")}</Text>

        <View style={styles.details}>
          {details.map(([label, value, kind]) => (
            <View key={label} style={[styles.detail, rowStyle(f)]} wrap={false}>
              <Text style={[styles.detailLabel, wordsStyle(f)]}>{label}</Text>
              <View style={styles.detailValue}>
                {/* Ids and amounts read left to right, but start where the reader's words start. */}
                <Text
                  style={kind === "figures" ? { direction: "ltr", textAlign: wordsStyle(f).textAlign } : wordsStyle(f)}
                >
                  {printable(value)}
                </Text>
              </View>
            </View>
          ))}
        </View>

        <Text style={[styles.heading, wordsStyle(f)]}>{t("commissions")}</Text>
        <View style={[styles.headRow, rowStyle(f)]} wrap={false}>
          {COLUMNS.map((c) => cell(c.key, header[c.key]))}
        </View>
        {items.length === 0 ? (
          <Text style={[styles.note, wordsStyle(f)]}>{t("noItems")}</Text>
        ) : (
          items.map((item) => {
            const cells = cellsOf(item);
            return (
              <View key={item.entryId} style={[styles.row, rowStyle(f)]} wrap={false}>
                {COLUMNS.map((c) => cell(c.key, cells[c.key]))}
              </View>
            );
          })
        )}
        <View style={[styles.totalRow, rowStyle(f)]} wrap={false}>
          <View style={[styles.cell, { width: wordsWidth }]}>
            <Text style={wordsStyle(f)}>{t("total")}</Text>
          </View>
          <View style={[styles.cell, { width: COLUMNS.at(-1)!.width }]}>
            <Text style={figuresStyle(f)}>{f.number(payout.amount, payout.currency)}</Text>
          </View>
        </View>
        {items.some((i) => i.released) ? <Text style={[styles.note, wordsStyle(f)]}>{t("releasedNote")}</Text> : null}

        {/* Both lines on every page, one at each side of the page's bottom edge. */}
        <Text style={[styles.footer, wordsStyle(f)]} fixed>
          {printable(t("issuedOn", { date: f.date(issuedAt) }))}
        </Text>
        <Text
          style={[styles.footer, wordsStyle(f), { textAlign: f.rtl ? "left" : "right" }]}
          fixed
          render={({ pageNumber, totalPages }) =>
            printable(t("page", { page: String(pageNumber), pages: String(totalPages) }))
          }
        />
      </Page>
    </Document>
  );
}

/**
 * The payout's statement as a PDF (A4) in the reader's language: program, partner, payout id,
 * cut-off, paid date, how it was paid, every commission it pays and the total. Arabic is set
 * right to left with the table's columns mirrored; figures keep Western digits and read left to
 * right. `issuedAt` is the clock's "now" (printed, and the PDF's creation date).
 */
export async function statementPdf(
  statement: PayoutStatement,
  options: { locale: Locale; programName: string; issuedAt: Date },
): Promise<Buffer> {
  return renderPdf(() =>
    renderToBuffer(
      <StatementDocument
        statement={statement}
        programName={options.programName}
        f={formatFor(options.locale)}
        issuedAt={options.issuedAt}
      />,
    ),
  );
}

/** How the PDF writes dates and amounts in a language (for the tests, and anything printed beside it). */
export const statementFormat = formatFor;
