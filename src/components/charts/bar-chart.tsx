"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder, WhenVisible } from "./when-visible";
import type { BarDatum } from "./bar-chart-bars";

export type { BarDatum };

// The chart library loads in its own chunk once the chart comes near the screen.
const SimpleBars = dynamic(() => import("./bar-chart-bars"), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});

/** A simple vertical bar chart; labels arrive translated, numbers formatted by the caller's locale. */
export function SimpleBarChart({ data, valueLabel, rtl }: { data: BarDatum[]; valueLabel: string; rtl: boolean }) {
  return (
    <div className="h-64 w-full" dir="ltr">
      <WhenVisible>
        <SimpleBars data={data} valueLabel={valueLabel} rtl={rtl} />
      </WhenVisible>
    </div>
  );
}
