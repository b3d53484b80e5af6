"use client";

// The quarter's figures and task progress, edited in place. Status updates as the clerk
// types (the same domain code the server and the dashboard use); "Lưu" sends only the rows
// changed since loading, with the version each was loaded at, so a row someone else saved
// meanwhile is refused instead of overwritten.
import { useEffect, useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ReportData, ReportIndicator, ReportTask } from "@/server/reports/queries";
import { saveReport, submitReport } from "@/server/reports/actions";
import { indicatorStatusAsOf } from "@/domain/evaluation/as-of";
import { aggregationShortText, NO_FIGURE, targetText, ytdFigure } from "@/domain/evaluation/display";
import { AGGREGATION_LABEL, type QuarterValue } from "@/domain/evaluation/year-to-date";
import { TASK_STATUS_ICON, TASK_STATUS_LABEL, isOverdue, type TaskStatus } from "@/domain/evaluation/tasks";
import { entryInputFor, validateIndicatorEntry, validateTaskEntry } from "@/domain/reporting/entry";
import { formatDate, formatDateTime, formatNumber, formatPercent, parseViNumber, quarterLabel } from "@/domain/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { EvidencePanel } from "./evidence-panel";

interface IndicatorDraft {
  numerator: string;
  denominator: string;
  value: string;
  done: "" | "yes" | "no";
  note: string;
}
interface TaskDraft {
  status: TaskStatus;
  resultText: string;
  reason: string;
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? "" : formatNumber(n, { maxDecimals: 4 }).replace(/\./g, ""));

function indicatorDraftOf(ind: ReportIndicator): IndicatorDraft {
  const c = ind.current;
  return {
    numerator: str(c?.numerator),
    denominator: str(c?.denominator),
    value: str(c?.value),
    done: c?.done === true ? "yes" : c?.done === false ? "no" : "",
    note: c?.note ?? "",
  };
}

function taskDraftOf(task: ReportTask): TaskDraft {
  return { status: (task.current?.status ?? task.previousStatus ?? "NOT_STARTED") as TaskStatus, resultText: task.current?.resultText ?? "", reason: task.current?.reason ?? "" };
}

function entryOf(d: IndicatorDraft) {
  return {
    numerator: parseViNumber(d.numerator),
    denominator: parseViNumber(d.denominator),
    value: parseViNumber(d.value),
    done: d.done === "" ? null : d.done === "yes",
    note: d.note.trim() || null,
  };
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** Enter moves down the column, like a spreadsheet. */
function moveDown(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== "Enter" || event.currentTarget.tagName === "TEXTAREA") return;
  event.preventDefault();
  const col = event.currentTarget.dataset.col;
  const all = Array.from(document.querySelectorAll<HTMLElement>(`[data-col="${col}"]`)).filter((el) => el.offsetParent !== null);
  const next = all[all.indexOf(event.currentTarget) + 1];
  next?.focus();
}

interface RowState<D> {
  draft: D;
  /** What the server had when this row was loaded (or last saved from here). */
  baseline: D;
  /** The version the baseline was loaded at: the optimistic lock sent with a save. */
  version: number | null;
}
interface FormState {
  indicators: Map<string, RowState<IndicatorDraft>>;
  tasks: Map<string, RowState<TaskDraft>>;
}

const isDirty = <D,>(row: RowState<D>) => !same(row.draft as object, row.baseline as object);

/**
 * Fresh server data (after a save, an upload, or another user's change): rows without local
 * edits take it; edited rows keep their edits and adopt the new version only when the saved
 * values did not change underneath (e.g. a row created empty to hold evidence).
 */
function merge<D, R extends { id: string; current: { version: number } | null }>(old: Map<string, RowState<D>> | null, rows: R[], draftOf: (r: R) => D) {
  const next = new Map<string, RowState<D>>();
  for (const row of rows) {
    const fresh = draftOf(row);
    const version = row.current?.version ?? null;
    const prev = old?.get(row.id);
    if (!prev || !isDirty(prev)) next.set(row.id, { draft: fresh, baseline: fresh, version });
    else next.set(row.id, same(fresh as object, prev.baseline as object) ? { ...prev, version } : prev);
  }
  return next;
}

function initialState(data: ReportData, old: FormState | null): FormState {
  return {
    indicators: merge(old?.indicators ?? null, data.plans.flatMap((p) => p.indicators), indicatorDraftOf),
    tasks: merge(old?.tasks ?? null, data.plans.flatMap((p) => p.tasks), taskDraftOf),
  };
}

export function ReportForm({ data, editable, canSubmit, today, rowComments = {} }: { data: ReportData; editable: boolean; canSubmit: boolean; today: string; rowComments?: Record<string, string> }) {
  const router = useRouter();
  const allIndicators = useMemo(() => data.plans.flatMap((p) => p.indicators), [data]);
  const allTasks = useMemo(() => data.plans.flatMap((p) => p.tasks), [data]);
  const [state, setState] = useState(() => initialState(data, null));
  const [loadedData, setLoadedData] = useState(data);
  if (loadedData !== data) {
    // New props from the server: fold them in during render (React's pattern for derived state).
    setLoadedData(data);
    setState((s) => initialState(data, s));
  }
  const [unitFilter, setUnitFilter] = useState("");
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const drafts = useMemo(() => new Map([...state.indicators].map(([id, r]) => [id, r.draft])), [state]);
  const taskDrafts = useMemo(() => new Map([...state.tasks].map(([id, r]) => [id, r.draft])), [state]);
  const setDraft = (id: string, draft: IndicatorDraft) =>
    setState((s) => ({ ...s, indicators: new Map(s.indicators).set(id, { ...s.indicators.get(id)!, draft }) }));
  const setTaskDraft = (id: string, draft: TaskDraft) => setState((s) => ({ ...s, tasks: new Map(s.tasks).set(id, { ...s.tasks.get(id)!, draft }) }));

  const dirtyIndicators = allIndicators.filter((i) => state.indicators.get(i.id) && isDirty(state.indicators.get(i.id)!));
  const dirtyTasks = allTasks.filter((t) => state.tasks.get(t.id) && isDirty(state.tasks.get(t.id)!));
  const dirtyCount = dirtyIndicators.length + dirtyTasks.length;

  useEffect(() => {
    if (!dirtyCount) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirtyCount]);

  const localErrors = useMemo(() => {
    const errors: Record<string, string> = {};
    for (const ind of allIndicators) {
      for (const [f, m] of Object.entries(validateIndicatorEntry(ind, entryOf(drafts.get(ind.id)!)))) errors[`indicators.${ind.id}.${f}`] = m;
    }
    for (const t of allTasks) {
      const d = taskDrafts.get(t.id)!;
      for (const [f, m] of Object.entries(validateTaskEntry({ status: d.status, resultText: d.resultText, reason: d.reason }))) errors[`tasks.${t.id}.${f}`] = m;
    }
    return errors;
  }, [allIndicators, allTasks, drafts, taskDrafts]);
  const errorOf = (key: string) => localErrors[key] ?? serverErrors[key];

  function save() {
    if (Object.keys(localErrors).length) {
      setMessage({ ok: false, text: `Có ${Object.keys(localErrors).length} ô chưa hợp lệ. Vui lòng sửa các ô được đánh dấu trước khi lưu.` });
      return;
    }
    startTransition(async () => {
      const result = await saveReport({
        year: data.year,
        quarter: data.quarter,
        indicators: dirtyIndicators.map((i) => ({ indicatorId: i.id, version: state.indicators.get(i.id)!.version, ...entryOf(drafts.get(i.id)!) })),
        tasks: dirtyTasks.map((t) => {
          const d = taskDrafts.get(t.id)!;
          return { taskId: t.id, version: state.tasks.get(t.id)!.version, status: d.status, resultText: d.resultText || null, reason: d.reason || null };
        }),
      });
      if (result.ok) {
        setServerErrors({});
        setMessage({ ok: true, text: `Đã lưu ${result.data.saved} dòng lúc ${formatDateTime(new Date())}.` });
        // The edits are now what the server holds; the new versions arrive with the refreshed data.
        const saved = { indicators: new Set(dirtyIndicators.map((i) => i.id)), tasks: new Set(dirtyTasks.map((t) => t.id)) };
        setState((s) => ({
          indicators: new Map([...s.indicators].map(([id, r]) => [id, saved.indicators.has(id) ? { ...r, baseline: r.draft } : r])),
          tasks: new Map([...s.tasks].map(([id, r]) => [id, saved.tasks.has(id) ? { ...r, baseline: r.draft } : r])),
        }));
        router.refresh();
      } else {
        setServerErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.error });
      }
    });
  }

  function submit() {
    if (dirtyCount) {
      setMessage({ ok: false, text: "Còn thay đổi chưa lưu. Vui lòng lưu trước khi nộp báo cáo." });
      return;
    }
    const missing = allIndicators.filter((i) => !i.current && i.targetRule !== "NONE").length;
    const question = `Nộp báo cáo ${quarterLabel(data.quarter)} năm ${data.year} lên cấp trên?${missing ? `\nCòn ${missing} chỉ tiêu chưa có số liệu quý này.` : ""}\nSau khi nộp, báo cáo bị khóa cho đến khi cấp trên trả lại.`;
    if (!window.confirm(question)) return;
    startTransition(async () => {
      const result = await submitReport({ year: data.year, quarter: data.quarter });
      setMessage(result.ok ? { ok: true, text: result.message ?? "Đã nộp." } : { ok: false, text: result.error });
      if (result.ok) router.refresh();
    });
  }

  const visible = (unitIds: string[]) => !unitFilter || unitIds.includes(unitFilter);

  return (
    <div>
      <div className="no-print sticky top-0 z-10 -mx-3 mb-3 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/95 px-3 py-2">
        <label className="flex items-center gap-2 text-sm">
          <span>Đơn vị:</span>
          <select className="input w-auto max-w-xs" value={unitFilter} onChange={(e) => setUnitFilter(e.target.value)} aria-label="Lọc theo đơn vị phụ trách">
            <option value="">Tất cả các đơn vị</option>
            {data.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        {editable && (
          <>
            <span className="text-sm text-slate-700" aria-live="polite">
              {dirtyCount ? `${dirtyCount} dòng chưa lưu` : "Không có thay đổi chưa lưu"}
            </span>
            <button type="button" className="btn btn-primary" onClick={save} disabled={pending || !dirtyCount}>
              {pending ? "Đang lưu…" : "Lưu"}
            </button>
            {canSubmit && (
              <button type="button" className="btn" onClick={submit} disabled={pending}>
                Nộp báo cáo
              </button>
            )}
          </>
        )}
        {message && (
          <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
            {message.text}
          </p>
        )}
      </div>

      {data.plans.map((plan) => {
        const indicators = plan.indicators.filter((i) => visible(i.unitIds));
        const tasks = plan.tasks.filter((t) => visible(t.unitIds));
        const sectionTitle = new Map(plan.sections.map((s) => [s.id, s]));
        const withHeaders = <T extends { sectionId: string | null; id: string }>(rows: T[], render: (row: T) => React.ReactNode, cols: number) => {
          let last: string | null | undefined;
          return rows.flatMap((row) => {
            const out: React.ReactNode[] = [];
            if (row.sectionId !== last) {
              last = row.sectionId;
              const s = row.sectionId ? sectionTitle.get(row.sectionId) : null;
              if (s)
                out.push(
                  <tr key={`s-${s.id}-${row.id}`} className="bg-slate-100">
                    <th colSpan={cols} scope="colgroup" className="text-left font-semibold">
                      {s.code ? `${s.code}. ` : ""}
                      {s.title}
                    </th>
                  </tr>,
                );
            }
            out.push(render(row));
            return out;
          });
        };
        return (
          <section key={plan.id} className="mb-8">
            <h2 className="mb-2 text-lg font-semibold">{plan.title}</h2>
            {indicators.length > 0 && (
              <div className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="table-basic">
                  <caption className="px-2 py-1.5 text-left text-sm font-semibold text-slate-700">Chỉ tiêu ({indicators.length})</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="w-12">STT</th>
                      <th scope="col" className="min-w-64">Chỉ tiêu</th>
                      <th scope="col" className="w-44">Chỉ tiêu năm</th>
                      <th scope="col" className="w-56">Số liệu {quarterLabel(data.quarter)}</th>
                      <th scope="col" className="w-28">Lũy kế năm</th>
                      <th scope="col" className="w-36">Trạng thái</th>
                      <th scope="col" className="w-40">Ghi chú, minh chứng</th>
                    </tr>
                  </thead>
                  <tbody>
                    {withHeaders(
                      indicators,
                      (ind) => (
                        <IndicatorRow
                          key={ind.id}
                          ind={ind}
                          draft={drafts.get(ind.id)!}
                          onChange={(d) => setDraft(ind.id, d)}
                          quarter={data.quarter}
                          year={data.year}
                          editable={editable}
                          errorOf={errorOf}
                          reviewComment={rowComments[ind.id]}
                        />
                      ),
                      7,
                    )}
                  </tbody>
                </table>
              </div>
            )}
            {tasks.length > 0 && (
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="table-basic">
                  <caption className="px-2 py-1.5 text-left text-sm font-semibold text-slate-700">Nhiệm vụ ({tasks.length})</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="w-12">STT</th>
                      <th scope="col" className="min-w-72">Nhiệm vụ</th>
                      <th scope="col" className="w-48">Tiến độ {quarterLabel(data.quarter)}</th>
                      <th scope="col" className="min-w-64">Kết quả thực hiện</th>
                      <th scope="col" className="w-40">Minh chứng</th>
                    </tr>
                  </thead>
                  <tbody>
                    {withHeaders(
                      tasks,
                      (task) => (
                        <TaskRow
                          key={task.id}
                          task={task}
                          draft={taskDrafts.get(task.id)!}
                          onChange={(d) => setTaskDraft(task.id, d)}
                          quarter={data.quarter}
                          year={data.year}
                          editable={editable}
                          errorOf={errorOf}
                          today={today}
                          reviewComment={rowComments[task.id]}
                        />
                      ),
                      5,
                    )}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}

function FieldMessage({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p id={id} className="mt-0.5 text-xs font-medium text-red-800">
      {text}
    </p>
  );
}

function NumberInput(props: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; col: string; disabled: boolean; srOnlyLabel?: boolean }) {
  return (
    <div>
      <label htmlFor={props.id} className={props.srOnlyLabel ? "sr-only" : "block text-xs text-slate-600"}>
        {props.label}
      </label>
      <input
        id={props.id}
        inputMode="decimal"
        autoComplete="off"
        className={`input tabular-nums ${props.error ? "border-red-600 bg-red-50" : ""}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={moveDown}
        data-col={props.col}
        disabled={props.disabled}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? `${props.id}-err` : undefined}
      />
      <FieldMessage id={`${props.id}-err`} text={props.error} />
    </div>
  );
}

function ReviewNote({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <div role="note" className="mt-1 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-950">
      ⚠ Ý kiến cấp trên: {text}
    </div>
  );
}

function IndicatorRow({ ind, draft, onChange, quarter, year, editable, errorOf, reviewComment }: {
  ind: ReportIndicator;
  draft: IndicatorDraft;
  onChange: (d: IndicatorDraft) => void;
  quarter: number;
  year: number;
  editable: boolean;
  errorOf: (key: string) => string | undefined;
  reviewComment?: string;
}) {
  const entry = entryOf(draft);
  const input = entryInputFor(ind);
  const quarters: QuarterValue[] = [
    ...ind.quarters.filter((q) => q.quarter !== quarter),
    { quarter: quarter as QuarterValue["quarter"], numerator: entry.numerator, denominator: entry.denominator, value: entry.value, done: entry.done },
  ];
  const result = indicatorStatusAsOf(ind, quarters, quarter);
  const ytd = ytdFigure(ind, result.ytd);
  const key = (f: string) => `indicators.${ind.id}.${f}`;
  const ratioNow = entry.numerator !== null && entry.denominator ? (entry.numerator * 100) / entry.denominator : null;
  const set = (patch: Partial<IndicatorDraft>) => onChange({ ...draft, ...patch });
  return (
    <tr data-row={ind.id}>
      <td className="tabular-nums">{ind.code}</td>
      <td className={ind.parentId ? "pl-5" : ""}>
        <div className="font-medium">{ind.name}</div>
        {ind.monitoringUnitName && <div className="text-xs text-slate-600">Theo dõi: {ind.monitoringUnitName}</div>}
        {input === "RATIO" && (ind.numeratorLabel || ind.denominatorLabel) && (
          <div className="text-xs text-slate-600">
            = {ind.numeratorLabel ?? "tử số"} / {ind.denominatorLabel ?? "mẫu số"}
          </div>
        )}
        <ReviewNote text={reviewComment} />
      </td>
      <td>
        <div className="text-xs text-slate-600">{ind.targetText || "—"}</div>
        <div className="font-medium">{targetText(ind)}</div>
        {ind.baselineValue !== null && <div className="text-xs text-slate-600">Năm trước: {formatNumber(ind.baselineValue)}</div>}
      </td>
      <td>
        {input === "RATIO" && (
          <div className="grid grid-cols-2 gap-1">
            <NumberInput id={`${ind.id}-num`} label="Tử số" value={draft.numerator} onChange={(v) => set({ numerator: v })} error={errorOf(key("numerator"))} col="numerator" disabled={!editable} />
            <NumberInput id={`${ind.id}-den`} label="Mẫu số" value={draft.denominator} onChange={(v) => set({ denominator: v })} error={errorOf(key("denominator"))} col="denominator" disabled={!editable} />
            <div className="col-span-2 text-xs text-slate-700" aria-live="polite">
              Tỷ lệ quý: <strong>{ratioNow === null ? "—" : formatPercent(ratioNow)}</strong>
            </div>
          </div>
        )}
        {(input === "NUMBER" || input === "PERCENT" || input === "RANK") && (
          <NumberInput
            id={`${ind.id}-val`}
            label={input === "RANK" ? "Thứ hạng" : input === "PERCENT" ? "Giá trị (%)" : `Giá trị${ind.measurementUnit ? ` (${ind.measurementUnit})` : ""}`}
            value={draft.value}
            onChange={(v) => set({ value: v })}
            error={errorOf(key("value"))}
            col="value"
            disabled={!editable}
          />
        )}
        {input === "DONE" && (
          <div>
            <label htmlFor={`${ind.id}-done`} className="block text-xs text-slate-600">
              Kết quả
            </label>
            <select id={`${ind.id}-done`} className="input" value={draft.done} onChange={(e) => set({ done: e.target.value as IndicatorDraft["done"] })} disabled={!editable} data-col="value" onKeyDown={moveDown}>
              <option value="">— Chưa báo cáo —</option>
              <option value="yes">Đã hoàn thành</option>
              <option value="no">Chưa hoàn thành</option>
            </select>
          </div>
        )}
      </td>
      <td className="tabular-nums">
        {ytd.text || NO_FIGURE}
        {ytd.detail && <div className="text-xs text-slate-600">{ytd.detail}</div>}
        <div className="text-[11px] leading-tight text-slate-500" title={AGGREGATION_LABEL[result.ytd.aggregation]}>
          {aggregationShortText(result.ytd)}
        </div>
      </td>
      <td aria-live="polite">
        <StatusBadge status={result.status} />
        <div className="mt-0.5 text-xs text-slate-700">{result.reason}</div>
      </td>
      <td>
        <label htmlFor={`${ind.id}-note`} className="sr-only">
          Ghi chú
        </label>
        <textarea
          id={`${ind.id}-note`}
          className="input min-h-9 text-xs"
          rows={1}
          placeholder="Ghi chú"
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          disabled={!editable}
        />
        <FieldMessage id={`${ind.id}-note-err`} text={errorOf(key("note"))} />
        <EvidencePanel kind="indicator" rowId={ind.id} year={year} quarter={quarter} evidence={ind.evidence} editable={editable} history={ind.history} savedBy={ind.current?.updatedBy ?? null} savedAt={ind.current?.updatedAt ?? null} />
      </td>
    </tr>
  );
}

function TaskRow({ task, draft, onChange, quarter, year, editable, errorOf, today, reviewComment }: {
  task: ReportTask;
  draft: TaskDraft;
  onChange: (d: TaskDraft) => void;
  quarter: number;
  year: number;
  editable: boolean;
  errorOf: (key: string) => string | undefined;
  today: string;
  reviewComment?: string;
}) {
  const overdue = isOverdue({ dueDate: task.dueDate, deadlineKind: task.deadlineKind }, draft.status, today);
  const key = (f: string) => `tasks.${task.id}.${f}`;
  const set = (patch: Partial<TaskDraft>) => onChange({ ...draft, ...patch });
  return (
    <tr data-row={task.id} className={overdue ? "bg-red-50/60" : undefined}>
      <td className="tabular-nums">{task.code}</td>
      <td>
        <div className="whitespace-pre-line">{task.content}</div>
        <div className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600">
          {task.leadUnitName && <span>Chủ trì: {task.leadUnitName}</span>}
          {task.deadlineText && (
            <span>
              Thời hạn: {task.deadlineText}
              {task.dueDate ? ` (${formatDate(task.dueDate)})` : ""}
            </span>
          )}
        </div>
        {overdue && <div className="mt-1 text-xs font-semibold text-red-800">✖ Quá hạn, chưa hoàn thành</div>}
        <ReviewNote text={reviewComment} />
      </td>
      <td>
        <label htmlFor={`${task.id}-status`} className="sr-only">
          Tiến độ
        </label>
        <select id={`${task.id}-status`} className="input" value={draft.status} onChange={(e) => set({ status: e.target.value as TaskStatus })} disabled={!editable} data-col="task-status" onKeyDown={moveDown}>
          {(Object.keys(TASK_STATUS_LABEL) as TaskStatus[]).map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_ICON[s]} {TASK_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        {draft.status === "CANNOT_DO" && (
          <div className="mt-1">
            <label htmlFor={`${task.id}-reason`} className="block text-xs text-slate-600">
              Lý do
            </label>
            <textarea id={`${task.id}-reason`} className={`input text-xs ${errorOf(key("reason")) ? "border-red-600" : ""}`} rows={2} value={draft.reason} onChange={(e) => set({ reason: e.target.value })} disabled={!editable} />
            <FieldMessage id={`${task.id}-reason-err`} text={errorOf(key("reason"))} />
          </div>
        )}
      </td>
      <td>
        <label htmlFor={`${task.id}-result`} className="sr-only">
          Kết quả thực hiện
        </label>
        <textarea id={`${task.id}-result`} className="input text-sm" rows={2} placeholder="Đã làm được gì trong quý" value={draft.resultText} onChange={(e) => set({ resultText: e.target.value })} disabled={!editable} />
        <FieldMessage id={`${task.id}-result-err`} text={errorOf(key("resultText"))} />
        {task.requirement && <div className="mt-1 line-clamp-2 text-xs text-slate-600" title={task.requirement}>Yêu cầu: {task.requirement}</div>}
      </td>
      <td>
        <EvidencePanel kind="task" rowId={task.id} year={year} quarter={quarter} evidence={task.evidence} editable={editable} history={task.history} savedBy={task.current?.updatedBy ?? null} savedAt={task.current?.updatedAt ?? null} />
      </td>
    </tr>
  );
}
