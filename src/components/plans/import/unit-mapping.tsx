// Step 3 of importing a plan: the unit names the register does not know, each mapped once to a
// unit of the commune (every row naming it follows) or left to be created on saving.
import type { UnitMatch } from "@/domain/plan-import/preview-edit";

interface Props {
  units: { id: string; name: string }[];
  matches: UnitMatch[];
  created: string[];
  unknownPhrases: string[];
  mapped: Record<string, string>;
  setMapped: (mapped: Record<string, string>) => void;
  rowsNaming: (phrase: string) => number;
}

export function UnitMapping({ units, matches, created, unknownPhrases, mapped, setMapped, rowsNaming }: Props) {
  return (
    <section className="card" aria-labelledby="units-heading">
      <h2 id="units-heading" className="text-base font-semibold">
        3. Đơn vị phụ trách
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {matches.length - matches.filter((m) => !m.unitId).length} tên đơn vị khớp với đơn vị đã có của xã (không phân biệt dấu, viết tắt).{" "}
        {created.length === 0 ? (
          <span className="font-medium text-green-800">Không tạo đơn vị mới.</span>
        ) : (
          <span className="font-medium text-blue-900">Khi lưu sẽ tạo {created.length} đơn vị mới:</span>
        )}
      </p>
      {unknownPhrases.length > 0 && (
        <div className="mt-2">
          <p className="text-sm text-slate-700">
            Tên chưa có trong danh mục của xã: chọn đơn vị tương ứng một lần, mọi dòng ghi tên đó đều theo; tên này được ghi nhớ làm tên gọi khác của đơn vị.
          </p>
          <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-200" aria-label="Ghép tên trong văn bản với đơn vị của xã">
            {unknownPhrases.map((phrase, i) => (
              <li key={phrase} className="flex flex-wrap items-center gap-2 px-2 py-1.5 text-sm" data-testid="unit-mapping">
                <label htmlFor={`map-${i}`} className="min-w-0 flex-1">
                  “{phrase}” <span className="text-xs text-slate-600">({rowsNaming(phrase)} dòng)</span>
                </label>
                <select id={`map-${i}`} className="input w-full sm:w-72" value={mapped[phrase] ?? ""} onChange={(e) => setMapped({ ...mapped, [phrase]: e.target.value })}>
                  <option value="">+ Tạo đơn vị mới với tên này</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      = {u.name}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </div>
      )}
      {created.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5 text-sm" aria-label="Đơn vị sẽ tạo mới">
          {created.map((name) => (
            <li key={name} className="rounded border border-blue-300 bg-blue-50 px-2 py-0.5 text-blue-950">
              + {name}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-slate-600">Tên sai hoặc trùng nghĩa với đơn vị đã có: bấm “Sửa” trên dòng và chọn đơn vị trong danh sách.</p>
    </section>
  );
}
