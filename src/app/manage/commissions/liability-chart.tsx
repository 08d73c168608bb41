"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

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
  const compact = useMemo(
    () => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }),
    [locale],
  );
  const data = rtl ? [...bars].reverse() : bars;
  const alternative = `${summary}: ${new Intl.ListFormat(locale, { type: "unit" }).format(bars.map((b) => `${b.label} ${b.formatted}`))}`;
  return (
    <div role="img" aria-label={alternative} className="h-40 w-full" dir="ltr" data-testid="liability-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e5e5" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} interval={0} />
          <YAxis
            tickLine={false}
            axisLine={false}
            fontSize={11}
            width={44}
            orientation={rtl ? "right" : "left"}
            tickFormatter={(value: number) => compact.format(value)}
          />
          <Tooltip
            cursor={{ fill: "#eef2ff" }}
            formatter={(_value, _name, item) => [
              bars.find((b) => b.key === (item.payload as LiabilityBar | undefined)?.key)?.formatted ?? "",
              valueLabel,
            ]}
          />
          <Bar dataKey="value" name={valueLabel} fill="#4f46e5" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
