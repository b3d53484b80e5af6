"use client";

// Approve, return with comments (overall and per row), or reopen an approved submission.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { decideSubmission } from "@/server/review/actions";

export interface ReviewRow {
  id: string;
  kind: "indicator" | "task";
  label: string;
}

/** Row comments typed on the rows themselves: fields named row:<kind>:<id> tied to this form by its id. */
function commentsOnRows(form: HTMLFormElement | null) {
  const out: ({ indicatorId: string; comment: string } | { taskId: string; comment: string })[] = [];
  if (!form) return out;
  for (const [key, value] of new FormData(form).entries()) {
    const m = /^row:(indicator|task):(.+)$/.exec(key);
    if (m && typeof value === "string" && value.trim()) out.push(m[1] === "indicator" ? { indicatorId: m[2], comment: value } : { taskId: m[2], comment: value });
  }
  return out;
}

/**
 * `rows`: pick the row of a comment from a list (plans). Without it (reports), comments are
 * written on the rows of the report below, whose fields name this form (`formId`).
 */
export function DecisionForm({ subjectType, subjectId, status, rows, formId }: { subjectType: "plan" | "report"; subjectId: string; status: string; rows?: ReviewRow[]; formId?: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [comment, setComment] = useState("");
  const [rowComments, setRowComments] = useState<{ rowId: string; comment: string }[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (status !== "SUBMITTED" && status !== "APPROVED") {
    // After a decision the form is gone; its outcome stays visible.
    return message ? (
      <p role="status" className="card mb-4 text-sm text-green-800">
        {message.text}
      </p>
    ) : null;
  }

  function decide(decision: "approve" | "return" | "reopen") {
    if (decision === "approve" && !window.confirm("Duyệt hồ sơ này? Hồ sơ đã duyệt sẽ bị khóa.")) return;
    start(async () => {
      const result = await decideSubmission({
        subjectType,
        subjectId,
        decision,
        comment: comment || null,
        rowComments: [
          ...rowComments
            .filter((r) => r.rowId && r.comment.trim())
            .map((r) => {
              const row = rows!.find((x) => x.id === r.rowId)!;
              return row.kind === "indicator" ? { indicatorId: row.id, comment: r.comment } : { taskId: row.id, comment: r.comment };
            }),
          ...commentsOnRows(formRef.current),
        ],
      });
      setMessage(result.ok ? { ok: true, text: result.message ?? "Đã lưu." } : { ok: false, text: result.error });
      if (result.ok) {
        setComment("");
        setRowComments([]);
        router.refresh();
      }
    });
  }

  return (
    <form ref={formRef} id={formId} onSubmit={(e) => e.preventDefault()} aria-labelledby="decision" className="card mb-4 border-brand-600">
      <h2 id="decision" className="mb-2 font-semibold">
        {status === "SUBMITTED" ? "Xét duyệt" : "Mở lại hồ sơ đã duyệt"}
      </h2>
      <label htmlFor="decision-comment" className="label">
        {status === "SUBMITTED" ? "Ý kiến chung (bắt buộc khi trả lại)" : "Lý do mở lại (bắt buộc)"}
      </label>
      <textarea id="decision-comment" className="input" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      {status === "SUBMITTED" && !rows && (
        <p className="mt-2 text-sm text-slate-700">Ý kiến theo dòng (không bắt buộc): bấm “Nhận xét dòng này” ngay trên dòng cần góp ý trong báo cáo bên dưới; các ý kiến được gửi kèm khi trả lại.</p>
      )}
      {status === "SUBMITTED" && rows && (
        <div className="mt-3">
          <p className="label">Ý kiến theo dòng (không bắt buộc)</p>
          {rowComments.map((r, i) => (
            <div key={i} className="mb-2 grid gap-2 md:grid-cols-[1fr_1fr_auto]">
              <label className="sr-only" htmlFor={`row-${i}`}>
                Dòng
              </label>
              <select id={`row-${i}`} className="input" value={r.rowId} onChange={(e) => setRowComments((all) => all.map((x, j) => (j === i ? { ...x, rowId: e.target.value } : x)))}>
                <option value="">— Chọn chỉ tiêu hoặc nhiệm vụ —</option>
                {rows.map((row) => (
                  <option key={row.id} value={row.id}>
                    {row.label}
                  </option>
                ))}
              </select>
              <label className="sr-only" htmlFor={`row-comment-${i}`}>
                Ý kiến cho dòng
              </label>
              <input id={`row-comment-${i}`} className="input" placeholder="Ý kiến cho dòng này" value={r.comment} onChange={(e) => setRowComments((all) => all.map((x, j) => (j === i ? { ...x, comment: e.target.value } : x)))} />
              <button type="button" className="btn" onClick={() => setRowComments((all) => all.filter((_, j) => j !== i))}>
                Bỏ
              </button>
            </div>
          ))}
          <button type="button" className="btn" onClick={() => setRowComments((all) => [...all, { rowId: "", comment: "" }])}>
            + Thêm ý kiến cho một dòng
          </button>
        </div>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {status === "SUBMITTED" ? (
          <>
            <button type="button" className="btn btn-primary" disabled={pending} onClick={() => decide("approve")}>
              ✔ Duyệt
            </button>
            <button type="button" className="btn btn-danger" disabled={pending} onClick={() => decide("return")}>
              ↩ Trả lại
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-danger" disabled={pending} onClick={() => decide("reopen")}>
            Mở lại hồ sơ
          </button>
        )}
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
