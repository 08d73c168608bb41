"use client";

import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { X } from "./icons";

export interface DialogProps {
  open: boolean;
  /** Called on Escape, backdrop click, or the close button. Parent should set `open` to false. */
  onClose: () => void;
  title: ReactNode;
  /** Translated aria-label for the close (×) button. */
  closeLabel: string;
  description?: ReactNode;
  /** Action row rendered at the bottom (e.g. Cancel / Confirm buttons). */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  className?: string;
  children?: ReactNode;
}

const sizes = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

/** Modal built on native <dialog>.showModal(): focus trap, inert background and Escape handling are native. */
export function Dialog({
  open,
  onClose,
  title,
  closeLabel,
  description,
  footer,
  size = "md",
  className,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    else if (!open && el.open) el.close();
  }, [open]);

  // Close if unmounted while open (keeps the top layer clean).
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el?.open) el.close();
    };
  }, []);

  function handleBackdropClick(event: MouseEvent<HTMLDialogElement>) {
    if (event.target === event.currentTarget) onClose();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        // Native close (e.g. form method="dialog") while parent still thinks it is open.
        if (open) onClose();
      }}
      onClick={handleBackdropClick}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-xl border border-border bg-surface p-0 text-neutral-900 shadow-lg",
        "backdrop:bg-neutral-950/40 backdrop:backdrop-blur-[1px]",
        sizes[size],
        className,
      )}
    >
      <div className="flex items-start justify-between gap-4 px-5 pt-5">
        <div className="min-w-0">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {description ? (
            <p id={descId} className="mt-1 text-sm text-muted">
              {description}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label={closeLabel}
          className="-me-1.5 -mt-1 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900"
        >
          <X className="size-4" />
        </button>
      </div>
      <div className="px-5 py-4 text-sm">{children}</div>
      {footer ? (
        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border bg-surface-subtle px-5 py-3">
          {footer}
        </div>
      ) : null}
    </dialog>
  );
}
