import type { BadgeTone } from "@/components/ui";
import type { RunStatus } from "@/server/domains/payouts/run-status";

export { PAYOUT_STATE_TONE } from "@/app/(partner)/payouts/tones";

export const RUN_STATUS_TONE: Record<RunStatus, BadgeTone> = {
  draft: "warning",
  approved: "brand",
  executing: "brand",
  completed: "success",
  partly_failed: "danger",
  cancelled: "neutral",
};
