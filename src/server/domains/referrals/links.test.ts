import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { partners, programSettings, referralLinks } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { DEMO_WEBSITE_URL } from "@/server/scripts/seed/cobrand";
import { defaultLinkFor, referralUrl, resolveReferral, withRef } from "./links";

const { db, partnerOwner, otherPartnerOwner } = await setupProgram();
vi.mock("@/server/db/client", () => ({ getDb: async () => db }));
const { GET } = await import("@/app/r/[code]/route");
const open = (code: string) => GET(new Request(`http://localhost/r/${code}`), { params: Promise.resolve({ code }) });

describe("referral links", () => {
  it("gives every active demo partner one default link to the program's website", async () => {
    const active = await db.select({ id: partners.id }).from(partners).where(eq(partners.status, "active"));
    const links = await db.select().from(referralLinks).where(eq(referralLinks.isDefault, true));
    expect(new Set(links.map((l) => l.partnerId))).toEqual(new Set(active.map((p) => p.id)));
    for (const link of links) {
      expect(link.code).toMatch(/^[a-z0-9]{8}$/);
      expect(link.destinationUrl).toBe(DEMO_WEBSITE_URL);
    }
  });

  it("returns the same link on every ask, and the URL is APP_URL/r/<code>", async () => {
    const first = await defaultLinkFor(db, partnerOwner.partnerId);
    const again = await defaultLinkFor(db, partnerOwner.partnerId);
    expect(again.id).toBe(first.id);
    expect(referralUrl(first.code)).toMatch(new RegExp(`^https?://[^/]+/r/${first.code}$`));
  });

  it("makes exactly one default link when many first asks race", async () => {
    await db.delete(referralLinks).where(eq(referralLinks.partnerId, otherPartnerOwner.partnerId));
    const results = await Promise.all(Array.from({ length: 8 }, () => defaultLinkFor(db, otherPartnerOwner.partnerId)));
    expect(new Set(results.map((l) => l.id)).size).toBe(1);
    const rows = await db.select().from(referralLinks).where(eq(referralLinks.partnerId, otherPartnerOwner.partnerId));
    expect(rows).toHaveLength(1);
  });

  it("adds ref to the destination and keeps its own query parameters", () => {
    expect(withRef("https://www.example.com/pricing?plan=pro&utm_source=x", "abc23")).toBe(
      "https://www.example.com/pricing?plan=pro&utm_source=x&ref=abc23",
    );
    expect(withRef("https://www.example.com/?ref=old", "abc23")).toBe("https://www.example.com/?ref=abc23");
  });
});

describe("GET /r/[code]", () => {
  it("sends an active link to its destination with the code", async () => {
    const link = await defaultLinkFor(db, partnerOwner.partnerId);
    await db
      .update(referralLinks)
      .set({ destinationUrl: "https://www.tierwise.example/start?lang=en" })
      .where(eq(referralLinks.id, link.id));
    const response = await open(link.code);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`https://www.tierwise.example/start?lang=en&ref=${link.code}`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    // Codes are lowercase; a code typed in capitals still finds its link.
    expect((await open(link.code.toUpperCase())).headers.get("location")).toContain(`ref=${link.code}`);
  });

  it("sends unknown, malformed and disabled codes to the vendor's home page, never an error", async () => {
    const link = await defaultLinkFor(db, partnerOwner.partnerId);
    await db.update(referralLinks).set({ disabledAt: new Date() }).where(eq(referralLinks.id, link.id));
    for (const code of [link.code, "nosuchcode", "../../etc", "x".repeat(300), "%00"]) {
      const response = await open(code);
      expect(response.status, code).toBe(302);
      expect(response.headers.get("location"), code).toBe(DEMO_WEBSITE_URL);
    }
    await db.update(referralLinks).set({ disabledAt: null }).where(eq(referralLinks.id, link.id));
  });

  it("falls back to the portal's own address when the program has no website", async () => {
    await db.update(programSettings).set({ websiteUrl: null }).where(eq(programSettings.id, 1));
    const { location } = await resolveReferral(db, "nosuchcode");
    expect(location).toMatch(/^https?:\/\/localhost/);
    await db.update(programSettings).set({ websiteUrl: DEMO_WEBSITE_URL }).where(eq(programSettings.id, 1));
  });
});

describe("the program's website", () => {
  it("is https only, refused by its own field", async () => {
    const { updateProgramSettingsInput } = await import("@/server/domains/program/service");
    const ok = updateProgramSettingsInput.safeParse({
      ...settingsFields,
      websiteUrl: "https://www.vendor.example/home",
    });
    expect(ok.success).toBe(true);
    for (const bad of ["http://www.vendor.example", "javascript:alert(1)", "www.vendor.example"]) {
      const result = updateProgramSettingsInput.safeParse({ ...settingsFields, websiteUrl: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["websiteUrl"]);
    }
    expect(updateProgramSettingsInput.parse({ ...settingsFields, websiteUrl: null }).websiteUrl).toBeNull();
  });
});

const settingsFields = {
  name: "Tierwise Partner Program",
  currency: "USD",
  attributionWindowDays: 90,
  holdPeriodDays: 30,
  minimumPayoutMinor: 5000n,
  leadProtectionDays: 90,
  leadExpiryDays: 60,
  leadDailyLimit: 50,
};
