import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, payoutRuns } from "@/server/db/schema";
import type { Locale } from "@/i18n/config";
import type { Actor } from "@/server/domains/actor";
import { partnerIdByName, postPayable } from "@/server/domains/payouts/fixtures";
import { approveRun, createRun } from "@/server/domains/payouts/runs";
import type { Context } from "@/server/trpc/init";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, admin, manager, finance, partnerOwner, ctxOf } = await setupProgram();
const session: { actor: Actor | null; locale: Locale } = { actor: null, locale: "en" };
const today = clock.now().toISOString().slice(0, 10);

// An approved run with one bank payout to send: Rimal (paid by bank in the demo), 1,234.50 USD.
await postPayable(db, await partnerIdByName(db, "Rimal Consulting"), 123_450n, "USD", clock.now());
const run = await createRun(ctxOf(finance), { cutoff: today });
await approveRun(ctxOf(admin), { runId: run.id });
const [draft] = await db.select().from(payoutRuns).where(eq(payoutRuns.status, "draft"));

// The request's context, as the session would give it.
vi.mock("@/server/trpc/context", () => ({
  createContext: async (): Promise<Context> => ({
    db,
    actor: session.actor,
    clock,
    locale: session.locale,
    ip: "203.0.113.9",
  }),
}));

const { GET } = await import("./route");
const get = (runId: string) =>
  GET(new Request(`http://localhost/manage/payouts/${runId}/bank-file`), { params: Promise.resolve({ runId }) });
const linesOf = async (response: Response) =>
  (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

describe("GET /manage/payouts/[runId]/bank-file", () => {
  beforeEach(() => {
    session.actor = finance;
    session.locale = "en";
  });

  it("downloads the run's bank transfers as UTF-8 CSV with a BOM and a dated name", async () => {
    const response = await get(run.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="bank-file-${run.id.slice(0, 8)}-${today}.csv"`,
    );
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = await linesOf(response);
    expect(header).toBe(
      '"Payout ID","Partner","Account holder","IBAN","Account number","Routing code","Bank name","Bank country","Currency","Amount","Payment reference"',
    );
    const rimal = rows.find((row) => row.includes('"Rimal Consulting"'));
    // The whole IBAN (the one place it leaves the domain), and the exact decimal amount.
    expect(rimal).toContain('"AE070331234567890123456"');
    expect(rimal).toContain('"USD","1234.50"');
  });

  it("audits every export", async () => {
    await get(run.id);
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "payoutRun.bankFileExported"), eq(auditLog.entityId, run.id)));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.at(-1)).toMatchObject({ actorId: finance.userId });
  });

  it("heads the columns in the reader's language", async () => {
    session.locale = "ar";
    const [header] = await linesOf(await get(run.id));
    expect(header).toContain('"رقم الآيبان"');
  });

  it("lets admins download too", async () => {
    session.actor = admin;
    expect((await get(run.id)).status).toBe(200);
  });

  it("answers 401 without a session, 403 to partner users and partner managers", async () => {
    session.actor = null;
    expect((await get(run.id)).status).toBe(401);
    session.actor = partnerOwner;
    expect((await get(run.id)).status).toBe(403);
    session.actor = manager;
    const refused = await get(run.id);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("You are not allowed to do this.");
  });

  it("answers 409 for a draft run (nothing approved to pay), with the reason", async () => {
    const response = await get(draft!.id);
    expect(response.status).toBe(409);
    expect(await response.text()).toBe("This run has not been approved yet.");
  });

  it("answers 404 for a run that does not exist, or an id that is not one", async () => {
    expect((await get("018f2b9c-1c2d-7e3f-8a4b-5c6d7e8f9a0b")).status).toBe(404);
    expect((await get("not-a-run")).status).toBe(404);
    session.actor = null;
    expect((await get("not-a-run")).status).toBe(401);
  });
});
