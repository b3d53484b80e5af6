// Finding rows (search without diacritics, filters, unit) and the save bar that stays in view.
import { ROW_FILTER_LABEL, type RowFilter, type RowQuery } from "@/domain/reporting/row-filter";
import type { ReportFormApi } from "./use-report-form";

export function RowFinder({ query, onChange, units, shown, total, filters }: { query: RowQuery; onChange: (q: RowQuery) => void; units: { id: string; name: string }[]; shown: number; total: number; filters: RowFilter[] }) {
  return (
    <div className="no-print mb-3 flex flex-wrap items-end gap-x-3 gap-y-2" role="search" aria-label="Tìm dòng trong báo cáo">
      <label className="flex w-full flex-col text-sm sm:w-64">
        <span>Tìm chỉ tiêu, nhiệm vụ</span>
        <input type="search" className="input" value={query.search} placeholder="Ví dụ: ho so truc tuyen" onChange={(e) => onChange({ ...query, search: e.target.value })} />
      </label>
      <label className="flex w-full flex-col text-sm sm:w-auto">
        <span>Lọc</span>
        <select className="input sm:w-auto" aria-label="Lọc các dòng" value={query.filter} onChange={(e) => onChange({ ...query, filter: e.target.value as RowFilter })}>
          {filters.map((f) => (
            <option key={f} value={f}>
              {ROW_FILTER_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-full flex-col text-sm sm:w-auto">
        <span>Đơn vị</span>
        <select className="input sm:w-auto sm:max-w-xs" value={query.unitId} onChange={(e) => onChange({ ...query, unitId: e.target.value })} aria-label="Lọc theo đơn vị phụ trách">
          <option value="">Tất cả các đơn vị</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <p className="text-sm text-slate-700" aria-live="polite">
        Hiện {shown}/{total} dòng
      </p>
    </div>
  );
}

export function SaveBar({ form, canSubmit }: { form: ReportFormApi; canSubmit: boolean }) {
  const { dirtyCount, errorCount, conflicts, pending, message } = form;
  return (
    <div className="no-print sticky bottom-0 z-10 -mx-3 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-300 bg-slate-50/95 px-3 py-2 shadow-[0_-2px_6px_rgba(0,0,0,0.08)]">
      <span className="text-sm text-slate-700" aria-live="polite">
        {dirtyCount ? `${dirtyCount} dòng chưa lưu` : "Không có thay đổi chưa lưu"}
      </span>
      {errorCount > 0 && (
        <button type="button" className="text-sm font-semibold text-red-800 underline" onClick={form.goToFirstError}>
          {errorCount} ô chưa hợp lệ
        </button>
      )}
      {conflicts.size > 0 && <span className="text-sm font-semibold text-amber-900">{conflicts.size} dòng cần chọn số</span>}
      <button type="button" className="btn btn-primary ml-auto" onClick={form.save} disabled={pending || !dirtyCount} aria-keyshortcuts="Control+S">
        {pending ? "Đang lưu…" : "Lưu"}
      </button>
      {canSubmit && (
        <button type="button" className="btn" onClick={form.submit} disabled={pending}>
          Nộp báo cáo
        </button>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
