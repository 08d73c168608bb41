import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY, printable as spacesPrintable, renderPdf } from "@/server/integrations/pdf/fonts";
import { createTranslator } from "use-intl/core";
import { messagesByLocale, type Locale } from "@/i18n/config";
import { verificationUrl } from "./certifications";

/** As the font can set it, without the bidi marks Intl adds for a right-to-left page. */
function printable(text: string): string {
  return spacesPrintable(text).replace(/[\u061c\u200e\u200f]/g, "");
}

/** Dates as the reader's language writes them, Western digits (as on the statement), in UTC. */
export function certificateDate(locale: Locale, at: Date): string {
  const format = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
    numberingSystem: "latn",
  });
  return printable(format.format(at));
}

export interface CertificateContent {
  personName: string;
  courseTitle: string;
  issuedAt: Date;
  expiresAt: Date;
  code: string;
}

const INK = "#171717";
const MUTED = "#525252";
const ACCENT = "#1d4ed8";

const styles = StyleSheet.create({
  page: { padding: 28, fontFamily: PDF_FONT_FAMILY, color: INK, backgroundColor: "#ffffff" },
  frame: {
    flexGrow: 1,
    border: `2pt solid ${ACCENT}`,
    padding: 6,
  },
  inner: {
    flexGrow: 1,
    border: "0.75pt solid #93c5fd",
    paddingVertical: 34,
    paddingHorizontal: 56,
    alignItems: "center",
  },
  program: { fontSize: 14, fontWeight: 600, color: ACCENT },
  title: { fontSize: 30, fontWeight: 600, marginTop: 18 },
  rule: { width: 120, borderTop: `1.5pt solid ${ACCENT}`, marginTop: 14, marginBottom: 22 },
  lead: { fontSize: 12, color: MUTED },
  name: { fontSize: 28, fontWeight: 600, marginTop: 10, marginBottom: 12 },
  course: { fontSize: 18, fontWeight: 600, marginTop: 8, color: ACCENT },
  facts: { marginTop: 34, width: 600, justifyContent: "space-between" },
  fact: { width: 190, alignItems: "center" },
  factLabel: { fontSize: 9, color: MUTED },
  factValue: { fontSize: 12, fontWeight: 600, marginTop: 4 },
  verify: { position: "absolute", bottom: 28, left: 56, right: 56, alignItems: "center" },
  verifyText: { fontSize: 9, color: MUTED },
  url: { fontSize: 9, color: ACCENT, marginTop: 2 },
});

function CertificateDocument({
  content,
  locale,
  programName,
}: {
  content: CertificateContent;
  locale: Locale;
  programName: string;
}) {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "certificate" });
  const rtl = locale === "ar";
  // Centered lines need no mirroring; the base direction makes Arabic set right to left.
  const words = { direction: rtl ? ("rtl" as const) : ("ltr" as const), textAlign: "center" as const };
  const figures = { direction: "ltr" as const, textAlign: "center" as const };
  const facts: [string, string, typeof words][] = [
    [t("issued"), certificateDate(locale, content.issuedAt), words],
    [t("validUntil"), certificateDate(locale, content.expiresAt), words],
    [t("code"), content.code, figures],
  ];
  return (
    <Document
      title={`${t("title")} ${content.code}`}
      author={programName}
      subject={content.courseTitle}
      language={locale}
      creator={programName}
      producer={programName}
      creationDate={content.issuedAt}
    >
      <Page size="A4" orientation="landscape" style={styles.page}>
        <View style={styles.frame}>
          <View style={styles.inner}>
            {/* Spaced letters only in Latin script: spacing would pull Arabic's joined letters apart. */}
            <Text style={[styles.program, words, rtl ? {} : { letterSpacing: 1 }]}>{printable(programName)}</Text>
            <Text style={[styles.title, words]}>{t("title")}</Text>
            <View style={styles.rule} />
            <Text style={[styles.lead, words]}>{t("certifies")}</Text>
            <Text style={[styles.name, words]}>{printable(content.personName)}</Text>
            <Text style={[styles.lead, words]}>{t("completed")}</Text>
            <Text style={[styles.course, words]}>{printable(content.courseTitle)}</Text>
            {/* The facts read from the reader's start side: mirrored for Arabic. */}
            <View style={[styles.facts, { flexDirection: rtl ? "row-reverse" : "row" }]}>
              {facts.map(([label, value, style]) => (
                <View key={label} style={styles.fact}>
                  <Text style={[styles.factLabel, words]}>{label}</Text>
                  <Text style={[styles.factValue, style]}>{value}</Text>
                </View>
              ))}
            </View>
            <View style={styles.verify}>
              <Text style={[styles.verifyText, words]}>{t("verifyAt")}</Text>
              <Text style={[styles.url, figures]}>{verificationUrl(content.code)}</Text>
            </View>
          </View>
        </View>
      </Page>
    </Document>
  );
}

/**
 * The printable certificate (A4 landscape) in the person's language: the program's name,
 * "Certificate of completion", the person, the course (of the version earned), the dates, the
 * code and the public page that verifies it. Arabic is shaped and set right to left.
 */
export async function certificatePdf(
  content: CertificateContent,
  options: { locale: Locale; programName: string },
): Promise<Buffer> {
  return renderPdf(() =>
    renderToBuffer(<CertificateDocument content={content} locale={options.locale} programName={options.programName} />),
  );
}

/** The download's file name, ASCII only: "certificate-TW-7K3M-Q9XD-2HPA.pdf". */
export function certificateFileName(code: string): string {
  return `certificate-${code.replace(/[^A-Z0-9-]/gi, "")}.pdf`;
}
