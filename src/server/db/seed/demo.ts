import { count } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { audit } from "@/server/domains/audit/service";
import { SYSTEM, type PartnerRole, type StaffRole } from "@/server/domains/actor";
import { partnerMemberships, partners, passwordCredentials, programSettings, staffRoles, tiers, users } from "../schema";
import type { Db } from "../types";

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
      updatedAt: clock.now(),
    })
    .onConflictDoNothing();
  const rows = await tx.insert(tiers).values(DEFAULT_TIERS).onConflictDoNothing().returning();
  const all = rows.length ? rows : await tx.select().from(tiers);
  return new Map(all.map((t) => [t.key, t.id]));
}

/** A believable demo program: staff of every role and partners of every type and tier. */
export async function seedDemo(db: Db, clock: Clock): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const tierIds = await seedProgram(tx, clock);
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
          country: partner.country,
          type: partner.type,
          status: partner.status,
          tierId: tierIds.get(partner.tier)!,
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
        await tx.insert(partnerMemberships).values({ userId: user!.id, partnerId: org!.id, role: person.role, createdAt: joined });
        await tx.insert(passwordCredentials).values({ userId: user!.id, hash });
      }
      await audit(tx, SYSTEM, { action: "partner.seeded", entityType: "partner", entityId: org!.id, after: org }, clock.now());
    }
  });
}

/** The sign-ins printed at start and listed in the README. */
export function demoLogins(): { role: string; email: string }[] {
  return [
    ...DEMO_STAFF.map((s) => ({ role: s.role, email: s.email })),
    ...DEMO_PARTNERS.filter((p) => p.status === "active").flatMap((p) =>
      p.users.map((u) => ({ role: `partner ${u.role} · ${p.name}`, email: u.email })),
    ),
  ];
}

export function printDemoLogins(): void {
  const lines = demoLogins().map((l) => `  ${l.email.padEnd(26)} ${l.role}`);
  console.log(`\nTierwise demo logins (password for all: ${DEMO_PASSWORD})\n${lines.join("\n")}\n`);
}
