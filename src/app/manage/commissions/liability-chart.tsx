"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder, WhenVisible } from "@/components/charts/when-visible";
import { useLocale } from "next-intl";

// The chart library loads in its own chunk once the chart comes near the screen.
const LiabilityBars = dynamic(() => import("./liability-bars"), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});

export interface LiabilityBar {
  /** The state's key (pending, payable, …). */
  key: string;
  /** The state's name, translated. */
  label: string;
  /** The amount in major units, for plotting only: money is never computed from it. */
  value: number;
  /** The exact amount, formatted on the server from the bigint minor units. */
  formatted: string;
}

/**
 * One currency's balances by state as a small bar chart. The chart is an image to assistive
 * technology; its label reads every bar's exact, formatted amount (the text alternative).
 */
export function LiabilityChart({
  summary,
  valueLabel,
  bars,
}: {
  summary: string;
  valueLabel: string;
  bars: LiabilityBar[];
}) {
  const locale = useLocale();
  const rtl = locale === "ar";
  const data = rtl ? [...bars].reverse() : bars;
  const alternative = `${summary}: ${new Intl.ListFormat(locale, { type: "unit" }).format(bars.map((b) => `${b.label} ${b.formatted}`))}`;
  return (
    <div role="img" aria-label={alternative} className="h-40 w-full" dir="ltr" data-testid="liability-chart">
      <WhenVisible>
        <LiabilityBars bars={data} valueLabel={valueLabel} locale={locale} rtl={rtl} />
      </WhenVisible>
    </div>
  );
}
