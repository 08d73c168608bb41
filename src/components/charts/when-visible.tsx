"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/** The place a chart holds while its code has not loaded: the chart's own size, gently pulsing. */
export function ChartPlaceholder() {
  return <div className="size-full animate-pulse rounded-md bg-surface-sunken" data-testid="chart-loading" />;
}

/**
 * Renders its children once they come near the screen, and the placeholder until then. A chart's
 * library is loaded by rendering it (next/dynamic), so a chart below the fold costs a phone
 * nothing while the page becomes interactive, and loads as the reader scrolls to it.
 */
export function WhenVisible({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="size-full">
      {visible ? children : <ChartPlaceholder />}
    </div>
  );
}
