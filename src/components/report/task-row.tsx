// One task of the quarter: progress, result, evidence. A card below 640 px (CSS: .table-cards).
import type { FormTask } from "@/server/reports/form-data";
import type { ConflictRow } from "@/server/reports/actions";
import { TASK_STATUS_ICON, TASK_STATUS_LABEL, type TaskStatus } from "@/domain/evaluation/tasks";
import { taskStatusText } from "@/domain/evaluation/display";
import type { TaskDraft } from "@/domain/reporting/drafts";
import { formatDate } from "@/domain/format";
import type { SnapshotChange } from "@/domain/reporting/snapshot";
import type { RowCommenting } from "@/components/review/row-review";
import { ChangedSinceReturn, ConflictPanel, RowComment } from "./lazy-parts";
import { EvidencePanel } from "./evidence-panel";
import { ExplanationFields, FieldMessage, ReviewNote, moveDown } from "./fields";

/** About what two lines of the requirement column hold. */
const REQUIREMENT_CLAMP = 80;

export interface TaskRowProps {
  task: FormTask;
  /** A short unique prefix for the row's element ids (see IndicatorRowProps.domId). */
  domId: string;
  draft: TaskDraft;
  onChange: (d: TaskDraft) => void;
  quarter: number;
  year: number;
  editable: boolean;
  errorOf: (key: string) => string | undefined;
  overdue: boolean;
  reviewComment?: string;
  /** Reviewer's view: changes since the report was returned, and a comment on this row. */
  changes?: SnapshotChange[];
  commenting?: RowCommenting;
  conflict?: ConflictRow;
  onResolve: (c: ConflictRow, choice: "mine" | "theirs") => void;
}

export function TaskRow({ task, domId, draft, onChange, quarter, year, editable, errorOf, overdue, reviewComment, changes, commenting, conflict, onResolve }: TaskRowProps) {
  const key = (f: string) => `tasks.${task.id}.${f}`;
  const set = (patch: Partial<TaskDraft>) => onChange({ ...draft, ...patch });
  return (
    <tr data-row={task.id} className={conflict ? "bg-amber-50/60" : overdue ? "bg-red-50/60" : changes?.length ? "bg-sky-50/50" : undefined}>
      <td className="card-hide tabular-nums">{task.code}</td>
      <td>
        <div className="whitespace-pre-line">
          <span className="font-medium sm:hidden">{task.code ? `${task.code}. ` : ""}</span>
          {task.content}
        </div>
        <div className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600">
          {/* One text node each (no React separators): these lines are on every row. */}
          {task.leadUnitName && <span>{`Chủ trì: ${task.leadUnitName}`}</span>}
          {task.deadlineText && <span>{`Thời hạn: ${task.deadlineText}${task.dueDate ? ` (${formatDate(task.dueDate)})` : ""}`}</span>}
        </div>
        {overdue && <div className="mt-1 text-xs font-semibold text-red-800">✖ Quá hạn, chưa hoàn thành</div>}
        {overdue && <ExplanationFields id={domId} cause={draft.cause} remedy={draft.remedy} onChange={set} editable={editable} />}
        <ReviewNote text={reviewComment} />
        {!!changes?.length && <ChangedSinceReturn changes={changes} />}
        {commenting && <RowComment commenting={commenting} rowName={`${task.code ? `${task.code} ` : ""}${task.content}`.slice(0, 80)} />}
      </td>
      <td data-label="Tiến độ">
        {editable ? (
          <>
            <label htmlFor={`${domId}-status`} className="sr-only">
              Tiến độ
            </label>
            <select id={`${domId}-status`} className="input" value={draft.status} onChange={(e) => set({ status: e.target.value as TaskStatus })} data-col="task-status" onKeyDown={moveDown}>
              {(Object.keys(TASK_STATUS_LABEL) as TaskStatus[]).map((s) => (
                <option key={s} value={s}>{`${TASK_STATUS_ICON[s]} ${TASK_STATUS_LABEL[s]}`}</option>
              ))}
            </select>
          </>
        ) : (
          <div>{task.current ? `${TASK_STATUS_ICON[draft.status as TaskStatus] ?? ""} ${taskStatusText(draft.status)}` : taskStatusText(null)}</div>
        )}
        {draft.status === "CANNOT_DO" &&
          (editable ? (
            <div className="mt-1">
              <label htmlFor={`${domId}-reason`} className="block text-xs text-slate-600">
                Lý do
              </label>
              <textarea id={`${domId}-reason`} className={`input text-xs ${errorOf(key("reason")) ? "border-red-600" : ""}`} rows={2} value={draft.reason} onChange={(e) => set({ reason: e.target.value })} aria-invalid={!!errorOf(key("reason"))} />
              <FieldMessage id={`${domId}-reason-err`} text={errorOf(key("reason"))} />
            </div>
          ) : (
            <p className="mt-1 text-xs">Lý do: {draft.reason}</p>
          ))}
        {conflict && <ConflictPanel conflict={conflict} mine={taskStatusText(draft.status)} onResolve={onResolve} />}
      </td>
      <td data-label="Kết quả thực hiện">
        {editable ? (
          <>
            <label htmlFor={`${domId}-result`} className="sr-only">
              Kết quả thực hiện
            </label>
            <textarea id={`${domId}-result`} className="input text-sm" rows={2} placeholder="Đã làm được gì trong quý" value={draft.resultText} onChange={(e) => set({ resultText: e.target.value })} aria-invalid={!!errorOf(key("resultText"))} />
            <FieldMessage id={`${domId}-result-err`} text={errorOf(key("resultText"))} />
          </>
        ) : (
          <p className="whitespace-pre-line text-sm">{draft.resultText || "—"}</p>
        )}
        {task.requirement && (
          // The full text on hover only where two lines may cut it (it is already in the row once).
          <div className="mt-1 line-clamp-2 text-xs text-slate-600" title={task.requirement.length > REQUIREMENT_CLAMP ? task.requirement : undefined}>{`Yêu cầu: ${task.requirement}`}</div>
        )}
      </td>
      <td data-label="Minh chứng">
        <EvidencePanel kind="task" rowId={task.id} year={year} quarter={quarter} evidence={task.evidence} evidenceCount={task.evidenceCount} editable={editable} history={task.history ?? []} savedBy={task.current?.updatedBy ?? null} savedAt={task.current?.updatedAt ?? null} version={task.current?.version ?? null} />
      </td>
    </tr>
  );
}
