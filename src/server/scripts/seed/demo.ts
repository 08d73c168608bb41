import { seedDemoCommissions, seedDemoIncentives, seedStandardPlan } from "./commissions";
import { seedDemoLeads } from "./leads";
import { seedDemoPayouts } from "./payouts";
import { seedDemoTraining } from "./training";
import { seedDemoAssets } from "./assets";
import { seedDemoCobrand } from "./cobrand";
import { seedDemoMdf } from "./mdf";
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { hashPassword } from "@/server/security/password";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { audit } from "@/server/domains/audit/service";
import { SYSTEM, type PartnerRole, type StaffRole } from "@/server/domains/actor";
import { normalizeDomain } from "@/lib/domain-name";
import { sha256 } from "@/server/security/tokens";
import {
  partnerApplications,
  partnerInvitations,
  partnerMemberships,
  partnerNotes,
  partners,
  partnerStatusEvents,
  passwordCredentials,
  programSettings,
  programTerms,
  staffRoles,
  termsAcceptances,
  tiers,
  users,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";

export const DEMO_PASSWORD = "tierwise-demo";

export const DEMO_STAFF: { name: string; email: string; role: StaffRole }[] = [
  { name: "Amira Haddad", email: "admin@tierwise.demo", role: "admin" },
  { name: "Marcus Chen", email: "manager@tierwise.demo", role: "partner_manager" },
  { name: "Sofia Lindqvist", email: "finance@tierwise.demo", role: "finance" },
];

interface DemoPartner {
  name: string;
  website: string;
  country: string;
  type: "referral" | "reseller" | "affiliate";
  status: "active" | "suspended";
  tier: string;
  joinedDaysAgo: number;
  users: { name: string; email: string; role: PartnerRole; locale?: "en" | "ar" }[];
}

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    name: "Northwind Analytics",
    website: "https://northwind-analytics.example",
    country: "US",
    type: "reseller",
    status: "active",
    tier: "gold",
    joinedDaysAgo: 410,
    users: [
      { name: "Olivia Park", email: "olivia@northwind.demo", role: "owner" },
      { name: "James Okafor", email: "james@northwind.demo", role: "member" },
    ],
  },
  {
    name: "Cobalt Cloud Partners",
    website: "https://cobaltcloud.example",
    country: "DE",
    type: "reseller",
    status: "active",
    tier: "platinum",
    joinedDaysAgo: 720,
    users: [
      { name: "Lena Vogel", email: "lena@cobalt.demo", role: "owner" },
      { name: "Tobias Brandt", email: "tobias@cobalt.demo", role: "member" },
      { name: "Mia Schulz", email: "mia@cobalt.demo", role: "member" },
    ],
  },
  {
    name: "Rimal Consulting",
    website: "https://rimal-consulting.example",
    country: "AE",
    type: "referral",
    status: "active",
    tier: "silver",
    joinedDaysAgo: 190,
    users: [{ name: "Omar Al-Farsi", email: "omar@rimal.demo", role: "owner", locale: "ar" }],
  },
  {
    name: "Brightpath Media",
    website: "https://brightpath.example",
    country: "GB",
    type: "affiliate",
    status: "active",
    tier: "registered",
    joinedDaysAgo: 45,
    users: [
      { name: "Hannah Reid", email: "hannah@brightpath.demo", role: "owner" },
      { name: "Sam Patel", email: "sam@brightpath.demo", role: "member" },
    ],
  },
  {
    name: "Kestrel IT Solutions",
    website: "https://kestrel-it.example",
    country: "CA",
    type: "reseller",
    status: "active",
    tier: "silver",
    joinedDaysAgo: 260,
    users: [{ name: "Noah Tremblay", email: "noah@kestrel.demo", role: "owner" }],
  },
  {
    name: "Saffron Deals",
    website: "https://saffrondeals.example",
    country: "IN",
    type: "affiliate",
    status: "suspended",
    tier: "registered",
    joinedDaysAgo: 300,
    users: [{ name: "Priya Nair", email: "priya@saffron.demo", role: "owner" }],
  },
];

export const DEFAULT_TIERS = [
  { key: "registered", name: "Registered", rank: 0 },
  { key: "silver", name: "Silver", rank: 1 },
  { key: "gold", name: "Gold", rank: 2 },
  { key: "platinum", name: "Platinum", rank: 3 },
];

export const DEMO_TERMS = `# Tierwise Partner Program Terms

## 1. The program
These terms govern your participation in the partner program. By accepting them you confirm
that you may act for your company.

## 2. Commissions
- Commissions are earned on won deals and referred customers' payments, at your tier's rate.
- A commission becomes payable after the hold period and is paid in the next payout run once
  your payable balance reaches the minimum payout.
- Refunds and chargebacks reverse the commission they produced.

## 3. Deal registration
Register a lead before you work it. An approved lead is protected from other partners for the
protection window; leads without progress expire.

## 4. Brand and conduct
Use the co-marketing assets as provided. Do not bid on our brand keywords or misrepresent the
product.

## 5. Changes
We may publish new versions of these terms; you accept each new version before using the portal
again.
`;

/** The same terms in Arabic: the demo's current version is published in both languages. */
export const DEMO_TERMS_AR = `# شروط برنامج شركاء Tierwise

## 1. البرنامج
تحكم هذه الشروط مشاركتك في برنامج الشركاء. وبقبولها تؤكد أنك مخوّل بالتصرف نيابة عن شركتك.

## 2. العمولات
- تُستحق العمولات على الصفقات المربوحة وعلى مدفوعات العملاء المُحالين، بنسبة مستواك.
- تصبح العمولة مستحقة الدفع بعد انتهاء فترة الحجز، وتُدفع في دفعة الصرف التالية متى بلغ
  رصيدك المستحق الحد الأدنى للصرف.
- تُلغى العمولة الناتجة عن أي مبلغ مُسترد أو مُعترض عليه.

## 3. تسجيل الصفقات
سجّل العميل المحتمل قبل العمل عليه. العميل المحتمل المعتمد محمي من الشركاء الآخرين طوال فترة
الحماية، وتنتهي صلاحية العملاء المحتملين الذين لا يشهدون تقدمًا.

## 4. العلامة التجارية والسلوك
استخدم مواد التسويق المشترك كما هي. لا تزايد على الكلمات المفتاحية لعلامتنا التجارية ولا تقدّم
المنتج بصورة مضللة.

## 5. التغييرات
قد ننشر إصدارات جديدة من هذه الشروط، وعليك قبول كل إصدار جديد قبل استخدام البوابة مجددًا.
`;

interface DemoApplication {
  company: string;
  website: string;
  country: string;
  type: "referral" | "reseller" | "affiliate";
  contactName: string;
  contactEmail: string;
  salesApproach: string;
  expectedDealsPerQuarter: number;
  daysAgo: number;
  status: "pending" | "rejected";
  rejectionReason?: string;
}

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    company: "Harbor Lane Digital",
    website: "https://harborlane.example",
    country: "AU",
    type: "affiliate",
    contactName: "Chloe Bennett",
    contactEmail: "chloe@harborlane.example",
    salesApproach: "We publish a weekly newsletter for 40,000 operations managers and review the tools we use.",
    expectedDealsPerQuarter: 12,
    daysAgo: 1,
    status: "pending",
  },
  {
    company: "Qamar Systems",
    website: "https://qamar-systems.example",
    country: "SA",
    type: "reseller",
    contactName: "Layla Haddad",
    contactEmail: "layla@qamar-systems.example",
    salesApproach: "We implement finance software for mid-size companies in the Gulf and bundle it with our services.",
    expectedDealsPerQuarter: 6,
    daysAgo: 3,
    status: "pending",
  },
  {
    company: "Fieldstone Advisors",
    website: "https://fieldstone.example",
    country: "US",
    type: "referral",
    contactName: "Ethan Brooks",
    contactEmail: "ethan@fieldstone.example",
    salesApproach: "Fractional CFOs who recommend tools to the startups we advise, about two introductions a month.",
    expectedDealsPerQuarter: 4,
    daysAgo: 6,
    status: "pending",
  },
  {
    company: "Quick Coupons 4U",
    website: "https://quickcoupons4u.example",
    country: "US",
    type: "affiliate",
    contactName: "Max Power",
    contactEmail: "max@quickcoupons4u.example",
    salesApproach: "Coupon site with paid search on brand keywords to capture buyers at checkout.",
    expectedDealsPerQuarter: 200,
    daysAgo: 20,
    status: "rejected",
    rejectionReason: "Bidding on our brand keywords is not allowed under the program terms (section 4).",
  },
];

/** How long a starting tier holds in the demo program (the settings' default). */
const DEMO_TIER_GRACE_DAYS = 90;

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(programSettings);
  return (row?.n ?? 0) > 0;
}

/** The program every install starts with: settings and the four standard tiers. */
export async function seedProgram(tx: Db, clock: Clock): Promise<Map<string, string>> {
  await tx
    .insert(programSettings)
    .values({
      id: 1,
      name: "Tierwise Partner Program",
      currency: "USD",
      attributionWindowDays: 90,
      holdPeriodDays: 30,
      minimumPayoutMinor: 5_000n,
      leadProtectionDays: 90,
      leadExpiryDays: 60,
      tierGraceDays: DEMO_TIER_GRACE_DAYS,
      updatedAt: clock.now(),
    })
    .onConflictDoNothing();
  const rows = await tx.insert(tiers).values(DEFAULT_TIERS).onConflictDoNothing().returning();
  const all = rows.length ? rows : await tx.select().from(tiers);
  const tierIds = new Map(all.map((t) => [t.key, t.id]));
  await seedStandardPlan(tx, clock, tierIds);
  return tierIds;
}

/** A believable demo program: staff of every role and partners of every type and tier. */
export async function seedDemo(db: Db, clock: Clock): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const tierIds = await seedProgram(tx, clock);
    const [terms] = await tx
      .insert(programTerms)
      .values({
        version: 1,
        body: DEMO_TERMS,
        bodyAr: DEMO_TERMS_AR,
        publishedAt: new Date(clock.now().getTime() - 900 * DAY),
      })
      .returning();
    const staffIds = new Map<string, string>();
    for (const person of DEMO_STAFF) {
      const [user] = await tx
        .insert(users)
        .values({
          name: person.name,
          email: person.email,
          kind: "staff",
          emailVerified: clock.now(),
          createdAt: new Date(clock.now().getTime() - 800 * DAY),
        })
        .returning();
      await tx.insert(staffRoles).values({ userId: user!.id, role: person.role });
      await tx.insert(passwordCredentials).values({ userId: user!.id, hash });
      staffIds.set(person.role, user!.id);
    }
    for (const partner of DEMO_PARTNERS) {
      const joined = new Date(clock.now().getTime() - partner.joinedDaysAgo * DAY);
      const [org] = await tx
        .insert(partners)
        .values({
          name: partner.name,
          website: partner.website,
          domain: normalizeDomain(partner.website),
          contactEmail: partner.users[0]!.email,
          country: partner.country,
          type: partner.type,
          status: partner.status,
          tierId: tierIds.get(partner.tier)!,
          // Each started with the program's grace period: the newest (Brightpath) is still inside its hold.
          tierHeldUntil: new Date(joined.getTime() + DEMO_TIER_GRACE_DAYS * DAY),
          managerId: staffIds.get("partner_manager") ?? null,
          createdAt: joined,
        })
        .returning();
      for (const person of partner.users) {
        const [user] = await tx
          .insert(users)
          .values({
            name: person.name,
            email: person.email,
            kind: "partner",
            locale: person.locale ?? null,
            emailVerified: joined,
            createdAt: joined,
          })
          .returning();
        await tx
          .insert(partnerMemberships)
          .values({ userId: user!.id, partnerId: org!.id, role: person.role, createdAt: joined });
        await tx.insert(passwordCredentials).values({ userId: user!.id, hash });
        await tx.insert(termsAcceptances).values({
          userId: user!.id,
          termsId: terms!.id,
          // The version is in both languages, so each person read it in their own.
          locale: person.locale ?? "en",
          acceptedAt: joined,
          ip: "198.51.100.20",
        });
      }
      await tx.insert(partnerStatusEvents).values({
        partnerId: org!.id,
        fromStatus: "applied",
        toStatus: "active",
        reason: "application.approved",
        actorId: staffIds.get("partner_manager") ?? null,
        at: joined,
      });
      if (partner.status === "suspended") {
        await tx.insert(partnerStatusEvents).values({
          partnerId: org!.id,
          fromStatus: "active",
          toStatus: "suspended",
          reason: "Coupon codes published on public deal sites against section 4 of the terms.",
          actorId: staffIds.get("partner_manager") ?? null,
          at: new Date(clock.now().getTime() - 12 * DAY),
        });
      }
      if (partner.name === "Northwind Analytics") {
        await tx.insert(partnerNotes).values({
          partnerId: org!.id,
          authorId: staffIds.get("partner_manager") ?? null,
          body: "Quarterly business review went well; they plan a joint webinar in Q1.",
          createdAt: new Date(clock.now().getTime() - 9 * DAY),
        });
        await tx.insert(partnerInvitations).values({
          partnerId: org!.id,
          email: "priya.shah@northwind.demo",
          name: "Priya Shah",
          role: "member",
          // A random token nobody holds: the invitation shows as pending, and "resend" issues a usable one.
          tokenHash: sha256(randomBytes(32).toString("base64url")),
          invitedBy: null,
          expiresAt: new Date(clock.now().getTime() + 5 * DAY),
          createdAt: new Date(clock.now().getTime() - 2 * DAY),
        });
      }
      await audit(
        tx,
        SYSTEM,
        { action: "partner.seeded", entityType: "partner", entityId: org!.id, after: org },
        clock.now(),
      );
    }
    await seedDemoLeads(tx, clock, staffIds.get("partner_manager") ?? null);
    await seedDemoIncentives(tx, clock);
    await seedDemoCommissions(tx, clock, staffIds.get("partner_manager") ?? null);
    await seedDemoPayouts(tx, clock);
    await seedDemoTraining(tx, clock, staffIds.get("partner_manager") ?? null);
    await seedDemoAssets(tx, clock, staffIds.get("partner_manager") ?? null);
    await seedDemoCobrand(tx, clock, staffIds.get("partner_manager") ?? null);
    await seedDemoMdf(tx, clock, staffIds.get("partner_manager") ?? null);
    for (const application of DEMO_APPLICATIONS) {
      const { daysAgo, ...fields } = application;
      const at = new Date(clock.now().getTime() - daysAgo * DAY);
      await tx.insert(partnerApplications).values({
        ...fields,
        domain: normalizeDomain(application.website)!,
        termsId: terms!.id,
        createdAt: at,
        reviewedAt: application.status === "rejected" ? new Date(at.getTime() + DAY) : null,
        reviewedBy: application.status === "rejected" ? (staffIds.get("partner_manager") ?? null) : null,
      });
    }
  });
}

/** The sign-ins printed at start and listed in the README. */
export function demoLogins(): { role: string; email: string }[] {
  return [
    ...DEMO_STAFF.map((s) => ({ role: s.role, email: s.email })),
    ...DEMO_PARTNERS.flatMap((p) =>
      p.users.map((u) => ({
        role: `partner ${u.role} · ${p.name}${p.status === "suspended" ? " (suspended)" : ""}`,
        email: u.email,
      })),
    ),
  ];
}

export function printDemoLogins(): void {
  const lines = demoLogins().map((l) => `  ${l.email.padEnd(26)} ${l.role}`);
  console.log(`\nTierwise demo logins (password for all: ${DEMO_PASSWORD})\n${lines.join("\n")}\n`);
}
