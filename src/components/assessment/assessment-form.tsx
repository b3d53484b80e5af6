"use client";

// The assessment as the commune and the province work on it: one block per sub-criterion
// (so it reads on a phone too), live totals per area and overall. What can be typed depends
// on the mode the server chose: self-scoring, explaining, appraising, deciding, or reading.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { AssessmentDetail } from "@/server/assessment/queries";
import { saveSelfAssessment, submitSelfAssessment, attachAssessmentEvidence, attachAssessmentEvidenceFile, detachAssessmentEvidence, saveExplanations, sendExplanations } from "@/server/assessment/self-actions";
import { saveAppraisal, sendAppraisal, decideExplanations, finalizeAssessment } from "@/server/assessment/appraisal-actions";
import type { ActionResult } from "@/server/errors";
import { addScores, describeRule, scoreError, totals } from "@/domain/assessment";
import { DateInput } from "@/components/ui/date-input";
import { FileInput } from "@/components/ui/file-input";

export type Mode = "self" | "explain" | "appraise" | "decide" | "view";

const vi = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("vi-VN", { maximumFractionDigits: 2 }));
const parse = (s: string): number | null => {
  const t = s.trim().replace(",", ".");
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
};
const show = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n).replace(".", ","));

type Sub = AssessmentDetail["areas"][number]["criteria"][number]["subs"][number];
interface RowState {
  score: string;
  note: string;
  unit: string;
  indicator: string;
  appraised: string;
  comment: string;
  explanation: string;
  decision: string;
  decisionComment: string;
}

function initial(s: Sub): RowState {
  const sc = s.score!;
  return {
    score: show(sc.selfScore),
    note: sc.selfNote ?? "",
    unit: sc.responsibleUnitId ?? "",
    indicator: sc.indicatorId ?? "",
    appraised: show(sc.appraisedScore ?? (s.scoredBy === "PROVINCE" ? null : sc.selfScore)),
    comment: sc.appraisalComment ?? "",
    explanation: sc.explanation ?? "",
    decision: sc.decision ?? "",
    decisionComment: sc.decisionComment ?? "",
  };
}

export function AssessmentForm({ detail, mode, canSubmit }: { detail: AssessmentDetail; mode: Mode; canSubmit: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const subs = useMemo(() => detail.areas.flatMap((a) => a.criteria.flatMap((c) => c.subs.map((s) => ({ ...s, areaId: a.id })))).filter((s) => s.score), [detail]);
  const [rows, setRows] = useState<Record<string, RowState>>(() => Object.fromEntries(subs.map((s) => [s.id, initial(s)])));
  const [due, setDue] = useState("");
  const set = (id: string, patch: Partial<RowState>) => setRows((r) => ({ ...r, [id]: { ...r[id], ...patch } }));

  const selfTotals = totals(subs.filter((s) => s.scoredBy === "SELF").map((s) => ({ areaId: s.areaId, maxPoints: s.maxPoints, score: numberOr(parse(rows[s.id].score)) })));
  const appraisedTotals = totals(subs.map((s) => ({ areaId: s.areaId, maxPoints: s.maxPoints, score: numberOr(parse(rows[s.id].appraised)) })));
  const provinceMax = addScores(subs.filter((s) => s.scoredBy === "PROVINCE").map((s) => s.maxPoints));

  function run(fn: () => Promise<ActionResult<unknown>>) {
    start(async () => {
      const r = await fn();
      setMessage({ ok: r.ok, text: r.ok ? (r.message ?? "Đã lưu.") : r.error });
      if (r.ok) router.refresh();
    });
  }

  const editableSelf = (s: Sub) => mode === "self" && s.scoredBy === "SELF";
  const saveSelf = () =>
    run(() =>
      saveSelfAssessment({
        assessmentId: detail.id,
        rows: subs.map((s) => ({ scoreId: s.score!.id, version: s.score!.version, selfScore: s.scoredBy === "SELF" ? rows[s.id].score : null, selfNote: rows[s.id].note, responsibleUnitId: rows[s.id].unit || null, indicatorId: rows[s.id].indicator || null })),
      }),
    );

  return (
    <div className="lg:grid lg:grid-cols-[1fr_16rem] lg:gap-4">
      <div>
        {detail.areas.map((area) => {
          const at = selfTotals.areas.find((a) => a.areaId === area.id);
          const ap = appraisedTotals.areas.find((a) => a.areaId === area.id);
          return (
            <section key={area.id} className="mb-5" aria-labelledby={`area-${area.id}`}>
              <h2 id={`area-${area.id}`} className="sticky top-0 z-10 mb-2 border-b border-slate-300 bg-slate-50 py-1 font-semibold">
                {area.code}. {area.title}{" "}
                <span className="whitespace-nowrap text-sm font-normal text-slate-700">
                  tự chấm {vi(at?.score ?? 0)}/{vi(ap?.max ?? 0)}
                  {mode !== "self" && detail.appraised ? ` · thẩm định ${vi(ap?.score ?? 0)}` : ""}
                </span>
              </h2>
              {area.criteria.map((c) => (
                <div key={c.id} className="mb-2">
                  {(c.subs.length !== 1 || c.subs[0].code !== c.code) && <h3 className="text-sm font-medium text-slate-800">{c.code}. {c.title}</h3>}
                  {c.subs.filter((s) => s.score).map((s) => (
                    <Row key={s.id} s={s} row={rows[s.id]} set={(p) => set(s.id, p)} mode={mode} detail={detail} editableSelf={editableSelf(s)} pending={pending} run={run} />
                  ))}
                </div>
              ))}
            </section>
          );
        })}
      </div>
      <aside className="lg:sticky lg:top-2 lg:self-start" aria-label="Tổng điểm">
        <div className="card text-sm">
          <p className="font-semibold">Tổng điểm</p>
          <p className="mt-1">
            Tự chấm: <strong className="text-lg" data-testid="self-total">{vi(selfTotals.score)}</strong> / {vi(selfTotals.max)}
          </p>
          {provinceMax > 0 && <p className="text-xs text-slate-600">Chưa tính {vi(provinceMax)} điểm do tỉnh chấm (điều tra, khảo sát).</p>}
          {selfTotals.missing > 0 && <p className="text-xs text-amber-900">Còn {selfTotals.missing} tiêu chí chưa tự chấm.</p>}
          {detail.appraised && <p className="mt-1">Thẩm định: <strong>{vi(appraisedTotals.score)}</strong> / {vi(appraisedTotals.max)}</p>}
          {detail.finalTotal !== null && <p className="mt-1">Chính thức: <strong className="text-lg">{vi(detail.finalTotal)}</strong></p>}
          <p className="mt-2 text-xs text-slate-700">
            Mục tiêu kế hoạch: {detail.parTarget ? (detail.parTarget.targetText ?? vi(detail.parTarget.targetValue)) : "kế hoạch chưa có chỉ tiêu Chỉ số CCHC"}
          </p>
          <p className="text-xs text-slate-700">Năm trước (chính thức): {vi(detail.lastYearTotal)}</p>
          {mode === "self" && (
            <div className="mt-3 grid gap-2">
              <button type="button" className="btn btn-primary" disabled={pending} onClick={saveSelf}>
                {pending ? "Đang lưu…" : "Lưu điểm tự chấm"}
              </button>
              {canSubmit && (
                <button type="button" className="btn" disabled={pending} onClick={() => window.confirm("Nộp bản tự chấm cho tỉnh? Sau khi nộp không sửa được nữa.") && run(() => submitSelfAssessment({ assessmentId: detail.id }))}>
                  Nộp bản tự chấm
                </button>
              )}
            </div>
          )}
          {mode === "explain" && (
            <div className="mt-3 grid gap-2">
              <button type="button" className="btn btn-primary" disabled={pending} onClick={() => run(() => saveExplanations({ assessmentId: detail.id, rows: explained(subs, rows) }))}>
                Lưu giải trình
              </button>
              {canSubmit && (
                <button type="button" className="btn" disabled={pending} onClick={() => run(() => sendExplanations({ assessmentId: detail.id, rows: explained(subs, rows) }))}>
                  Gửi giải trình cho tỉnh
                </button>
              )}
            </div>
          )}
          {mode === "appraise" && (
            <div className="mt-3 grid gap-2">
              <button
                type="button"
                className="btn btn-primary"
                disabled={pending}
                onClick={() => run(() => saveAppraisal({ assessmentId: detail.id, rows: subs.map((s) => ({ scoreId: s.score!.id, version: s.score!.version, appraisedScore: rows[s.id].appraised, comment: rows[s.id].comment })) }))}
              >
                Lưu điểm thẩm định
              </button>
              <label htmlFor="due" className="label">Hạn giải trình</label>
              <DateInput id="due" value={due || null} onChange={(iso) => setDue(iso ?? "")} />
              <button type="button" className="btn" disabled={pending} onClick={() => run(() => sendAppraisal({ assessmentId: detail.id, explainDueDate: due }))}>
                Gửi kết quả thẩm định cho xã
              </button>
            </div>
          )}
          {mode === "decide" && (
            <div className="mt-3 grid gap-2">
              <button
                type="button"
                className="btn btn-primary"
                disabled={pending}
                onClick={() => run(() => decideExplanations({ assessmentId: detail.id, rows: subs.filter((s) => s.score!.explanation && rows[s.id].decision).map((s) => ({ scoreId: s.score!.id, decision: rows[s.id].decision as "ACCEPTED" | "REJECTED", comment: rows[s.id].decisionComment })) }))}
              >
                Lưu quyết định
              </button>
              <button type="button" className="btn" disabled={pending} onClick={() => window.confirm("Chốt và công bố điểm chính thức? Sau khi chốt không sửa được.") && run(() => finalizeAssessment({ assessmentId: detail.id }))}>
                Chốt điểm chính thức
              </button>
            </div>
          )}
          {mode === "view" && detail.status === "RETURNED" && (
            <button type="button" className="btn mt-3" disabled={pending} onClick={() => run(() => finalizeAssessment({ assessmentId: detail.id }))}>
              Chốt điểm (khi đã hết hạn giải trình)
            </button>
          )}
          {message && (
            <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
              {message.text}
            </p>
          )}
        </div>
      </aside>
    </div>
  );
}

function numberOr(n: number | null): number | null {
  return n === null || Number.isNaN(n) ? null : n;
}

function explained(subs: Sub[], rows: Record<string, RowState>) {
  return subs.filter((s) => s.score!.appraisedScore !== null).map((s) => ({ scoreId: s.score!.id, explanation: rows[s.id].explanation }));
}

function Row({ s, row, set, mode, detail, editableSelf, pending, run }: { s: Sub; row: RowState; set: (p: Partial<RowState>) => void; mode: Mode; detail: AssessmentDetail; editableSelf: boolean; pending: boolean; run: (fn: () => Promise<ActionResult<unknown>>) => void }) {
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
        <Evidence s={s} editable={editableSelf} detail={detail} pending={pending} run={run} note={row.note} setNote={(note) => set({ note })} needsNote={needsNote} />
      )}
    </div>
  );
}

function Evidence({ s, editable, detail, pending, run, note, setNote, needsNote }: { s: Sub; editable: boolean; detail: AssessmentDetail; pending: boolean; run: (fn: () => Promise<ActionResult<unknown>>) => void; note: string; setNote: (n: string) => void; needsNote: boolean }) {
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
