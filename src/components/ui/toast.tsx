"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { AlertTriangle, Check, X } from "./icons";

export type ToastTone = "neutral" | "success" | "warning" | "danger";

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
}

interface ToastItem extends Required<Pick<ToastOptions, "title" | "tone">> {
  id: number;
  description?: string;
}

export interface ToastContextValue {
  /** Shows a toast; returns its id. Auto-dismisses after 5 s. */
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastContextValue | null>(null);

const DURATION_MS = 5000;

const toneClasses: Record<ToastTone, string> = {
  neutral: "text-neutral-500",
  success: "text-success-600",
  warning: "text-warning-600",
  danger: "text-danger-600",
};

export interface ToastProviderProps {
  children: ReactNode;
  /** Translated aria-label for each toast's dismiss button. */
  dismissLabel: string;
  /** Optional translated aria-label for the live region, e.g. "Notifications". */
  regionLabel?: string;
}

export function ToastProvider({ children, dismissLabel, regionLabel }: ToastProviderProps) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setItems((prev) => prev.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback(
    ({ title, description, tone = "neutral" }: ToastOptions) => {
      const id = nextId.current++;
      setItems((prev) => [...prev, { id, title, description, tone }]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), DURATION_MS),
      );
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const map = timers.current;
    return () => {
      map.forEach((timer) => clearTimeout(timer));
      map.clear();
    };
  }, []);

  const value = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        aria-label={regionLabel}
        role="region"
        className="pointer-events-none fixed bottom-4 end-4 z-50 flex w-[calc(100%-2rem)] max-w-sm flex-col gap-2"
      >
        {items.map((t) => (
          <div
            key={t.id}
            className="pointer-events-auto flex items-start gap-3 rounded-lg border border-border bg-surface p-3 shadow-md"
          >
            {t.tone !== "neutral" ? (
              <span className={cn("mt-0.5", toneClasses[t.tone])}>
                {t.tone === "success" ? <Check className="size-4" /> : <AlertTriangle className="size-4" />}
              </span>
            ) : null}
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium text-neutral-900">{t.title}</p>
              {t.description ? <p className="mt-0.5 text-sm text-muted">{t.description}</p> : null}
            </div>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              aria-label={dismissLabel}
              className="-m-1 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900"
            >
              <X className="size-4" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastContextValue {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast must be used inside <ToastProvider>");
  return ctx;
}
