import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui";

/**
 * How each lead status looks. The statuses are the server's; a page handing in one missing here
 * fails to type-check, so a new status gets its tone (and its `leadStatus.*` message) here first.
 */
export const LEAD_STATUS_TONE = {
  submitted: "warning",
  approved: "brand",
  won: "success",
  rejected: "danger",
  lost: "danger",
  expired: "neutral",
  withdrawn: "neutral",
} as const satisfies Record<string, BadgeTone>;

/** A lead's status, as this badge knows them. */
export type LeadStatus = keyof typeof LEAD_STATUS_TONE;

/** A lead's status as a coloured, translated badge; works in server and client components. */
export function LeadStatusBadge({
  status,
  className,
  "data-testid": testId,
}: {
  status: LeadStatus;
  className?: string;
  "data-testid"?: string;
}) {
  const t = useTranslations("leadStatus");
  return (
    <Badge tone={LEAD_STATUS_TONE[status]} className={className} data-testid={testId} data-status={status}>
      {t(status)}
    </Badge>
  );
}
