// The plan's history (issue 14): versions in force with what each amendment changed, and the
// edits made to its rows, for the commune and the reviewer. Server component.
import type { planHistory } from "@/server/plans/versions";
import { formatDateTime } from "@/domain/format";

const ENTITY: Record<string, string> = { Plan: "Kế hoạch", Indicator: "Chỉ tiêu", Task: "Nhiệm vụ", PlanSection: "Mục" };
const ACTION: Record<string, string> = { create: "thêm", update: "sửa", delete: "xóa", import: "nhập", move: "chuyển vị trí", renumber: "đánh số lại" };

export function PlanHistory({ history }: { history: Awaited<ReturnType<typeof planHistory>> }) {
  if (history.versions.length === 0 && history.edits.length === 0) return null;
  return (
    <section aria-labelledby="plan-history" className="card mb-4 text-sm">
      <h2 id="plan-history" className="mb-2 font-semibold">
        Lịch sử kế hoạch
      </h2>
      {history.versions.length > 0 && (
        <ol className="mb-3 space-y-2">
          {[...history.versions].reverse().map((v) => (
            <li key={v.versionNo}>
              <p>
                <strong>Phiên bản {v.versionNo}</strong>
                {v.versionNo === 1 ? " (ban hành)" : " (điều chỉnh)"} – có hiệu lực từ {formatDateTime(v.at)}
                {v.by ? `, ${v.by}` : ""}
              </p>
              {v.reason && <p className="text-slate-700">Lý do điều chỉnh: {v.reason}</p>}
              {v.changes.length > 0 && (
                <ul className="ml-4 list-disc">
                  {v.changes.map((c, i) => (
                    <li key={i}>
                      {c.row} – {c.what}: {c.before} → <strong>{c.after}</strong>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {history.edits.length > 0 && (
        <details>
          <summary className="cursor-pointer">Các lần sửa kế hoạch ({history.edits.length})</summary>
          <ul className="mt-1 space-y-1">
            {history.edits.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} – {e.by}: {ACTION[e.action] ?? e.action} {(ENTITY[e.entity] ?? e.entity).toLocaleLowerCase("vi-VN")} {e.label}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
