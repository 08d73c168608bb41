import { and, asc, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import { customers, leads, partners } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { emailDomain, FREE_MAIL_DOMAINS } from "@/lib/domain-name";

/** The company a lead is about, by the two keys the conflict check compares. */
export interface CompanyKeys {
  domain: string;
  normalizedName: string;
}

export type ConflictRule = "protected" | "customer" | "selfReferral" | "duplicate";

/** Why a registration (or approval) is refused; `field` is the input the partner should look at. */
export interface Refusal {
  rule: ConflictRule;
  code: `lead.conflict.${ConflictRule}`;
  field: "website" | "companyName";
}

export interface ConflictCheck {
  refusal: Refusal | null;
  /** Other partners' leads for the same company still waiting for review, oldest first. */
  pendingElsewhere: { id: string; partnerId: string; createdAt: Date }[];
}

/**
 * Serializes every registration and approval that concerns the same company: two transactions
 * for one domain or name wait for each other, so both can never pass the check. Keys are taken
 * in a fixed order, so two transactions never deadlock on them.
 */
export async function lockCompany(tx: Db, keys: CompanyKeys): Promise<void> {
  const names = [`lead:domain:${keys.domain}`, `lead:name:${keys.normalizedName}`].sort();
  for (const name of names) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}

function sameCompany(keys: CompanyKeys) {
  return or(eq(leads.domain, keys.domain), eq(leads.normalizedName, keys.normalizedName));
}

function fieldOf(keys: CompanyKeys, match: { domain: string | null }): Refusal["field"] {
  return match.domain === keys.domain ? "website" : "companyName";
}

function refuse(rule: ConflictRule, field: Refusal["field"]): Refusal {
  return { rule, code: `lead.conflict.${rule}`, field };
}

export interface ConflictInput {
  partnerId: string;
  keys: CompanyKeys;
  contactEmail: string;
  /** The email of the partner user registering, whose company mailbox domain is also "own". */
  registrantEmail?: string;
  /** The lead being edited or approved, which never conflicts with itself. */
  excludeLeadId?: string;
}

/**
 * The lookups behind the rules, as queries (so a test can EXPLAIN them at scale): each is an
 * index lookup on the company's domain or normalized name.
 */
export function conflictLookups(tx: Db, input: ConflictInput, now: Date) {
  const { keys } = input;
  const notThis = input.excludeLeadId ? ne(leads.id, input.excludeLeadId) : undefined;
  return {
    customer: tx
      .select({ domain: customers.domain })
      .from(customers)
      .where(or(eq(customers.domain, keys.domain), eq(customers.normalizedName, keys.normalizedName)))
      .limit(1),
    protectedLead: tx
      .select({ domain: leads.domain })
      .from(leads)
      .where(
        and(
          sameCompany(keys),
          eq(leads.status, "approved"),
          gt(leads.protectedUntil, now),
          ne(leads.partnerId, input.partnerId),
          notThis,
        ),
      )
      .limit(1),
    duplicate: tx
      .select({ domain: leads.domain })
      .from(leads)
      .where(
        and(
          sameCompany(keys),
          inArray(leads.status, ["submitted", "approved"]),
          eq(leads.partnerId, input.partnerId),
          notThis,
        ),
      )
      .limit(1),
    pendingElsewhere: tx
      .select({ id: leads.id, partnerId: leads.partnerId, createdAt: leads.createdAt })
      .from(leads)
      .where(and(sameCompany(keys), eq(leads.status, "submitted"), ne(leads.partnerId, input.partnerId), notThis))
      .orderBy(asc(leads.createdAt), asc(leads.id)),
  };
}

/**
 * The conflict rules, in the order a partner should hear them. Other partners are never named:
 * the answer says what blocks the lead, not whose it is.
 */
export async function checkConflicts(tx: Db, input: ConflictInput, clock: Clock): Promise<ConflictCheck> {
  const { keys } = input;
  // Self-referral: the partner's own company, by its website or its people's company mailboxes.
  const [partner] = await tx.select({ domain: partners.domain }).from(partners).where(eq(partners.id, input.partnerId));
  const ownDomains = new Set<string>(partner?.domain ? [partner.domain] : []);
  const registrantDomain = input.registrantEmail ? emailDomain(input.registrantEmail) : "";
  if (registrantDomain && !FREE_MAIL_DOMAINS.has(registrantDomain)) ownDomains.add(registrantDomain);
  if (ownDomains.has(keys.domain) || ownDomains.has(emailDomain(input.contactEmail))) {
    return { refusal: refuse("selfReferral", "website"), pendingElsewhere: [] };
  }
  const lookups = conflictLookups(tx, input, clock.now());
  const [customer] = await lookups.customer;
  if (customer) return { refusal: refuse("customer", fieldOf(keys, customer)), pendingElsewhere: [] };
  const [protectedLead] = await lookups.protectedLead;
  if (protectedLead) return { refusal: refuse("protected", fieldOf(keys, protectedLead)), pendingElsewhere: [] };
  const [duplicate] = await lookups.duplicate;
  if (duplicate) return { refusal: refuse("duplicate", fieldOf(keys, duplicate)), pendingElsewhere: [] };
  return { refusal: null, pendingElsewhere: await lookups.pendingElsewhere };
}
