"use client";

// A small quarter-by-quarter line: the only client JavaScript on the dashboard.
import { Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

const ROMAN = ["", "I", "II", "III", "IV"];

export function TrendChart({ points, percent, label }: { points: { quarter: number; value: number | null }[]; percent: boolean; label: string }) {
  const data = points.map((p) => ({ q: `Q${ROMAN[p.quarter]}`, v: p.value }));
  if (data.every((d) => d.v === null)) return <span className="text-xs text-slate-500">—</span>;
  const text = points.map((p) => `Quý ${ROMAN[p.quarter]}: ${p.value === null ? "chưa có" : p.value.toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + (percent ? "%" : "")}`).join("; ");
  return (
    <div role="img" aria-label={`${label}: ${text}`} title={text}>
      <LineChart width={120} height={36} data={data} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
        <XAxis dataKey="q" hide />
        <YAxis hide domain={percent ? [0, 100] : ["auto", "auto"]} />
        <Tooltip
          formatter={(v) => [`${Number(v).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}${percent ? "%" : ""}`, ""]}
          labelStyle={{ fontSize: 11 }}
          contentStyle={{ fontSize: 11, padding: "2px 6px" }}
        />
        <Line type="monotone" dataKey="v" stroke="#1d5fbf" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
