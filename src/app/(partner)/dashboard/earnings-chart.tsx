"use client";

import { useId, useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Select } from "@/components/ui";

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

/** Design tokens from tailwind.config.ts (SVG fills cannot take Tailwind classes). */
const COLORS = {
  bar: "#4f46e5", // brand-600
  negative: "#dc2626", // danger-600
  grid: "#e5e5e5", // border
  cursor: "#eef2ff", // brand-50
  tick: "#525252", // muted
} as const;

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
  const byMonth = useMemo(() => new Map((current?.points ?? []).map((p) => [p.month, p])), [current]);
  const compact = useMemo(
    () => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }),
    [locale],
  );
  if (!current) return null;
  const rtl = dir === "rtl";

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
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
          <BarChart data={current.points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={COLORS.grid} />
            <XAxis
              dataKey="month"
              reversed={rtl}
              tickLine={false}
              axisLine={false}
              fontSize={12}
              stroke={COLORS.tick}
              tickFormatter={(m: string) => byMonth.get(m)?.tick ?? m}
            />
            <YAxis
              tickLine={false}
              axisLine={false}
              fontSize={12}
              width={48}
              stroke={COLORS.tick}
              orientation={rtl ? "right" : "left"}
              tickFormatter={(v: number) => compact.format(v)}
            />
            <Tooltip
              cursor={{ fill: COLORS.cursor }}
              content={({ active, label }) => {
                const point = active ? byMonth.get(String(label)) : undefined;
                return point ? (
                  <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md" dir={dir}>
                    <p className="font-medium text-neutral-900">{point.label}</p>
                    <p className="tabular-nums text-muted">
                      {labels.amount}: <bdi dir="ltr">{point.formatted}</bdi>
                    </p>
                  </div>
                ) : null;
              }}
            />
            <Bar dataKey="value" name={labels.amount} radius={[4, 4, 0, 0]} isAnimationActive={false}>
              {current.points.map((p) => (
                <Cell key={p.month} fill={p.value < 0 ? COLORS.negative : COLORS.bar} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
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
