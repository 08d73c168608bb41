import { eq, getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  auditLog,
  customers,
  ledgerBalances,
  ledgerEntries,
  leads,
  partnerMemberships,
  partners,
  payoutAccounts,
  passwordCredentials,
  products,
  programSettings,
  programTerms,
  staffRoles,
  termsAcceptances,
  tierChanges,
  users,
  wonRevenue,
} from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { DAY } from "@/lib/clock";
import { hashPassword } from "@/server/security/password";
import { seedProgram } from "@/server/scripts/seed/demo";
import { withoutLeadCounters } from "@/server/domains/leads/counters";

/** What scale 1 holds; other scales multiply it. */
export const SCALE_ONE = {
  partners: 10_000,
  usersPerPartner: 3,
  leads: 1_000_000,
  ledgerEntries: 1_000_000,
  customers: 50_000,
  auditEntries: 200_000,
};

export const BENCH_PASSWORD = "tierwise-bench";
export const BENCH_STAFF_EMAIL = "bench-admin@tierwise.bench";
/** The owner of the partner with the most leads: the bench's partner session. */
export const BENCH_PARTNER_EMAIL = "owner-0@p0.bench.example";
/** Partners 0…n-1 are active and their owners can sign in: the bench registers leads as all of them at once. */
export const BENCH_PARTNER_SESSIONS = 10;
export const benchOwnerEmail = (i: number) => `owner-${i}@p${i}.bench.example`;

/** A small, fast PRNG (mulberry32): the same seed gives the same program. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID from the generator, so rows can refer to each other without a round trip. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Partner index for the n-th lead: skewed (a few partners register most), partner 0 the largest. */
function skewedPartner(random: () => number, count: number): number {
  return Math.min(count - 1, Math.floor(count * random() ** 3));
}

/** Durations in the log: one decimal. */
const seconds = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export interface SeedReport {
  table: string;
  rows: number;
  ms: number;
}

/** The postgres-js client behind a server database (PGlite has none): COPY streams through it. */
interface CopyClient {
  unsafe(query: string): { writable(): Promise<NodeJS.WritableStream> };
}

function copyClientOf(db: Db): CopyClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === "function" && typeof (client as { unsafe?: unknown }).unsafe === "function"
    ? (client as unknown as CopyClient)
    : null;
}

/** One value in COPY's text format. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "boolean"
        ? value
          ? "t"
          : "f"
        : Array.isArray(value)
          ? `{${value.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`
          : typeof value === "object"
            ? JSON.stringify(value)
            : String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!);
}

/**
 * Streams rows into a table with COPY: several times the rate of multi-row INSERTs, and no bind
 * parameters to count. A column a row leaves out is NULL, as an INSERT makes it, unless the column
 * has a default and the first row leaves it out too: then the database fills it, and a later row
 * that does name it is refused rather than loaded differently.
 */
async function copyAll<T extends Record<string, unknown>>(
  client: CopyClient,
  table: PgTable,
  rows: Iterable<T>,
  onChunk?: (n: number) => void,
): Promise<number> {
  const columns = getTableColumns(table) as Record<
    string,
    { name: string; hasDefault: boolean; mapToDriverValue(v: unknown): unknown }
  >;
  let keys: string[] | null = null;
  let stream: NodeJS.WritableStream | null = null;
  let total = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0 || !stream) return;
    const text = batch.join("");
    batch = [];
    if (!stream.write(text)) await new Promise((resolve) => stream!.once("drain", resolve));
    onChunk?.(total);
  };
  try {
    for (const row of rows) {
      if (!keys) {
        const first = row;
        keys = Object.keys(columns).filter((k) => k in first || !columns[k]!.hasDefault);
        const names = keys.map((k) => `"${columns[k]!.name}"`).join(", ");
        stream = await client.unsafe(`copy "${getTableName(table)}" (${names}) from stdin`).writable();
      }
      for (const k of Object.keys(row))
        if (!keys.includes(k)) throw new Error(`${getTableName(table)}.${k}: the first row left it to its default`);
      batch.push(
        `${keys.map((k) => copyText(row[k] === undefined || row[k] === null ? null : columns[k]!.mapToDriverValue(row[k]))).join("\t")}\n`,
      );
      total++;
      if (batch.length === 5_000) await flush();
    }
    await flush();
  } catch (error) {
    // An open COPY holds its table: end it, or the indexes rebuilt after a failure wait forever.
    stream?.on("error", () => {}); // the error below is the one reported
    (stream as unknown as { destroy?: (e: unknown) => void } | null)?.destroy?.(error);
    throw error;
  }
  if (stream) {
    const done = new Promise<void>((resolve, reject) => {
      stream!.once("finish", () => resolve());
      stream!.once("error", reject);
    });
    stream.end();
    await done;
  }
  return total;
}

/**
 * Inserts rows: by COPY on a PostgreSQL server, else (the embedded database) in INSERT chunks
 * that stay under PostgreSQL's 65,535 bind parameters.
 */
async function insertAll<T extends Record<string, unknown>>(
  db: Db,
  table: PgTable,
  rows: Iterable<T>,
  columns: number,
  onChunk?: (n: number) => void,
): Promise<number> {
  const client = copyClientOf(db);
  if (client) return copyAll(client, table, rows, onChunk);
  const size = Math.max(1, Math.floor(60_000 / columns));
  let chunk: T[] = [];
  let total = 0;
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === size) {
      await db.insert(table).values(chunk as never);
      total += chunk.length;
      onChunk?.(total);
      chunk = [];
    }
  }
  if (chunk.length) {
    await db.insert(table).values(chunk as never);
    total += chunk.length;
    onChunk?.(total);
  }
  return total;
}

/**
 * Loads a table with its plain (non-unique) indexes dropped and builds them again afterwards:
 * PostgreSQL builds an index over a million rows in seconds, where keeping nine of them up to
 * date row by row (random UUIDs, names, domains) was most of the seed's time. Unique indexes
 * stay, so duplicates are still refused. The definitions are read back from pg_indexes, so the
 * rebuilt indexes are exactly the migrations' (a failed load leaves a database to --reset anyway).
 */
async function withoutPlainIndexes<T>(db: Db, table: string, load: () => Promise<T>): Promise<T> {
  const plain = (await db.execute(
    sql`select indexname as name, indexdef as definition from pg_indexes
        where schemaname = 'public' and tablename = ${table} and indexdef not like 'CREATE UNIQUE INDEX%'`,
  )) as unknown as { name: string; definition: string }[] | { rows: { name: string; definition: string }[] };
  const indexes = Array.isArray(plain) ? plain : plain.rows;
  for (const index of indexes) await db.execute(sql.raw(`drop index if exists "${index.name}"`));
  try {
    return await load();
  } finally {
    for (const index of indexes) await db.execute(sql.raw(index.definition));
  }
}

const STATUSES = ["submitted", "approved", "rejected", "won", "lost", "expired", "withdrawn"] as const;
const COUNTRIES = ["US", "GB", "DE", "FR", "NL", "AE", "SA", "CA", "AU", "IN", "BR", "JP"] as const;
const CURRENCIES = ["USD", "USD", "USD", "EUR", "GBP"] as const;
const TYPES = ["referral", "reseller", "affiliate"] as const;

/**
 * Fills an empty database with a large, realistic program: partners across tiers and types,
 * their users (terms accepted), a skewed lead pipeline over three years in every state, won deals
 * with their commissions and won revenue, ledger history, balances, tier histories, customers and
 * audit entries.
 * Repeatable from the seed; `log` hears progress per table.
 */
export async function seedBenchProgram(
  db: Db,
  options: { scale: number; seed: number; clock: Clock; log?: (line: string) => void },
): Promise<SeedReport[]> {
  const { scale, clock } = options;
  const log = options.log ?? (() => {});
  const random = prng(options.seed);
  const now = clock.now().getTime();
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const partnerCount = count(SCALE_ONE.partners);
  const report: SeedReport[] = [];
  const timed = async (table: string, work: (progress: (n: number) => void) => Promise<number>) => {
    const started = performance.now();
    let last = started;
    const rows = await work((n) => {
      if (performance.now() - last > 2000) {
        last = performance.now();
        log(`  ${table}: ${n.toLocaleString("en")} rows…`);
      }
    });
    const ms = performance.now() - started;
    report.push({ table, rows, ms });
    log(
      `${table}: ${rows.toLocaleString("en")} rows in ${seconds.format(ms / 1000)} s (${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s)`,
    );
  };

  // The program itself: settings, tiers, the standard plan, terms, products, staff.
  const hash = await hashPassword(BENCH_PASSWORD);
  const tierIds = await db.transaction((tx) => seedProgram(tx, clock));
  // A busy program: the daily registration limit at its highest, so the bench measures registration, not the limit.
  await db.update(programSettings).set({ leadDailyLimit: 10_000 }).where(eq(programSettings.id, 1));
  const tierByShare = (r: number) => (r < 0.5 ? "registered" : r < 0.8 ? "silver" : r < 0.95 ? "gold" : "platinum");
  const [terms] = await db
    .insert(programTerms)
    .values({
      version: 1,
      body: "# Bench program terms\n\nFor measurement only.",
      publishedAt: new Date(now - 1200 * DAY),
    })
    .returning();
  const productRows = await db
    .insert(products)
    .values(
      [
        "Analytics Cloud",
        "Data Connectors",
        "Enterprise Support",
        "Onboarding Services",
        "Edge Gateway",
        "Security Add-on",
      ].map((name) => ({ name })),
    )
    .returning({ id: products.id });
  const staff = [
    { email: BENCH_STAFF_EMAIL, name: "Bench Admin", role: "admin" as const },
    { email: "bench-manager@tierwise.bench", name: "Bench Manager", role: "partner_manager" as const },
    { email: "bench-finance@tierwise.bench", name: "Bench Finance", role: "finance" as const },
  ];
  const staffIds: string[] = [];
  for (const person of staff) {
    const [user] = await db
      .insert(users)
      .values({ email: person.email, name: person.name, kind: "staff", emailVerified: clock.now() })
      .returning({ id: users.id });
    await db.insert(staffRoles).values({ userId: user!.id, role: person.role });
    await db.insert(passwordCredentials).values({ userId: user!.id, hash });
    staffIds.push(user!.id);
  }
  const managerId = staffIds[1]!;

  // Partners.
  const partnerIds = Array.from({ length: partnerCount }, () => uuidFrom(random));
  const partnerTier = partnerIds.map((_, i) => (i === 0 ? "platinum" : tierByShare(random())));
  await timed("partners", (progress) =>
    insertAll(
      db,
      partners,
      (function* () {
        for (let i = 0; i < partnerCount; i++) {
          const draw = random();
          const status = i < BENCH_PARTNER_SESSIONS || draw < 0.95 ? "active" : "suspended";
          yield {
            id: partnerIds[i]!,
            name: `Partner ${i} ${pick(random, ["Analytics", "Consulting", "Systems", "Digital", "Cloud", "Media"])}`,
            website: `https://p${i}.bench.example`,
            domain: `p${i}.bench.example`,
            country: pick(random, COUNTRIES),
            contactEmail: benchOwnerEmail(i),
            type: pick(random, TYPES),
            status,
            tierId: tierIds.get(partnerTier[i]!)!,
            managerId,
            createdAt: new Date(now - Math.floor(random() * 1100 + 30) * DAY),
          };
        }
      })(),
      12,
      progress,
    ),
  );

  // Users: an owner and members per partner, each having accepted the terms.
  const perPartner = SCALE_ONE.usersPerPartner;
  const userIds = Array.from({ length: partnerCount * perPartner }, () => uuidFrom(random));
  await timed("users", (progress) =>
    insertAll(
      db,
      users,
      (function* () {
        for (let i = 0; i < partnerCount; i++) {
          for (let j = 0; j < perPartner; j++) {
            yield {
              id: userIds[i * perPartner + j]!,
              email: j === 0 ? benchOwnerEmail(i) : `member-${j}@p${i}.bench.example`,
              name: `User ${j} of partner ${i}`,
              kind: "partner" as const,
              emailVerified: new Date(now - 30 * DAY),
            };
          }
        }
      })(),
      5,
      progress,
    ),
  );
  await timed("partner_memberships", (progress) =>
    insertAll(
      db,
      partnerMemberships,
      (function* () {
        for (let k = 0; k < userIds.length; k++)
          yield {
            userId: userIds[k]!,
            partnerId: partnerIds[Math.floor(k / perPartner)]!,
            role: k % perPartner === 0 ? ("owner" as const) : ("member" as const),
          };
      })(),
      3,
      progress,
    ),
  );
  await timed("terms_acceptances", (progress) =>
    insertAll(
      db,
      termsAcceptances,
      (function* () {
        for (const userId of userIds)
          yield { userId, termsId: terms!.id, acceptedAt: new Date(now - 20 * DAY), ip: "198.51.100.1" };
      })(),
      4,
      progress,
    ),
  );
  // The bench signs in as the first partners' owners and as staff.
  await db.insert(passwordCredentials).values(
    Array.from({ length: Math.min(BENCH_PARTNER_SESSIONS, partnerCount) }, (_, i) => ({
      userId: userIds[i * perPartner]!,
      hash,
    })),
  );

  // Leads: skewed over partners, spread over every state and three years. The status counters'
  // trigger is off for the bulk load and the counters are rebuilt from the table once at the end.
  const leadCount = count(SCALE_ONE.leads);
  const won: { id: string; partner: number; amount: bigint; currency: string; wonAt: Date; productId: string }[] = [];
  await timed("leads", (progress) =>
    withoutLeadCounters(db, () =>
      withoutPlainIndexes(db, "leads", () =>
        insertAll(
          db,
          leads,
          (function* () {
            for (let n = 0; n < leadCount; n++) {
              const id = uuidFrom(random);
              const partner = skewedPartner(random, partnerCount);
              const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
              const created = new Date(now - Math.floor(random() * 1095 * DAY));
              const currency = pick(random, CURRENCIES);
              const value = BigInt(Math.floor(random() * 90_000 + 1_000)) * 100n;
              const productId = pick(random, productRows).id;
              const decided = new Date(Math.min(now, created.getTime() + Math.floor(random() * 20 + 1) * DAY));
              const closed =
                status === "won" || status === "lost"
                  ? new Date(Math.min(now, decided.getTime() + Math.floor(random() * 60 + 1) * DAY))
                  : null;
              if (status === "won") won.push({ id, partner, amount: value, currency, wonAt: closed!, productId });
              yield {
                id,
                partnerId: partnerIds[partner]!,
                registeredBy: userIds[partner * perPartner]!,
                companyName: `Company ${n}`,
                normalizedName: `company ${n}`,
                website: `https://company-${n}.example`,
                domain: `company-${n}.example`,
                contactName: `Buyer ${n}`,
                contactEmail: `buyer@company-${n}.example`,
                country: pick(random, COUNTRIES),
                productId,
                estimatedValueMinor: value,
                currency,
                expectedCloseDate: new Date(created.getTime() + 90 * DAY).toISOString().slice(0, 10),
                status,
                flagged: status === "submitted" && random() < 0.05,
                reviewedBy: status === "submitted" || status === "withdrawn" ? null : managerId,
                approvedAt: ["approved", "won", "lost", "expired"].includes(status) ? decided : null,
                protectedUntil: ["approved", "won", "lost", "expired"].includes(status)
                  ? new Date(decided.getTime() + 90 * DAY)
                  : null,
                lastActivityAt: closed ?? decided,
                closeReason: status === "rejected" || status === "lost" ? "Bench reason." : null,
                dealAmountMinor: status === "won" ? value : null,
                dealCurrency: status === "won" ? currency : null,
                closedOn: closed ? closed.toISOString().slice(0, 10) : null,
                wonAt: status === "won" ? closed : null,
                createdAt: created,
                updatedAt: closed ?? decided,
              };
            }
          })(),
          31,
          progress,
        ),
      ),
    ),
  );

  // Ledger: a commission per won deal, then older subscription earnings up to the entry count.
  const entryCount = count(SCALE_ONE.ledgerEntries);
  const holdMs = 30 * DAY;
  const stateOf = (at: Date) =>
    at.getTime() + holdMs > now ? ("pending" as const) : random() < 0.7 ? ("paid" as const) : ("payable" as const);
  await timed("ledger_entries", (progress) =>
    withoutPlainIndexes(db, "ledger_entries", () =>
      insertAll(
        db,
        ledgerEntries,
        (function* () {
          let n = 0;
          for (const deal of won) {
            if (n >= entryCount) return;
            const rateBps = [1000, 1200, 1500, 2000][Math.floor(random() * 4)]!;
            n++;
            yield {
              id: uuidFrom(random),
              partnerId: partnerIds[deal.partner]!,
              asset: deal.currency,
              amount: (deal.amount * BigInt(rateBps)) / 10_000n,
              source: "deal" as const,
              state: stateOf(deal.wonAt),
              availableAt: new Date(deal.wonAt.getTime() + holdMs),
              eventKey: `lead:${deal.id}:r0:deal`,
              leadId: deal.id,
              dealRevision: 0,
              rateBps,
              baseAmountMinor: deal.amount,
              createdAt: deal.wonAt,
              stateChangedAt: deal.wonAt,
            };
          }
          while (n < entryCount) {
            const partner = skewedPartner(random, partnerCount);
            const at = new Date(now - Math.floor(random() * 1095 * DAY));
            const clawback = random() < 0.03;
            const amount = BigInt(Math.floor(random() * 50_000 + 500)) * (clawback ? -1n : 1n);
            n++;
            yield {
              id: uuidFrom(random),
              partnerId: partnerIds[partner]!,
              asset: pick(random, CURRENCIES),
              amount,
              source: clawback ? ("clawback" as const) : ("subscription" as const),
              state: stateOf(at),
              availableAt: new Date(at.getTime() + holdMs),
              eventKey: `bench:${n}`,
              createdAt: at,
              stateChangedAt: at,
            };
          }
        })(),
        16,
        progress,
      ),
    ),
  );
  // Balances from the entries themselves, so they agree by construction.
  await timed("ledger_balances", async () => {
    await db.insert(ledgerBalances).select(
      db
        .select({
          partnerId: ledgerEntries.partnerId,
          asset: ledgerEntries.asset,
          state: ledgerEntries.state,
          amount: sql<bigint>`sum(${ledgerEntries.amount})`.as("amount"),
        })
        .from(ledgerEntries)
        .groupBy(ledgerEntries.partnerId, ledgerEntries.asset, ledgerEntries.state),
    );
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerBalances);
    return row?.n ?? 0;
  });

  // Won revenue, what tier numbers are measured on: one standing row per won deal.
  await timed("won_revenue", (progress) =>
    insertAll(
      db,
      wonRevenue,
      (function* () {
        for (const deal of won)
          yield {
            partnerId: partnerIds[deal.partner]!,
            sourceKind: "deal" as const,
            sourceRef: deal.id,
            revision: 0,
            amountMinor: deal.amount,
            currency: deal.currency,
            wonAt: deal.wonAt,
            createdAt: deal.wonAt,
          };
      })(),
      8,
      progress,
    ),
  );

  // Payout accounts: most partners onboarded to Stripe, the rest still to start (the payout preview's not_onboarded).
  await timed("payout_accounts", (progress) =>
    insertAll(
      db,
      payoutAccounts,
      (function* () {
        for (let i = 0; i < partnerCount; i++) {
          if (i % 5 === 4) continue;
          yield {
            partnerId: partnerIds[i]!,
            stripeAccountId: `acct_bench_${i}`,
            onboardingState: i % 20 === 3 ? ("details_needed" as const) : ("enabled" as const),
          };
        }
      })(),
      3,
      progress,
    ),
  );
  // Tier histories: how each partner above the entry tier got there.
  const registered = tierIds.get("registered")!;
  await timed("tier_changes", (progress) =>
    insertAll(
      db,
      tierChanges,
      (function* () {
        for (let i = 0; i < partnerCount; i++) {
          const to = tierIds.get(partnerTier[i]!)!;
          if (to === registered) continue;
          yield {
            partnerId: partnerIds[i]!,
            fromTierId: registered,
            toTierId: to,
            cause: "recompute" as const,
            revenueMinor: BigInt(Math.floor(random() * 500_000)) * 100n,
            currency: "USD",
            wonDeals: Math.floor(random() * 20),
            at: new Date(now - Math.floor(random() * 300) * DAY),
          };
        }
      })(),
      9,
      progress,
    ),
  );
  await timed("customers", (progress) =>
    insertAll(
      db,
      customers,
      (function* () {
        for (let n = 0; n < count(SCALE_ONE.customers); n++)
          yield {
            name: `Customer ${n}`,
            normalizedName: `customer ${n}`,
            domain: `customer-${n}.example`,
            source: "import" as const,
          };
      })(),
      5,
      progress,
    ),
  );
  await timed("audit_log", (progress) =>
    insertAll(
      db,
      auditLog,
      (function* () {
        for (let n = 0; n < count(SCALE_ONE.auditEntries); n++) {
          yield {
            actorId: managerId,
            actorKind: "staff",
            action: pick(random, ["lead.approved", "lead.rejected", "lead.won", "partner.profileUpdated"]),
            entityType: "lead",
            entityId: `bench-${n}`,
            after: { bench: n },
            at: new Date(now - Math.floor(random() * 1095 * DAY)),
          };
        }
      })(),
      7,
      progress,
    ),
  );
  // Statistics for the planner, and the visibility map that lets counts use index-only scans.
  await db.execute(sql`vacuum analyze`);
  return report;
}
