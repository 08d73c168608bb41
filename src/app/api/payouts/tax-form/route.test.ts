import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/domains/actor";
import { saveTaxDetails } from "@/server/domains/payouts/settings";
import { uploadTaxForm } from "@/server/domains/payouts/tax-form";
import type { Context } from "@/server/trpc/init";
import { setupProgram } from "@/server/testing/fixtures";

const { db, clock, admin, manager, finance, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } =
  await setupProgram();
const session: { actor: Actor | null } = { actor: null };

// The request's context, as the session would give it.
vi.mock("@/server/trpc/context", () => ({
  createContext: async (): Promise<Context> => ({ db, actor: session.actor, clock, locale: "en", ip: "203.0.113.9" }),
}));

const { GET } = await import("./route");
const get = (query = "") => GET(new Request(`http://localhost/api/payouts/tax-form${query}`));

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
await saveTaxDetails(ctxOf(partnerOwner), { formType: "w8bene", taxId: "100234567800003" });
await uploadTaxForm(ctxOf(partnerOwner), { bytes: PDF, name: 'نموذج W-8BEN-E "final".pdf' });

function expectInertDownload(response: Response) {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
}

describe("GET /api/payouts/tax-form", () => {
  beforeEach(() => {
    session.actor = partnerOwner;
  });

  it("gives the partner's owner and members their own signed form, as an attachment", async () => {
    for (const actor of [partnerOwner, partnerMember]) {
      session.actor = actor;
      const response = await get();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-length")).toBe(String(PDF.length));
      // An ASCII fallback (quotes and non-ASCII replaced) and the real name, percent-encoded.
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="_____ W-8BEN-E _final_.pdf"; filename*=UTF-8''${encodeURIComponent('نموذج W-8BEN-E "final".pdf')}`,
      );
      expectInertDownload(response);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
    }
  });

  it("takes the partner from the session: another partner gets nothing of theirs, whatever id it sends", async () => {
    session.actor = otherPartnerOwner;
    const foreign = await get(`?partnerId=${partnerOwner.partnerId}`);
    const own = await get();
    expect([foreign.status, own.status]).toEqual([404, 404]);
    expect(await foreign.text()).toBe("");
    expectInertDownload(foreign);
    // And the owner asking for another partner's gets their own.
    session.actor = partnerOwner;
    const response = await get(`?partnerId=${otherPartnerOwner.partnerId}`);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  it("lets finance and admins download any partner's by id", async () => {
    for (const actor of [finance, admin]) {
      session.actor = actor;
      const response = await get(`?partnerId=${partnerOwner.partnerId}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
      expectInertDownload(response);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
      expect((await get(`?partnerId=${otherPartnerOwner.partnerId}`)).status).toBe(404);
      expect((await get("?partnerId=not-a-uuid")).status).toBe(404);
      expect((await get()).status).toBe(400);
    }
  });

  it("refuses other staff, and answers 401 without a session", async () => {
    session.actor = manager;
    expect((await get(`?partnerId=${partnerOwner.partnerId}`)).status).toBe(403);
    session.actor = null;
    const response = await get();
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
