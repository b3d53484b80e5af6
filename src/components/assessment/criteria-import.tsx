"use client";

// Import of criteria from .xlsx/.docx or a pasted table: preview with warnings, then confirm.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { confirmCriteriaImport, previewCriteriaImport, type CriteriaPreview } from "@/server/assessment/set-actions";
import { FileInput } from "@/components/ui/file-input";
import { subCriteriaOf, sumMaxPoints } from "@/domain/assessment";

const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

export function CriteriaImport({ setId, version }: { setId: string; version: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [preview, setPreview] = useState<CriteriaPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const subs = preview ? subCriteriaOf(preview.structure.areas) : [];
  const total = sumMaxPoints(subs);
  return (
    <div>
      <form
        className="grid gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          fd.set("setId", setId);
          start(async () => {
            setDone(null);
            const r = await previewCriteriaImport(fd);
            if (r.ok) {
              setPreview(r.data);
              setError(null);
            } else setError(r.error);
          });
        }}
      >
        <div>
          <label htmlFor="criteria-file" className="label">Tệp Excel (.xlsx) hoặc Word (.docx)</label>
          <FileInput id="criteria-file" name="file" accept=".xlsx,.docx" />
        </div>
        <div>
          <label htmlFor="criteria-text" className="label">hoặc dán bảng tiêu chí (các cột: STT, Nội dung, Điểm tối đa, Hướng dẫn chấm, Tài liệu kiểm chứng, Đơn vị chấm)</label>
          <textarea id="criteria-text" name="text" rows={4} className="input font-mono text-xs" />
        </div>
        <div>
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Đang đọc…" : "Xem trước"}
          </button>
        </div>
      </form>
      {error && <p role="alert" className="mt-2 text-sm text-red-800">{error}</p>}
      {done && <p role="status" className="mt-2 text-sm text-green-800">{done}</p>}
      {preview && (
        <div className="mt-3">
          <p className="text-sm">
            Đọc được <strong>{preview.structure.areas.length}</strong> lĩnh vực, <strong>{subs.length}</strong> tiêu chí thành phần, tổng <strong>{vi(total)}</strong> điểm
            {preview.sourceName ? ` từ tệp ${preview.sourceName}` : ""}.
          </p>
          {preview.warnings.length > 0 && (
            <ul className="mt-2 list-disc pl-5 text-sm text-amber-900">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          <ul className="mt-2 max-h-64 overflow-auto rounded border border-slate-200 bg-white p-2 text-sm">
            {preview.structure.areas.map((a) => (
              <li key={a.code}>
                <strong>{a.code}. {a.title}</strong> – {a.criteria.reduce((n, c) => n + c.subCriteria.length, 0)} tiêu chí, {vi(sumMaxPoints(subCriteriaOf([a])))} điểm
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-primary mt-2"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await confirmCriteriaImport({ setId, version, structure: preview.structure });
                if (r.ok) {
                  setPreview(null);
                  setDone("Đã nhập bộ tiêu chí.");
                  router.refresh();
                } else setError(r.error);
              })
            }
          >
            Xác nhận nhập (thay toàn bộ tiêu chí của bản nháp)
          </button>
        </div>
      )}
    </div>
  );
}
