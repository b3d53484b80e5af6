// Plain HTML/CSS bars for the survey results (no chart library): readable when printed,
// by screen readers (the numbers are text), and cheap to send.
import { formatNumber, formatPercent } from "@/domain/format";
import { RATING_LABEL } from "@/domain/survey";

export function PercentBar({ value, label }: { value: number | null; label?: string }) {
  return (
    <div className="flex items-center gap-2">
      <div className="h-3 w-14 shrink-0 rounded bg-slate-200 sm:w-28" aria-hidden="true">
        <div className={`h-3 rounded ${value !== null && value >= 90 ? "bg-green-700" : value !== null && value >= 70 ? "bg-amber-500" : "bg-red-700"}`} style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%` }} />
      </div>
      <span className="tabular-nums">{value === null ? "–" : formatPercent(value, { maxDecimals: 1 })}</span>
      {label && <span className="text-xs text-slate-600">{label}</span>}
    </div>
  );
}

/** Counts of ratings 1..5 as a stacked line of text cells. */
export function Distribution({ counts }: { counts: readonly number[] }) {
  const total = counts.reduce((s, v) => s + v, 0);
  return (
    <div className="flex flex-wrap gap-1 text-xs">
      {counts.map((c, i) => (
        <span key={i} title={RATING_LABEL[i + 1]} className={`min-w-10 rounded px-1 py-0.5 text-center tabular-nums ${i < 2 ? "bg-red-50 text-red-900" : i === 2 ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900"}`}>
          {i + 1}★ {formatNumber(c)}
          <span className="sr-only"> phiếu ({RATING_LABEL[i + 1]}){total ? `, ${formatPercent((c * 100) / total, { maxDecimals: 0 })}` : ""}</span>
        </span>
      ))}
    </div>
  );
}
