// The dashboard's task lists (issue 21: render less). Overdue tasks are red items: every one is
// listed, on one line each (what, who leads it, the due date). Tasks due within 30 days are
// counted per lead unit until the list is opened through `?viec=den-han` (a plain link).
import Link from "next/link";
import type { Dashboard } from "@/server/dashboard/queries";
import { taskStatusText } from "@/domain/evaluation/display";
import { formatDate } from "@/domain/format";
import { routes, type PeriodQuery } from "@/domain/routes";

type Task = Dashboard["tasks"]["overdue"][number];

export const DUE_SOON_OPEN = "den-han";

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…` : text);
const due = (t: Task) => (t.dueDate ? formatDate(t.dueDate) : t.deadlineText);

export function OverdueTasks({ tasks }: { tasks: Task[] }) {
  return (
    <section aria-labelledby="overdue" className="card">
      <h2 id="overdue" className="mb-2 font-semibold text-red-900">
        ✖ Nhiệm vụ quá hạn ({tasks.length})
      </h2>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-600">Không có nhiệm vụ quá hạn.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {tasks.map((t) => (
            <li key={t.id} className="py-1">
              {t.code ? `${t.code}. ` : ""}
              {clip(t.content, 120)} <span className="text-slate-700">– {t.leadUnitName ?? "chưa giao"}, hạn {due(t)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DueSoonTasks({ tasks, open, period, donvi }: { tasks: Task[]; open: boolean; period: PeriodQuery; donvi: string | null | undefined }) {
  const href = (viec: string | null) => `${routes.dashboard(period, { viec, donvi })}#due-soon`;
  const perUnit = new Map<string, number>();
  for (const t of tasks) perUnit.set(t.leadUnitName ?? "chưa giao", (perUnit.get(t.leadUnitName ?? "chưa giao") ?? 0) + 1);
  return (
    <section aria-labelledby="due-soon" className="card">
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
        <h2 id="due-soon" className="font-semibold">
          Đến hạn trong 30 ngày ({tasks.length})
        </h2>
        {tasks.length > 0 && (
          <Link className="ml-auto text-sm" href={href(open ? null : DUE_SOON_OPEN)}>
            {open ? "Thu gọn ▴" : "Xem danh sách ▾"}
          </Link>
        )}
      </div>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-600">Không có nhiệm vụ đến hạn trong 30 ngày tới.</p>
      ) : open ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {tasks.map((t) => (
            <li key={t.id} className="py-1.5">
              <div>
                {t.code ? `${t.code}. ` : ""}
                {clip(t.content, 160)}
              </div>
              <div className="text-xs text-slate-600">
                Chủ trì: {t.leadUnitName ?? "chưa giao"} · Hạn: {due(t)} · {taskStatusText(t.status)}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="text-sm">
          {[...perUnit].map(([unit, n]) => (
            <li key={unit}>
              {unit}: <span className="tabular-nums">{n}</span> nhiệm vụ
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
