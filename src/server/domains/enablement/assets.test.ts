import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before anything reads the environment: this file's uploads go to a directory of its own.
const dataDirectory = await vi.hoisted(async () => {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = await fs.mkdtemp(`${os.tmpdir()}/tierwise-assets-`);
  process.env.DATA_DIR = dir;
  return dir;
});

import { fixedClock } from "@/lib/clock";
import { assetDownloads, assets, auditLog, storedFiles, tiers } from "@/server/db/schema";
import type { PartnerActor } from "@/server/domains/actor";
import { setupProgram } from "@/server/testing/fixtures";
import { errorMessage } from "@/server/trpc/errors";
import { DomainError } from "../errors";
import {
  archiveAsset,
  assertUploadName,
  createFileAsset,
  createLinkAsset,
  replaceAssetFile,
  restoreAsset,
  updateAsset,
} from "./assets-admin";
import { demoPdf, demoPng, demoZip } from "./assets-demo-files";
import { downloadAssetFile, openAssetLink, previewAssetFile } from "./assets-files";
import { library, libraryAsset } from "./assets-library";
import { assetForStaff, listAssets } from "./assets-staff";
import { assetUsage, assetUsageCsv, topAssets } from "./assets-usage";

const { db, clock, manager, finance, partnerOwner, otherPartnerOwner, actorByEmail, ctxOf } = await setupProgram();
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));
const silverOwner = (await actorByEmail("noah@kestrel.demo")) as PartnerActor;

const PDF = demoPdf("Gold datasheet", ["For Gold partners."], [10, 20, 30]);
const gold = (await db.select().from(tiers).where(eq(tiers.key, "gold")))[0]!;
const meta = { title: "Gold datasheet", category: "datasheet" as const, language: "en" as const, minTierId: gold.id };

async function stored() {
  const [[files], [rows], onDisk] = await Promise.all([
    db.select({ n: count() }).from(storedFiles),
    db.select({ n: count() }).from(assets),
    readdir(path.join(dataDirectory, "files")).catch(() => [] as string[]),
  ]);
  return { files: files!.n, assets: rows!.n, onDisk: onDisk.length };
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("uploads are refused by their bytes, size and name, and nothing is stored", () => {
  const cases: [string, string, Uint8Array, string][] = [
    [
      "an executable renamed .pdf",
      "setup.pdf",
      Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4]),
      "storage.wrongType",
    ],
    ["an ELF binary as .pdf", "tool.pdf", Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), "storage.wrongType"],
    [
      "an HTML page as .png",
      "photo.png",
      new TextEncoder().encode("<html><script>alert(1)</script></html>"),
      "storage.wrongType",
    ],
    [
      "an SVG as .png",
      "logo.png",
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      "storage.wrongType",
    ],
    ["a file over 50 MB", "huge.pdf", new Uint8Array(50 * 1024 * 1024 + 1).fill(0x25), "storage.tooLarge"],
    ["an empty file", "empty.pdf", new Uint8Array(), "storage.empty"],
    ["a name climbing out of its folder", "../../etc/passwd.pdf", PDF, "storage.badName"],
    ["a Windows path", "C:\\Users\\x\\deck.pdf", PDF, "storage.badName"],
    ["a name with a NUL byte", "deck.pdf\u0000.exe", PDF, "storage.badName"],
    ["a name reading backwards", "invoice\u202efdp.exe", PDF, "storage.badName"],
    ["a name of dots", "..", PDF, "storage.badName"],
  ];
  it.each(cases)("%s", async (_what, name, bytes, code) => {
    const before = await stored();
    const error = await refusal(createFileAsset(ctxOf(manager), meta, { name, bytes }));
    expect(error.code).toBe(code);
    expect(error.field).toBe("file");
    expect(errorMessage(error.code, "en", error.params)).not.toBe(errorMessage("generic", "en"));
    expect(await stored()).toEqual(before);
  });

  it("names the allowed types and the limit in the message", async () => {
    const html = await refusal(
      createFileAsset(ctxOf(manager), meta, { name: "x.png", bytes: new TextEncoder().encode("<html>") }),
    );
    expect(errorMessage(html.code, "en", html.params)).toContain("PDF, PNG, JPEG, WebP, GIF, ZIP");
    const big = await refusal(
      createFileAsset(ctxOf(manager), meta, { name: "x.pdf", bytes: new Uint8Array(50 * 1024 * 1024 + 1).fill(0x25) }),
    );
    expect(errorMessage(big.code, "en", big.params)).toContain("50 MB");
  });

  it("a replacement is refused the same way, leaving the current version", async () => {
    const { assetId } = await createFileAsset(ctxOf(manager), meta, { name: "deck.pdf", bytes: PDF });
    const before = await stored();
    const error = await refusal(replaceAssetFile(ctxOf(manager), { assetId }, { name: "../deck.pdf", bytes: PDF }));
    expect(error.code).toBe("storage.badName");
    const exe = await refusal(
      replaceAssetFile(ctxOf(manager), { assetId }, { name: "deck.pdf", bytes: Uint8Array.from([0x4d, 0x5a, 0, 0]) }),
    );
    expect(exe.code).toBe("storage.wrongType");
    expect(await stored()).toEqual(before);
    expect((await assetForStaff(ctxOf(manager), { assetId })).currentVersion).toBe(1);
  });

  it("bad metadata is refused before the file is looked at, and an unknown tier by field", async () => {
    const before = await stored();
    await expect(
      createFileAsset(ctxOf(manager), { ...meta, title: "" }, { name: "deck.pdf", bytes: PDF }),
    ).rejects.toThrow();
    const error = await refusal(
      createFileAsset(
        ctxOf(manager),
        { ...meta, minTierId: "00000000-0000-4000-8000-000000000000" },
        { name: "deck.pdf", bytes: PDF },
      ),
    );
    expect(error.field).toBe("minTierId");
    expect(await stored()).toEqual(before);
  });

  it("assertUploadName lets ordinary names through", () => {
    expect(() => assertUploadName("Deck (final) v2.pdf")).not.toThrow();
    expect(() => assertUploadName("عرض المبيعات.pdf")).not.toThrow();
  });

  it("only https links are taken", async () => {
    for (const linkUrl of ["http://videos.example/x", "javascript:alert(1)", "https://", "ftp://x.example/a"])
      await expect(createLinkAsset(ctxOf(manager), { title: "Video", category: "video", linkUrl })).rejects.toThrow();
  });
});

describe("the tier gate, downloads and versions", async () => {
  const { assetId } = await createFileAsset(
    ctxOf(manager),
    { ...meta, tags: "Pricing, EMEA" },
    {
      name: "gold-datasheet.pdf",
      bytes: PDF,
    },
  );

  it("stores version 1 with the kept name and audits the creation", async () => {
    const asset = await assetForStaff(ctxOf(manager), { assetId });
    expect(asset).toMatchObject({ kind: "file", currentVersion: 1, downloadCount: 0, tags: ["pricing", "emea"] });
    expect(asset.versions).toHaveLength(1);
    expect(asset.versions[0]).toMatchObject({ version: 1, fileName: "gold-datasheet.pdf", uploadedBy: manager.name });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, assetId));
    expect(entry).toMatchObject({ action: "asset.created", actorId: manager.userId });
  });

  it("a Silver partner neither sees it nor fetches it by id", async () => {
    const list = await library(ctxOf(silverOwner), { pageSize: 100 });
    expect(list.rows.map((r) => r.assetId)).not.toContain(assetId);
    await expect(libraryAsset(ctxOf(silverOwner), { assetId })).rejects.toMatchObject({ kind: "not_found" });
    expect(await downloadAssetFile(ctxOf(silverOwner), assetId)).toBeNull();
    expect(await previewAssetFile(ctxOf(silverOwner), assetId)).toBeNull();
  });

  it("a Gold partner sees it, previews it uncounted and downloads it counted", async () => {
    const list = await library(ctxOf(partnerOwner), { search: "emea", pageSize: 100 });
    expect(list.rows.map((r) => r.assetId)).toContain(assetId);
    expect(
      (await library(ctxOf(partnerOwner), { type: "pdf", pageSize: 100 })).rows.every((r) => r.type === "pdf"),
    ).toBe(true);
    expect((await previewAssetFile(ctxOf(partnerOwner), assetId))?.contentType).toBe("application/pdf");
    const file = await downloadAssetFile(ctxOf(partnerOwner), assetId);
    expect(file?.originalName).toBe("gold-datasheet.pdf");
    expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);
    const rows = await db.select().from(assetDownloads).where(eq(assetDownloads.assetId, assetId));
    expect(rows).toEqual([
      expect.objectContaining({ partnerId: partnerOwner.partnerId, userId: partnerOwner.userId, version: 1 }),
    ]);
    expect((await assetForStaff(ctxOf(manager), { assetId })).downloadCount).toBe(1);
  });

  it("staff download any version uncounted", async () => {
    expect((await downloadAssetFile(ctxOf(manager), assetId))?.contentType).toBe("application/pdf");
    expect((await assetForStaff(ctxOf(manager), { assetId })).downloadCount).toBe(1);
  });

  it("replacing the file adds a version partners get, and the count keeps counting", async () => {
    const png = demoPng(20, 10, [1, 2, 3], [4, 5, 6]);
    const done = await replaceAssetFile(
      ctxOf(manager),
      { assetId, note: "2026 prices" },
      { name: "v2.png", bytes: png },
    );
    expect(done.version).toBe(2);
    const file = await downloadAssetFile(ctxOf(partnerOwner), assetId);
    expect(file?.originalName).toBe("v2.png");
    const asset = await assetForStaff(ctxOf(manager), { assetId });
    expect(asset).toMatchObject({ currentVersion: 2, downloadCount: 2 });
    expect(asset.versions.map((v) => [v.version, v.downloads])).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect((await downloadAssetFile(ctxOf(manager), assetId, 1))?.originalName).toBe("gold-datasheet.pdf");
  });

  it("an expired or archived asset is gone for partners; staff still list it", async () => {
    const later = fixedClock("2030-01-01T00:00:00Z");
    await updateAsset(ctxOf(manager), { assetId, ...meta, expiresAt: "2029-12-31" });
    expect(await downloadAssetFile(ctxOf(partnerOwner, later), assetId)).toBeNull();
    expect(
      (await listAssets(ctxOf(manager, later), { status: "expired", pageSize: 100 })).rows.map((r) => r.assetId),
    ).toContain(assetId);
    await updateAsset(ctxOf(manager), { assetId, ...meta, expiresAt: "" });
    await archiveAsset(ctxOf(manager), { assetId });
    await expect(archiveAsset(ctxOf(manager), { assetId })).rejects.toMatchObject({ code: "assets.alreadyArchived" });
    expect(await downloadAssetFile(ctxOf(partnerOwner), assetId)).toBeNull();
    expect((await listAssets(ctxOf(manager), { status: "archived" })).rows.map((r) => r.assetId)).toContain(assetId);
    await restoreAsset(ctxOf(manager), { assetId });
    expect(await downloadAssetFile(ctxOf(partnerOwner), assetId)).not.toBeNull();
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, assetId))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "asset.created",
        "asset.fileReplaced",
        "asset.updated",
        "asset.archived",
        "asset.restored",
      ]),
    );
  });

  it("usage shows the asset, its partner and people, and exports CSV", async () => {
    const top = await topAssets(ctxOf(finance), { period: "all", pageSize: 100 });
    expect(top.rows.find((r) => r.assetId === assetId)).toMatchObject({ downloads: 3, partners: 1 });
    const usage = await assetUsage(ctxOf(finance), { assetId, period: "all" });
    expect(usage.rows).toEqual([
      expect.objectContaining({ partnerName: "Northwind Analytics", people: 1, downloads: 3 }),
    ]);
    const csv = await assetUsageCsv(ctxOf(finance), { assetId, period: "all" }, ["p", "n", "d", "l"]);
    expect(csv).toContain('"Northwind Analytics","1","3"');
  });
});

describe("links and the staff list", () => {
  it("a partner opening a link counts and gets its address; another tier's link is not there", async () => {
    const { assetId } = await createLinkAsset(ctxOf(manager), {
      title: "Demo video",
      category: "video",
      linkUrl: "https://videos.example/demo",
      minTierId: gold.id,
    });
    expect(await openAssetLink(ctxOf(silverOwner), assetId)).toBeNull();
    expect(await openAssetLink(ctxOf(otherPartnerOwner), assetId)).toBe("https://videos.example/demo");
    expect((await assetForStaff(ctxOf(manager), { assetId })).downloadCount).toBe(1);
    expect(await downloadAssetFile(ctxOf(otherPartnerOwner), assetId)).toBeNull();
  });

  it("filters, searches and sorts on the server", async () => {
    const byTier = await listAssets(ctxOf(manager), { minTier: "everyone", pageSize: 100 });
    expect(byTier.rows.every((r) => r.minTierKey === null)).toBe(true);
    const arabic = await listAssets(ctxOf(manager), { language: "ar", pageSize: 100 });
    expect(arabic.rows.length).toBeGreaterThan(0);
    expect(arabic.rows.every((r) => r.language === "ar")).toBe(true);
    const tagged = await listAssets(ctxOf(manager), { search: "battle", pageSize: 100 });
    expect(tagged.rows.map((r) => r.title)).toContain("Competitive battlecard");
    const sorted = await listAssets(ctxOf(manager), { sort: "downloads", sortDir: "desc", pageSize: 100 });
    const counts = sorted.rows.map((r) => r.downloadCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const page2 = await listAssets(ctxOf(manager), { page: 2, pageSize: 5 });
    expect(page2.rows).toHaveLength(5);
    expect(page2.total).toBeGreaterThan(10);
  });

  it("the demo library is gated: Registered sees less than Platinum, and nobody sees the expired kit", async () => {
    const registered = (await actorByEmail("hannah@brightpath.demo")) as PartnerActor;
    const low = await library(ctxOf(registered), { pageSize: 100 });
    const high = await library(ctxOf(otherPartnerOwner), { pageSize: 100 });
    expect(low.total).toBeLessThan(high.total);
    expect(high.rows.map((r) => r.title)).not.toContain("Holiday campaign kit 2025");
    expect(high.rows.map((r) => r.title)).toContain("Competitive battlecard");
    expect(low.rows.map((r) => r.title)).not.toContain("Competitive battlecard");
    const zip = demoZip([{ name: "a.txt", text: "a" }]);
    expect(zip[0]).toBe(0x50);
    expect(clock.now().toISOString()).toBe("2026-11-01T09:00:00.000Z");
  });
});
