"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder, WhenVisible } from "@/components/charts/when-visible";
import { useId, useState } from "react";
import { Select } from "@/components/ui";

// The chart library is most of this page's JavaScript: it loads in its own chunk once the chart
// comes near the screen, while a placeholder of the chart's size holds its place.
const EarningsBars = dynamic(() => import("./earnings-bars"), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});

/** One month of one asset: `value` is a display-only number for plotting; `formatted` is the exact amount. */
export interface EarningsPoint {
  month: string;
  /** Short axis label ("Jan"). */
  tick: string;
  /** Full label ("January 2026"). */
  label: string;
  value: number;
  formatted: string;
}

export interface EarningsSeries {
  asset: string;
  points: EarningsPoint[];
  /** The chart's text alternative, written on the server in the reader's language. */
  summary: string;
  caption: string;
}

/** Earnings per month as bars, one asset at a time, with a picker when the partner earns in several. */
export function EarningsChart({
  series,
  initialAsset,
  dir,
  locale,
  labels,
}: {
  series: EarningsSeries[];
  initialAsset: string;
  dir: "ltr" | "rtl";
  locale: string;
  labels: { asset: string; month: string; amount: string };
}) {
  const [asset, setAsset] = useState(initialAsset);
  const selectId = useId();
  const current = series.find((s) => s.asset === asset) ?? series[0];
  if (!current) return null;

  return (
    <div>
      {series.length > 1 ? (
        <div className="mb-3 flex items-center gap-2">
          <label htmlFor={selectId} className="text-sm font-medium text-neutral-900">
            {labels.asset}
          </label>
          <Select
            id={selectId}
            value={current.asset}
            onChange={(e) => setAsset(e.target.value)}
            wrapperClassName="w-32"
            data-testid="earnings-asset"
          >
            {series.map((s) => (
              <option key={s.asset} value={s.asset}>
                {s.asset}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {/* The SVG lays out left to right; the axis itself is reversed for right-to-left readers. */}
      <div className="h-64 w-full" dir="ltr" role="img" aria-label={current.summary}>
        <WhenVisible>
          <EarningsBars points={current.points} dir={dir} locale={locale} amountLabel={labels.amount} />
        </WhenVisible>
      </div>
      <table className="sr-only">
        <caption>{current.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.month}</th>
            <th scope="col">{labels.amount}</th>
          </tr>
        </thead>
        <tbody>
          {current.points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{p.label}</th>
              <td>
                <bdi dir="ltr">{p.formatted}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
