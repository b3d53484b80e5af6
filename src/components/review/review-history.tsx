// Who did what to a submission, visible to the commune and the reviewer alike.
import type { DecisionHistory } from "@/server/review/queries";
import { SUBMISSION_STATUS_LABEL } from "@/domain/labels";
import { formatDateTime } from "@/domain/format";
import { transitionTitle } from "@/domain/reporting/workflow";

export function ReviewHistory({ decisions }: { decisions: DecisionHistory }) {
  if (!decisions.length) return null;
  return (
    <section aria-labelledby="review-history" className="card mb-4">
      <h2 id="review-history" className="mb-2 font-semibold">
        Lịch sử nộp và xét duyệt
      </h2>
      <ol className="space-y-2 text-sm">
        {decisions.map((d) => (
          <li key={d.id} className="border-l-2 border-slate-300 pl-3">
            <div>
              <strong>{transitionTitle(d.action)}</strong> – {d.by}, {formatDateTime(d.at)} ({SUBMISSION_STATUS_LABEL[d.fromStatus]} → {SUBMISSION_STATUS_LABEL[d.toStatus]})
            </div>
            {d.comment && <div className="whitespace-pre-line text-slate-800">“{d.comment}”</div>}
            {d.rowComments.length > 0 && <div className="text-xs text-slate-600">{d.rowComments.length} ý kiến theo dòng</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
