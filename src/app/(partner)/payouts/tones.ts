import type { BadgeTone } from "@/components/ui";
import type { PayoutState } from "@/server/domains/payouts/run-status";
import type { OnboardingState } from "@/server/domains/payouts/stripe-account";

/** How a payout's state looks wherever it is listed. */
export const PAYOUT_STATE_TONE: Record<PayoutState, BadgeTone> = {
  queued: "neutral",
  processing: "brand",
  paid: "success",
  failed: "danger",
  reversed: "warning",
  cancelled: "neutral",
};

export const ONBOARDING_TONE: Record<OnboardingState, BadgeTone> = {
  not_started: "neutral",
  details_needed: "warning",
  pending_verification: "brand",
  enabled: "success",
  restricted: "danger",
};
