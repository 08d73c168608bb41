"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LiabilityBar } from "./liability-chart";

/** The bars of LiabilityChart (recharts), loaded on their own after the page. */
export default function LiabilityBars({
  bars,
  valueLabel,
  locale,
  rtl,
}: {
  bars: LiabilityBar[];
  valueLabel: string;
  locale: string;
  rtl: boolean;
}) {
  const compact = useMemo(
    () => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }),
    [locale],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
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
  );
}
