import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AlertTriangle, buttonClasses, type ButtonVariant } from "@/components/ui";
import type { PartnerStatus } from "@/server/domains/actor";

/**
 * Where a partner registers or changes leads. Only an active partner may (the server refuses
 * the rest: see partnerProcedure); a suspended one still reads everything, so the way in is shown
 * disabled with the reason beside it rather than as a button the server then refuses.
 */
export const SUSPENDED_NOTICE_ID = "lead-actions-suspended";

export function canChangeLeads(status: PartnerStatus): boolean {
  return status === "active";
}

/** A link to a lead action, or, when the partner may not act, the same button disabled and pointing at the reason. */
export function LeadActionLink({
  href,
  enabled,
  variant = "primary",
  testId,
  children,
}: {
  href: string;
  enabled: boolean;
  variant?: ButtonVariant;
  testId?: string;
  children: ReactNode;
}) {
  if (enabled)
    return (
      <Link href={href} className={buttonClasses(variant)} data-testid={testId}>
        {children}
      </Link>
    );
  // A real disabled button: not focusable by accident, announced as unavailable, and described by the notice.
  return (
    <button
      type="button"
      disabled
      aria-describedby={SUSPENDED_NOTICE_ID}
      className={buttonClasses(variant)}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

/** The reason, said where the action would be. One per page: the disabled buttons point at its id. */
export async function SuspendedNotice({ className }: { className?: string }) {
  const t = await getTranslations("leadsPortal.suspended");
  return (
    <p
      id={SUSPENDED_NOTICE_ID}
      role="note"
      data-testid="lead-actions-suspended"
      className={`flex gap-2 rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800 ${className ?? ""}`}
    >
      <AlertTriangle className="mt-0.5 size-4 shrink-0" />
      <span>{t("notice")}</span>
    </p>
  );
}
