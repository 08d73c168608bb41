import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before anything reads the environment: this file's uploads go to a directory of its own.
const dataDirectory = await vi.hoisted(async () => {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = await fs.mkdtemp(`${os.tmpdir()}/tierwise-asset-routes-`);
  process.env.DATA_DIR = dir;
  return dir;
});

import type { Actor } from "@/server/domains/actor";
import { assets, storedFiles, tiers } from "@/server/db/schema";
import { demoPdf } from "@/server/domains/enablement/assets-demo-files";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, manager, finance, partnerOwner, actorByEmail } = await setupProgram();
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));
const silverOwner = await actorByEmail("noah@kestrel.demo");
const session: { actor: Actor | null } = { actor: null };

vi.mock("@/server/trpc/context", () => ({
  createContext: async () => ({ db, actor: session.actor, clock, locale: "en", ip: "203.0.113.9" }),
}));
vi.mock("@/server/auth/current", () => ({ getCurrentActor: async () => session.actor }));
vi.mock("@/server/db/client", () => ({ getDb: async () => db }));

const { POST } = await import("./route");
const download = await import("../[assetId]/download/route");
const preview = await import("../[assetId]/preview/route");

const PDF = demoPdf("Route test", ["A page."], [0, 0, 0]);
const gold = (await db.select().from(tiers).where(eq(tiers.key, "gold")))[0]!;

function form(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  if (file) data.set("file", new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return new Request("http://localhost/api/assets/upload", { method: "POST", body: data });
}

async function stored() {
  const [[files], [rows], onDisk] = await Promise.all([
    db.select({ n: count() }).from(storedFiles),
    db.select({ n: count() }).from(assets),
    readdir(path.join(dataDirectory, "files")).catch(() => [] as string[]),
  ]);
  return { files: files!.n, assets: rows!.n, onDisk: onDisk.length };
}

const fields = { title: "Gold pricing", category: "datasheet", language: "en", minTierId: gold.id, tags: "pricing" };

describe("POST /api/assets/upload", () => {
  it("refuses anyone but admins and partner managers", async () => {
    for (const actor of [null, finance, partnerOwner]) {
      session.actor = actor;
      const response = await POST(form(fields, { name: "a.pdf", bytes: PDF }));
      expect(response.status).toBe(actor ? 403 : 401);
    }
  });

  it("refuses a disguised, oversized or badly named file by field, storing nothing", async () => {
    session.actor = manager;
    const before = await stored();
    const cases = [
      { name: "setup.pdf", bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3]), says: "PDF, PNG" },
      { name: "photo.png", bytes: new TextEncoder().encode("<html></html>"), says: "PDF, PNG" },
      { name: "../../etc/passwd.pdf", bytes: PDF, says: "file name" },
      { name: "deck\u0000.pdf", bytes: PDF, says: "file name" },
      { name: "huge.pdf", bytes: new Uint8Array(50 * 1024 * 1024 + 1).fill(0x25), says: "50 MB" },
    ];
    for (const c of cases) {
      const response = await POST(form(fields, c));
      expect(response.status, c.name).toBe(400);
      const body = (await response.json()) as { message: string; fields: Record<string, string> };
      expect(body.fields.file, c.name).toContain(c.says);
    }
    const missing = (await (await POST(form(fields))).json()) as { fields: Record<string, string> };
    expect(missing.fields.file).toBeTruthy();
    const untitled = (await (await POST(form({ ...fields, title: "" }, { name: "a.pdf", bytes: PDF }))).json()) as {
      fields: Record<string, string>;
    };
    expect(untitled.fields.title).toBeTruthy();
    expect(await stored()).toEqual(before);
  });

  it("creates the asset, replaces its file, and serves it by tier", async () => {
    session.actor = manager;
    const created = await POST(form(fields, { name: "Gold pricing (v1).pdf", bytes: PDF }));
    expect(created.status).toBe(201);
    const { assetId } = (await created.json()) as { assetId: string };
    const replaced = await POST(form({ assetId, note: "New prices" }, { name: "pricing-v2.pdf", bytes: PDF }));
    expect(await replaced.json()).toEqual({ assetId, version: 2 });

    const params = { params: Promise.resolve({ assetId }) };
    session.actor = silverOwner;
    expect((await download.GET(new Request(`http://localhost/api/assets/${assetId}/download`), params)).status).toBe(
      404,
    );
    expect(
      (await preview.GET(new Request(`http://localhost/x`), { params: Promise.resolve({ assetId }) })).status,
    ).toBe(404);

    session.actor = partnerOwner;
    const response = await download.GET(new Request(`http://localhost/api/assets/${assetId}/download`), {
      params: Promise.resolve({ assetId }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''pricing-v2.pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-type")).toBe("application/pdf");

    session.actor = manager;
    const first = await download.GET(new Request(`http://localhost/api/assets/${assetId}/download?version=1`), {
      params: Promise.resolve({ assetId }),
    });
    expect(first.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''Gold%20pricing%20%28v1%29.pdf");
    const [row] = await db.select().from(assets).where(eq(assets.id, assetId));
    expect(row).toMatchObject({ currentVersion: 2, downloadCount: 1 });
  });
});
