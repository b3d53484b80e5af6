// A plan's versions and what an amendment changed, row by row, before → after. Pure.
import { formatDate, formatNumber } from "../format";

export interface VersionIndicator {
  id: string;
  code: string | null;
  name: string;
  measurementUnit: string | null;
  targetText: string | null;
  targetRule: string;
  targetValue: number | null;
  baselineValue: number | null;
}

export interface VersionTask {
  id: string;
  code: string | null;
  content: string;
  deadlineText: string | null;
  dueDate: string | null;
  leadUnitText: string | null;
}

export interface PlanRowsVersion {
  indicators: VersionIndicator[];
  tasks: VersionTask[];
}

export interface PlanRowChange {
  row: string;
  what: string;
  before: string;
  after: string;
}

const EMPTY = "(trống)";
const short = (s: string, max = 80) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};
const label = (kind: string, code: string | null, name: string) => short(`${kind} ${code ? `${code} ` : ""}${name}`);

function indicatorTarget(i: VersionIndicator): string {
  const value = i.targetValue == null ? "" : ` (${formatNumber(i.targetValue)})`;
  return `${i.targetText?.trim() || EMPTY}${value}`;
}

const deadline = (t: VersionTask) => `${t.deadlineText?.trim() || EMPTY}${t.dueDate ? ` (${formatDate(t.dueDate)})` : ""}`;

/** What changed from one version of the plan's rows to another: targets, units, deadlines, rows added or removed. */
export function planRowChanges(before: PlanRowsVersion, after: PlanRowsVersion): PlanRowChange[] {
  const out: PlanRowChange[] = [];
  const afterInd = new Map(after.indicators.map((i) => [i.id, i]));
  const beforeInd = new Set(before.indicators.map((i) => i.id));
  for (const b of before.indicators) {
    const row = label("Chỉ tiêu", b.code, b.name);
    const a = afterInd.get(b.id);
    if (!a) {
      out.push({ row, what: "Dòng", before: "có", after: "đã xóa" });
      continue;
    }
    if (indicatorTarget(a) !== indicatorTarget(b) || a.targetRule !== b.targetRule) out.push({ row, what: "Chỉ tiêu", before: indicatorTarget(b), after: indicatorTarget(a) });
    if ((a.measurementUnit ?? "") !== (b.measurementUnit ?? "")) out.push({ row, what: "Đơn vị tính", before: b.measurementUnit || EMPTY, after: a.measurementUnit || EMPTY });
    if (a.baselineValue !== b.baselineValue) out.push({ row, what: "Số liệu năm trước", before: b.baselineValue == null ? EMPTY : formatNumber(b.baselineValue), after: a.baselineValue == null ? EMPTY : formatNumber(a.baselineValue) });
  }
  for (const a of after.indicators) if (!beforeInd.has(a.id)) out.push({ row: label("Chỉ tiêu", a.code, a.name), what: "Dòng", before: "(chưa có)", after: "thêm mới" });
  const afterTask = new Map(after.tasks.map((t) => [t.id, t]));
  const beforeTask = new Set(before.tasks.map((t) => t.id));
  for (const b of before.tasks) {
    const row = label("Nhiệm vụ", b.code, b.content);
    const a = afterTask.get(b.id);
    if (!a) {
      out.push({ row, what: "Dòng", before: "có", after: "đã xóa" });
      continue;
    }
    if (deadline(a) !== deadline(b)) out.push({ row, what: "Thời hạn", before: deadline(b), after: deadline(a) });
    if ((a.leadUnitText ?? "") !== (b.leadUnitText ?? "")) out.push({ row, what: "Đơn vị chủ trì", before: b.leadUnitText || EMPTY, after: a.leadUnitText || EMPTY });
  }
  for (const a of after.tasks) if (!beforeTask.has(a.id)) out.push({ row: label("Nhiệm vụ", a.code, a.content), what: "Dòng", before: "(chưa có)", after: "thêm mới" });
  return out;
}

/**
 * The rows of a plan as its version in force says them, while an amendment is open: targets,
 * units and deadlines of that version, and only the rows it had (a row added by the pending
 * amendment is not in force yet). Reports of the meantime are judged against these.
 */
export function rowsInForce<
  I extends { id: string; code: string | null; name: string; measurementUnit: string | null; targetText: string | null; targetRule: string; targetValue: number | null; baselineValue: number | null },
  T extends { id: string; code: string | null; content: string; deadlineText: string | null; dueDate: string | null },
>(rows: { indicators: I[]; tasks: T[] }, version: PlanRowsVersion): { indicators: I[]; tasks: T[] } {
  const ind = new Map(version.indicators.map((i) => [i.id, i]));
  const task = new Map(version.tasks.map((t) => [t.id, t]));
  return {
    indicators: rows.indicators
      .filter((i) => ind.has(i.id))
      .map((i) => {
        const v = ind.get(i.id)!;
        return { ...i, code: v.code, name: v.name, measurementUnit: v.measurementUnit, targetText: v.targetText, targetRule: v.targetRule, targetValue: v.targetValue, baselineValue: v.baselineValue };
      }),
    tasks: rows.tasks
      .filter((t) => task.has(t.id))
      .map((t) => {
        const v = task.get(t.id)!;
        return { ...t, code: v.code, content: v.content, deadlineText: v.deadlineText, dueDate: v.dueDate };
      }),
  };
}
