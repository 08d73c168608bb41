import fs from "node:fs";
import { rm } from "node:fs/promises";
import { inflateSync } from "node:zlib";
import { and, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before anything reads the environment: this file's uploads go to a directory of its own.
const dataDirectory = await vi.hoisted(async () => {
  const fsp = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = await fsp.mkdtemp(`${os.tmpdir()}/tierwise-cobrand-`);
  process.env.DATA_DIR = dir;
  return dir;
});

import { assetDownloads, assets, auditLog, partnerLogos, partners, tiers } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { DEMO_COBRAND_TITLE } from "@/server/scripts/seed/cobrand";
import { DomainError } from "../errors";
import { defaultLinkFor, referralUrl } from "../referrals/links";
import {
  archiveCobrandTemplate,
  cobrandTemplateForEditing,
  cobrandTemplateOf,
  createCobrandTemplate,
  restoreCobrandTemplate,
  updateCobrandTemplate,
  uploadCobrandLogo,
} from "./cobrand";
import { blocksText, inlineRuns, markdownBlocks } from "./cobrand-markdown";
import { cobrandContentFor, cobrandFileName, cobrandPdfFor, renderCobrand } from "./cobrand-render";

const { db, clock, manager, finance, partnerOwner, actorByEmail, ctxOf } = await setupProgram();
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));
const omar = await actorByEmail("omar@rimal.demo");
if (omar.kind !== "partner") throw new Error("Omar is a partner");

/** A 1×1 PNG (a real one, so the renderer can draw it). */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const base = {
  title: "Spring campaign flyer",
  description: "A flyer",
  category: "sales_deck",
  tags: ["Spring", "flyer", "spring"],
  minTierId: null,
  headline: "Spring into savings",
  bodyMarkdown: "# Why now\n\nSave **20%** this *spring*.\n\n- Fast\n- Simple",
};

/** The PDF's decompressed streams (as the certificate test reads them). */
function streamsOf(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  for (let at = text.indexOf("stream\n"); at >= 0; at = text.indexOf("stream\n", at + 1)) {
    const end = text.indexOf("\nendstream", at);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(at + 7, end)).toString("latin1"));
    } catch {
      // Not deflated.
    }
    at = end + "\nendstream".length;
  }
  return out;
}

/** Every character the pages set, through the fonts' text-to-Unicode maps. */
function charactersOf(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  for (const map of streamsOf(pdf).filter((s) => s.includes("beginbfrange") || s.includes("beginbfchar")))
    for (const [, targets] of map.matchAll(/\[([^\]]*)\]/g))
      for (const [, hex] of targets!.matchAll(/<([0-9a-f ]+)>/gi))
        for (const unit of hex!.split(" ")) chars.add(String.fromCharCode(parseInt(unit, 16)));
  return chars;
}

const expectCodes = async (work: Promise<unknown>, field: string) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).field).toBe(field);
};

async function demoTemplate() {
  const [row] = await db.select().from(assets).where(eq(assets.title, DEMO_COBRAND_TITLE));
  return (await cobrandTemplateOf(db, row!.id))!;
}

describe("co-branded templates (staff)", () => {
  it("creates a template as a language-free cobrand asset, with tags cleaned, audited", async () => {
    const made = await createCobrandTemplate(ctxOf(manager), { ...base, accentColor: "#0F766E" });
    expect(made.asset).toMatchObject({ kind: "cobrand", language: null, tags: ["spring", "flyer"] });
    expect(made.template).toMatchObject({ accentColor: "#0f766e", partnerPlacement: "footer", headlineAr: null });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, made.asset.id), eq(auditLog.action, "cobrand.created")));
    expect(entry).toBeDefined();
  });

  it("refuses bad input by field and writes nothing", async () => {
    const [before] = await db.select({ n: count() }).from(assets);
    await expect(createCobrandTemplate(ctxOf(manager), { ...base, accentColor: "blue" })).rejects.toThrow();
    await expect(createCobrandTemplate(ctxOf(manager), { ...base, headline: "  " })).rejects.toThrow();
    await expectCodes(
      createCobrandTemplate(ctxOf(manager), { ...base, minTierId: "00000000-0000-4000-8000-000000000000" }),
      "minTierId",
    );
    await expectCodes(
      createCobrandTemplate(ctxOf(manager), { ...base, vendorLogoFileId: "00000000-0000-4000-8000-000000000000" }),
      "vendorLogoFileId",
    );
    await expectCodes(
      createCobrandTemplate(ctxOf(manager), { ...base, expiresAt: new Date(clock.now().getTime() - 1000) }),
      "expiresAt",
    );
    const [after] = await db.select({ n: count() }).from(assets);
    expect(after!.n).toBe(before!.n);
  });

  it("stores a PNG or JPEG vendor logo and refuses anything else", async () => {
    const logo = await uploadCobrandLogo(ctxOf(manager), {
      fileName: "logo.png",
      contentBase64: PNG.toString("base64"),
    });
    expect(logo.fileId).toMatch(/^[0-9a-f-]{36}$/);
    await expectCodes(
      uploadCobrandLogo(ctxOf(manager), {
        fileName: "logo.png",
        contentBase64: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>").toString("base64"),
      }),
      "file",
    );
    const made = await createCobrandTemplate(ctxOf(manager), { ...base, vendorLogoFileId: logo.fileId });
    const editing = await cobrandTemplateForEditing(ctxOf(manager), { assetId: made.asset.id });
    expect(editing.vendorLogoName).toBe("logo.png");
  });

  it("saves, archives and restores, each audited with what it was", async () => {
    const made = await createCobrandTemplate(ctxOf(manager), base);
    const [gold] = await db.select().from(tiers).where(eq(tiers.key, "gold"));
    const saved = await updateCobrandTemplate(ctxOf(manager), {
      ...base,
      assetId: made.asset.id,
      minTierId: gold!.id,
      headlineAr: "عرض الربيع",
      bodyMarkdownAr: "وفّر **20%**",
      partnerPlacement: "header",
      showQrCode: false,
    });
    expect(saved.asset.minTierId).toBe(gold!.id);
    expect(saved.template).toMatchObject({ headlineAr: "عرض الربيع", partnerPlacement: "header", showQrCode: false });
    const archived = await archiveCobrandTemplate(ctxOf(manager), { assetId: made.asset.id });
    expect(archived.archivedAt).not.toBeNull();
    await restoreCobrandTemplate(ctxOf(manager), { assetId: made.asset.id });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, made.asset.id))).map((e) => e.action);
    expect(actions.sort()).toEqual(["cobrand.archived", "cobrand.created", "cobrand.restored", "cobrand.updated"]);
    await expect(
      updateCobrandTemplate(ctxOf(manager), { ...base, assetId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toThrow(DomainError);
  });
});

describe("markdown for the PDF", () => {
  it("maps headings, paragraphs, lists and bold/italic", () => {
    const blocks = markdownBlocks("# Title\n\nOne **bold** and *it* line\nwraps.\n\n- a\n- b\n\n1. x\n2. y");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list"]);
    expect(inlineRuns("a **b *c* d** _e_")).toEqual([
      { text: "a ", bold: false, italic: false },
      { text: "b ", bold: true, italic: false },
      { text: "c", bold: true, italic: true },
      { text: " d", bold: true, italic: false },
      { text: " ", bold: false, italic: false },
      { text: "e", bold: false, italic: true },
    ]);
    expect(blocksText(markdownBlocks("[site](https://x.example)"))).toBe("site (https://x.example)");
  });
});

describe("co-branded PDF", () => {
  it("prints the partner's name and referral link in English (kept as an artifact)", async () => {
    const record = await demoTemplate();
    const link = await defaultLinkFor(db, partnerOwner.partnerId);
    const content = await cobrandContentFor(db, record, partnerOwner.partnerId, "en");
    expect(content.partner).toMatchObject({ name: "Northwind Analytics", referralUrl: referralUrl(link.code) });
    expect(content.partner.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const pdf = await renderCobrand(db, record, partnerOwner.partnerId, "en");
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/cobrand-en.pdf", pdf);
    expect(pdf.toString("latin1")).toContain("/Lang (en)");
    const chars = charactersOf(pdf);
    for (const text of [
      "Northwind Analytics",
      referralUrl(link.code),
      "Presented by",
      "Scan to visit",
      content.headline,
    ])
      for (const c of text.replace(/\s/g, "")) expect(chars, `missing ${c} of ${text}`).toContain(c);
    // The QR code is an image on the page.
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image/);
  });

  it("prints the Arabic text and words for an Arabic partner (kept as an artifact)", async () => {
    const record = await demoTemplate();
    const link = await defaultLinkFor(db, omar.partnerId);
    const content = await cobrandContentFor(db, record, omar.partnerId, "ar");
    expect(content.headline).toBe(record.template.headlineAr);
    expect(content.partner.name).toBe("Rimal Consulting");
    const pdf = await renderCobrand(db, record, omar.partnerId, "ar");
    fs.writeFileSync("test-results/cobrand-ar.pdf", pdf);
    expect(pdf.toString("latin1")).toContain("/Lang (ar)");
    const chars = charactersOf(pdf);
    for (const text of [
      "Rimal Consulting",
      referralUrl(link.code),
      "مقدَّم من",
      "امسح الرمز للزيارة",
      record.template.headlineAr!,
    ])
      for (const c of text.replace(/\s/g, "")) expect(chars, `missing ${c} of ${text}`).toContain(c);
  });

  it("falls back to English for an Arabic partner when no Arabic text was written", async () => {
    const made = await createCobrandTemplate(ctxOf(manager), base);
    const content = await cobrandContentFor(db, made, omar.partnerId, "ar");
    expect(content.headline).toBe(base.headline);
  });

  it("skips an SVG partner logo instead of failing, and draws a PNG one", async () => {
    const record = await demoTemplate();
    await db
      .insert(partnerLogos)
      .values({
        partnerId: omar.partnerId,
        contentType: "image/svg+xml",
        bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      })
      .onConflictDoUpdate({
        target: partnerLogos.partnerId,
        set: { contentType: "image/svg+xml", bytes: Buffer.from("<svg/>") },
      });
    expect((await cobrandContentFor(db, record, omar.partnerId, "ar")).partner.logo).toBeNull();
    expect((await renderCobrand(db, record, omar.partnerId, "ar")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await db
      .update(partnerLogos)
      .set({ contentType: "image/png", bytes: PNG })
      .where(eq(partnerLogos.partnerId, omar.partnerId));
    expect((await cobrandContentFor(db, record, omar.partnerId, "ar")).partner.logo?.format).toBe("png");
    await db.delete(partnerLogos).where(eq(partnerLogos.partnerId, omar.partnerId));
  });

  it("writes a plain ASCII file name", () => {
    expect(cobrandFileName("Partner overview one-pager")).toBe("co-branded-partner-overview-one-pager.pdf");
    expect(cobrandFileName("عرض")).toBe("co-branded.pdf");
  });
});

describe("who gets a co-branded PDF", () => {
  const ask = (assetId: string, download = true) => ({
    assetId,
    locale: "en" as const,
    download,
    samplePartnerId: null,
    now: clock.now(),
  });

  it("renders for a partner who may see it and counts the download, not the preview", async () => {
    const record = await demoTemplate();
    const downloads = async () =>
      (await db.select({ n: count() }).from(assetDownloads).where(eq(assetDownloads.assetId, record.asset.id)))[0]!.n;
    const start = await downloads();
    expect(await cobrandPdfFor(db, omar, ask(record.asset.id, false))).not.toBeNull();
    expect(await downloads()).toBe(start);
    const result = await cobrandPdfFor(db, omar, ask(record.asset.id));
    expect(result?.fileName).toBe("co-branded-partner-overview-one-pager.pdf");
    expect(await downloads()).toBe(start + 1);
    const [row] = await db.select().from(assetDownloads).where(eq(assetDownloads.assetId, record.asset.id)).limit(1);
    expect(row).toMatchObject({ version: null, partnerId: omar.partnerId, userId: omar.userId });
  });

  it("is not found for a partner below the minimum tier, past expiry or archived; staff still preview", async () => {
    const [gold] = await db.select().from(tiers).where(eq(tiers.key, "gold"));
    const made = await createCobrandTemplate(ctxOf(manager), { ...base, minTierId: gold!.id });
    // Rimal is Silver; Northwind is Gold.
    expect(await cobrandPdfFor(db, omar, ask(made.asset.id))).toBeNull();
    expect(await cobrandPdfFor(db, partnerOwner, ask(made.asset.id))).not.toBeNull();
    await archiveCobrandTemplate(ctxOf(manager), { assetId: made.asset.id });
    expect(await cobrandPdfFor(db, partnerOwner, ask(made.asset.id))).toBeNull();
    const before = (await db.select({ n: count() }).from(assetDownloads))[0]!.n;
    expect(await cobrandPdfFor(db, finance, ask(made.asset.id))).not.toBeNull();
    expect((await db.select({ n: count() }).from(assetDownloads))[0]!.n).toBe(before);
    await db
      .update(assets)
      .set({ archivedAt: null, expiresAt: new Date(clock.now().getTime() - 1) })
      .where(eq(assets.id, made.asset.id));
    expect(await cobrandPdfFor(db, partnerOwner, ask(made.asset.id))).toBeNull();
    expect(await cobrandPdfFor(db, partnerOwner, ask("not-a-uuid"))).toBeNull();
    const [suspendedLess] = await db.select({ id: partners.id }).from(partners).limit(1);
    expect(suspendedLess).toBeDefined();
  });
});
