import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/i18n/config";
import { messagesByLocale } from "@/i18n/config";
import { parseCsv } from "@/lib/csv";
import { parseMoney, toDecimalString } from "@/lib/money";
import { partners, payouts } from "@/server/db/schema";
import type { Actor } from "@/server/domains/actor";
import type { Context } from "@/server/trpc/init";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, admin, manager, finance, partnerOwner, partnerMember, otherPartnerOwner } = await setupProgram();
const session: { actor: Actor | null; locale: Locale } = { actor: null, locale: "en" };

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
const get = (payoutId: string, query = "") =>
  GET(new Request(`http://localhost/api/payouts/${payoutId}/statement${query}`), {
    params: Promise.resolve({ payoutId }),
  });

/** The seeded completed run paid Northwind (the partner owner's organization) through Stripe. */
async function paidPayoutOf(partnerName: string) {
  const [row] = await db
    .select({ payout: payouts })
    .from(payouts)
    .innerJoin(partners, eq(partners.id, payouts.partnerId))
    .where(and(eq(partners.name, partnerName), eq(payouts.state, "paid")));
  return row!.payout;
}
const northwind = await paidPayoutOf("Northwind Analytics");
const cobalt = await paidPayoutOf("Cobalt Cloud Partners");

async function csvRows(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder().decode(bytes.slice(3)));
}

describe("GET /api/payouts/[payoutId]/statement", () => {
  beforeEach(() => {
    session.actor = partnerOwner;
    session.locale = "en";
  });

  it("gives a partner its own statement as CSV, whose commissions add up to the payout exactly", async () => {
    const response = await get(northwind.id, "?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="payout-statement-\\d{4}-\\d{2}-\\d{2}-${northwind.id.slice(0, 8)}\\.csv"$`),
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const rows = await csvRows(response);
    expect(rows[0]).toEqual(["Date", "Lead or deal", "Source", "Description", "Amount", "Currency", "State"]);
    const totalAt = rows.findIndex((r) => r[0] === "Total");
    const items = rows.slice(1, totalAt);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r[5] === northwind.currency && r[6] === "Paid")).toBe(true);
    const sum = items.reduce((total, r) => total + parseMoney(r[4]!, northwind.currency)!, 0n);
    expect(sum).toBe(northwind.amount);
    expect(rows[totalAt]![4]).toBe(toDecimalString(northwind.amount, northwind.currency));
    const details = Object.fromEntries(rows.slice(totalAt + 1).map((r) => [r[0], r[1]]));
    expect(details["Payout ID"]).toBe(northwind.id);
    expect(details["Stripe transfer ID"]).toBe(northwind.stripeTransferId);
  });

  it("gives a PDF by default, and colleagues of the owner read it too", async () => {
    for (const actor of [partnerOwner, partnerMember]) {
      session.actor = actor;
      const response = await get(northwind.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(/filename="payout-statement-.+\.pdf"$/);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  });

  it("speaks the reader's language, or the one asked for", async () => {
    const ar = messagesByLocale.ar.payoutStatement;
    session.locale = "ar";
    expect((await csvRows(await get(northwind.id, "?format=csv")))[0]![0]).toBe(ar.columns.date);
    const pdf = Buffer.from(await (await get(northwind.id)).arrayBuffer());
    expect(pdf.toString("latin1")).toContain("/Lang (ar)");
    expect((await csvRows(await get(northwind.id, "?format=csv&locale=en")))[0]![0]).toBe("Date");
    // Anything but en or ar is ignored, not an error.
    expect((await csvRows(await get(northwind.id, "?format=csv&locale=fr")))[0]![0]).toBe(ar.columns.date);
  });

  it("answers another organization's payout exactly like a missing one", async () => {
    expect((await get(cobalt.id, "?format=csv")).status).toBe(404);
    expect((await get(cobalt.id)).status).toBe(404);
    session.actor = otherPartnerOwner;
    expect((await get(northwind.id, "?format=csv")).status).toBe(404);
    expect((await get(cobalt.id, "?format=csv")).status).toBe(200);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
  });

  it("lets staff read any payout's statement", async () => {
    for (const actor of [finance, admin, manager]) {
      session.actor = actor;
      const response = await get(cobalt.id, "?format=csv");
      expect(response.status).toBe(200);
      const rows = await csvRows(response);
      expect(rows.find((r) => r[0] === "Partner")![1]).toBe("Cobalt Cloud Partners");
    }
  });

  it("answers 401 without a session and 400 to an unknown format", async () => {
    expect((await get(northwind.id, "?format=xlsx")).status).toBe(400);
    session.actor = null;
    expect((await get(northwind.id)).status).toBe(401);
  });
});
