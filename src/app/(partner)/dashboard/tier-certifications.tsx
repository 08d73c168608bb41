import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui";
import type { tierProgress } from "@/server/domains/commissions/queries";

type Progress = NonNullable<Awaited<ReturnType<typeof tierProgress>>>;
type Requirement = NonNullable<Progress["next"]>["certifications"][number];

/** The next tier's certification requirements: how many people are certified against how many it needs. */
export function NextTierCertifications({
  requirements,
  tier,
  otherwiseMet,
}: {
  requirements: Requirement[];
  /** The next tier's name, in the reader's language. */
  tier: string;
  /** Revenue and deals already reach the tier: only certifications stand between. */
  otherwiseMet: boolean;
}) {
  const t = useTranslations("dashboard.tierCard");
  const format = useFormatter();
  if (requirements.length === 0) return null;
  const missing = requirements.filter((r) => r.have < r.needed);
  return (
    <div className="space-y-2" data-testid="tier-progress-certifications">
      <ul className="space-y-2">
        {requirements.map((r) => {
          const percent = Math.min(100, Math.round((r.have / r.needed) * 100));
          const valueText = t("certificationProgress", {
            have: format.number(r.have),
            needed: r.needed,
            course: r.title,
          });
          return (
            <li key={r.courseId} data-testid="tier-certification-requirement">
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <Link href={`/training/${r.courseId}`} className="font-medium text-neutral-900 hover:underline">
                  <bdi>{t("certification", { course: r.title })}</bdi>
                </Link>
                <span className="tabular-nums text-muted">{valueText}</span>
              </div>
              <div
                role="progressbar"
                aria-label={t("certification", { course: r.title })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={valueText}
                className="mt-1.5 h-2 overflow-hidden rounded-full bg-neutral-100"
              >
                <div
                  className={cn("h-full rounded-full", percent >= 100 ? "bg-success-600" : "bg-brand-600")}
                  style={{ width: `${percent}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
      {otherwiseMet && missing.length > 0 ? (
        // The rows above already say what is missing; this says it is all that is missing.
        <p className="text-sm font-medium" data-testid="tier-missing-certifications">
          <Link href="/training" className="text-brand-700 hover:underline">
            {t("missingCertifications", { tier })}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/**
 * The current tier's certification requirements when something threatens them: a needed
 * certification expires within 30 days, or (held by an override) too few people are certified now.
 */
export function CurrentTierCertifications({
  requirements,
  tier,
}: {
  requirements: Progress["certifications"];
  tier: string;
}) {
  const t = useTranslations("dashboard.tierCard");
  const format = useFormatter();
  const notes = requirements.flatMap((r) => {
    if (r.have < r.needed)
      return [
        {
          key: r.courseId,
          text: t("certificationShort", { tier, needed: r.needed, course: r.title, have: format.number(r.have) }),
        },
      ];
    if (r.atRisk && r.expiresAt)
      return [
        {
          key: r.courseId,
          text: t("certificationAtRisk", {
            tier,
            date: format.dateTime(r.expiresAt, { dateStyle: "medium" }),
            haveSoon: format.number(r.haveSoon),
            needed: r.needed,
            course: r.title,
          }),
        },
      ];
    return [];
  });
  if (notes.length === 0) return null;
  return (
    <div
      role="status"
      className="rounded-md border border-warning-200 bg-warning-50 px-3 py-2 text-sm text-warning-800"
      data-testid="tier-certification-risk"
    >
      <ul className="space-y-1">
        {notes.map((n) => (
          <li key={n.key}>{n.text}</li>
        ))}
      </ul>
      <Link href="/training" className="mt-1 inline-block font-medium underline">
        {t("openTraining")}
      </Link>
    </div>
  );
}
