"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number;
}

/** The bars of SimpleBarChart (recharts), loaded on their own after the page. */
export default function SimpleBars({ data, valueLabel, rtl }: { data: BarDatum[]; valueLabel: string; rtl: boolean }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rtl ? [...data].reverse() : data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e5e5" />
        <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
        <YAxis
          allowDecimals={false}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          width={32}
          orientation={rtl ? "right" : "left"}
        />
        <Tooltip cursor={{ fill: "#eef2ff" }} formatter={(value) => [String(value), valueLabel]} />
        <Bar dataKey="value" name={valueLabel} fill="#4f46e5" radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
