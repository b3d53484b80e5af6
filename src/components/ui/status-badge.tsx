// Indicator status with icon and text, never colour alone. Used by reports and dashboards.
import { STATUS_ICON, STATUS_LABEL, type IndicatorStatus } from "@/domain/evaluation/status";

const TONE: Record<IndicatorStatus, string> = {
  ACHIEVED: "border-green-300 bg-green-50 text-green-900",
  AT_RISK: "border-amber-300 bg-amber-50 text-amber-900",
  NOT_ACHIEVED: "border-red-300 bg-red-50 text-red-900",
  NO_DATA: "border-slate-300 bg-slate-100 text-slate-800",
  NO_TARGET: "border-slate-200 bg-white text-slate-700",
};

export function StatusBadge({ status, title }: { status: IndicatorStatus; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold ${TONE[status]}`}>
      <span aria-hidden>{STATUS_ICON[status]}</span>
      {STATUS_LABEL[status]}
    </span>
  );
}
