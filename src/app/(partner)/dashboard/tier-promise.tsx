import { useFormatter, useTranslations } from "next-intl";
import type { tierPromise } from "@/server/domains/commissions/tiers";

type Promise_ = NonNullable<Awaited<ReturnType<typeof tierPromise>>>;

/**
 * How the partner's tier moves: held until the promised date, promoted at once, moved down only
 * at a review, and what today's numbers would mean at the next one. First on the tier card, so
 * the promise reads before the figures.
 */
export function TierPromise({ promise, tierName }: { promise: Promise_; tierName: (key: string) => string }) {
  const t = useTranslations("tierPromise");
  const format = useFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <section
      aria-labelledby="tier-promise-title"
      className="rounded-md border border-border bg-neutral-50 px-3 py-2 text-sm"
      data-testid="tier-promise"
    >
      <h3 id="tier-promise-title" className="font-medium text-neutral-900">
        {t("title")}
      </h3>
      <ul className="mt-1 space-y-1 text-muted">
        {promise.heldUntil ? (
          <li data-testid="tier-held-until">{t("heldUntil", { date: date(promise.heldUntil) })}</li>
        ) : null}
        <li>{t("promotions")}</li>
        {promise.requiresCertifications ? (
          <li data-testid="tier-certifications-at-once">{t("certificationsAtOnce")}</li>
        ) : null}
        {promise.nextReviewAt ? (
          <>
            <li data-testid="tier-next-review">{t("nextReview", { date: date(promise.nextReviewAt) })}</li>
            <li
              data-testid="tier-review-outlook"
              className={promise.atRisk ? "font-medium text-warning-800" : "text-success-700"}
            >
              {promise.atRisk && promise.reviewTierKey
                ? t("atRisk", { date: date(promise.nextReviewAt), tier: tierName(promise.reviewTierKey) })
                : t("onTrack", { date: date(promise.nextReviewAt) })}
            </li>
          </>
        ) : null}
      </ul>
    </section>
  );
}
