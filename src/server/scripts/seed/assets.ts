import { eq, sql } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { assetDownloads, assets, assetVersions, partnerMemberships, partners, tiers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { demoPdf, demoPng, demoZip } from "@/server/domains/enablement/assets-demo-files";
import type { AssetCategory } from "@/server/domains/enablement/assets-input";
import { storeFile } from "@/server/integrations/storage";

type DemoFile = { name: string; bytes: () => Uint8Array };

interface DemoAsset {
  title: string;
  description: string;
  category: AssetCategory;
  tags: string[];
  language: "en" | "ar" | null;
  /** A tier key; none = every partner. */
  minTier?: string;
  createdDaysAgo: number;
  /** Days from now it runs out (negative: already past). */
  expiresInDays?: number;
  link?: string;
  /** The file's versions, oldest first. */
  files?: DemoFile[];
}

const BLUE = [29, 78, 216] as const;
const TEAL = [13, 118, 110] as const;
const AMBER = [180, 83, 9] as const;
const SLATE = [51, 65, 85] as const;
const PLUM = [126, 34, 206] as const;

const pdf = (name: string, title: string, lines: string[], color: readonly [number, number, number]): DemoFile => ({
  name,
  bytes: () => demoPdf(title, lines, color),
});

/** A believable library: every tier, several categories, one Arabic, one video, one expired, one replaced file. */
const DEMO_ASSETS: DemoAsset[] = [
  {
    title: "Tierwise platform overview",
    description: "The ten-slide introduction to the platform for a first customer meeting.",
    category: "sales_deck",
    tags: ["overview", "first meeting", "pricing"],
    language: "en",
    createdDaysAgo: 120,
    files: [
      pdf("tierwise-overview-2025.pdf", "Tierwise platform overview", ["2025 edition."], BLUE),
      pdf(
        "tierwise-overview-2026.pdf",
        "Tierwise platform overview",
        ["Why teams choose Tierwise.", "What it costs, by plan.", "How a rollout runs in four weeks."],
        BLUE,
      ),
    ],
  },
  {
    title: "Partner logo pack",
    description: "The 'Tierwise Partner' badge in colour, white and black, with usage rules.",
    category: "brand",
    tags: ["logo", "badge", "brand guidelines"],
    language: null,
    createdDaysAgo: 200,
    files: [
      {
        name: "tierwise-partner-badge.zip",
        bytes: () =>
          demoZip([
            { name: "README.txt", text: "Tierwise Partner badge: keep clear space of one badge height around it.\n" },
            { name: "usage.txt", text: "Do not stretch, recolour or crop the badge.\n" },
          ]),
      },
    ],
  },
  {
    title: "Spring launch social banner",
    description: "A 1200×628 banner for LinkedIn and X announcing the spring release.",
    category: "social",
    tags: ["linkedin", "launch", "banner"],
    language: null,
    minTier: "silver",
    createdDaysAgo: 40,
    files: [{ name: "spring-launch-banner.png", bytes: () => demoPng(360, 188, TEAL, AMBER) }],
  },
  {
    title: "Case study: retail analytics at scale",
    description: "How a 300-store retailer cut reporting time by 70% with Tierwise.",
    category: "case_study",
    tags: ["retail", "analytics", "customer story"],
    language: "en",
    minTier: "silver",
    createdDaysAgo: 75,
    files: [
      pdf(
        "case-study-retail.pdf",
        "Case study: retail analytics",
        ["300 stores, one dashboard.", "Reporting time down 70% in a quarter."],
        TEAL,
      ),
    ],
  },
  {
    title: "Analytics Suite datasheet",
    description: "Features, integrations and security of the Analytics Suite on two sides of A4.",
    category: "datasheet",
    tags: ["analytics", "security", "integrations"],
    language: "en",
    minTier: "gold",
    createdDaysAgo: 60,
    files: [
      pdf(
        "analytics-suite-datasheet.pdf",
        "Analytics Suite datasheet",
        ["SSO and audit trails included.", "Connects to 40 data sources."],
        SLATE,
      ),
    ],
  },
  {
    title: "عرض المبيعات: منصة Tierwise",
    description: "عرض تقديمي باللغة العربية للاجتماع الأول مع العملاء في المنطقة.",
    category: "sales_deck",
    tags: ["عرض", "الشرق الأوسط", "overview"],
    language: "ar",
    createdDaysAgo: 50,
    files: [pdf("tierwise-overview-ar.pdf", "Tierwise - Arabic edition", ["Arabic sales deck for the region."], BLUE)],
  },
  {
    title: "Product demo video (12 minutes)",
    description: "A recorded walkthrough of the platform to share before a live demo.",
    category: "video",
    tags: ["demo", "walkthrough"],
    language: "en",
    minTier: "silver",
    createdDaysAgo: 90,
    link: "https://videos.tierwise.example/watch/product-demo-2026",
  },
  {
    title: "Competitive battlecard",
    description: "How Tierwise compares with the three competitors you meet most, and how to answer them.",
    category: "sales_deck",
    tags: ["competition", "objections"],
    language: "en",
    minTier: "platinum",
    createdDaysAgo: 30,
    files: [
      pdf(
        "competitive-battlecard.pdf",
        "Competitive battlecard",
        ["Where we win, and why.", "Answers to the five objections you will hear."],
        PLUM,
      ),
    ],
  },
  {
    title: "Webinar invitation email",
    description: "A ready-to-send invitation for a joint webinar, with the banner image.",
    category: "email_template",
    tags: ["webinar", "email", "event"],
    language: "en",
    minTier: "gold",
    createdDaysAgo: 20,
    files: [{ name: "webinar-invitation-header.png", bytes: () => demoPng(360, 120, BLUE, TEAL) }],
  },
  {
    title: "Holiday campaign kit 2025",
    description: "Last season's holiday promotion banners and copy.",
    category: "social",
    tags: ["holiday", "campaign"],
    language: "en",
    createdDaysAgo: 330,
    expiresInDays: -300,
    files: [pdf("holiday-campaign-2025.pdf", "Holiday campaign kit 2025", ["Offer ended 31 December."], AMBER)],
  },
];

/**
 * The demo asset library: files stored through the storage module (checked like any upload), a
 * link, a replaced file with two versions, an expired kit, and download history across the demo
 * partners (only of what each partner's tier sees).
 */
export async function seedDemoAssets(tx: Db, clock: Clock, authorId: string | null): Promise<void> {
  const now = clock.now().getTime();
  const tierRows = await tx.select().from(tiers);
  const tierOf = new Map(tierRows.map((t) => [t.key, t]));
  const partnerRows = await tx
    .select({ id: partners.id, rank: tiers.rank })
    .from(partners)
    .innerJoin(tiers, eq(tiers.id, partners.tierId))
    .orderBy(partners.name);
  const members = await tx.select().from(partnerMemberships);
  const downloads: (typeof assetDownloads.$inferInsert)[] = [];

  for (const [i, demo] of DEMO_ASSETS.entries()) {
    const createdAt = new Date(now - demo.createdDaysAgo * DAY);
    const minTier = demo.minTier ? tierOf.get(demo.minTier) : undefined;
    const versions = demo.files ?? [];
    const [asset] = await tx
      .insert(assets)
      .values({
        kind: demo.link ? "link" : "file",
        title: demo.title,
        description: demo.description,
        category: demo.category,
        tags: demo.tags,
        language: demo.language,
        minTierId: minTier?.id ?? null,
        expiresAt: demo.expiresInDays === undefined ? null : new Date(now + demo.expiresInDays * DAY),
        linkUrl: demo.link ?? null,
        currentVersion: versions.length ? versions.length : null,
        createdBy: authorId,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: assets.id });
    for (const [v, file] of versions.entries()) {
      const stored = await storeFile(tx, {
        purpose: "asset_file",
        bytes: file.bytes(),
        originalName: file.name,
        uploadedBy: authorId,
      });
      await tx.insert(assetVersions).values({
        assetId: asset!.id,
        version: v + 1,
        fileId: stored.id,
        note: v > 0 ? "Updated for 2026 pricing." : "",
        createdBy: authorId,
        createdAt: new Date(createdAt.getTime() + v * 30 * DAY),
      });
    }
    // A few downloads by each partner that sees it, spread over the weeks since it appeared.
    const expiry = demo.expiresInDays === undefined ? now : now + demo.expiresInDays * DAY;
    for (const [j, partner] of partnerRows.entries()) {
      if (minTier && partner.rank < minTier.rank) continue;
      const people = members.filter((m) => m.partnerId === partner.id);
      const times = (i * 3 + j * 5) % 4;
      for (let n = 0; n < times && people.length; n++) {
        const at = Math.min(expiry - DAY, now - ((i * 7 + j * 11 + n * 5) % demo.createdDaysAgo) * DAY - n * 3_600_000);
        if (at <= createdAt.getTime()) continue;
        downloads.push({
          assetId: asset!.id,
          version: demo.link ? null : versions.length,
          partnerId: partner.id,
          userId: people[n % people.length]!.userId,
          downloadedAt: new Date(at),
        });
      }
    }
  }
  if (downloads.length) {
    await tx.insert(assetDownloads).values(downloads);
    await tx.execute(
      sql`update ${assets} set download_count = (select count(*) from ${assetDownloads} where ${assetDownloads.assetId} = ${assets.id})`,
    );
  }
}
