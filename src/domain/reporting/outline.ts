// The report page's parts (issue 21): a plan's rows grouped by their top-level section (I, II,
// A, B…), so that the page renders one part at a time and shows the others as headings with
// their counts. Rows outside any section form the plan's own group, keyed by the plan's id.
import { isOverdue, taskStatusOn, type TaskDeadline, type TaskStatus } from "../evaluation/tasks";

export interface OutlineSection {
  id: string;
  code: string | null;
  title: string;
  /** Set by the report form's data (form-data.ts) in place of depth and parent. */
  top?: boolean;
  depth?: number | null;
  parentId?: string | null;
}

export interface ReportGroup {
  /** The top-level section's id, or the plan's id for rows outside any section. */
  key: string;
  planId: string;
  code: string | null;
  title: string;
}

/** Maps every section of a plan to its top-level section (document order: a deeper section belongs to the last top-level one above it). */
export function topSections(sections: OutlineSection[]): Map<string, OutlineSection> {
  const top = new Map<string, OutlineSection>();
  let current: OutlineSection | null = null;
  // The form's data marks top-level sections only (`top`); the loader's rows carry depth and parent.
  const flagged = sections.some((s) => s.top !== undefined);
  for (const s of sections) {
    // Snapshots taken before depth was kept have only parentId.
    const isTop = (flagged ? !!s.top : (s.depth ?? (s.parentId ? 1 : 0)) === 0) || !current;
    if (isTop) current = s;
    top.set(s.id, current!);
  }
  return top;
}

/** The groups of a report in document order (only those with rows), and the group of each row. */
export function reportGroups(
  plans: { id: string; title: string; sections: OutlineSection[]; indicators: { id: string; sectionId: string | null }[]; tasks: { id: string; sectionId: string | null }[] }[],
): { groups: ReportGroup[]; groupOf: Map<string, string> } {
  const groups: ReportGroup[] = [];
  const groupOf = new Map<string, string>();
  for (const plan of plans) {
    const top = topSections(plan.sections);
    const used = new Set<string>();
    const keyOf = (sectionId: string | null) => (sectionId && top.get(sectionId)?.id) || plan.id;
    for (const row of [...plan.indicators, ...plan.tasks]) {
      const key = keyOf(row.sectionId);
      groupOf.set(row.id, key);
      used.add(key);
    }
    // Rows outside any section come first, as in the document.
    if (used.has(plan.id)) groups.push({ key: plan.id, planId: plan.id, code: null, title: "Chỉ tiêu, nhiệm vụ chung" });
    for (const s of plan.sections) if (top.get(s.id) === s && used.has(s.id)) groups.push({ key: s.id, planId: plan.id, code: s.code, title: s.title });
  }
  return { groups, groupOf };
}

/** The group the page opens: the one asked for (?phan=), else the first. */
export function openGroup(groups: ReportGroup[], asked: string | undefined): string | null {
  return groups.find((g) => g.key === asked)?.key ?? groups[0]?.key ?? null;
}

/** What the row finder and the part headings know of every row, loaded or not. */
export const ROW_EMPTY = 1;
/** Chưa đạt / có nguy cơ (indicators), overdue (tasks). */
export const ROW_RED = 2;
/** An indicator with a target and no figure this quarter (the submit confirmation counts them). */
export const ROW_MISSING = 8;
/** Red without its cause and remedy: submitting is refused until given (issue 17). */
export const ROW_NO_REASON = 4;

/**
 * One row of the outline: id, group index, its search text folded (no diacritics), indexes of
 * its units in the report's unit list, ROW_* flags. A tuple: 177 rows of objects repeat the key
 * names in the page for nothing.
 */
export type OutlineRow = [id: string, group: number, text: string, units: number[], flags: number];

export interface ReportOutline {
  groups: ReportGroup[];
  rows: OutlineRow[];
}

/** As the server judges it: a task marked done after the period's end was not done then (one marked done now is done `doneToday`). */
export function taskOverdue(
  t: TaskDeadline & { current: { status: string; completedAt: string | null } | null },
  status: string,
  today: string,
  doneToday: string,
): boolean {
  const completedAt = status !== "DONE" ? null : t.current?.status === "DONE" ? t.current.completedAt : doneToday;
  return isOverdue({ dueDate: t.dueDate, deadlineKind: t.deadlineKind, occurrences: t.occurrences }, taskStatusOn(status as TaskStatus, completedAt, today), today);
}
