"use client";

// The report form's behaviour: drafts per row (src/domain/reporting/drafts), live checks and
// status, saving the valid rows, conflicts resolved row by row, submitting, Ctrl+S, and
// taking the clerk to the first invalid field.
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { FormIndicator, FormReport, FormTask } from "@/server/reports/form-data";
import type { ConflictRow } from "@/server/reports/actions";
import { reportParts } from "@/server/reports/section-actions";
import { ROW_MISSING, taskOverdue, type ReportOutline } from "@/domain/reporting/outline";
import {
  indicatorDraftOf,
  isDirty,
  liveIndicator,
  keepMine,
  mergeRows,
  takeTheirs,
  taskDraftErrors,
  taskDraftOf,
  type IndicatorDraft,
  type RowState,
  type SavedIndicatorValue,
  type SavedTaskProgress,
  type TaskDraft,
} from "@/domain/reporting/drafts";
import { NO_QUERY, type RowQuery } from "@/domain/reporting/row-filter";
import { quarterLabel, todayInVietnam } from "@/domain/format";

interface FormState {
  indicators: Map<string, RowState<IndicatorDraft>>;
  tasks: Map<string, RowState<TaskDraft>>;
}

/** The rows the browser holds: those of the parts opened so far (issue 21: the page sends one part). */
interface KnownRows {
  indicators: Map<string, FormIndicator>;
  tasks: Map<string, FormTask>;
}
type Rows = { indicators: FormIndicator[]; tasks: FormTask[] };

const rowsOf = (data: FormReport): Rows => ({ indicators: data.plans.flatMap((p) => p.indicators), tasks: data.plans.flatMap((p) => p.tasks) });

/** Folds fresh rows in; the rows of other parts, and what was typed in them, stay as they are. */
function absorb(known: KnownRows | null, state: FormState | null, fresh: Rows): [KnownRows, FormState] {
  return [
    {
      indicators: new Map([...(known?.indicators ?? []), ...fresh.indicators.map((i) => [i.id, i] as const)]),
      tasks: new Map([...(known?.tasks ?? []), ...fresh.tasks.map((t) => [t.id, t] as const)]),
    },
    {
      indicators: new Map([...(state?.indicators ?? []), ...mergeRows(state?.indicators ?? null, fresh.indicators, (i) => indicatorDraftOf(i.current), (i) => i.current?.version ?? null)]),
      tasks: new Map([...(state?.tasks ?? []), ...mergeRows(state?.tasks ?? null, fresh.tasks, (t) => taskDraftOf(t.current, t.previousStatus), (t) => t.current?.version ?? null)]),
    },
  ];
}

export function useReportForm({ data, today, outline, initialOpen }: { data: FormReport; today: string; outline: ReportOutline; initialOpen: string | null }) {
  const router = useRouter();
  const [[known, state], setBoth] = useState(() => absorb(null, null, rowsOf(data)));
  const setState = (update: (s: FormState) => FormState) => setBoth(([k, s]) => [k, update(s)]);
  const [loadedData, setLoadedData] = useState(data);
  if (loadedData !== data) {
    // New props from the server: fold them in during render (React's pattern for derived state).
    setLoadedData(data);
    setBoth(([k, s]) => absorb(k, s, rowsOf(data)));
  }
  // Document order (the outline's), whichever part was loaded first.
  const allIndicators = useMemo(() => outline.rows.map(([id]) => known.indicators.get(id)).filter((i): i is FormIndicator => !!i), [outline, known]);
  const allTasks = useMemo(() => outline.rows.map(([id]) => known.tasks.get(id)).filter((t): t is FormTask => !!t), [outline, known]);
  const groupOfRow = useMemo(() => new Map(outline.rows.map(([id, g]) => [id, outline.groups[g].key])), [outline]);
  // The parts whose rows the page sent, those opened since, and the one shown.
  const propsParts = useMemo(() => new Set([...rowsOf(data).indicators, ...rowsOf(data).tasks].map((r) => groupOfRow.get(r.id)!)), [data, groupOfRow]);
  const [loaded, setLoaded] = useState<Set<string>>(propsParts);
  const [open, setOpen] = useState(initialOpen);
  const [loading, setLoading] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Map<string, ConflictRow>>(new Map());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [query, setQuery] = useState<RowQuery>(NO_QUERY);
  const [focusRequest, setFocusRequest] = useState(0);
  const [pending, startTransition] = useTransition();

  const live = useMemo(() => new Map(allIndicators.map((ind) => [ind.id, liveIndicator(ind, state.indicators.get(ind.id)!.draft, data.quarter)])), [allIndicators, state.indicators, data.quarter]);
  const taskErrors = useMemo(() => new Map(allTasks.map((t) => [t.id, taskDraftErrors(state.tasks.get(t.id)!.draft)])), [allTasks, state.tasks]);
  // As the server judges it: a task marked done after the period's end was not done then
  // (one marked done now is done today, which may be after the period judged).
  const overdue = (t: FormTask) => taskOverdue(t, state.tasks.get(t.id)!.draft.status, today, todayInVietnam());

  // Bumped by every save: rows read before it are older than what the save wrote, and must not
  // replace it (the refresh after the save reads them again).
  const saves = useRef(0);
  async function fetchParts(keys: string[]): Promise<boolean> {
    const before = saves.current;
    const result = await reportParts({ year: data.year, quarter: data.quarter, parts: keys });
    if (!result.ok) {
      setMessage({ ok: false, text: result.error });
      return false;
    }
    if (saves.current !== before) return fetchParts(keys);
    setBoth(([k, s]) => absorb(k, s, result.data));
    setLoaded((old) => new Set([...old, ...keys]));
    return true;
  }
  // A refresh (after a save, a baseline given, an upload…) brings the page's own part again; the
  // parts opened since are read again with it, for their new figures and versions.
  const seenData = useRef(data);
  useEffect(() => {
    if (seenData.current === data) return;
    seenData.current = data;
    const others = [...loaded].filter((k) => !propsParts.has(k));
    if (others.length) void fetchParts(others);
    // Once per new page data: `loaded` and `propsParts` are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  /** Opens a part, loading its rows the first time; null closes the open one. */
  const openPart = async (key: string | null) => {
    setOpen(key);
    if (!key || loaded.has(key)) return;
    setLoading(key);
    await fetchParts([key]);
    setLoading((k) => (k === key ? null : k));
  };

  const errorCount = [...live.values()].reduce((n, l) => n + Object.keys(l.errors).length, 0) + [...taskErrors.values()].reduce((n, e) => n + Object.keys(e).length, 0);
  const errorOf = (key: string) => {
    const [kind, id, field] = key.split(".");
    return (kind === "indicators" ? live.get(id)?.errors[field] : taskErrors.get(id)?.[field]) ?? serverErrors[key];
  };

  const dirtyIndicators = allIndicators.filter((i) => isDirty(state.indicators.get(i.id)!));
  const dirtyTasks = allTasks.filter((t) => isDirty(state.tasks.get(t.id)!));
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

  // Runs after the render that cleared the filters and opened the part, so the field is on the page.
  useEffect(() => {
    if (!focusRequest) return;
    const first = document.querySelector<HTMLElement>('[data-report-form] [aria-invalid="true"]');
    first?.scrollIntoView({ block: "center" });
    first?.focus({ preventScroll: true });
  }, [focusRequest]);
  // Invalid fields are only in rows typed in, so in loaded parts: open the first such row's part.
  const hasError = (id: string) =>
    Object.keys(live.get(id)?.errors ?? taskErrors.get(id) ?? {}).length > 0 || Object.keys(serverErrors).some((key) => key.split(".")[1] === id);
  const goToFirstError = () => {
    setQuery(NO_QUERY);
    const first = outline.rows.find(([id]) => hasError(id));
    if (first) setOpen(outline.groups[first[1]].key);
    setFocusRequest((n) => n + 1);
  };

  function save() {
    if (pending) return;
    saves.current++;
    const validIndicators = dirtyIndicators.filter((i) => !Object.keys(live.get(i.id)!.errors).length);
    const validTasks = dirtyTasks.filter((t) => !Object.keys(taskErrors.get(t.id)!).length);
    const invalidRows = dirtyCount - validIndicators.length - validTasks.length;
    const invalidText = errorCount ? `Có ${errorCount} ô chưa hợp lệ (${invalidRows} dòng chưa lưu): sửa các ô được đánh dấu đỏ rồi lưu lại.` : "";
    if (errorCount) goToFirstError();
    if (!validIndicators.length && !validTasks.length) {
      setMessage({ ok: false, text: invalidText || "Không có thay đổi nào để lưu." });
      return;
    }
    startTransition(async () => {
      // The saving code comes with the first save (fetched ahead as soon as a row is changed).
      const { sendSave } = await import("./save-flow");
      const saved = await sendSave({ year: data.year, quarter: data.quarter, state, validIndicators, validTasks, invalidText }, { setServerErrors, setConflicts, setState, setMessage });
      if (saved) router.refresh();
    });
  }

  const hasChanges = dirtyCount > 0;
  useEffect(() => {
    if (hasChanges) void import("./save-flow");
  }, [hasChanges]);

  // Ctrl+S (⌘S) saves, as in Excel; the latest save() is read through a ref.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const resolve = useCallback((conflict: ConflictRow, choice: "mine" | "theirs") => {
    setConflicts((old) => {
      const next = new Map(old);
      next.delete(conflict.rowId);
      return next;
    });
    setState((s) => {
      if (conflict.kind === "indicator") {
        const theirs = { draft: indicatorDraftOf(conflict.theirs as SavedIndicatorValue | null), version: conflict.version };
        const row = s.indicators.get(conflict.rowId)!;
        return { ...s, indicators: new Map(s.indicators).set(conflict.rowId, choice === "mine" ? keepMine(row, theirs) : takeTheirs(theirs)) };
      }
      const theirs = { draft: taskDraftOf(conflict.theirs as SavedTaskProgress | null), version: conflict.version };
      const row = s.tasks.get(conflict.rowId)!;
      return { ...s, tasks: new Map(s.tasks).set(conflict.rowId, choice === "mine" ? keepMine(row, theirs) : takeTheirs(theirs)) };
    });
    setMessage({ ok: true, text: choice === "mine" ? 'Đã chọn giữ số của bạn: bấm "Lưu" để ghi.' : "Đã lấy số của người kia cho dòng này." });
  }, []);

  function submit() {
    if (dirtyCount) {
      setMessage({ ok: false, text: "Còn thay đổi chưa lưu. Vui lòng lưu trước khi nộp báo cáo." });
      return;
    }
    const missing = outline.rows.filter(([, , , , flags]) => flags & ROW_MISSING).length;
    const question = `Nộp báo cáo ${quarterLabel(data.quarter)} năm ${data.year} lên cấp trên?${missing ? `\nCòn ${missing} chỉ tiêu chưa có số liệu quý này.` : ""}\nSau khi nộp, báo cáo bị khóa cho đến khi cấp trên trả lại.`;
    if (!window.confirm(question)) return;
    startTransition(async () => {
      const { sendSubmit } = await import("./save-flow");
      const result = await sendSubmit({ year: data.year, quarter: data.quarter });
      setMessage(result.ok ? { ok: true, text: result.message ?? "Đã nộp." } : { ok: false, text: result.error });
      if (result.ok) {
        router.refresh();
        // The button is at the foot of a long page; the read-only view's "Đã nộp ngày …" notice is at its head.
        window.scrollTo({ top: 0 });
      }
    });
  }

  const setIndicatorDraft = (id: string, draft: IndicatorDraft) => setState((s) => ({ ...s, indicators: new Map(s.indicators).set(id, { ...s.indicators.get(id)!, draft }) }));
  const setTaskDraft = (id: string, draft: TaskDraft) => setState((s) => ({ ...s, tasks: new Map(s.tasks).set(id, { ...s.tasks.get(id)!, draft }) }));

  return {
    state,
    known,
    allIndicators,
    allTasks,
    groupOfRow,
    loaded,
    open,
    openPart,
    loading,
    hasError,
    live,
    overdue,
    errorOf,
    errorCount,
    dirtyCount,
    conflicts,
    resolve,
    message,
    pending,
    query,
    setQuery,
    save,
    submit,
    goToFirstError,
    setIndicatorDraft,
    setTaskDraft,
  };
}

export type ReportFormApi = ReturnType<typeof useReportForm>;
