// A small quarter-by-quarter line, drawn on the server as SVG: nothing in it needs the browser
// (the values are in its label and tooltip), so it ships no chart library to the client.

const ROMAN = ["", "I", "II", "III", "IV"];
const W = 120;
const H = 36;
const PAD = 4;

export function TrendChart({ points, percent, label }: { points: { quarter: number; value: number | null }[]; percent: boolean; label: string }) {
  if (points.every((p) => p.value === null)) return <span className="text-xs text-slate-500">—</span>;
  const text = points.map((p) => `Quý ${ROMAN[p.quarter]}: ${p.value === null ? "chưa có" : p.value.toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + (percent ? "%" : "")}`).join("; ");
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const [lo, hi] = percent ? [0, 100] : [Math.min(...values), Math.max(...values)];
  const span = hi - lo || 1;
  // Four quarters across the width, whichever of them have figures.
  const x = (q: number) => PAD + ((q - 1) / 3) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((Math.min(Math.max(v, lo), hi) - lo) / span) * (H - 2 * PAD);
  const known = points.filter((p) => p.value !== null) as { quarter: number; value: number }[];
  const line = known.map((p, i) => `${i ? "L" : "M"}${x(p.quarter).toFixed(1)} ${y(p.value).toFixed(1)}`).join(" ");
  return (
    <svg role="img" aria-label={`${label}: ${text}`} width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
      <title>{text}</title>
      <path d={line} fill="none" stroke="#1d5fbf" strokeWidth={2} strokeLinejoin="round" />
      {known.map((p) => (
        <circle key={p.quarter} cx={x(p.quarter).toFixed(1)} cy={y(p.value).toFixed(1)} r={2} fill="#1d5fbf" />
      ))}
    </svg>
  );
}
