import { eq } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { assets, cobrandTemplates, partners, programSettings, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { defaultLinkFor } from "@/server/domains/referrals/links";

/** The demo vendor's home page: where referral links lead. */
export const DEMO_WEBSITE_URL = "https://www.tierwise.example";

export const DEMO_COBRAND_TITLE = "Partner overview one-pager";

const OVERVIEW_EN = `Tierwise runs your partner program end to end: **registration, tiers, commissions and payouts** in one place.

## Why customers choose it
- Partners see their tier, their deals and their earnings *as they happen*.
- Commissions are computed from the plan, never by hand.
- Payouts go out on schedule, in the partner's currency.

## Get started
1. Scan the code or follow the link below.
2. Book a 30-minute walkthrough with our team.
3. Launch your program in days, not months.`;

const OVERVIEW_AR = `يدير Tierwise برنامج الشركاء من البداية إلى النهاية: **التسجيل والمستويات والعمولات والمدفوعات** في مكان واحد.

## لماذا يختاره العملاء
- يرى الشركاء مستواهم وصفقاتهم وأرباحهم *لحظة بلحظة*.
- تُحسب العمولات من الخطة، لا يدويًا.
- تُصرف المدفوعات في موعدها وبعملة الشريك.

## ابدأ الآن
1. امسح الرمز أو اتبع الرابط أدناه.
2. احجز جولة تعريفية مدتها 30 دقيقة مع فريقنا.
3. أطلق برنامجك في أيام لا في أشهر.`;

const WEBINAR_EN = `# Partner webinar: closing larger deals

Join us for a live session on **multi-year agreements** and the Platinum incentives.

- Thursday, 16:00 UTC
- 45 minutes, with questions at the end

Register through the link below.`;

/**
 * The demo's co-branded material: the program's website (where links lead), two templates (an
 * overview for every partner with an Arabic text, and a Gold-and-above webinar invitation in
 * English only), and every active partner's default referral link.
 */
export async function seedDemoCobrand(tx: Db, clock: Clock, authorId: string | null): Promise<void> {
  await tx
    .update(programSettings)
    .set({ websiteUrl: DEMO_WEBSITE_URL, updatedAt: clock.now() })
    .where(eq(programSettings.id, 1));
  const [gold] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.key, "gold"));
  const templates = [
    {
      asset: {
        title: DEMO_COBRAND_TITLE,
        description: "A one-page introduction to the platform with your name, link and QR code.",
        category: "sales_deck" as const,
        tags: ["overview", "one-pager"],
        minTierId: null,
      },
      template: {
        headline: "Run your partner program in one place",
        bodyMarkdown: OVERVIEW_EN,
        headlineAr: "أدِر برنامج شركائك في مكان واحد",
        bodyMarkdownAr: OVERVIEW_AR,
        partnerPlacement: "footer" as const,
        accentColor: "#1d4ed8",
      },
    },
    {
      asset: {
        title: "Webinar invitation: closing larger deals",
        description: "An invitation to the partner webinar, co-branded for Gold and Platinum partners.",
        category: "email_template" as const,
        tags: ["webinar", "event"],
        minTierId: gold?.id ?? null,
      },
      template: {
        headline: "You're invited: closing larger deals",
        bodyMarkdown: WEBINAR_EN,
        headlineAr: null,
        bodyMarkdownAr: null,
        partnerPlacement: "header" as const,
        accentColor: "#0f766e",
      },
    },
  ];
  for (const { asset, template } of templates) {
    const [row] = await tx
      .insert(assets)
      .values({
        ...asset,
        kind: "cobrand",
        language: null,
        createdBy: authorId,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning();
    await tx.insert(cobrandTemplates).values({ assetId: row!.id, ...template, updatedAt: clock.now() });
  }
  const active = await tx.select({ id: partners.id }).from(partners).where(eq(partners.status, "active"));
  for (const partner of active) await defaultLinkFor(tx, partner.id);
}
