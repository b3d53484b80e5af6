"use client";

// The opened panel of one report row: its evidence (tài liệu minh chứng: list, upload, written
// reference) and its change history. Loaded with next/dynamic when a row's panel is first
// opened (./evidence-panel.tsx): it is on every row, but few rows are opened in a visit.
// On the commune's own page the evidence list is read from the server when the panel opens.
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { EvidenceItem, HistoryItem } from "@/server/reports/queries";
import { attachEvidenceFile, attachEvidenceReference, deleteEvidence } from "@/server/evidence/actions";
import { rowEvidence } from "@/server/reports/history-actions";
import { formatDate, formatDateTime, formatNumber } from "@/domain/format";
import { ACCEPT_ATTRIBUTE } from "@/domain/file-type";
import { describe, RowHistory } from "./row-history";
import { DateInput } from "@/components/ui/date-input";
import { FileInput } from "@/components/ui/file-input";

export interface RowPanelProps {
  kind: "indicator" | "task";
  rowId: string;
  year: number;
  quarter: number;
  /** null: loaded from the server when the panel opens. */
  evidence: EvidenceItem[] | null;
  editable: boolean;
  history: HistoryItem[];
  savedBy: string | null;
  savedAt: string | null;
  /** The row's stored version (for restoring an earlier value). */
  version?: number | null;
}

export default function RowPanelBody({ kind, rowId, year, quarter, evidence, editable, history, savedBy, savedAt, version = null, onDemand }: RowPanelProps & { onDemand: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loaded, setLoaded] = useState<EvidenceItem[] | null>(null);
  const list = evidence ?? loaded;
  const onDemandEvidence = evidence === null;

  // After a change here the list is read again (the page's refresh brings the new count).
  const reload = () => {
    if (!onDemandEvidence) return;
    start(async () => {
      const result = await rowEvidence({ kind, rowId, year, quarter });
      if (result.ok) setLoaded(result.data);
      else setError(result.error);
    });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the panel is first opened
  useEffect(reload, []);

  function upload(form: HTMLFormElement) {
    const fd = new FormData(form);
    fd.set("year", String(year));
    fd.set("quarter", String(quarter));
    fd.set("kind", kind);
    fd.set("rowId", rowId);
    start(async () => {
      // A body over the server's limit is refused before the action runs (413): no result.
      const result = await attachEvidenceFile(fd).catch(() => ({
        ok: false as const,
        error: "Không gửi được tệp: tệp quá lớn so với giới hạn cho phép hoặc mất kết nối. Vui lòng kiểm tra lại tệp.",
      }));
      if (result.ok) {
        setError(null);
        form.reset();
        reload();
        router.refresh();
      } else setError(result.error);
    });
  }

  function addReference(form: HTMLFormElement) {
    const fd = new FormData(form);
    start(async () => {
      const result = await attachEvidenceReference({
        year,
        quarter,
        kind,
        rowId,
        docNumber: String(fd.get("docNumber") ?? ""),
        docDate: String(fd.get("docDate") ?? "") || undefined,
        docSummary: String(fd.get("docSummary") ?? ""),
      });
      if (result.ok) {
        setError(null);
        setErrors({});
        form.reset();
        reload();
        router.refresh();
      } else {
        setError(result.error);
        setErrors(result.fieldErrors ?? {});
      }
    });
  }

  function remove(id: string) {
    if (!window.confirm("Xóa minh chứng này?")) return;
    start(async () => {
      const result = await deleteEvidence({ id });
      if (result.ok) {
        reload();
        router.refresh();
      } else setError(result.error);
    });
  }

  return (
    <div className="mt-1 w-72 space-y-2 rounded border border-slate-200 bg-white p-2 shadow-sm">
      {savedBy && savedAt && (
        <p className="text-slate-600">
          Lưu gần nhất: {savedBy}, {formatDateTime(savedAt)}
        </p>
      )}
      <ul className="space-y-1">
        {list === null && <li className="text-slate-500">Đang tải minh chứng…</li>}
        {list?.length === 0 && <li className="text-slate-500">Chưa có minh chứng.</li>}
        {list?.map((e) => (
          <li key={e.id} className="flex items-start justify-between gap-2">
            <span>
              {e.fileName ? (
                <a href={`/api/minh-chung/${e.id}`}>
                  📎 {e.fileName}
                  {e.sizeBytes ? ` (${formatNumber(e.sizeBytes / 1024, { maxDecimals: 0 })} KB)` : ""}
                </a>
              ) : (
                <span>
                  📄 {e.docNumber}
                  {e.docDate ? ` ngày ${formatDate(e.docDate)}` : ""}: {e.docSummary}
                </span>
              )}
            </span>
            {editable && (
              <button type="button" className="text-red-700 underline" onClick={() => remove(e.id)} disabled={pending}>
                Xóa
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <>
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              upload(ev.currentTarget);
            }}
            className="space-y-1 border-t border-slate-200 pt-2"
          >
            <label htmlFor={`${rowId}-file`} className="block font-medium">
              Tải tệp lên (PDF, ảnh, Word, Excel; tối đa 10 MB)
            </label>
            <FileInput id={`${rowId}-file`} name="file" required accept={ACCEPT_ATTRIBUTE} />
            <button type="submit" className="btn px-2 py-0.5 text-xs" disabled={pending}>
              Tải lên
            </button>
          </form>
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              addReference(ev.currentTarget);
            }}
            className="space-y-1 border-t border-slate-200 pt-2"
          >
            <p className="font-medium">Hoặc ghi văn bản minh chứng</p>
            <label className="block">
              Số, ký hiệu
              <input name="docNumber" className="input text-xs" placeholder="48/QĐ-UBND" />
            </label>
            {errors.docNumber && <p className="text-red-800">{errors.docNumber}</p>}
            <label className="block">
              Ngày
              <DateInput id={`${rowId}-docdate`} name="docDate" className="input text-xs" />
            </label>
            {errors.docDate && <p className="text-red-800">{errors.docDate}</p>}
            <label className="block">
              Trích yếu
              <input name="docSummary" className="input text-xs" />
            </label>
            {errors.docSummary && <p className="text-red-800">{errors.docSummary}</p>}
            <button type="submit" className="btn px-2 py-0.5 text-xs" disabled={pending}>
              Ghi văn bản
            </button>
          </form>
        </>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {onDemand && savedAt && <RowHistory kind={kind} rowId={rowId} year={year} quarter={quarter} version={version} editable={editable} />}
      {history.length > 0 && (
        <div className="border-t border-slate-200 pt-2">
          <p className="font-medium">Lịch sử thay đổi</p>
          <ul className="space-y-0.5">
            {history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)} – {h.by}: {h.action === "create" ? `nhập ${describe(h.after)}` : `${describe(h.before)} → ${describe(h.after)}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
