import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentPropsWithRef<"div">) {
  // min-w-0: as a grid or flex item a card may shrink below its content, so a table inside scrolls in its frame.
  return <div {...props} className={cn("min-w-0 rounded-lg border border-border bg-surface shadow-xs", className)} />;
}

export interface CardHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Heading level for the title (default h2). */
  as?: "h1" | "h2" | "h3";
  /** id for the heading (e.g. for aria-labelledby on a section). */
  titleId?: string;
  className?: string;
}

export function CardHeader({ title, description, actions, as: Heading = "h2", titleId, className }: CardHeaderProps) {
  return (
    <div className={cn("flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-4", className)}>
      <div className="min-w-0">
        <Heading id={titleId} className="text-base font-semibold text-neutral-900">
          {title}
        </Heading>
        {description ? <p className="mt-0.5 text-sm text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div {...props} className={cn("px-5 py-4", className)} />;
}

export function CardFooter({ className, ...props }: ComponentPropsWithRef<"div">) {
  return (
    <div
      {...props}
      className={cn(
        "flex items-center justify-end gap-2 border-t border-border bg-surface-subtle px-5 py-3 rounded-b-lg",
        className,
      )}
    />
  );
}
