import type { BadgeTone } from "@/components/ui";

export const EMAIL_STATUSES = ["queued", "sent", "logged", "failed"] as const;
export const STATUS_TONE: Record<(typeof EMAIL_STATUSES)[number], BadgeTone> = {
  queued: "warning",
  sent: "success",
  logged: "brand",
  failed: "danger",
};
