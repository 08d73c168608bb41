import { useFormatter, useTranslations } from "next-intl";
import { Badge, cn } from "@/components/ui";

/** One message of a lead's thread, as `myLeadDetail` and `leadDetail` return it. */
export interface LeadThreadComment {
  id: string;
  authorKind: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
}

/** The conversation between the partner and the program team on one lead, oldest first. */
export function LeadThread({ comments }: { comments: LeadThreadComment[] }) {
  const t = useTranslations("leadsShared.thread");
  const format = useFormatter();
  if (comments.length === 0) {
    return (
      <p
        className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted"
        data-testid="thread-empty"
      >
        {t("empty")}
      </p>
    );
  }
  return (
    <ol className="space-y-3" aria-label={t("title")} data-testid="lead-thread">
      {comments.map((comment) => {
        const staff = comment.authorKind === "staff";
        const side = staff ? t("staff") : t("partner");
        return (
          <li
            key={comment.id}
            className={cn("flex", staff ? "justify-start" : "justify-end")}
            data-testid="thread-comment"
            data-author-kind={staff ? "staff" : "partner"}
          >
            <article
              className={cn(
                "w-full max-w-[85%] rounded-lg border px-4 py-3 shadow-xs",
                staff ? "rounded-ss-sm border-brand-200 bg-brand-50" : "rounded-se-sm border-border bg-surface",
              )}
            >
              <header className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
                <span className="sr-only">{t("from", { side })}</span>
                <span className="font-medium text-neutral-900" dir="auto">
                  {comment.authorName ?? t("formerUser")}
                </span>
                <Badge tone={staff ? "brand" : "neutral"} aria-hidden="true">
                  {side}
                </Badge>
                <time dateTime={comment.createdAt.toISOString()} className="text-muted">
                  {format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </header>
              <p dir="auto" className="text-sm whitespace-pre-wrap break-words text-neutral-900">
                {comment.body}
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
