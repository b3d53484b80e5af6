// What changed, since a report was submitted, in what it depended on: the figures of every
// quarter it added up, the plan's targets, units and deadlines, the task progress, the
// explanations and the evidence list. The report keeps what it said; these changes are shown
// next to it ("đã thay đổi sau khi duyệt") so that nothing moves behind the reviewer's back.
// Pure: both sides are plain report data.

import { formatDate, formatNumber, quarterLabel } from "../format";
import { describeTarget } from "../evaluation/status";
import type { TargetRule } from "../plan-import/types";
import type { VersionIndicator, VersionTask } from "./plan-version";

interface FrozenQuarter {
  quarter: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  done: boolean | null;
  /** The figure is the final score of a PAR Index appraisal (absent in snapshots taken before issue 19). */
  fromAppraisal?: boolean;
}

interface FrozenEvidence {
  id: string;
  fileName: string | null;
  docNumber: string | null;
  docSummary: string | null;
}

/** An indicator's terms as frozen (the same terms a plan version keeps), with its figures. */
export interface FrozenIndicator extends VersionIndicator {
  quarters: FrozenQuarter[];
  current: { note: string | null; cause?: string | null; remedy?: string | null } | null;
  evidence: FrozenEvidence[];
}

export interface FrozenTask extends Omit<VersionTask, "leadUnitText"> {
  current: { status: string; resultText: string | null; reason: string | null; cause?: string | null; remedy?: string | null } | null;
  evidence: FrozenEvidence[];
}

export interface FrozenPlan {
  id: string;
  title: string;
  indicators: FrozenIndicator[];
  tasks: FrozenTask[];
}

export interface SnapshotChange {
  /** The indicator or task the change is on, for marking the row itself. */
  rowId: string;
  /** "Chỉ tiêu 1.2 Tỷ lệ hồ sơ trực tuyến" */
  row: string;
  /** "Số liệu Quý III", "Chỉ tiêu", "Minh chứng" */
  what: string;
  before: string;
  after: string;
}

const TASK_STATUS: Record<string, string> = {
  NOT_STARTED: "Chưa thực hiện",
  IN_PROGRESS: "Đang thực hiện",
  DONE: "Hoàn thành",
  CANNOT_DO: "Không thực hiện được",
};

const EMPTY = "(trống)";
export const APPRAISAL_SOURCE = " (điểm chính thức theo kết quả thẩm định Chỉ số CCHC)";

function short(text: string, max = 80): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function figure(q: FrozenQuarter | undefined): string {
  if (!q) return EMPTY;
  if (q.done != null) return q.done ? "Hoàn thành" : "Chưa hoàn thành";
  if (q.numerator != null || q.denominator != null) return `${q.numerator == null ? "…" : formatNumber(q.numerator)}/${q.denominator == null ? "…" : formatNumber(q.denominator)}`;
  return q.value == null ? EMPTY : formatNumber(q.value);
}

function target(ind: FrozenIndicator): string {
  const written = ind.targetText?.trim() || EMPTY;
  const understood = `${describeTarget(ind.targetRule as TargetRule, ind.targetValue, ind.measurementUnit)}${ind.baselineValue == null ? "" : ` (năm trước ${formatNumber(ind.baselineValue)})`}`;
  return `${written}${ind.measurementUnit ? ` [${ind.measurementUnit}]` : ""} · ${understood}`;
}

function evidenceName(e: FrozenEvidence): string {
  return short(e.docNumber ? `Số ${e.docNumber}${e.docSummary ? `: ${e.docSummary}` : ""}` : (e.fileName ?? e.docSummary ?? "tệp"), 60);
}

type Out = { push: (c: Omit<SnapshotChange, "rowId">) => void };

/** The reason given for a red row (issue 17): part of what the report says. */
function explanationChanges(row: string, before: { cause?: string | null; remedy?: string | null } | null, after: { cause?: string | null; remedy?: string | null } | null, out: Out) {
  if (text(before?.cause) !== text(after?.cause)) out.push({ row, what: "Nguyên nhân", before: short(text(before?.cause)), after: short(text(after?.cause)) });
  if (text(before?.remedy) !== text(after?.remedy)) out.push({ row, what: "Giải pháp khắc phục", before: short(text(before?.remedy)), after: short(text(after?.remedy)) });
}

function evidenceChanges(row: string, before: FrozenEvidence[], after: FrozenEvidence[], out: Out) {
  const afterIds = new Set(after.map((e) => e.id));
  const beforeIds = new Set(before.map((e) => e.id));
  for (const e of before) if (!afterIds.has(e.id)) out.push({ row, what: "Minh chứng", before: evidenceName(e), after: "đã xóa" });
  for (const e of after) if (!beforeIds.has(e.id)) out.push({ row, what: "Minh chứng", before: "(chưa có)", after: `thêm ${evidenceName(e)}` });
}

const text = (s: string | null | undefined) => s?.trim() || EMPTY;

/**
 * Changes from the frozen plans to the live ones, for the quarters the report covered (1..quarter).
 * `evidence: false` when the live side was read without evidence (then evidence is not compared).
 */
export function snapshotChanges(frozen: FrozenPlan[], live: FrozenPlan[], quarter: number, options: { evidence: boolean }): SnapshotChange[] {
  const all: SnapshotChange[] = [];
  // Each change carries the row it is on; the helpers below push plain {row, what, before, after}.
  const rowOut = (rowId: string) => ({ push: (c: Omit<SnapshotChange, "rowId">) => all.push({ rowId, ...c }) });
  const liveIndicators = new Map(live.flatMap((p) => p.indicators).map((i) => [i.id, i]));
  const liveTasks = new Map(live.flatMap((p) => p.tasks).map((t) => [t.id, t]));
  const frozenRowIds = new Set(frozen.flatMap((p) => [...p.indicators.map((i) => i.id), ...p.tasks.map((t) => t.id)]));

  for (const before of frozen.flatMap((p) => p.indicators)) {
    const row = short(`Chỉ tiêu ${before.code ? `${before.code} ` : ""}${before.name}`);
    const after = liveIndicators.get(before.id);
    const out = rowOut(before.id);
    if (!after) {
      out.push({ row, what: "Dòng chỉ tiêu", before: "có trong kế hoạch", after: "đã xóa khỏi kế hoạch" });
      continue;
    }
    if (target(before) !== target(after)) out.push({ row, what: "Chỉ tiêu (mục tiêu, đơn vị)", before: target(before), after: target(after) });
    for (let q = 1; q <= quarter; q++) {
      const b = figure(before.quarters.find((v) => v.quarter === q));
      const live = after.quarters.find((v) => v.quarter === q);
      const a = figure(live);
      // A figure written by the province's appraisal says so: the commune did not change it.
      if (a !== b) out.push({ row, what: `Số liệu ${quarterLabel(q)}${live?.fromAppraisal ? APPRAISAL_SOURCE : ""}`, before: b, after: a });
    }
    if (text(before.current?.note) !== text(after.current?.note)) out.push({ row, what: "Ghi chú", before: short(text(before.current?.note)), after: short(text(after.current?.note)) });
    explanationChanges(row, before.current, after.current, out);
    if (options.evidence) evidenceChanges(row, before.evidence, after.evidence, out);
  }

  for (const before of frozen.flatMap((p) => p.tasks)) {
    const row = short(`Nhiệm vụ ${before.code ? `${before.code} ` : ""}${before.content}`);
    const after = liveTasks.get(before.id);
    const out = rowOut(before.id);
    if (!after) {
      out.push({ row, what: "Dòng nhiệm vụ", before: "có trong kế hoạch", after: "đã xóa khỏi kế hoạch" });
      continue;
    }
    const deadline = (t: FrozenTask) => `${text(t.deadlineText)}${t.dueDate ? ` (${formatDate(t.dueDate)})` : ""}`;
    if (deadline(before) !== deadline(after)) out.push({ row, what: "Thời hạn", before: deadline(before), after: deadline(after) });
    const status = (t: FrozenTask) => (t.current ? (TASK_STATUS[t.current.status] ?? t.current.status) : EMPTY);
    if (status(before) !== status(after)) out.push({ row, what: "Tiến độ", before: status(before), after: status(after) });
    if (text(before.current?.resultText) !== text(after.current?.resultText)) out.push({ row, what: "Kết quả", before: short(text(before.current?.resultText)), after: short(text(after.current?.resultText)) });
    if (text(before.current?.reason) !== text(after.current?.reason)) out.push({ row, what: "Lý do", before: short(text(before.current?.reason)), after: short(text(after.current?.reason)) });
    explanationChanges(row, before.current, after.current, out);
    if (options.evidence) evidenceChanges(row, before.evidence, after.evidence, out);
  }

  for (const plan of live) {
    for (const ind of plan.indicators) if (!frozenRowIds.has(ind.id)) all.push({ rowId: ind.id, row: short(`Chỉ tiêu ${ind.code ? `${ind.code} ` : ""}${ind.name}`), what: "Dòng chỉ tiêu", before: "(chưa có)", after: "thêm vào kế hoạch" });
    for (const task of plan.tasks) if (!frozenRowIds.has(task.id)) all.push({ rowId: task.id, row: short(`Nhiệm vụ ${task.code ? `${task.code} ` : ""}${task.content}`), what: "Dòng nhiệm vụ", before: "(chưa có)", after: "thêm vào kế hoạch" });
  }
  return all;
}

/** Changes grouped by the row they are on: what a report's rows show beside themselves. */
export function changesByRow(changes: SnapshotChange[]): Record<string, SnapshotChange[]> {
  const byRow: Record<string, SnapshotChange[]> = {};
  for (const c of changes) (byRow[c.rowId] ??= []).push(c);
  return byRow;
}
