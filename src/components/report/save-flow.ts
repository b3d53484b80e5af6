// Sending a report's changes and its submission: loaded with the first save or submission, or
// as soon as a row is changed (use-report-form), not with the page (issue 21: first-load budget).
import { saveReport, submitReport, type ConflictRow } from "@/server/reports/actions";
import { markSaved, readIndicatorDraft, type IndicatorDraft, type RowState, type TaskDraft } from "@/domain/reporting/drafts";
import { formatDateTime } from "@/domain/format";

interface FormState {
  indicators: Map<string, RowState<IndicatorDraft>>;
  tasks: Map<string, RowState<TaskDraft>>;
}

interface SaveInput {
  year: number;
  quarter: number;
  state: FormState;
  validIndicators: { id: string }[];
  validTasks: { id: string }[];
  /** What to say about the rows left unsaved because they are invalid ("" when none). */
  invalidText: string;
}

interface SaveOutcome {
  setServerErrors: (errors: Record<string, string>) => void;
  setConflicts: (update: (old: Map<string, ConflictRow>) => Map<string, ConflictRow>) => void;
  setState: (update: (s: FormState) => FormState) => void;
  setMessage: (message: { ok: boolean; text: string }) => void;
}

/** Saves the valid changed rows of every part in one action (all or nothing); true when the server took the save. */
export async function sendSave({ year, quarter, state, validIndicators, validTasks, invalidText }: SaveInput, ui: SaveOutcome): Promise<boolean> {
  const result = await saveReport({
    year,
    quarter,
    indicators: validIndicators.map((i) => ({ indicatorId: i.id, version: state.indicators.get(i.id)!.version, ...readIndicatorDraft(state.indicators.get(i.id)!.draft).entry })),
    tasks: validTasks.map((t) => {
      const d = state.tasks.get(t.id)!.draft;
      return { taskId: t.id, version: state.tasks.get(t.id)!.version, status: d.status, resultText: d.resultText || null, reason: d.reason || null, cause: d.cause || null, remedy: d.remedy || null };
    }),
  });
  if (!result.ok) {
    ui.setServerErrors(result.fieldErrors ?? {});
    ui.setMessage({ ok: false, text: result.error });
    return false;
  }
  const clashed = new Set(result.data.conflicts.map((c) => c.rowId));
  ui.setServerErrors({});
  ui.setConflicts((old) => {
    const next = new Map(old);
    for (const id of [...validIndicators, ...validTasks].map((r) => r.id)) next.delete(id);
    for (const c of result.data.conflicts) next.set(c.rowId, c);
    return next;
  });
  ui.setState((s) => ({
    indicators: markSaved(s.indicators, new Set(validIndicators.map((i) => i.id).filter((id) => !clashed.has(id)))),
    tasks: markSaved(s.tasks, new Set(validTasks.map((t) => t.id).filter((id) => !clashed.has(id)))),
  }));
  const parts = [`Đã lưu ${result.data.saved} dòng lúc ${formatDateTime(new Date())}.`];
  if (clashed.size) parts.push(`${clashed.size} dòng chưa lưu vì người khác đã sửa sau khi bạn mở trang: xem từng dòng, chọn "Giữ của tôi" hoặc "Lấy của họ" rồi lưu lại.`);
  if (invalidText) parts.push(invalidText);
  ui.setMessage({ ok: !clashed.size && !invalidText, text: parts.join(" ") });
  return true;
}

export const sendSubmit = submitReport;
