// Finding rows (search without diacritics, filters, unit), in every part of the report.
import { ROW_FILTER_LABEL, type RowFilter, type RowQuery } from "@/domain/reporting/row-filter";

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
