import { and, eq, isNull, sql } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import { defaultLocale, messagesByLocale, type Locale } from "@/i18n/config";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { partnerMemberships, partners, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/integrations/email/outbox";

/** What the emails need of a payout (the caller has the row in hand, inside its transaction). */
export interface PayoutNotice {
  id: string;
  partnerId: string;
  amount: bigint;
  currency: string;
  failureCode?: string | null;
  failureMessage?: string | null;
}

/** The `mail.payoutFailed.reasons` a failure is told with. */
export type PayoutFailureReason = "notOnboarded" | "accountUnavailable" | "reversed" | "programBalance" | "other";

/**
 * Failure codes (ours and Stripe's error codes) in plain words. Stripe's own message is English
 * and written for the platform (it can name our account), so it stays in the payout for finance
 * and never goes to the partner; an unknown code reads as "the payment provider refused it".
 */
const REASON_BY_CODE: Record<string, PayoutFailureReason> = {
  not_onboarded: "notOnboarded",
  account_closed: "accountUnavailable",
  account_invalid: "accountUnavailable",
  insufficient_capabilities_for_transfer: "accountUnavailable",
  transfers_not_allowed: "accountUnavailable",
  transfer_reversed: "reversed",
  balance_insufficient: "programBalance",
  insufficient_funds: "programBalance",
};

export function failureReasonOf(code: string | null | undefined): PayoutFailureReason {
  return (code && REASON_BY_CODE[code]) || "other";
}

function asLocale(value: string | null | undefined): Locale {
  return value === "ar" ? "ar" : "en";
}

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

/**
 * Who hears about a partner's payout: its owners (still active), each in their own language, and
 * the organization's contact address when it is not one of theirs. The contact address reads in
 * the language of the account that has it, if any, else in the first owner's.
 */
async function recipientsOf(tx: Db, partnerId: string): Promise<Recipient[]> {
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
    )
    .orderBy(partnerMemberships.createdAt, users.email);
  const recipients: Recipient[] = owners.map((o) => ({ email: o.email, name: o.name, locale: asLocale(o.locale) }));
  const [partner] = await tx
    .select({ contactEmail: partners.contactEmail })
    .from(partners)
    .where(eq(partners.id, partnerId));
  const contact = partner?.contactEmail?.trim();
  if (contact && !recipients.some((r) => r.email.toLowerCase() === contact.toLowerCase())) {
    const [account] = await tx
      .select({ locale: users.locale })
      .from(users)
      .where(sql`lower(${users.email}) = ${contact.toLowerCase()}`);
    const locale = account ? asLocale(account.locale) : (recipients[0]?.locale ?? defaultLocale);
    // No name: the address is the organization's, so the greeting stays general.
    recipients.push({ email: contact, name: "", locale });
  }
  return recipients;
}

/** A calendar day in the reader's language, in UTC like the pages. */
function dayOf(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(at);
}

/**
 * Tells the partner a payout was sent or failed, in the caller's transaction (an email is queued
 * only if the payout's move commits), one email per recipient in their language: the amount
 * formatted for them, the day, and links to the payouts page and the payout's statement. A
 * failure says why in plain words and what to do.
 */
export async function queuePayoutEmail(tx: Db, payout: PayoutNotice, kind: "sent" | "failed", at: Date): Promise<void> {
  const base = env().APP_URL.replace(/\/+$/, "");
  const url = `${base}/payouts`;
  const clock = { now: () => at };
  for (const person of await recipientsOf(tx, payout.partnerId)) {
    const amount = formatMoney(payout.amount, payout.currency, person.locale);
    if (kind === "sent") {
      await enqueueEmail(
        tx,
        {
          to: person.email,
          locale: person.locale,
          template: "payoutSent",
          params: {
            url,
            name: person.name,
            amount,
            runDate: dayOf(at, person.locale),
            statementUrl: `${base}/api/payouts/${payout.id}/statement`,
          },
        },
        clock,
      );
    } else {
      const t = createTranslator({
        locale: person.locale,
        messages: messagesByLocale[person.locale],
        namespace: "mail.payoutFailed.reasons",
      });
      await enqueueEmail(
        tx,
        {
          to: person.email,
          locale: person.locale,
          template: "payoutFailed",
          params: { url, name: person.name, amount, reason: t(failureReasonOf(payout.failureCode)) },
        },
        clock,
      );
    }
  }
}
