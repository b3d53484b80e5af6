"use client";

// The indicator page's one large chart (issue 17): labelled axes, the target (or last year's
// figure) as a dashed line, a gap where a quarter has no figure, a tooltip. Recharts ships only
// to that page; the dashboard's many sparklines are server SVG (trend-chart.tsx).
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { trendText, type TrendLine, type TrendPoint } from "@/domain/evaluation/trend";

const ROMAN = ["", "I", "II", "III", "IV"];
const fmt = (v: number, percent: boolean) => `${v.toLocaleString("vi-VN", { maximumFractionDigits: 1 })}${percent ? "%" : ""}`;

export interface TrendChartProps {
  points: TrendPoint[];
  percent: boolean;
  label: string;
  target?: TrendLine | null;
  size?: "spark" | "full";
  /** The value axis of the full chart: "%", "Thứ hạng", the measurement unit. */
  yLabel?: string;
  /** Ranks read best at the top: the axis runs from 1 downwards. */
  rank?: boolean;
}

export function FullTrendChart({ points, percent, label, target = null, size = "spark", yLabel, rank = false }: TrendChartProps) {
  const data = points.map((p) => ({ q: size === "spark" ? `Q${ROMAN[p.quarter]}` : `Quý ${ROMAN[p.quarter]}`, v: p.value }));
  if (data.every((d) => d.v === null)) return <span className="text-xs text-slate-500">—</span>;
  const text = trendText(points, percent, target);
  const values = [...data.map((d) => d.v).filter((v): v is number => v !== null), ...(target ? [target.value] : [])];
  const domain: [number, number] = percent ? [0, 100] : [Math.min(0, ...values), Math.max(...values) * 1.1 || 1];
  const full = size === "full";
  // Ranks: whole places from 1 (the best, at the top) down to the worst shown; recharts' own nice
  // ticks would start the axis at 0, a place nobody holds.
  const rankStep = Math.max(1, Math.ceil(Math.max(...values) / 5));
  const rankTicks = [1, ...Array.from({ length: Math.ceil(Math.max(...values) / rankStep) }, (_, i) => (i + 1) * rankStep).filter((v) => v > 1)];
  if (rankTicks.length === 1) rankTicks.push(2); // a line at first place still needs an axis to sit on
  return (
    <div role="img" aria-label={`${label}: ${text}`} title={text} className={full ? "w-full max-w-2xl" : undefined}>
      <LineChart
        width={full ? "100%" : 132}
        height={full ? 240 : 44}
        data={data}
        accessibilityLayer={false}
        margin={full ? { top: 16, right: 24, bottom: 24, left: 16 } : { top: 4, right: 4, bottom: 2, left: 4 }}
      >
        {full && <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />}
        <XAxis dataKey="q" hide={!full} tick={{ fontSize: 12, fill: "#334155" }} label={full ? { value: "Quý", position: "insideBottom", offset: -12, fontSize: 12, fill: "#334155" } : undefined} />
        <YAxis
          hide={!full}
          reversed={rank}
          domain={rank ? [1, rankTicks[rankTicks.length - 1]] : domain}
          ticks={rank ? rankTicks : undefined}
          allowDecimals={!rank}
          tick={{ fontSize: 12, fill: "#334155" }}
          tickFormatter={(v: number) => fmt(v, percent)}
          label={full && yLabel ? { value: yLabel, angle: -90, position: "insideLeft", offset: 0, fontSize: 12, fill: "#334155" } : undefined}
          width={full ? 56 : 0}
        />
        {target && (
          <ReferenceLine
            y={target.value}
            stroke="#b45309"
            strokeDasharray="4 3"
            strokeWidth={full ? 2 : 1.5}
            ifOverflow="extendDomain"
            label={full ? { value: target.label, position: "insideTopRight", fontSize: 12, fill: "#92400e" } : undefined}
          />
        )}
        <Tooltip
          formatter={(v) => [fmt(Number(v), percent), ""]}
          labelStyle={{ fontSize: 11 }}
          contentStyle={{ fontSize: 11, padding: "2px 6px" }}
        />
        <Line type="linear" dataKey="v" stroke="#1d5fbf" strokeWidth={2} dot={{ r: full ? 4 : 2 }} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
