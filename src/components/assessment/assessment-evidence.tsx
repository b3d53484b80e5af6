"use client";

// The evidence of one sub-criterion: the list, and while self-scoring, an upload, a document
// reference, evidence already in the commune's store, or the explanation when there is none.
import { FileInput } from "@/components/ui/file-input";
import { useState } from "react";
import type { AssessmentDetail } from "@/server/assessment/queries";
import { attachAssessmentEvidence, attachAssessmentEvidenceFile, detachAssessmentEvidence } from "@/server/assessment/self-actions";
import type { Run, Sub } from "./form-shared";

export function AssessmentEvidence({ s, editable, detail, pending, run, note, setNote, needsNote }: { s: Sub; editable: boolean; detail: AssessmentDetail; pending: boolean; run: Run; note: string; setNote: (n: string) => void; needsNote: boolean }) {
  const sc = s.score!;
  const idp = `ev-${s.id}`;
  const [existing, setExisting] = useState("");
  return (
    <div className="mt-2 border-t border-slate-100 pt-2">
      <p className="text-xs font-medium">Tài liệu kiểm chứng ({sc.evidence.length})</p>
      {sc.evidence.length > 0 && (
        <ul className="text-xs">
          {sc.evidence.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              {e.hasFile ? <a href={`/api/minh-chung/${e.id}`} className="text-blue-800 underline">{e.fileName}</a> : <span>{[e.docNumber, e.docSummary].filter(Boolean).join(" – ")}</span>}
              {editable && (
                <button type="button" className="text-red-800 underline" disabled={pending} onClick={() => run(() => detachAssessmentEvidence({ assessmentId: detail.id, scoreId: sc.id, evidenceId: e.id }))}>
                  Gỡ
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <>
          <label htmlFor={`${idp}-note`} className="label mt-1">Giải trình khi chưa có tài liệu kiểm chứng{needsNote && <span className="text-red-800"> (bắt buộc khi có điểm)</span>}</label>
          <textarea id={`${idp}-note`} rows={1} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-blue-800">Thêm tài liệu kiểm chứng</summary>
            <div className="mt-1 grid gap-2 sm:grid-cols-3">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const fd = new FormData(e.currentTarget);
                  fd.set("assessmentId", detail.id);
                  fd.set("scoreId", sc.id);
                  run(() => attachAssessmentEvidenceFile(fd));
                }}
              >
                <label htmlFor={`${idp}-file`} className="label">Tải tệp lên</label>
                <FileInput id={`${idp}-file`} name="file" />
                <button type="submit" className="btn mt-1 text-xs" disabled={pending}>Tải lên</button>
              </form>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const fd = new FormData(e.currentTarget);
                  run(() => attachAssessmentEvidence({ assessmentId: detail.id, scoreId: sc.id, docNumber: String(fd.get("docNumber") ?? ""), docSummary: String(fd.get("docSummary") ?? "") }));
                }}
              >
                <label htmlFor={`${idp}-no`} className="label">Văn bản: số, ký hiệu</label>
                <input id={`${idp}-no`} name="docNumber" className="input" />
                <label htmlFor={`${idp}-sum`} className="label">Trích yếu</label>
                <input id={`${idp}-sum`} name="docSummary" className="input" />
                <button type="submit" className="btn mt-1 text-xs" disabled={pending}>Thêm văn bản</button>
              </form>
              {detail.store.length > 0 && (
                <div>
                  <label htmlFor={`${idp}-old`} className="label">Minh chứng đã có của xã</label>
                  <select id={`${idp}-old`} className="input" value={existing} onChange={(e) => setExisting(e.target.value)}>
                    <option value="">— Chọn —</option>
                    {detail.store.map((e) => (
                      <option key={e.id} value={e.id}>{e.label}</option>
                    ))}
                  </select>
                  <button type="button" className="btn mt-1 text-xs" disabled={pending || !existing} onClick={() => run(() => attachAssessmentEvidence({ assessmentId: detail.id, scoreId: sc.id, existingEvidenceId: existing }))}>
                    Gắn
                  </button>
                </div>
              )}
            </div>
          </details>
        </>
      ) : (
        sc.selfNote && <p className="text-xs text-slate-700">Giải trình: {sc.selfNote}</p>
      )}
    </div>
  );
}
