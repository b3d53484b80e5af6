// A row someone else saved after this page was loaded: mine beside theirs, and the choice.
import type { ConflictRow } from "@/server/reports/actions";

export function ConflictPanel({ conflict, mine, onResolve }: { conflict: ConflictRow; mine: string; onResolve: (c: ConflictRow, choice: "mine" | "theirs") => void }) {
  return (
    <div role="group" aria-label={`Xung đột: ${conflict.name}`} className="mt-2 rounded border-2 border-amber-500 bg-amber-50 p-2 text-sm text-amber-950" data-conflict={conflict.rowId}>
      <p className="font-semibold">Người khác đã sửa dòng này sau khi bạn mở trang.</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt>Của bạn:</dt>
        <dd className="font-medium">{mine}</dd>
        <dt>Của họ:</dt>
        <dd className="font-medium">
          {conflict.current}{" "}
          <span className="font-normal">
            ({conflict.updatedBy}
            {conflict.updatedAt ? `, lúc ${conflict.updatedAt}` : ""})
          </span>
        </dd>
      </dl>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={() => onResolve(conflict, "mine")}>
          Giữ của tôi
        </button>
        <button type="button" className="btn" onClick={() => onResolve(conflict, "theirs")}>
          Lấy của họ
        </button>
      </div>
    </div>
  );
}
