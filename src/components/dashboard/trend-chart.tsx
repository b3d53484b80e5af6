// A small quarter-by-quarter line, drawn on the server as SVG: nothing in it needs the browser
// (the values are in its title, which is also its accessible name), so it ships no chart
// library. Kept to a few short attributes: a commune's dashboard draws a couple of hundred.

const ROMAN = ["", "I", "II", "III", "IV"];
const W = 120;
const H = 36;
const PAD = 4;

export function TrendChart({ points, percent, label }: { points: { quarter: number; value: number | null }[]; percent: boolean; label: string }) {
  const known = points.filter((p) => p.value !== null) as { quarter: number; value: number }[];
  if (!known.length) return <span className="text-xs text-slate-500">—</span>;
  const text = points.map((p) => `Quý ${ROMAN[p.quarter]}: ${p.value === null ? "chưa có" : p.value.toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + (percent ? "%" : "")}`).join("; ");
  const values = known.map((p) => p.value);
  const [lo, hi] = percent ? [0, 100] : [Math.min(...values), Math.max(...values)];
  const span = hi - lo || 1;
  // Four quarters across the width, whichever of them have figures; whole pixels.
  const x = (q: number) => Math.round(PAD + ((q - 1) / 3) * (W - 2 * PAD));
  const y = (v: number) => Math.round(H - PAD - ((Math.min(Math.max(v, lo), hi) - lo) / span) * (H - 2 * PAD));
  // A point is a zero-length segment with round caps: one path draws the line and the dots.
  const d = known.map((p, i) => `${i ? "L" : "M"}${x(p.quarter)} ${y(p.value)}`).join("") + known.map((p) => `M${x(p.quarter)} ${y(p.value)}h0`).join("");
  return (
    <svg role="img" width={W} height={H}>
      <title>{`${label}: ${text}`}</title>
      <path d={d} fill="none" stroke="#1d5fbf" strokeWidth={2} strokeLinecap="round" />
    </svg>
  );
}
