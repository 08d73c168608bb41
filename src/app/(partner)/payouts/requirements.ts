/**
 * Stripe names what it still needs as field paths (`requirements.currently_due`:
 * "individual.verification.document", "external_account", "person_abc.dob.day" …). The owner
 * needs to know what to have at hand, so paths become a short list of things, each a message key
 * under `payoutsPortal.stripe.requirements`; paths we do not recognize are kept as they are.
 */
export const REQUIREMENT_KEYS = [
  "bankAccount",
  "identityDocument",
  "addressDocument",
  "companyDocument",
  "legalName",
  "dateOfBirth",
  "homeAddress",
  "personalId",
  "contactDetails",
  "role",
  "owners",
  "companyName",
  "companyTaxId",
  "companyAddress",
  "companyPhone",
  "website",
  "businessDescription",
  "businessType",
  "terms",
] as const;
export type RequirementKey = (typeof REQUIREMENT_KEYS)[number];

/** A person on the account: the individual, the representative, or a person by id. */
const PERSON = String.raw`(?:individual|representative|person_[A-Za-z0-9]+)`;

const RULES: [RegExp, RequirementKey][] = [
  [/^external_account$/, "bankAccount"],
  [new RegExp(`^${PERSON}\\.verification\\.additional_document`), "addressDocument"],
  [new RegExp(`^${PERSON}\\.verification\\.`), "identityDocument"],
  [/^company\.verification\./, "companyDocument"],
  [new RegExp(`^${PERSON}\\.(?:first_name|last_name|full_name_aliases|first_name_kana|last_name_kana)`), "legalName"],
  [new RegExp(`^${PERSON}\\.dob\\.`), "dateOfBirth"],
  [new RegExp(`^${PERSON}\\.(?:address|registered_address)`), "homeAddress"],
  [new RegExp(`^${PERSON}\\.(?:id_number|ssn_last_4)`), "personalId"],
  [new RegExp(`^${PERSON}\\.(?:email|phone)`), "contactDetails"],
  [new RegExp(`^${PERSON}\\.relationship\\.`), "role"],
  [/^(?:owners|directors|executives)\.|^company\.(?:owners|directors|executives)_provided$/, "owners"],
  [/^company\.(?:name|structure)/, "companyName"],
  [/^company\.(?:tax_id|vat_id)/, "companyTaxId"],
  [/^company\.address/, "companyAddress"],
  [/^company\.phone/, "companyPhone"],
  [/^business_profile\.url/, "website"],
  [/^business_profile\./, "businessDescription"],
  [/^business_type$/, "businessType"],
  [/^tos_acceptance\./, "terms"],
];

/** What Stripe's paths ask for, each thing once, in the order first asked; unknown paths apart. */
export function readableRequirements(paths: readonly string[]): { known: RequirementKey[]; other: string[] } {
  const known: RequirementKey[] = [];
  const other: string[] = [];
  for (const path of paths) {
    const key = RULES.find(([pattern]) => pattern.test(path))?.[1];
    if (key) {
      if (!known.includes(key)) known.push(key);
    } else if (!other.includes(path)) other.push(path);
  }
  return { known, other };
}

/** Stripe's `requirements.disabled_reason` values, grouped into what we can explain. */
export const DISABLED_REASONS = [
  "pastDue",
  "pendingVerification",
  "underReview",
  "rejected",
  "paused",
  "other",
] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

export function disabledReasonOf(reason: string | null): DisabledReason | null {
  if (!reason) return null;
  if (reason === "requirements.past_due" || reason.startsWith("action_required")) return "pastDue";
  if (reason === "requirements.pending_verification") return "pendingVerification";
  if (reason === "under_review" || reason === "listed") return "underReview";
  if (reason.startsWith("rejected.")) return "rejected";
  if (reason === "platform_paused") return "paused";
  return "other";
}
