// What only the reviewer's view of a report shows (issue 17), loaded only there (./lazy-parts):
// the note on a report resubmitted after a return, and the row comments sent with the decision.
import { formatDateTime } from "@/domain/format";
import type { ReviewView } from "./report-form";

export function SinceReturnNote({ sinceReturn, filtered, onShowChanged }: { sinceReturn: NonNullable<ReviewView["sinceReturn"]>; filtered: boolean; onShowChanged: () => void }) {
  const changedCount = Object.keys(sinceReturn.byRow).length;
  return (
    <div role="note" className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-sky-500 bg-sky-50 p-3 text-sm text-sky-950">
      <span>
        Nộp lại sau khi trả lại ({sinceReturn.returnedBy}, {formatDateTime(sinceReturn.returnedAt)}):{" "}
        <strong>{changedCount ? `${changedCount} dòng đã sửa` : "không dòng nào thay đổi"}</strong>
        {changedCount > 0 && ", đánh dấu ✎ với giá trị trước → sau."}
      </span>
      {changedCount > 0 && !filtered && (
        <button type="button" className="btn px-2 py-0.5 text-xs" onClick={onShowChanged}>
          Chỉ xem các dòng đã sửa
        </button>
      )}
    </div>
  );
}

/** The comments go with the decision form (HTML form attribute), whichever part is open. */
export function RowCommentInputs({ formId, comments, kindOf }: { formId: string; comments: Record<string, string>; kindOf: (id: string) => string }) {
  return (
    <>
      {Object.entries(comments)
        .filter(([, text]) => text.trim())
        .map(([id, text]) => (
          <input key={id} type="hidden" form={formId} name={`row:${kindOf(id)}:${id}`} value={text} />
        ))}
    </>
  );
}
