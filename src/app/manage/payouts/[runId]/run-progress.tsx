"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { PayoutState, RunStatus } from "@/server/domains/payouts/run-status";
import { useTRPC } from "@/trpc/client";

const POLL_MS = 2_000;
/** Segments of the bar, in the order they fill it. */
const SEGMENTS = [
  ["paid", "bg-success-600"],
  ["failed", "bg-danger-600"],
  ["reversed", "bg-warning-500"],
  ["processing", "bg-brand-400"],
] as const satisfies readonly (readonly [PayoutState, string])[];

interface Progress {
  status: RunStatus;
  counts: Record<PayoutState, number>;
  halted: boolean;
}

/**
 * The run's payouts by state as a bar. While the run is approved or executing (and not stopped),
 * it polls the run every 2 s; when the run's status changes, the server page re-renders so its
 * tables and buttons follow.
 */
export function RunProgress({
  runId,
  initial,
  poll,
}: {
  runId: string;
  initial: Progress;
  /** Only an executor with Stripe moves payouts on its own; without it, finance does (and the page refreshes). */
  poll: boolean;
}) {
  const t = useTranslations("payoutsAdmin.progress");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const live = (p: Progress) => poll && (p.status === "approved" || p.status === "executing") && !p.halted;
  const { data } = useQuery({
    ...trpc.manage.payouts.get.queryOptions({ runId }),
    select: (run): Progress => ({ status: run.status, counts: run.counts, halted: run.halt !== null }),
    refetchInterval: (query) => {
      const run = query.state.data;
      const current = run ? { status: run.status, counts: run.counts, halted: run.halt !== null } : initial;
      return live(current) ? POLL_MS : false;
    },
    enabled: live(initial),
  });
  const progress = data ?? initial;

  // The page was rendered for the status it started with; a new status (or a stop) re-renders it.
  const seen = useRef({ status: initial.status, halted: initial.halted });
  useEffect(() => {
    if (progress.status !== seen.current.status || progress.halted !== seen.current.halted) {
      seen.current = { status: progress.status, halted: progress.halted };
      router.refresh();
    }
  }, [progress.status, progress.halted, router]);

  const { counts } = progress;
  const total = counts.queued + counts.processing + counts.paid + counts.failed + counts.reversed;
  const settled = counts.paid + counts.failed + counts.reversed;
  if (total === 0) return null;
  const pct = (n: number) => `${(n / total) * 100}%`;
  const number = (n: number) => format.number(n);

  return (
    <div className="space-y-2" data-testid="run-progress" data-status={progress.status}>
      <div
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={settled}
        aria-valuetext={t("valueText", { settled: number(settled), total: number(total) })}
        className="flex h-3 w-full overflow-hidden rounded-full bg-neutral-100"
      >
        {SEGMENTS.map(([state, color]) =>
          counts[state] > 0 ? (
            <span key={state} className={`h-full ${color} transition-[width]`} style={{ width: pct(counts[state]) }} />
          ) : null,
        )}
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-live="polite" data-testid="run-progress-counts">
        <span className="text-success-700">{t("paid", { count: number(counts.paid) })}</span>
        <span className="text-danger-700">{t("failed", { count: number(counts.failed) })}</span>
        {counts.reversed > 0 ? (
          <span className="text-warning-800">{t("reversed", { count: number(counts.reversed) })}</span>
        ) : null}
        <span className="text-brand-700">{t("processing", { count: number(counts.processing) })}</span>
        <span className="text-muted">{t("queued", { count: number(counts.queued) })}</span>
        {live(progress) ? <span className="text-muted">{t("live")}</span> : null}
      </p>
    </div>
  );
}
