// The province's bands (xếp loại) as a small form: one row per band, blank rows to add one;
// clearing a row removes it. Server component; the form itself is the shared ActionForm.
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { updateBands } from "@/server/assessment/band-actions";
import { MAX_BANDS, type Band } from "@/domain/assessment";
import { pts } from "./labels";

export function BandsForm({ setId, version, bands }: { setId: string; version: number; bands: Band[] }) {
  const rows = Array.from({ length: Math.min(MAX_BANDS, bands.length + 2) }, (_, i) => bands[i] ?? null);
  return (
    <details className="card mb-3">
      <summary className="cursor-pointer text-sm font-medium">Sửa các mức xếp loại</summary>
      <p className="mt-1 text-xs text-slate-700">Mỗi mức gồm tên và điểm từ (tính cả điểm đó). Mức thấp nhất bắt đầu từ 0. Để trống cả hai ô của một dòng để bỏ mức đó.</p>
      <ActionForm action={updateBands} submitLabel="Lưu các mức xếp loại" className="mt-2 grid max-w-lg gap-2">
        <input type="hidden" name="setId" value={setId} />
        <input type="hidden" name="version" value={version} />
        {rows.map((b, i) => (
          <fieldset key={i} className="grid grid-cols-[1fr_8rem] gap-2">
            <legend className="sr-only">Mức {i + 1}</legend>
            <TextField id={`band-label-${i}`} name={`label${i}`} label={`Tên mức ${i + 1}`} defaultValue={b?.label ?? ""} />
            <TextField id={`band-min-${i}`} name={`min${i}`} label="Điểm từ" defaultValue={b ? pts(b.min) : ""} />
          </fieldset>
        ))}
      </ActionForm>
    </details>
  );
}
