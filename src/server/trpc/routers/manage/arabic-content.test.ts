import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { tiers } from "@/server/db/schema";
import type { Actor } from "@/server/domains/actor";
import { currentPlanFor } from "@/server/domains/commissions/plans";
import { setupProgram } from "@/server/testing/fixtures";
import { describeError } from "../../errors";
import { createCallerFactory, type Context } from "../../init";
import { appRouter } from "../../root";

/** Staff content in both languages, through the staff routers: stored, read back, validated. */
const { db, clock, manager, partnerOwner } = await setupProgram();
const createCaller = createCallerFactory(appRouter);
const as = (actor: Actor, locale: "en" | "ar" = "en") =>
  createCaller({ db, actor, clock, locale, ip: "203.0.113.5" } satisfies Context);

async function refusal(call: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("the call succeeded");
}
const fieldsOf = (error: TRPCError) => Object.keys(describeError(error, "en").data.fieldErrors ?? {});
const today = clock.now().toISOString().slice(0, 10);

describe("products", () => {
  it("round-trips an Arabic name through the router and lists it in the reader's language", async () => {
    await as(manager).manage.catalog.createProduct({
      name: "Signal Hub",
      description: "Event routing.",
      nameAr: "مركز الإشارات",
      descriptionAr: "توجيه الأحداث.",
    });
    const inArabic = await as(manager, "ar").manage.catalog.products();
    expect(inArabic.find((p) => p.nameEn === "Signal Hub")).toMatchObject({
      name: "مركز الإشارات",
      nameAr: "مركز الإشارات",
      description: "توجيه الأحداث.",
      descriptionEn: "Event routing.",
      nameLang: "ar",
      nameFallback: false,
    });
    const inEnglish = await as(manager, "en").manage.catalog.products();
    expect(inEnglish.find((p) => p.nameEn === "Signal Hub")).toMatchObject({ name: "Signal Hub", nameLang: "en" });
  });

  it("refuses an Arabic name over 80 characters, naming the field", async () => {
    const error = await refusal(() =>
      as(manager).manage.catalog.createProduct({ name: "Too Long Arabic", description: "", nameAr: "م".repeat(81) }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldsOf(error)).toEqual(["nameAr"]);
    const description = await refusal(() =>
      as(manager).manage.catalog.createProduct({
        name: "Too Long Arabic",
        description: "",
        descriptionAr: "و".repeat(501),
      }),
    );
    expect(fieldsOf(description)).toEqual(["descriptionAr"]);
  });
});

describe("campaigns", () => {
  it("stores the Arabic name and description and lists them", async () => {
    const { id } = await as(manager).manage.commissions.createCampaign({
      name: "Winter connectors push",
      description: "Extra on connectors.",
      nameAr: "حملة الموصلات الشتوية",
      descriptionAr: "نسبة إضافية على الموصلات.",
      startsOn: today,
      endsOn: today,
      kind: "percent",
      rateBps: 300,
    });
    const { all } = await as(manager).manage.commissions.campaigns();
    expect(all.find((c) => c.id === id)).toMatchObject({
      nameAr: "حملة الموصلات الشتوية",
      descriptionAr: "نسبة إضافية على الموصلات.",
    });
  });

  it("refuses an Arabic name over 120 characters, naming the field", async () => {
    const error = await refusal(() =>
      as(manager).manage.commissions.createCampaign({
        name: "Long one",
        nameAr: "ح".repeat(121),
        descriptionAr: "و".repeat(1001),
        startsOn: today,
        endsOn: today,
        kind: "percent",
        rateBps: 300,
      }),
    );
    expect(fieldsOf(error).sort()).toEqual(["descriptionAr", "nameAr"]);
  });
});

describe("tier perks", () => {
  const tierRows = () => db.select({ id: tiers.id, key: tiers.key }).from(tiers).orderBy(tiers.rank);

  it("publishes Arabic perks with a plan version, and the partner's plan carries them", async () => {
    const [plan] = (await as(manager).manage.commissions.plans()).filter((p) => p.isDefault);
    const rows = await tierRows();
    await as(manager).manage.commissions.publishVersion({
      planId: plan!.id,
      baseKind: "percent",
      baseRateBps: 1000,
      recurringMonths: 12,
      tierRules: rows.map((t, i) => ({
        tierId: t.id,
        rateBps: 1000 + i * 100,
        minWonDeals: i === 0 ? null : i,
        perks: `Perks of ${t.key}`,
        perksAr: i === 0 ? "" : `مزايا المستوى ${i}`,
      })),
    });
    const listed = (await as(manager).manage.commissions.plans()).find((p) => p.id === plan!.id)!;
    expect(listed.tierRules.map((r) => r.perksAr)).toEqual([
      null,
      "مزايا المستوى 1",
      "مزايا المستوى 2",
      "مزايا المستوى 3",
    ]);
    // The default plan reaches every demo partner that has no plan of its own.
    expect(listed.unassignedPartners).toBeGreaterThan(0);
    const partnerPlan = await currentPlanFor(db, partnerOwner.partnerId);
    expect(partnerPlan?.tierRules.map((r) => r.perksAr).sort()).toEqual(
      [null, "مزايا المستوى 1", "مزايا المستوى 2", "مزايا المستوى 3"].sort(),
    );
  });

  it("refuses Arabic perks over 500 characters, naming the tier's field", async () => {
    const [plan] = (await as(manager).manage.commissions.plans()).filter((p) => p.isDefault);
    const [first] = await tierRows();
    const error = await refusal(() =>
      as(manager).manage.commissions.publishVersion({
        planId: plan!.id,
        baseKind: "percent",
        baseRateBps: 1000,
        recurringMonths: 12,
        tierRules: [{ tierId: first!.id, rateBps: 1000, minWonDeals: null, perksAr: "م".repeat(501) }],
      }),
    );
    expect(fieldsOf(error)).toEqual(["tierRules.0.perksAr"]);
  });
});

describe("terms", () => {
  it("publishes a version in both languages or English only", async () => {
    const body = "# Terms\n\nThe English text of this version of the terms.";
    await as(manager).manage.terms.publish({ body, bodyAr: "# الشروط\n\nالنص العربي لهذا الإصدار من الشروط." });
    let [latest] = await as(manager).manage.terms.list();
    expect(latest).toMatchObject({ body, bodyAr: "# الشروط\n\nالنص العربي لهذا الإصدار من الشروط." });
    await as(manager).manage.terms.publish({ body, bodyAr: "" });
    [latest] = await as(manager).manage.terms.list();
    expect(latest).toMatchObject({ body, bodyAr: null });
  });

  it("refuses an Arabic text too short to be terms, naming the field", async () => {
    const error = await refusal(() =>
      as(manager).manage.terms.publish({ body: "# Terms\n\nThe English text of this version.", bodyAr: "قصير" }),
    );
    expect(fieldsOf(error)).toEqual(["bodyAr"]);
  });
});
