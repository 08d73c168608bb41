import type { BadgeTone } from "@/components/ui";

/** Badge colours of a certification's status and of a person's progress in a course. */
export const CERT_STATUS_TONE = {
  valid: "success",
  expiringSoon: "warning",
  expired: "neutral",
  revoked: "danger",
} as const satisfies Record<string, BadgeTone>;

export const PROGRESS_TONE = {
  notStarted: "neutral",
  inProgress: "brand",
  certified: "success",
} as const satisfies Record<string, BadgeTone>;

/** Where the PDF of a certification downloads from. */
export const certificateHref = (certificationId: string) => `/api/training/certificates/${certificationId}`;
