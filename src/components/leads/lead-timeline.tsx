import { useFormatter, useTranslations } from "next-intl";
import { AlertTriangle, Check, FileText, Mail, Plus, Users, X, cn, type IconComponent } from "@/components/ui";
import type { LeadStatus } from "./lead-status-badge";

/** One line of a lead's history, as `myLeadDetail` and `leadDetail` return it. */
export interface LeadTimelineEvent {
  id: string;
  kind: string;
  fromStatus: LeadStatus | null;
  toStatus: LeadStatus;
  note: string | null;
  at: Date;
  actorName: string | null;
}

const KNOWN_KINDS = [
  "submitted",
  "approved",
  "rejected",
  "won",
  "lost",
  "expired",
  "withdrawn",
  "edited",
  "info_requested",
  "reassigned",
  "expiry_warned",
  "deal_corrected",
] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];

/** Events the system records on its own: no person stands behind them. */
const SYSTEM_KINDS: readonly string[] = ["expired", "expiry_warned"];

const LOOK: Record<KnownKind, { icon: IconComponent; className: string }> = {
  submitted: { icon: Plus, className: "bg-warning-50 text-warning-800 ring-warning-200" },
  approved: { icon: Check, className: "bg-brand-50 text-brand-700 ring-brand-200" },
  rejected: { icon: X, className: "bg-danger-50 text-danger-700 ring-danger-200" },
  won: { icon: Check, className: "bg-success-50 text-success-700 ring-success-200" },
  lost: { icon: X, className: "bg-danger-50 text-danger-700 ring-danger-200" },
  expired: { icon: AlertTriangle, className: "bg-neutral-100 text-neutral-700 ring-neutral-200" },
  withdrawn: { icon: X, className: "bg-neutral-100 text-neutral-700 ring-neutral-200" },
  edited: { icon: FileText, className: "bg-neutral-100 text-neutral-700 ring-neutral-200" },
  info_requested: { icon: Mail, className: "bg-warning-50 text-warning-800 ring-warning-200" },
  reassigned: { icon: Users, className: "bg-brand-50 text-brand-700 ring-brand-200" },
  expiry_warned: { icon: AlertTriangle, className: "bg-warning-50 text-warning-800 ring-warning-200" },
  deal_corrected: { icon: FileText, className: "bg-success-50 text-success-700 ring-success-200" },
};

const isKnown = (kind: string): kind is KnownKind => (KNOWN_KINDS as readonly string[]).includes(kind);

/** A yyyy-mm-dd day as a Date at its start in UTC, or null when the text is not one. */
function dayOf(text: string | null): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? null : day;
}

/** A lead's history, oldest first: what happened, who did it, when, and the reason or message given. */
export function LeadTimeline({ events }: { events: LeadTimelineEvent[] }) {
  const t = useTranslations("leadsShared.timeline");
  const ts = useTranslations("leadStatus");
  const format = useFormatter();
  if (events.length === 0) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <ol className="space-y-0" data-testid="lead-timeline" aria-label={t("title")}>
      {events.map((event, index) => {
        const known = isKnown(event.kind) ? event.kind : null;
        const look = known
          ? LOOK[known]
          : { icon: FileText, className: "bg-neutral-100 text-neutral-700 ring-neutral-200" };
        const Icon = look.icon;
        const expiresOn = known === "expiry_warned" ? dayOf(event.note) : null;
        const sentence =
          known === "expiry_warned"
            ? expiresOn
              ? t("events.expiry_warned", { date: format.dateTime(expiresOn, { dateStyle: "medium" }) })
              : t("events.expiry_warned_undated")
            : known
              ? t(`events.${known}`)
              : t("events.other", { status: ts(event.toStatus) });
        const who = event.actorName ?? (SYSTEM_KINDS.includes(event.kind) ? t("system") : t("formerUser"));
        const showNote = known !== "expiry_warned" && event.note !== null && event.note.trim() !== "";
        const last = index === events.length - 1;
        return (
          <li
            key={event.id}
            className="relative flex gap-3 pb-5 last:pb-0"
            data-testid="timeline-event"
            data-kind={event.kind}
          >
            {last ? null : (
              <span
                aria-hidden="true"
                className="absolute start-[calc(0.875rem_-_0.5px)] top-8 bottom-0 w-px bg-border"
              />
            )}
            <span
              aria-hidden="true"
              className={cn(
                "relative flex size-7 shrink-0 items-center justify-center rounded-full ring-1 ring-inset",
                look.className,
              )}
            >
              <Icon className="size-3.5" />
            </span>
            <div className="min-w-0 flex-1 pt-0.5">
              <p className="text-sm font-medium text-neutral-900">{sentence}</p>
              <p className="mt-0.5 text-xs text-muted">
                <span dir="auto">{who}</span>
                <span aria-hidden="true"> · </span>
                <span className="sr-only">{t("when")} </span>
                <time dateTime={event.at.toISOString()}>
                  {format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </p>
              {showNote ? (
                <blockquote
                  dir="auto"
                  className="mt-2 rounded-md border-s-2 border-border-strong bg-surface-sunken px-3 py-2 text-sm whitespace-pre-wrap break-words text-neutral-800"
                >
                  {event.note}
                </blockquote>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
