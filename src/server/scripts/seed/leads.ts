import { eq, inArray } from "drizzle-orm";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { normalizeCompanyName } from "@/lib/company-name";
import { normalizeDomain } from "@/lib/domain-name";
import { customers, leadComments, leadEvents, leads, partnerMemberships, products, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/** Three products carry Arabic texts; Onboarding Services stays English-only, so the fallback mark shows. */
const DEMO_PRODUCTS = [
  {
    name: "Analytics Cloud",
    description: "The hosted analytics platform, billed per seat.",
    nameAr: "منصة التحليلات السحابية",
    descriptionAr: "منصة التحليلات المستضافة، تُحتسب رسومها لكل مستخدم.",
  },
  {
    name: "Data Connectors",
    description: "Warehouse and CRM connectors, billed per connector.",
    nameAr: "موصلات البيانات",
    descriptionAr: "موصلات لمستودعات البيانات وأنظمة إدارة علاقات العملاء، تُحتسب رسومها لكل موصل.",
  },
  {
    name: "Enterprise Support",
    description: "24/7 support with a named engineer.",
    nameAr: "دعم المؤسسات",
    descriptionAr: "دعم على مدار الساعة طوال أيام الأسبوع مع مهندس مخصص.",
  },
  { name: "Onboarding Services", description: "Fixed-price implementation by our services team." },
];

const DEMO_CUSTOMERS = [
  { name: "Cyberdyne Systems", website: "cyberdyne.example", source: "import" as const },
  { name: "Aperture Science", website: "aperture.example", source: "import" as const },
  { name: "Blue Sun Corporation", website: "bluesun.example", source: "manual" as const },
];

/** Buyers at the companies behind the won deals. */
const BUYERS = [
  "Jordan Lee",
  "Priya Raman",
  "Tomás Ortega",
  "Grace Kim",
  "Samuel Osei",
  "Elena Petrova",
  "Hiro Tanaka",
  "Chloé Martin",
  "Ade Bello",
  "Marta Nowak",
];
let nextBuyer = 0;

type Status = (typeof leads.$inferSelect)["status"];

interface DemoLead {
  /** The partner user who registered it. */
  by: string;
  company: string;
  website: string;
  contact: [string, string];
  country: string;
  product: string;
  value: bigint;
  currency: string;
  /** Days before "now" it was registered. */
  daysAgo: number;
  closeInDays: number;
  status: Status;
  /** Days after registration it was decided. */
  decidedAfter?: number;
  reason?: string;
  deal?: bigint;
  flagged?: boolean;
  infoRequested?: string;
  comments?: [string, string][];
  notes?: string;
}

const DEMO_LEADS: DemoLead[] = [
  {
    by: "olivia@northwind.demo",
    company: "Globex Corporation",
    website: "https://www.globex.example",
    contact: ["Hank Scorpio", "hank@globex.example"],
    country: "US",
    product: "Analytics Cloud",
    value: 4_800_000n,
    currency: "USD",
    daysAgo: 3,
    closeInDays: 60,
    status: "submitted",
    notes: "Evaluating three vendors; we ran the discovery workshop.",
  },
  {
    by: "james@northwind.demo",
    company: "Hooli",
    website: "hooli.example",
    contact: ["Gavin Belson", "gavin@hooli.example"],
    country: "US",
    product: "Data Connectors",
    value: 1_250_000n,
    currency: "USD",
    daysAgo: 6,
    closeInDays: 45,
    status: "submitted",
    infoRequested: "Who is the economic buyer, and is there a budget approved for this quarter?",
  },
  {
    by: "olivia@northwind.demo",
    company: "Initech LLC",
    website: "initech.example",
    contact: ["Bill Lumbergh", "bill@initech.example"],
    country: "US",
    product: "Analytics Cloud",
    value: 2_200_000n,
    currency: "USD",
    daysAgo: 24,
    closeInDays: 30,
    status: "approved",
    decidedAfter: 2,
    comments: [["olivia@northwind.demo", "Demo booked with their VP of operations next week."]],
  },
  {
    by: "olivia@northwind.demo",
    company: "Soylent Foods",
    website: "soylent.example",
    contact: ["Sol Roth", "sol@soylent.example"],
    country: "CA",
    product: "Enterprise Support",
    value: 900_000n,
    currency: "CAD",
    daysAgo: 58,
    closeInDays: 20,
    status: "approved",
    decidedAfter: 3,
  },
  {
    by: "james@northwind.demo",
    company: "Umbrella Health",
    website: "umbrella-health.example",
    contact: ["Alice Abernathy", "alice@umbrella-health.example"],
    country: "GB",
    product: "Analytics Cloud",
    value: 3_600_000n,
    currency: "GBP",
    daysAgo: 95,
    closeInDays: -20,
    status: "won",
    decidedAfter: 2,
    deal: 3_950_000n,
  },
  // Won deals of the last twelve months behind each partner's tier (the standard plan's thresholds).
  ...wonDeals("olivia@northwind.demo", [
    ["Contoso Retail", 6_200_000n, 220],
    ["Fabrikam Inc", 5_850_000n, 300],
    ["Tailspin Toys", 4_100_000n, 160],
  ]),
  ...wonDeals("lena@cobalt.demo", [
    ["Adventure Works", 12_000_000n, 280],
    ["Litware", 9_500_000n, 240],
    ["Proseware", 8_800_000n, 200],
    ["Wide World Importers", 7_100_000n, 180],
    ["Lucerne Publishing", 6_400_000n, 140],
  ]),
  ...wonDeals("omar@rimal.demo", [["Desert Rose Trading", 5_400_000n, 210]]),
  ...wonDeals("noah@kestrel.demo", [["Trey Research", 5_200_000n, 190]]),
  {
    by: "olivia@northwind.demo",
    company: "Stark Logistics",
    website: "starklogistics.example",
    contact: ["Pepper Potts", "pepper@starklogistics.example"],
    country: "US",
    product: "Onboarding Services",
    value: 1_500_000n,
    currency: "USD",
    daysAgo: 80,
    closeInDays: -10,
    status: "lost",
    decidedAfter: 1,
    reason: "They chose to build in house after a budget freeze.",
  },
  {
    by: "olivia@northwind.demo",
    company: "Wayne Retail",
    website: "wayneretail.example",
    contact: ["Lucius Fox", "lucius@wayneretail.example"],
    country: "US",
    product: "Analytics Cloud",
    value: 700_000n,
    currency: "USD",
    daysAgo: 40,
    closeInDays: 10,
    status: "rejected",
    decidedAfter: 1,
    reason: "Our enterprise team is already in talks with Wayne Retail directly.",
  },
  {
    by: "lena@cobalt.demo",
    company: "Globex Corp.",
    website: "globex.example/contact",
    contact: ["Mindy Simmons", "mindy@globex.example"],
    country: "US",
    product: "Data Connectors",
    value: 2_000_000n,
    currency: "USD",
    daysAgo: 1,
    closeInDays: 75,
    status: "submitted",
    flagged: true,
  },
  {
    by: "tobias@cobalt.demo",
    company: "Vandelay Industries",
    website: "vandelay.example",
    contact: ["Art Vandelay", "art@vandelay.example"],
    country: "DE",
    product: "Analytics Cloud",
    value: 5_400_000n,
    currency: "EUR",
    daysAgo: 14,
    closeInDays: 40,
    status: "approved",
    decidedAfter: 1,
  },
  {
    by: "lena@cobalt.demo",
    company: "Massive Dynamic",
    website: "massivedynamic.example",
    contact: ["Nina Sharp", "nina@massivedynamic.example"],
    country: "US",
    product: "Enterprise Support",
    value: 8_000_000n,
    currency: "USD",
    daysAgo: 120,
    closeInDays: -30,
    status: "won",
    decidedAfter: 3,
    deal: 7_650_000n,
  },
  {
    by: "mia@cobalt.demo",
    company: "Acme Corporation",
    website: "acme.example",
    contact: ["Wile Coyote", "wile@acme.example"],
    country: "US",
    product: "Onboarding Services",
    value: 600_000n,
    currency: "USD",
    daysAgo: 2,
    closeInDays: 30,
    status: "submitted",
  },
  {
    by: "omar@rimal.demo",
    company: "مجموعة الصحراء",
    website: "sahara-group.example",
    contact: ["خالد الراشد", "khalid@sahara-group.example"],
    country: "AE",
    product: "Analytics Cloud",
    value: 18_000_000n,
    currency: "AED",
    daysAgo: 4,
    closeInDays: 90,
    status: "submitted",
    notes: "اجتماع تعريفي مع فريق تقنية المعلومات تم الأسبوع الماضي.",
  },
  {
    by: "omar@rimal.demo",
    company: "Gulf Trading Co.",
    website: "gulftrading.example",
    contact: ["Fatima Al Mansoori", "fatima@gulftrading.example"],
    country: "SA",
    product: "Data Connectors",
    value: 7_500_000n,
    currency: "SAR",
    daysAgo: 30,
    closeInDays: 25,
    status: "approved",
    decidedAfter: 2,
  },
  {
    by: "noah@kestrel.demo",
    company: "Pied Piper",
    website: "piedpiper.example",
    contact: ["Richard Hendricks", "richard@piedpiper.example"],
    country: "US",
    product: "Data Connectors",
    value: 450_000n,
    currency: "USD",
    daysAgo: 9,
    closeInDays: 50,
    status: "submitted",
  },
  {
    by: "noah@kestrel.demo",
    company: "Tyrell Corporation",
    website: "tyrell.example",
    contact: ["Eldon Tyrell", "eldon@tyrell.example"],
    country: "US",
    product: "Analytics Cloud",
    value: 3_000_000n,
    currency: "USD",
    daysAgo: 150,
    closeInDays: -60,
    status: "expired",
    decidedAfter: 2,
  },
  {
    by: "hannah@brightpath.demo",
    company: "Oscorp",
    website: "oscorp.example",
    contact: ["Norman Osborn", "norman@oscorp.example"],
    country: "US",
    product: "Analytics Cloud",
    value: 1_100_000n,
    currency: "USD",
    daysAgo: 12,
    closeInDays: 35,
    status: "withdrawn",
    decidedAfter: 1,
    reason: "Duplicate of a deal our sister agency registered.",
  },
];

/** Won USD deals for one partner user: [company, amount in cents, days since registration]. */
function wonDeals(by: string, deals: [string, bigint, number][]): DemoLead[] {
  return deals.map(([company, amount, daysAgo]) => {
    const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`;
    const buyer = BUYERS[nextBuyer++ % BUYERS.length]!;
    const mailbox = buyer.split(" ")[0]!.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
    return {
      by,
      company,
      website: domain,
      contact: [buyer, `${mailbox}@${domain}`],
      country: "US",
      product: "Data Connectors",
      value: amount,
      currency: "USD",
      daysAgo,
      closeInDays: -Math.floor(daysAgo / 4),
      status: "won",
      decidedAfter: 2,
      deal: amount,
    };
  });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Catalog, customers and a lead pipeline in every state, so each lead screen has something real on it. */
export async function seedDemoLeads(tx: Db, clock: Clock, managerId: string | null): Promise<void> {
  const now = clock.now().getTime();
  const productRows = await tx
    .insert(products)
    .values(DEMO_PRODUCTS.map((p) => ({ ...p, createdAt: new Date(now - 700 * DAY) })))
    .returning();
  const productId = new Map(productRows.map((p) => [p.name, p.id]));
  await tx.insert(customers).values(
    DEMO_CUSTOMERS.map((c) => ({
      name: c.name,
      normalizedName: normalizeCompanyName(c.name),
      domain: normalizeDomain(c.website),
      source: c.source,
      createdAt: new Date(now - 300 * DAY),
    })),
  );
  // Each lead belongs to the organization of the colleague who registered it.
  const emails = [...new Set(DEMO_LEADS.flatMap((l) => [l.by, ...(l.comments ?? []).map(([e]) => e)]))];
  const userRows = await tx
    .select({ id: users.id, email: users.email, partnerId: partnerMemberships.partnerId })
    .from(users)
    .innerJoin(partnerMemberships, eq(partnerMemberships.userId, users.id))
    .where(inArray(users.email, emails));
  const userId = new Map(userRows.map((u) => [u.email, u.id]));
  const partnerOf = new Map(userRows.map((u) => [u.email, u.partnerId]));

  for (const demo of DEMO_LEADS) {
    const created = new Date(now - demo.daysAgo * DAY);
    const decided = demo.decidedAfter !== undefined ? new Date(created.getTime() + demo.decidedAfter * DAY) : null;
    const approved = decided && ["approved", "won", "lost", "expired"].includes(demo.status) ? decided : null;
    const closed =
      demo.status === "won" || demo.status === "lost"
        ? new Date(now - Math.max(1, Math.floor(demo.daysAgo / 4)) * DAY)
        : null;
    const by = userId.get(demo.by) ?? null;
    const lastDecision = closed ?? decided ?? created;
    // A partner's comment a day after the last decision counts as progress.
    const commentedAt = demo.comments?.length ? new Date(lastDecision.getTime() + DAY) : null;
    const lastActivity = demo.infoRequested ? new Date(now - DAY) : (commentedAt ?? lastDecision);
    const [lead] = await tx
      .insert(leads)
      .values({
        partnerId: partnerOf.get(demo.by)!,
        registeredBy: by,
        companyName: demo.company,
        normalizedName: normalizeCompanyName(demo.company),
        website: demo.website,
        domain: normalizeDomain(demo.website)!,
        contactName: demo.contact[0],
        contactEmail: demo.contact[1],
        country: demo.country,
        productId: productId.get(demo.product)!,
        estimatedValueMinor: demo.value,
        currency: demo.currency,
        expectedCloseDate: iso(new Date(now + demo.closeInDays * DAY)),
        notes: demo.notes ?? null,
        status: demo.status,
        flagged: demo.flagged ?? false,
        infoRequestedAt: demo.infoRequested ? new Date(now - DAY) : null,
        reviewedBy: decided && demo.status !== "withdrawn" ? managerId : null,
        approvedAt: approved,
        protectedUntil: approved ? new Date(approved.getTime() + 90 * DAY) : null,
        lastActivityAt: lastActivity,
        closeReason: demo.reason ?? null,
        dealAmountMinor: demo.deal ?? null,
        dealCurrency: demo.deal ? demo.currency : null,
        closedOn: closed ? iso(closed) : null,
        wonAt: demo.status === "won" ? closed : null,
        createdAt: created,
        updatedAt: lastActivity,
      })
      .returning();
    const id = lead!.id;
    const events: (typeof leadEvents.$inferInsert)[] = [
      { leadId: id, kind: "submitted", fromStatus: "submitted", toStatus: "submitted", actorId: by, at: created },
    ];
    if (approved)
      events.push({
        leadId: id,
        kind: "approved",
        fromStatus: "submitted",
        toStatus: "approved",
        actorId: managerId,
        at: approved,
      });
    if (demo.status === "rejected")
      events.push({
        leadId: id,
        kind: "rejected",
        fromStatus: "submitted",
        toStatus: "rejected",
        note: demo.reason,
        actorId: managerId,
        at: decided!,
      });
    if (demo.status === "withdrawn")
      events.push({
        leadId: id,
        kind: "withdrawn",
        fromStatus: "submitted",
        toStatus: "withdrawn",
        note: demo.reason,
        actorId: by,
        at: decided!,
      });
    if (demo.status === "won" || demo.status === "lost")
      events.push({
        leadId: id,
        kind: demo.status,
        fromStatus: "approved",
        toStatus: demo.status,
        note: demo.status === "lost" ? demo.reason : null,
        actorId: managerId,
        at: closed!,
      });
    if (demo.status === "expired")
      events.push({
        leadId: id,
        kind: "expired",
        fromStatus: "approved",
        toStatus: "expired",
        actorId: null,
        at: new Date(approved!.getTime() + 60 * DAY),
      });
    if (demo.infoRequested) {
      events.push({
        leadId: id,
        kind: "info_requested",
        fromStatus: "submitted",
        toStatus: "submitted",
        note: demo.infoRequested,
        actorId: managerId,
        at: new Date(now - DAY),
      });
      await tx.insert(leadComments).values({
        leadId: id,
        authorId: managerId,
        authorKind: "staff",
        body: demo.infoRequested,
        createdAt: new Date(now - DAY),
      });
    }
    await tx.insert(leadEvents).values(events);
    for (const [email, body] of demo.comments ?? []) {
      await tx.insert(leadComments).values({
        leadId: id,
        authorId: userId.get(email) ?? null,
        authorKind: "partner",
        body,
        createdAt: commentedAt!,
      });
    }
    if (demo.status === "won") {
      await tx.insert(customers).values({
        name: demo.company,
        normalizedName: normalizeCompanyName(demo.company),
        domain: normalizeDomain(demo.website),
        source: "won_lead",
        sourceRef: id,
        createdAt: closed!,
      });
    }
  }
}
