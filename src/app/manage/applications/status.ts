import type { BadgeTone } from "@/components/ui";

export const APPLICATION_STATUSES = ["pending", "approved", "rejected"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_TONE: Record<ApplicationStatus, BadgeTone> = {
  pending: "warning",
  approved: "success",
  rejected: "danger",
};

export { PARTNER_TYPES } from "../partners/status";
