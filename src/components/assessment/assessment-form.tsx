"use client";

// The assessment as the commune and the province work on it: one block per sub-criterion
// (so it reads on a phone too), live totals per area and overall. What can be typed depends
// on the mode the server chose: self-scoring, explaining, appraising, deciding, or reading.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { AssessmentDetail } from "@/server/assessment/queries";
import { saveSelfAssessment, submitSelfAssessment, saveExplanations, sendExplanations } from "@/server/assessment/self-actions";
import { saveAppraisal, sendAppraisal, decideExplanations, finalizeAssessment } from "@/server/assessment/appraisal-actions";
import type { ActionResult } from "@/server/errors";
import { addScores, totals } from "@/domain/assessment";
import { AssessmentRow } from "./assessment-row";
import { initial, numberOr, parse, vi, type Mode, type RowState, type Sub } from "./form-shared";
import { DateInput } from "@/components/ui/date-input";

export type { Mode } from "./form-shared";

type Message = { ok: boolean; text: string } | null;

/**
 * The typed rows start afresh when the stage changes (row versions and what may be typed come
 * from the server), but the answer to the step that changed it must outlive that restart:
 * "Đã nộp bản tự chấm…" is what the chairman needs to read after submitting.
 */
export function AssessmentForm(props: { detail: AssessmentDetail; mode: Mode; canSubmit: boolean }) {
  const [message, setMessage] = useState<Message>(null);
  return <StageForm key={`${props.detail.status}:${props.detail.appraised}`} {...props} message={message} setMessage={setMessage} />;
}

function StageForm({ detail, mode, canSubmit, message, setMessage }: { detail: AssessmentDetail; mode: Mode; canSubmit: boolean; message: Message; setMessage: (m: Message) => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
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
                    <AssessmentRow key={s.id} s={s} row={rows[s.id]} set={(p) => set(s.id, p)} mode={mode} detail={detail} editableSelf={editableSelf(s)} pending={pending} run={run} />
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

function explained(subs: Sub[], rows: Record<string, RowState>) {
  return subs.filter((s) => s.score!.appraisedScore !== null).map((s) => ({ scoreId: s.score!.id, explanation: rows[s.id].explanation }));
}

