import { createTranslator } from "use-intl/core";
import { messagesByLocale, directionOf } from "@/i18n/config";
import type { Locale } from "@/i18n/config";
import { formatCount } from "@/lib/money";

/** Every email we send, with the values its text needs. */
export interface EmailTemplates {
  signInLink: { url: string };
  passwordReset: { url: string; name: string };
  staffInvite: { url: string; name: string; inviter: string; role: string };
  partnerInvite: { url: string; name: string; company: string; inviter: string };
  applicationReceived: { name: string; company: string };
  applicationRejected: { name: string; company: string; reason: string };
  /** Someone applied with an address that has an account: its owner hears, the form says nothing. */
  applicationEmailExists: { url: string; name: string; resetUrl: string };
  /** Someone applied again with the address of an application still waiting for review. */
  applicationAlreadyPending: { name: string; company: string };
  leadReceived: LeadEmail;
  leadApproved: LeadEmail & { protectedUntil: string };
  leadRejected: LeadEmail & { reason: string };
  leadInfoRequested: LeadEmail & { message: string };
  leadReassignedAway: LeadEmail;
  leadReassignedTo: LeadEmail;
  leadWon: LeadEmail & { amount: string };
  leadLost: LeadEmail & { reason: string };
  leadExpiring: LeadEmail & { expiresOn: string };
  leadExpired: LeadEmail;
  leadComment: LeadEmail & { author: string; body: string };
  tierPromoted: { url: string; name: string; fromTier: string; toTier: string };
  /**
   * A tier moved down, at the periodic review or by a manager's override, with the numbers behind
   * it: the partner's won revenue and deals (formatted in the reader's language) against what the
   * tier left needs (`"none"` when that tier sets no such threshold).
   */
  tierDemoted: {
    url: string;
    name: string;
    fromTier: string;
    toTier: string;
    cause: "review" | "override" | "certification";
    revenue: string;
    wonDeals: string;
    needRevenue: string;
    needDeals: string;
    /** Cause `certification`: the requirements no longer met, in plain words (`missingCertificationsText`); else "". */
    certification: string;
  };
  /** A person's certification expires soon (`expiresOn` formatted in the reader's language); `url` is the course. */
  certificationExpiring: { url: string; name: string; course: string; expiresOn: string };
  /** A person's certification has expired; `url` is the course, to take it again. */
  certificationExpired: { url: string; name: string; course: string; expiredOn: string };
  /** Staff revoked a person's certification, with their reason. */
  certificationRevoked: { url: string; name: string; course: string; reason: string };
  /** `url` is the partner's payouts page; amounts and dates come formatted in the reader's language. */
  payoutSent: { url: string; name: string; amount: string; runDate: string; statementUrl: string };
  /** `reason` is already in plain words, in the reader's language. */
  payoutFailed: { url: string; name: string; amount: string; reason: string };
  /** MDF: `url` is the request's page (the console's for managers); `amount` comes formatted in the reader's language. */
  mdfRequestSubmitted: MdfEmail & { company: string; amount: string };
  mdfRequestApproved: MdfEmail & { amount: string };
  mdfRequestRejected: MdfEmail & { reason: string };
  mdfClaimSubmitted: MdfEmail & { company: string; amount: string };
  mdfClaimApproved: MdfEmail & { amount: string };
  mdfClaimRejected: MdfEmail & { reason: string };
}

/** Every MDF email names the campaign and its request number (MDF-0042) and links to the request. */
interface MdfEmail {
  url: string;
  name: string;
  campaign: string;
  number: string;
}

/** Every lead email names the company and links to the lead. */
interface LeadEmail {
  url: string;
  name: string;
  company: string;
}

export type EmailTemplateName = keyof EmailTemplates;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Renders a template in the recipient's language; the words come from messages/<locale>.json. */
export function renderEmail<T extends EmailTemplateName>(
  template: T,
  locale: Locale,
  params: EmailTemplates[T],
): RenderedEmail {
  // Template keys are chosen at run time, so the translator is used untyped here.
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "mail" }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const values: Record<string, string> = { ...params };
  if (template === "tierPromoted" || template === "tierDemoted") {
    // Tier keys become the tier's name in the reader's language.
    const tierParams = params as EmailTemplates["tierPromoted"];
    values.fromTier = tierParams.fromTier ? t(`tiers.${tierParams.fromTier}`) : "";
    values.toTier = t(`tiers.${tierParams.toTier}`);
  }
  if (template === "staffInvite") {
    values.role = t(`roles.${(params as EmailTemplates["staffInvite"]).role}`);
  }
  const subject = t(`${template}.subject`, values);
  // A demotion for a missing certification tells its own story (no revenue review took place).
  const bodyKey =
    template === "tierDemoted" && (params as EmailTemplates["tierDemoted"]).cause === "certification"
      ? "tierDemoted.bodyCertification"
      : `${template}.body`;
  const greeting = "name" in params && params.name ? t("greetingNamed", { name: params.name }) : t("greeting");
  const body = t(bodyKey, values);
  // Templates with a link carry an action button; the others are plain notices.
  const url = "url" in params ? params.url : null;
  const action = url ? t(`${template}.action`) : null;
  const footer = t(`${template}.footer`);
  const signature = t("signature");
  const text = [greeting, "", body, "", ...(url ? [`${action}: ${url}`, ""] : []), footer, "", signature].join("\n");
  const dir = directionOf(locale);
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;color:#171717;background:#fafafa;padding:24px">
<div style="max-width:520px;margin:0 auto;background:#fff;border:1px solid #e5e5e5;border-radius:8px;padding:24px;text-align:start">
<p>${escapeHtml(greeting)}</p><p style="white-space:pre-line">${escapeHtml(body)}</p>
${url && action ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>` : ""}
<p style="color:#525252;font-size:13px">${escapeHtml(footer)}</p><p style="color:#525252;font-size:13px">${escapeHtml(signature)}</p>
</div></body></html>`;
  return { subject, text, html };
}

/**
 * Certification requirements a partner falls short of, in plain words in the reader's language
 * ("1 of 2 people certified in Product Fundamentals"), joined as a list.
 */
export function missingCertificationsText(
  locale: Locale,
  missing: { course: string; have: number; need: number }[],
): string {
  const t = createTranslator({
    locale,
    messages: messagesByLocale[locale],
    namespace: "mail.tierDemoted",
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(
    missing.map((m) =>
      t("certificationMissing", {
        course: m.course,
        have: formatCount(m.have, locale),
        needText: formatCount(m.need, locale),
        need: m.need,
      }),
    ),
  );
}
