// The frame every table of plan rows shares (the plan page, the editor, the import preview):
// a scrolling box, a caption for screen readers, a header from a column list, and the small
// pieces each row repeats (its number and kind, its warnings).
import type { ReactNode } from "react";
import { ROW_KIND, type RowKind } from "@/domain/plans/row-kinds";

export interface Column {
  label: string;
  className?: string;
  /** Read by screen readers only (an actions column). */
  hidden?: boolean;
}

export function PlanTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table-basic">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.className}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The columns of the editor and the import preview: one row per section, task or indicator. */
export function rowColumns(widths: { deadline: string; units: string; actions: string }): Column[] {
  return [
    { label: "STT", className: "w-20" },
    { label: "Nội dung" },
    { label: "Thời hạn / chỉ tiêu phấn đấu", className: widths.deadline },
    { label: "Đơn vị phụ trách", className: widths.units },
    { label: "Thao tác", className: widths.actions, hidden: true },
  ];
}

const KIND_TONE: Record<RowKind, string> = {
  section: "border-slate-400 bg-white text-slate-800",
  task: "border-blue-300 bg-blue-50 text-blue-900",
  indicator: "border-emerald-300 bg-emerald-50 text-emerald-900",
};

/** The first cell: the row's number as written and what kind of row it is. */
export function CodeAndKind({ code, kind }: { code: string | null; kind: RowKind }) {
  return (
    <>
      <div className="tabular-nums font-medium">{code ?? <span className="text-slate-400">—</span>}</div>
      <div className={`mt-0.5 inline-block whitespace-nowrap rounded border px-1 text-[11px] leading-4 ${KIND_TONE[kind]}`}>{ROW_KIND[kind].label}</div>
    </>
  );
}

/** What the parser doubted on a row, each with an optional way to dismiss it. */
export function WarningList({ warnings, onDismiss }: { warnings: string[]; onDismiss?: (index: number) => void }) {
  if (!warnings.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-amber-900" aria-label="Cảnh báo của dòng">
      {warnings.map((w, i) => (
        <li key={`${i}-${w}`} className="flex items-start gap-1">
          <span aria-hidden>⚠</span>
          <span>{w}</span>
          {onDismiss && (
            <button type="button" className="ml-1 shrink-0 text-brand-700 underline hover:text-brand-800" onClick={() => onDismiss(i)} aria-label={`Bỏ qua cảnh báo: ${w}`}>
              Bỏ qua
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What a unit cell said beyond the units: instructions, a reporting date. */
export function RowNote({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return <p className="mt-1 whitespace-pre-line text-xs text-slate-700">Ghi chú: {text}</p>;
}
