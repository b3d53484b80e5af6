"use client";

// One sub-criterion of the assessment: its text, rule and the app's own figure, the scores the
// mode lets one type (self, appraised, explanation, decision), and its evidence.
import type { AssessmentDetail } from "@/server/assessment/queries";
import { describeRule, scoreError } from "@/domain/assessment";
import { AssessmentEvidence } from "./assessment-evidence";
import { parse, show, vi, type Mode, type RowState, type Run, type Sub } from "./form-shared";

export function AssessmentRow({ s, row, set, mode, detail, editableSelf, pending, run }: { s: Sub; row: RowState; set: (p: Partial<RowState>) => void; mode: Mode; detail: AssessmentDetail; editableSelf: boolean; pending: boolean; run: Run }) {
  const sc = s.score!;
  const selfValue = parse(row.score);
  const error = editableSelf && selfValue !== null ? (Number.isNaN(selfValue) ? "Điểm phải là một số." : scoreError(selfValue, s)) : null;
  const needsNote = editableSelf && (selfValue ?? 0) > 0 && sc.evidence.length === 0 && !row.note.trim();
  const lowered = sc.appraisedScore !== null && sc.selfScore !== null && sc.appraisedScore < sc.selfScore;
  const idp = `r-${s.id}`;
  return (
    <div className={`mb-2 rounded border bg-white p-2 text-sm ${lowered ? "border-amber-400" : "border-slate-200"}`} data-code={s.fullCode}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p>
          <strong>{s.code}</strong> {s.text}
        </p>
        <span className="whitespace-nowrap text-xs text-slate-700">
          tối đa {vi(s.maxPoints)}
          {s.allowHalf ? " · bước 0,5" : " · điểm nguyên"}
          {s.scoredBy === "PROVINCE" ? " · tỉnh chấm" : ""}
        </span>
      </div>
      {(s.guidance || s.expectedEvidence) && (
        <p className="mt-0.5 text-xs text-slate-600">
          {s.guidance}
          {s.expectedEvidence ? ` · Kiểm chứng: ${s.expectedEvidence}` : ""}
        </p>
      )}
      {s.rule && (
        <p className="mt-1 rounded bg-blue-50 px-2 py-1 text-xs text-blue-950">
          Quy tắc: {describeRule(s.rule)}.{" "}
          {s.tied ? (
            <>
              Số liệu của xã trong ứng dụng ({s.tied.name.slice(0, 80)}): <strong>{s.tied.value === null ? "chưa có số liệu" : `${vi(s.tied.value)}%`}</strong>
              {s.tied.value !== null && ` (${s.tied.quarters} quý)`}
              {s.proposed !== null && (
                <>
                  {" "}→ điểm đề xuất <strong>{vi(s.proposed)}</strong>
                  {editableSelf && row.score !== show(s.proposed) && (
                    <button type="button" className="ml-2 underline" onClick={() => set({ score: show(s.proposed) })}>
                      Dùng điểm đề xuất
                    </button>
                  )}
                </>
              )}
            </>
          ) : (
            "Kế hoạch của xã chưa có chỉ tiêu tương ứng."
          )}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-start gap-3">
        <div>
          {editableSelf ? <label htmlFor={`${idp}-self`} className="label">Tự chấm</label> : <span className="label">Tự chấm</span>}
          {editableSelf ? (
            <input id={`${idp}-self`} inputMode="decimal" className="input w-20" value={row.score} onChange={(e) => set({ score: e.target.value })} aria-invalid={!!error} aria-describedby={error ? `${idp}-err` : undefined} />
          ) : (
            <p className="font-semibold">{s.scoredBy === "PROVINCE" ? "—" : vi(sc.selfScore)}</p>
          )}
        </div>
        {(mode === "appraise" || detail.appraised) && (
          <div>
            {mode === "appraise" ? <label htmlFor={`${idp}-app`} className="label">Thẩm định</label> : <span className="label">Thẩm định</span>}
            {mode === "appraise" ? (
              <input id={`${idp}-app`} inputMode="decimal" className="input w-20" value={row.appraised} onChange={(e) => set({ appraised: e.target.value })} />
            ) : (
              <p className={`font-semibold ${lowered ? "text-amber-900" : ""}`}>{vi(sc.appraisedScore)}</p>
            )}
          </div>
        )}
        {sc.finalScore !== null && (
          <div>
            <span className="label">Chính thức</span>
            <p className="font-semibold">{vi(sc.finalScore)}</p>
          </div>
        )}
        {mode === "self" && detail.units.length > 0 && (
          <div>
            <label htmlFor={`${idp}-unit`} className="label">Đơn vị phụ trách</label>
            <select id={`${idp}-unit`} className="input max-w-56" value={row.unit} onChange={(e) => set({ unit: e.target.value })}>
              <option value="">— Chưa phân công —</option>
              {detail.units.map((u) => (
                <option key={u.id} value={u.id}>{u.name}</option>
              ))}
            </select>
          </div>
        )}
        {mode === "self" && s.rule && detail.indicators.length > 0 && (
          <div>
            <label htmlFor={`${idp}-ind`} className="label">Chỉ tiêu kế hoạch gắn với tiêu chí</label>
            <select id={`${idp}-ind`} className="input max-w-72" value={row.indicator} onChange={(e) => set({ indicator: e.target.value })}>
              <option value="">{s.tied?.suggested ? `Tự nhận: ${s.tied.name.slice(0, 40)}` : "— Không gắn —"}</option>
              {detail.indicators.map((i) => (
                <option key={i.id} value={i.id}>{i.label}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      {error && <p id={`${idp}-err`} className="mt-1 text-xs text-red-800">{error}</p>}
      {mode === "appraise" && (
        <div className="mt-2">
          <label htmlFor={`${idp}-cmt`} className="label">Nhận xét thẩm định</label>
          <input id={`${idp}-cmt`} className="input" value={row.comment} onChange={(e) => set({ comment: e.target.value })} />
        </div>
      )}
      {mode !== "appraise" && sc.appraisalComment && <p className="mt-1 text-xs text-amber-950">Nhận xét thẩm định: {sc.appraisalComment}</p>}
      {mode === "explain" && sc.appraisedScore !== null && sc.appraisedScore !== sc.selfScore && (
        <div className="mt-2">
          <label htmlFor={`${idp}-exp`} className="label">Giải trình của xã</label>
          <textarea id={`${idp}-exp`} rows={2} className="input" value={row.explanation} onChange={(e) => set({ explanation: e.target.value })} />
        </div>
      )}
      {mode !== "explain" && sc.explanation && <p className="mt-1 text-xs">Giải trình của xã: {sc.explanation}</p>}
      {mode === "decide" && sc.explanation && (
        <div className="mt-2 flex flex-wrap gap-3">
          <div>
            <label htmlFor={`${idp}-dec`} className="label">Quyết định</label>
            <select id={`${idp}-dec`} className="input" value={row.decision} onChange={(e) => set({ decision: e.target.value })}>
              <option value="">— Chọn —</option>
              <option value="ACCEPTED">Chấp nhận giải trình (lấy điểm tự chấm)</option>
              <option value="REJECTED">Giữ điểm thẩm định</option>
            </select>
          </div>
          <div className="grow">
            <label htmlFor={`${idp}-dc`} className="label">Ý kiến</label>
            <input id={`${idp}-dc`} className="input" value={row.decisionComment} onChange={(e) => set({ decisionComment: e.target.value })} />
          </div>
        </div>
      )}
      {mode !== "decide" && sc.decision && <p className="mt-1 text-xs">Tỉnh quyết định: {sc.decision === "ACCEPTED" ? "chấp nhận giải trình" : "giữ điểm thẩm định"}{sc.decisionComment ? ` – ${sc.decisionComment}` : ""}</p>}
      {s.scoredBy === "SELF" && (
        <AssessmentEvidence s={s} editable={editableSelf} detail={detail} pending={pending} run={run} note={row.note} setNote={(note) => set({ note })} needsNote={needsNote} />
      )}
    </div>
  );
}

