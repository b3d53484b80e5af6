// A quarter-by-quarter line, drawn on the server as SVG where it is only looked at (a dashboard
// draws a couple of hundred): no chart library ships. The target (or last year's figure) is a
// dashed line; a quarter without figures is a gap, never bridged; the figures in words are the
// accessible name. Its own module, apart from the interactive chart (trend-chart-full.tsx): a
// page importing a module that imports a client component ships that component's chunks (the
// dashboard carried recharts, ~106 KB gzip, without ever drawing the full chart).
import { trendText } from "@/domain/evaluation/trend";
import type { TrendChartProps } from "./trend-chart-full";

const W = 120;
const H = 36;
const PAD = 4;

export function Sparkline(props: TrendChartProps) {
  const { points, percent, label, target = null, rank = false } = props;
  const known = points.filter((p) => p.value !== null) as { quarter: number; value: number }[];
  if (!known.length) return <span className="text-xs text-slate-500">—</span>;
  const text = trendText(points, percent, target);
  const values = [...known.map((p) => p.value), ...(target ? [target.value] : [])];
  const [lo, hi] = percent ? [0, 100] : [Math.min(0, ...values), Math.max(...values)];
  const span = hi - lo || 1;
  // Four quarters across the width; whole pixels. Ranks: 1 at the top.
  const x = (q: number) => Math.round(PAD + ((q - 1) / 3) * (W - 2 * PAD));
  const y = (v: number) => {
    const share = (Math.min(Math.max(v, lo), hi) - lo) / span;
    return Math.round(rank ? PAD + share * (H - 2 * PAD) : H - PAD - share * (H - 2 * PAD));
  };
  // Segments only between neighbouring quarters that both have figures: a missing quarter is a
  // gap. A point is a zero-length segment with round caps, so one path draws lines and dots.
  let d = "";
  for (const p of known) {
    const joined = known.some((k) => k.quarter === p.quarter - 1);
    d += `${joined ? "L" : "M"}${x(p.quarter)} ${y(p.value)}`;
  }
  d += known.map((p) => `M${x(p.quarter)} ${y(p.value)}h0`).join("");
  return (
    <svg role="img" width={W} height={H}>
      <title>{`${label}: ${text}`}</title>
      {target && <path d={`M${PAD} ${y(target.value)}H${W - PAD}`} stroke="#b45309" strokeWidth={1.5} strokeDasharray="4 3" />}
      <path d={d} fill="none" stroke="#1d5fbf" strokeWidth={2} strokeLinecap="round" />
    </svg>
  );
}
