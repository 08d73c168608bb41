import { getFormatter, getTranslations } from "next-intl/server";
import { AlertTriangle, Badge, Check } from "@/components/ui";
import type { PayoutAccountView } from "@/server/domains/payouts/settings";
import { disabledReasonOf, readableRequirements } from "./requirements";
import { StripeDashboardButton, StripeOnboardingButton } from "./stripe-buttons";
import { ONBOARDING_TONE } from "./tones";

/**
 * The connected Stripe account in plain words: what state it is in, what Stripe still wants
 * (by when), why it is restricted, and the one next step (connect, continue, open the dashboard).
 */
export async function StripeSection({ stripe, canEdit }: { stripe: PayoutAccountView["stripe"]; canEdit: boolean }) {
  const t = await getTranslations("payoutsPortal.stripe");
  const format = await getFormatter();
  const state = stripe.onboardingState;
  const due = readableRequirements(stripe.currentlyDue);
  const reason = disabledReasonOf(stripe.disabledReason);
  const asksForMore = (state === "details_needed" || state === "restricted") && stripe.currentlyDue.length > 0;
  // Stripe's login links work once onboarding has been submitted.
  const dashboard = canEdit && stripe.accountId && state !== "not_started" && state !== "details_needed";

  return (
    <section aria-labelledby="stripe-title" className="space-y-3" data-testid="stripe-section">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="stripe-title" className="text-sm font-semibold text-neutral-900">
          {t("title")}
        </h3>
        <Badge tone={ONBOARDING_TONE[state]} data-testid="stripe-state" data-state={state}>
          {state === "enabled" ? <Check className="size-3" /> : null}
          {t(`states.${state}`)}
        </Badge>
      </div>
      <p className="text-sm text-neutral-700">{t(`explain.${state}`)}</p>

      {state === "restricted" && reason ? (
        <p className="flex gap-2 text-sm text-danger-700" data-testid="stripe-disabled-reason">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" />
          <span>{t(`disabledReasons.${reason}`)}</span>
        </p>
      ) : null}

      {asksForMore ? (
        <div className="rounded-md border border-warning-200 bg-warning-50 p-3 text-sm" data-testid="stripe-due">
          <p className="font-medium text-warning-800">{t("dueTitle")}</p>
          <ul className="mt-1 list-disc space-y-0.5 ps-5 text-neutral-800">
            {due.known.map((key) => (
              <li key={key}>{t(`requirements.${key}`)}</li>
            ))}
            {due.other.length > 0 ? (
              <li>
                {t("requirements.other")}{" "}
                <span className="text-xs text-muted">
                  (
                  {due.other.map((path, i) => (
                    <span key={path}>
                      {i > 0 ? ", " : null}
                      <bdi dir="ltr" className="font-mono">
                        {path}
                      </bdi>
                    </span>
                  ))}
                  )
                </span>
              </li>
            ) : null}
          </ul>
          {stripe.currentDeadline ? (
            <p className="mt-2 font-medium text-warning-800" data-testid="stripe-deadline">
              {t("deadline", { date: format.dateTime(stripe.currentDeadline, { dateStyle: "long" }) })}
            </p>
          ) : null}
        </div>
      ) : null}

      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          {state === "not_started" ? (
            <StripeOnboardingButton label={t("connect")} variant="primary" />
          ) : state === "details_needed" || state === "restricted" ? (
            <StripeOnboardingButton label={t("continue")} variant="primary" />
          ) : null}
          {dashboard ? <StripeDashboardButton /> : null}
        </div>
      ) : null}

      {stripe.syncedAt ? (
        <p className="text-xs text-muted">
          {t("syncedAt", { date: format.dateTime(stripe.syncedAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      ) : null}
    </section>
  );
}
