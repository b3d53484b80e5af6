"use client";

// Step 1 of importing a plan: the clerk pastes the document or picks a file; the server reads
// it and answers with what it understood. Nothing is written here.
import { FileInput } from "@/components/ui/file-input";
import { MAX_YEAR, MIN_YEAR } from "@/domain/period";
import { useRef, useState, useTransition } from "react";
import { previewPlanImport, type PlanPreview } from "@/server/plans/import-actions";

export function SourceStep({ onRead, maxUploadMb }: { onRead: (preview: PlanPreview) => void; maxUploadMb: number }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function read(form: HTMLFormElement) {
    const fd = new FormData(form);
    const file = fd.get("file");
    if (file instanceof File && file.size === 0) fd.delete("file");
    if (!String(fd.get("year") ?? "").trim()) fd.delete("year");
    start(async () => {
      const result = await previewPlanImport(fd);
      if (result.ok) {
        setError(null);
        onRead(result.data);
      } else setError(result.fieldErrors && Object.values(result.fieldErrors).length ? `${result.error} ${Object.values(result.fieldErrors).join(" ")}` : result.error);
    });
  }

  return (
    <form
      ref={formRef}
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        read(e.currentTarget);
      }}
      noValidate
    >
      <h2 className="mb-3 text-base font-semibold">1. Văn bản kế hoạch</h2>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div>
          <label htmlFor="import-text" className="label">
            Dán nội dung văn bản
          </label>
          <textarea
            id="import-text"
            name="text"
            rows={12}
            className="input"
            placeholder={"Sao chép cả văn bản (hoặc phụ lục có bảng nhiệm vụ, chỉ tiêu) rồi dán vào đây.\nVí dụ:\nSTT\tNội dung chỉ tiêu\tĐơn vị\tChỉ tiêu năm 2025\t…\n1\tTỷ lệ hồ sơ trực tuyến…\t%\tTối thiểu 60\t…"}
            aria-describedby="import-text-hint"
          />
          <p id="import-text-hint" className="mt-1 text-xs text-slate-600">
            Sao chép từ Word hoặc PDF: các cột của bảng cách nhau bằng dấu tab, như khi dán từ bảng. Phần đầu văn bản (số, ngày, tên kế hoạch) giúp điền sẵn thông tin.
          </p>
        </div>
        <div className="space-y-4">
          <div>
            <label htmlFor="import-file" className="label">
              Hoặc chọn tệp Word / Excel
            </label>
            <FileInput id="import-file" name="file" accept=".docx,.xlsx" describedBy="import-file-hint" />
            <p id="import-file-hint" className="mt-1 text-xs text-slate-600">
              Tệp .docx hoặc .xlsx, tối đa {maxUploadMb} MB. Tệp .doc/.xls cũ: mở bằng Word/Excel và lưu lại dạng mới. Khi đã chọn tệp, nội dung dán bên trái được bỏ qua.
            </p>
          </div>
          <div className="max-w-xs">
            <label htmlFor="import-year" className="label">
              Năm kế hoạch (nếu văn bản không ghi)
            </label>
            <input id="import-year" name="year" type="number" min={MIN_YEAR} max={MAX_YEAR} inputMode="numeric" className="input" />
          </div>
          <p className="rounded border border-slate-200 bg-slate-50 p-2 text-xs text-slate-700">
            Chưa có gì được lưu ở bước này: bạn sẽ xem lại, sửa từng dòng, rồi mới bấm “Lưu kế hoạch”.
          </p>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Đang đọc văn bản…" : "Đọc và xem trước"}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
