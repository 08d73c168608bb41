/* eslint-disable jsx-a11y/alt-text -- react-pdf's Image is no HTML img and takes no alt; the page's words are text. */
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/stylesheet";
import { createTranslator } from "use-intl/core";
import { messagesByLocale, type Locale } from "@/i18n/config";
import { PDF_FONT_FAMILY, printable as spacesPrintable, renderPdf } from "@/server/integrations/pdf/fonts";
import type { PdfBlock, Run } from "./cobrand-markdown";

/** As the font can set it, without the bidi marks Intl adds (as the certificate does). */
function printable(text: string): string {
  return spacesPrintable(text).replace(/[\u061c\u200e\u200f]/g, "");
}

/** A raster image react-pdf can draw (SVG logos are left out before they get here). */
export interface PdfImage {
  data: Buffer;
  format: "png" | "jpg";
}

export interface CobrandPageContent {
  title: string;
  headline: string;
  blocks: PdfBlock[];
  accentColor: string;
  placement: "header" | "footer";
  vendorName: string;
  vendorLogo: PdfImage | null;
  partner: {
    name: string;
    logo: PdfImage | null;
    /** Printed when the template shows the referral link. */
    referralUrl: string | null;
    /** A PNG data URL of the link's QR code, when the template shows it. */
    qrDataUrl: string | null;
  };
}

const INK = "#171717";
const MUTED = "#525252";
const BLOCK_HEIGHT = 92;

const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    color: INK,
    backgroundColor: "#ffffff",
    paddingHorizontal: 48,
    fontSize: 11,
    lineHeight: 1.5,
  },
  partnerBlock: {
    position: "absolute",
    left: 48,
    right: 48,
    height: BLOCK_HEIGHT,
    alignItems: "center",
    justifyContent: "space-between",
  },
  partnerInfo: { alignItems: "center", flexShrink: 1 },
  partnerLogo: { height: 44, width: 88, objectFit: "contain" },
  partnerText: { marginHorizontal: 12, flexShrink: 1 },
  presentedBy: { fontSize: 9, color: MUTED },
  partnerName: { fontSize: 14, fontWeight: 600 },
  url: { fontSize: 10, marginTop: 2 },
  qr: { alignItems: "center" },
  qrImage: { width: 64, height: 64 },
  qrCaption: { fontSize: 7, color: MUTED, marginTop: 2 },
  vendorLogo: { height: 40, width: 160, objectFit: "contain", marginBottom: 14 },
  headline: { fontSize: 24, fontWeight: 600, lineHeight: 1.25 },
  rule: { borderTopWidth: 2, marginTop: 10, marginBottom: 16, width: 96 },
  h1: { fontSize: 17, fontWeight: 600, marginTop: 12, marginBottom: 4, lineHeight: 1.3 },
  h2: { fontSize: 14, fontWeight: 600, marginTop: 10, marginBottom: 3, lineHeight: 1.3 },
  h3: { fontSize: 12, fontWeight: 600, marginTop: 8, marginBottom: 2, lineHeight: 1.3 },
  paragraph: { marginBottom: 8 },
  listItem: { marginBottom: 3 },
  marker: { width: 18 },
});

/** Latin-1 text can take Helvetica's oblique; other scripts (Arabic has no italic) get the accent colour instead. */
const LATIN1 = /^[\u0020-\u00ff]*$/;

function RunText({ run, accent }: { run: Run; accent: string }) {
  const style: Style = {};
  if (run.italic && LATIN1.test(run.text)) {
    style.fontFamily = run.bold ? "Helvetica-BoldOblique" : "Helvetica-Oblique";
  } else {
    if (run.bold) style.fontWeight = 600;
    if (run.italic) style.color = accent;
  }
  return <Text style={style}>{printable(run.text)}</Text>;
}

function Runs({ runs, accent }: { runs: Run[]; accent: string }) {
  return runs.map((run, i) => <RunText key={i} run={run} accent={accent} />);
}

function Body({ blocks, accent, words }: { blocks: PdfBlock[]; accent: string; words: Style; rtl: boolean }) {
  return blocks.map((block, i) => {
    if (block.kind === "heading")
      return (
        <Text key={i} style={[styles[`h${block.level}`], words]}>
          <Runs runs={block.runs} accent={accent} />
        </Text>
      );
    if (block.kind === "paragraph")
      return (
        <Text key={i} style={[styles.paragraph, words]}>
          <Runs runs={block.runs} accent={accent} />
        </Text>
      );
    return (
      <View key={i} style={styles.paragraph}>
        {block.items.map((item, n) => (
          // The marker opens each item on the reader's start side: set in the line's own direction.
          <Text key={n} style={[styles.listItem, words]}>
            <Text style={{ color: accent }}>{block.ordered ? `${block.start + n}. ` : "•  "}</Text>
            <Runs runs={item} accent={accent} />
          </Text>
        ))}
      </View>
    );
  });
}

function PartnerBlock({ content, locale }: { content: CobrandPageContent; locale: Locale }) {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "cobrand.pdf" });
  const rtl = locale === "ar";
  const words: Style = { direction: rtl ? "rtl" : "ltr", textAlign: rtl ? "right" : "left" };
  const { partner, accentColor, placement } = content;
  const edge: Style =
    placement === "header"
      ? { top: 24, borderBottomWidth: 1, borderBottomColor: accentColor, paddingBottom: 10 }
      : { bottom: 24, borderTopWidth: 1, borderTopColor: accentColor, paddingTop: 10 };
  // Rows read from the reader's start side: mirrored for Arabic.
  const row: Style = { flexDirection: rtl ? "row-reverse" : "row" };
  return (
    <View fixed style={[styles.partnerBlock, edge, row]}>
      <View style={[styles.partnerInfo, row]}>
        {partner.logo ? <Image style={styles.partnerLogo} src={partner.logo} /> : null}
        <View style={[styles.partnerText, partner.logo ? {} : { marginHorizontal: 0 }]}>
          <Text style={[styles.presentedBy, words]}>{t("presentedBy")}</Text>
          <Text style={[styles.partnerName, words]}>{printable(partner.name)}</Text>
          {partner.referralUrl ? (
            // An address reads left to right in either language.
            <Text style={[styles.url, { color: accentColor, direction: "ltr", textAlign: rtl ? "right" : "left" }]}>
              {partner.referralUrl}
            </Text>
          ) : null}
        </View>
      </View>
      {partner.qrDataUrl ? (
        <View style={styles.qr}>
          <Image style={styles.qrImage} src={partner.qrDataUrl} />
          <Text style={[styles.qrCaption, { direction: words.direction, textAlign: "center" }]}>
            {t("scanToVisit")}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

function CobrandDocument({ content, locale }: { content: CobrandPageContent; locale: Locale }) {
  const rtl = locale === "ar";
  const words: Style = { direction: rtl ? "rtl" : "ltr", textAlign: rtl ? "right" : "left" };
  const reserve = BLOCK_HEIGHT + 40;
  const padding: Style =
    content.placement === "header"
      ? { paddingTop: reserve, paddingBottom: 48 }
      : { paddingTop: 48, paddingBottom: reserve };
  return (
    <Document
      title={printable(content.title)}
      author={printable(content.vendorName)}
      subject={printable(content.headline)}
      language={locale}
      creator={printable(content.vendorName)}
      producer={printable(content.vendorName)}
    >
      <Page size="A4" style={[styles.page, padding]}>
        <PartnerBlock content={content} locale={locale} />
        {content.vendorLogo ? (
          <Image
            style={[
              styles.vendorLogo,
              { alignSelf: rtl ? "flex-end" : "flex-start", objectPosition: rtl ? "right" : "left" },
            ]}
            src={content.vendorLogo}
          />
        ) : null}
        <Text style={[styles.headline, words, { color: content.accentColor }]}>{printable(content.headline)}</Text>
        <View
          style={[styles.rule, { borderTopColor: content.accentColor, alignSelf: rtl ? "flex-end" : "flex-start" }]}
        />
        <Body blocks={content.blocks} accent={content.accentColor} words={words} rtl={rtl} />
      </Page>
    </Document>
  );
}

/**
 * A co-branded page (A4) in the partner's language: the vendor's logo, the headline and the
 * Markdown body, and the partner's block (name, logo, referral link and its QR code) in the header
 * or footer of every page. Arabic is shaped and set right to left; one render at a time (fonts.ts).
 */
export function cobrandPdf(content: CobrandPageContent, locale: Locale): Promise<Buffer> {
  return renderPdf(() => renderToBuffer(<CobrandDocument content={content} locale={locale} />));
}
