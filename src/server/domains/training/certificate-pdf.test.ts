import fs from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { certificateDate, certificateFileName, certificatePdf, type CertificateContent } from "./certificate-pdf";

const content: CertificateContent = {
  personName: "عمر الفارسي",
  courseTitle: "أساسيات المنتج",
  issuedAt: new Date("2026-11-01T09:00:00Z"),
  expiresAt: new Date("2027-11-01T09:00:00Z"),
  code: "TW-7K3M-Q9XD-2HPA",
};

/** The PDF's decompressed streams (as the statement PDF test reads them). */
function streamsOf(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  for (let at = text.indexOf("stream\n"); at >= 0; at = text.indexOf("stream\n", at + 1)) {
    const end = text.indexOf("\nendstream", at);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(at + 7, end)).toString("latin1"));
    } catch {
      // Not deflated: nothing to read.
    }
    at = end + "\nendstream".length;
  }
  return out;
}

/** Every character the pages set, read back through the fonts' text-to-Unicode maps (ligatures split). */
function charactersOf(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const maps = streamsOf(pdf).filter((s) => s.includes("beginbfrange") || s.includes("beginbfchar"));
  for (const map of maps)
    for (const [, targets] of map.matchAll(/\[([^\]]*)\]/g))
      for (const [, hex] of targets!.matchAll(/<([0-9a-f ]+)>/gi))
        for (const unit of hex!.split(" ")) chars.add(String.fromCharCode(parseInt(unit, 16)));
  return chars;
}

const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

describe("certificate PDF", () => {
  it("renders in Arabic, right to left, with the person, course, dates and code (kept as an artifact)", async () => {
    const pdf = await certificatePdf(content, { locale: "ar", programName: "برنامج Tierwise" });
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/certificate-ar.pdf", pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/Lang (ar)");
    expect(pdf.toString("latin1")).toContain("/FontFile2");
    expect(pageCount(pdf)).toBe(1);
    // Landscape A4: 842 × 595 points.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.2\d*\]/);
    const chars = charactersOf(pdf);
    for (const text of [content.personName, content.courseTitle, "شهادة إتمام", content.code, "verify"])
      for (const c of text.replace(/\s/g, "")) expect(chars, `missing ${c} of ${text}`).toContain(c);
  });

  it("renders in English with the words of the message files", async () => {
    const pdf = await certificatePdf(
      { ...content, personName: "Olivia Park", courseTitle: "Product Fundamentals" },
      { locale: "en", programName: "Tierwise Demo Program" },
    );
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/certificate-en.pdf", pdf);
    expect(pdf.toString("latin1")).toContain("/Lang (en)");
    expect(pageCount(pdf)).toBe(1);
    const chars = charactersOf(pdf);
    for (const c of "CertificateofcompletionOliviaParkProductFundamentalsNovember2027TW-7K3MQ9XD2HPA")
      expect(chars).toContain(c);
  });

  it("writes dates in the reader's language with Western digits, and a plain file name", () => {
    expect(certificateDate("en", content.issuedAt)).toBe("November 1, 2026");
    expect(certificateDate("ar", content.issuedAt)).toMatch(/^1 .+ 2026$/);
    expect(certificateFileName(content.code)).toBe("certificate-TW-7K3M-Q9XD-2HPA.pdf");
  });
});
