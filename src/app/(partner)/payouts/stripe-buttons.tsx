"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { useMutationFeedback } from "@/trpc/use-mutation-feedback";

/**
 * Connect / continue: a fresh account link from the server, then off to Stripe (links are
 * single-use and expire in minutes, so one is made per click, never rendered into the page).
 */
export function StripeOnboardingButton({ label, variant }: { label: string; variant: "primary" | "secondary" }) {
  const t = useTranslations("payoutsPortal.stripe");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const start = useMutation(
    trpc.partner.payouts.startOnboarding.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => feedback.failed(error),
    }),
  );
  // Stays busy after success: the browser is leaving for Stripe.
  const busy = start.isPending || start.isSuccess;
  return (
    <Button variant={variant} loading={busy} onClick={() => start.mutate()} data-testid="stripe-onboarding">
      {label}
      {busy ? <span className="sr-only">{t("redirecting")}</span> : null}
    </Button>
  );
}

/** A one-time login link into the partner's Express dashboard, opened in this tab. */
export function StripeDashboardButton() {
  const t = useTranslations("payoutsPortal.stripe");
  const trpc = useTRPC();
  const feedback = useMutationFeedback();
  const open = useMutation(
    trpc.partner.payouts.dashboardLink.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => feedback.failed(error),
    }),
  );
  return (
    <Button
      variant="secondary"
      loading={open.isPending || open.isSuccess}
      onClick={() => open.mutate()}
      data-testid="stripe-dashboard"
    >
      {t("dashboard")}
    </Button>
  );
}
