import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, termsAcceptances } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { DEMO_TERMS_AR } from "@/server/scripts/seed/demo";
import { acceptTerms, currentTerms, publishTerms, termsForReader } from "./terms";

const { db, manager, partnerOwner, partnerMember, otherPartnerOwner, ctxOf } = await setupProgram();

async function acceptance(userId: string, termsId: string) {
  const [row] = await db
    .select()
    .from(termsAcceptances)
    .where(and(eq(termsAcceptances.userId, userId), eq(termsAcceptances.termsId, termsId)));
  return row ?? null;
}

const ENGLISH = "# Terms v2\n\nThe second version of the program terms, in English.";
const ARABIC = "# الشروط، الإصدار الثاني\n\nالإصدار الثاني من شروط البرنامج باللغة العربية.";

describe("program terms in both languages", () => {
  it("shows the demo's current terms to an Arabic reader in Arabic", async () => {
    const terms = (await currentTerms(db))!;
    expect(termsForReader(terms, "ar")).toEqual({ text: DEMO_TERMS_AR, lang: "ar", fallback: false });
    expect(termsForReader(terms, "en")).toMatchObject({ lang: "en", fallback: false });
  });

  it("publishes a version in both languages, auditing both texts, and records the language accepted", async () => {
    const published = await publishTerms(ctxOf(manager), { body: ENGLISH, bodyAr: ARABIC });
    expect(published).toMatchObject({ body: ENGLISH, bodyAr: ARABIC });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, published.id), eq(auditLog.action, "terms.published")));
    expect(entry?.after).toMatchObject({ languages: ["en", "ar"], body: ENGLISH, bodyAr: ARABIC });

    await acceptTerms(ctxOf(partnerOwner), { termsId: published.id, locale: "ar", ip: "203.0.113.9" });
    expect(await acceptance(partnerOwner.userId, published.id)).toMatchObject({ locale: "ar" });
    await acceptTerms(ctxOf(partnerMember), { termsId: published.id, locale: "en", ip: "203.0.113.9" });
    expect(await acceptance(partnerMember.userId, published.id)).toMatchObject({ locale: "en" });
    const [accepted] = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityId, published.id),
          eq(auditLog.action, "terms.accepted"),
          eq(auditLog.actorId, partnerOwner.userId),
        ),
      );
    expect(accepted?.after).toMatchObject({ locale: "ar" });
  });

  it("records English for an Arabic reader of an English-only version: the text they were shown", async () => {
    const published = await publishTerms(ctxOf(manager), { body: ENGLISH.replace("v2", "v3"), bodyAr: "" });
    expect(published.bodyAr).toBeNull();
    expect(termsForReader(published, "ar")).toMatchObject({ lang: "en", fallback: true });
    await acceptTerms(ctxOf(otherPartnerOwner), { termsId: published.id, locale: "ar", ip: "203.0.113.9" });
    expect(await acceptance(otherPartnerOwner.userId, published.id)).toMatchObject({ locale: "en" });
  });
});
