"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EarningsPoint } from "./earnings-chart";

/** Design tokens from tailwind.config.ts (SVG fills cannot take Tailwind classes). */
const COLORS = {
  bar: "#4f46e5", // brand-600
  negative: "#dc2626", // danger-600
  grid: "#e5e5e5", // border
  cursor: "#eef2ff", // brand-50
  tick: "#525252", // muted
} as const;

/** The bars of the earnings chart (recharts), loaded on its own after the page (see EarningsChart). */
export default function EarningsBars({
  points,
  dir,
  locale,
  amountLabel,
}: {
  points: EarningsPoint[];
  dir: "ltr" | "rtl";
  locale: string;
  amountLabel: string;
}) {
  const byMonth = useMemo(() => new Map(points.map((p) => [p.month, p])), [points]);
  const compact = useMemo(
    () => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }),
    [locale],
  );
  const rtl = dir === "rtl";
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
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
                  {amountLabel}: <bdi dir="ltr">{point.formatted}</bdi>
                </p>
              </div>
            ) : null;
          }}
        />
        <Bar dataKey="value" name={amountLabel} radius={[4, 4, 0, 0]} isAnimationActive={false}>
          {points.map((p) => (
            <Cell key={p.month} fill={p.value < 0 ? COLORS.negative : COLORS.bar} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
