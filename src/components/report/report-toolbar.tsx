// The save bar that stays in view.
import type { ReportFormApi } from "./use-report-form";

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
