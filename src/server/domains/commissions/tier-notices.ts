import { and, eq, isNull } from "drizzle-orm";
import { partnerMemberships, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { formatCount, formatMoney } from "@/lib/money";
import { enqueueEmail } from "@/server/integrations/email/outbox";
import { missingCertificationsText } from "@/server/integrations/email/templates";
import type { CertificationRequirement } from "./certified";
import type { TierRule } from "./plans";
import type { TierNumbers } from "./tiers";

/** A certification requirement the partner falls short of, with its course's title. */
export type MissingCertification = CertificationRequirement & { have: number; title: string };

/** Plain words, for staff, naming which of the tier's thresholds the numbers missed. */
export function missedThresholds(
  tierName: string,
  rule: Pick<TierRule, "minRevenueMinor" | "minWonDeals"> | undefined,
  numbers: TierNumbers,
): string {
  if (!rule) return `Review: the plan has no ${tierName} rule any more.`;
  const missed: string[] = [];
  if (rule.minRevenueMinor !== null && numbers.revenueMinor < rule.minRevenueMinor)
    missed.push(
      `won revenue ${formatMoney(numbers.revenueMinor, numbers.currency, "en")} of ${formatMoney(rule.minRevenueMinor, numbers.currency, "en")} needed`,
    );
  if (rule.minWonDeals !== null && numbers.wonDeals < rule.minWonDeals)
    missed.push(`won deals ${numbers.wonDeals} of ${rule.minWonDeals} needed`);
  return `Review: below the ${tierName} threshold over the last 12 months: ${missed.join("; ")}.`;
}

/** Plain words, for staff: "Certification: 1 of 2 people certified in Product Fundamentals needed". */
export function missedCertifications(missing: MissingCertification[]): string {
  return missing
    .map(
      (m) =>
        `Certification: ${m.have} of ${m.minPeople} ${m.minPeople === 1 ? "person" : "people"} certified in ${m.title} needed`,
    )
    .join("; ");
}

/** What a demotion email says was behind it: the numbers and the thresholds of the tier left. */
export interface DemotionFacts {
  cause: "review" | "override" | "certification";
  numbers: TierNumbers;
  needed: Pick<TierRule, "minRevenueMinor" | "minWonDeals"> | null;
  /** The certification requirements no longer met (cause `certification`). */
  missing: MissingCertification[];
}

/** Tells the partner's active owners, each in their language, that the tier moved (and why, when down). */
export async function emailOwners(
  tx: Db,
  partnerId: string,
  fromTierKey: string | null,
  toTierKey: string,
  demotion: DemotionFacts | null,
  clock: Clock,
) {
  const owners = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .where(
      and(
        eq(partnerMemberships.partnerId, partnerId),
        eq(partnerMemberships.role, "owner"),
        isNull(users.deactivatedAt),
      ),
    );
  for (const owner of owners) {
    const locale = owner.locale === "ar" ? "ar" : "en";
    const base = {
      url: `${env().APP_URL}/dashboard`,
      name: owner.name,
      fromTier: fromTierKey ?? "",
      toTier: toTierKey,
    };
    await enqueueEmail(
      tx,
      demotion
        ? {
            to: owner.email,
            locale,
            template: "tierDemoted",
            // Amounts are formatted in the reader's language; "none" marks a threshold the tier does not set.
            params: {
              ...base,
              cause: demotion.cause,
              revenue: formatMoney(demotion.numbers.revenueMinor, demotion.numbers.currency, locale),
              wonDeals: formatCount(demotion.numbers.wonDeals, locale),
              needRevenue:
                demotion.needed?.minRevenueMinor != null
                  ? formatMoney(demotion.needed.minRevenueMinor, demotion.numbers.currency, locale)
                  : "none",
              needDeals:
                demotion.needed?.minWonDeals != null ? formatCount(demotion.needed.minWonDeals, locale) : "none",
              certification: missingCertificationsText(
                locale,
                demotion.missing.map((m) => ({ course: m.title, have: m.have, need: m.minPeople })),
              ),
            },
          }
        : { to: owner.email, locale, template: "tierPromoted", params: base },
      clock,
    );
  }
}
