import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui";
import type { LeadStatus } from "@/server/domains/leads/history";

export const LEAD_STATUS_TONE: Record<LeadStatus, BadgeTone> = {
  submitted: "warning",
  approved: "brand",
  won: "success",
  rejected: "danger",
  lost: "danger",
  expired: "neutral",
  withdrawn: "neutral",
};

/** A lead's status as a coloured, translated badge; works in server and client components. */
export function LeadStatusBadge({ status, className, "data-testid": testId }: { status: LeadStatus; className?: string; "data-testid"?: string }) {
  const t = useTranslations("leadStatus");
  return (
    <Badge tone={LEAD_STATUS_TONE[status]} className={className} data-testid={testId} data-status={status}>
      {t(status)}
    </Badge>
  );
}
