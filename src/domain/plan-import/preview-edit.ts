// Corrections a clerk makes in the import preview, as pure functions on ParsedPlan: they run
// in the browser while the clerk types (the preview state is the ParsedPlan itself) and are
// unit-tested here. Every function returns new objects; nothing is mutated.

import { formatDate } from "../format";
import { deadlineProblem, parseDeadline } from "./deadline";
import { parseTarget } from "./target";
import { classifyIndicatorGroup, inferValueKind } from "./classify";
import { baselineWarning, isBaselineWarning, needsBaseline, parseBaseline } from "../plans/baseline";
import type { ParsedDeadline, ParsedIndicator, ParsedPlan, ParsedRow, ParsedTask } from "./types";
import { matchUnits, normalizeUnitKey } from "./units";
import { splitUnitList } from "../plans/unit-roles";
import { ROW_KIND, rowMainText } from "../plans/row-kinds";

export const MISSING_LEAD_WARNING = "Không xác định được đơn vị chủ trì; cần chọn lại";
const EMPTY_TEXT_WARNINGS = ["Dòng không có nội dung nhiệm vụ", "Dòng không có tên chỉ tiêu"];

/** The row's main text: a section's title, a task's content, an indicator's name. */
export function rowText(row: ParsedRow): string {
  return rowMainText(row.type, row);
}

export function setRowText(row: ParsedRow, text: string): ParsedRow {
  const warnings = text.trim() ? row.warnings.filter((w) => !EMPTY_TEXT_WARNINGS.includes(w)) : row.warnings;
  return { ...row, [ROW_KIND[row.type].textField]: text, warnings };
}

/** Every unit name the row gives, whatever its role. */
export function unitNamesOf(row: ParsedRow): string[] {
  if (row.type === "task") return [...row.leadUnits, ...row.coordinatingUnits];
  if (row.type === "indicator") return [...row.monitoringUnits, ...row.implementingUnits];
  return [];
}

export function setRowCode(row: ParsedRow, code: string): ParsedRow {
  return { ...row, code: code.trim() ? code : null };
}

/** A new deadline text, understood at once; the old text's warning goes, the new one's comes. */
export function setTaskDeadline(row: ParsedTask, text: string, year: number | null): ParsedTask {
  const old = deadlineProblem(row.deadline);
  const deadline = parseDeadline(text, year);
  const problem = deadlineProblem(deadline);
  const warnings = row.warnings.filter((w) => w !== old);
  return { ...row, deadline: { ...deadline, text }, warnings: problem ? [...warnings, problem] : warnings };
}

/** A new target text, understood at once (its unit from the measurement unit when unstated, as the parser does). */
export function setIndicatorTarget(row: ParsedIndicator, text: string): ParsedIndicator {
  let target = { ...parseTarget(text), text };
  if (!target.unit && row.measurementUnit && target.value !== null) target = { ...target, unit: row.measurementUnit };
  return withBaselineWarning({ ...row, target });
}

/** The warning that asks for the earlier year's value, present exactly while it is missing. */
function withBaselineWarning(row: ParsedIndicator): ParsedIndicator {
  const warnings = row.warnings.filter((w) => !isBaselineWarning(w));
  if (needsBaseline(row.target.rule) && row.baselineValue == null) warnings.push(baselineWarning(row.target.rule, row.target.referenceYear));
  return { ...row, warnings };
}

/** Last year's (or the named year's) rank or figure, typed by the clerk; blank clears it. */
export function setBaseline(row: ParsedIndicator, text: string): ParsedIndicator {
  const value = parseBaseline(text);
  return withBaselineWarning({ ...row, baselineValue: value === "invalid" ? (row.baselineValue ?? null) : value });
}

/** The indicator's own deadline ("hoàn thành trong Quý I"); blank removes it. */
export function setIndicatorDeadline(row: ParsedIndicator, text: string, year: number | null): ParsedIndicator {
  const old = row.deadline ? deadlineProblem(row.deadline) : null;
  const deadline = text.trim() ? { ...parseDeadline(text, year), text } : null;
  const problem = deadline ? deadlineProblem(deadline) : null;
  const warnings = row.warnings.filter((w) => w !== old);
  return { ...row, deadline, warnings: problem ? [...warnings, problem] : warnings };
}

export function setRatioLabels(row: ParsedIndicator, labels: { numerator?: string; denominator?: string }): ParsedIndicator {
  const clean = (t: string | undefined, old: string | null) => (t === undefined ? old : t.trim() ? t : null);
  return { ...row, numeratorLabel: clean(labels.numerator, row.numeratorLabel), denominatorLabel: clean(labels.denominator, row.denominatorLabel) };
}

/** A group chosen for a main indicator carries to its "-" sub-rows (they belong to it). */
export function setIndicatorGroup(plan: ParsedPlan, index: number, group: ParsedIndicator["group"]): ParsedPlan {
  return {
    ...plan,
    rows: plan.rows.map((r, i) => (r.type === "indicator" && (i === index || r.parentIndicatorIndex === index) ? { ...r, group } : r)),
  };
}

/**
 * A row read as the wrong kind becomes the right one, keeping its code, place, text, units
 * (lead ↔ monitoring), deadline and note; a section keeps only its title. A row that has rows
 * inside it (sub-rows, a section's rows) stays in place: their links are kept as they are.
 */
export function changeRowKind(plan: ParsedPlan, index: number, kind: ParsedRow["type"]): ParsedPlan {
  const row = plan.rows[index];
  if (!row || row.type === kind) return plan;
  const text = rowText(row);
  const units =
    row.type === "task"
      ? { heads: row.leadUnits, others: row.coordinatingUnits, headText: row.leadUnitText, otherText: row.coordinatingText }
      : row.type === "indicator"
        ? { heads: row.monitoringUnits, others: row.implementingUnits, headText: row.monitoringUnitText, otherText: row.implementingUnitText }
        : { heads: [], others: [], headText: null, otherText: null };
  const deadline = row.type === "task" ? row.deadline : row.type === "indicator" ? (row.deadline ?? null) : null;
  const note = row.type === "section" ? null : (row.note ?? null);
  const base = { code: row.code, parentIndex: row.parentIndex, depth: row.depth, raw: row.raw, warnings: [] as string[] };
  const sectionOf = (i: number | null): number | null => (i === null || plan.rows[i]?.type === "section" ? i : sectionOf(plan.rows[i].parentIndex));
  let next: ParsedRow;
  if (kind === "section") next = { ...base, type: "section", title: text };
  else if (kind === "task") {
    next = {
      ...base,
      type: "task",
      content: text,
      requirement: null,
      expectedResult: row.type === "indicator" ? row.target.text || null : null,
      deadline: deadline ?? parseDeadline("", plan.year),
      leadUnits: units.heads,
      coordinatingUnits: units.others,
      leadUnitText: units.headText,
      coordinatingText: units.otherText,
      note,
    };
  } else {
    const target = parseTarget(row.type === "task" ? (row.expectedResult ?? "") : "");
    next = withBaselineWarning({
      ...base,
      parentIndex: sectionOf(row.parentIndex),
      type: "indicator",
      name: text,
      group: classifyIndicatorGroup(text),
      measurementUnit: target.unit,
      valueKind: inferValueKind(text, target, target.unit, classifyIndicatorGroup(text)),
      target,
      monitoringUnits: units.heads,
      implementingUnits: units.others,
      monitoringUnitText: units.headText,
      implementingUnitText: units.otherText,
      numeratorLabel: null,
      denominatorLabel: null,
      parentIndicatorIndex: null,
      note,
      deadline: deadline?.text ? deadline : null,
    });
  }
  const rows = plan.rows.map((r, i): ParsedRow => {
    if (i === index) return next;
    // Sub-rows of an indicator that is no longer one become plain indicators of its section.
    if (r.type === "indicator" && r.parentIndicatorIndex === index && kind !== "indicator") return { ...r, parentIndicatorIndex: null };
    // Rows inside a section that is no longer one move to the enclosing section.
    if (row.type === "section" && r.parentIndex === index) return { ...r, parentIndex: row.parentIndex };
    return r;
  });
  return { ...plan, rows };
}

/** A row the reader missed, added after `index` (inside the same section), empty for the clerk to fill. */
export function addRowAfter(plan: ParsedPlan, index: number, kind: "task" | "indicator"): { plan: ParsedPlan; at: number } {
  const above = plan.rows[index];
  const parentIndex = above ? (above.type === "section" ? index : above.parentIndex) : null;
  const depth = parentIndex === null ? 0 : plan.rows[parentIndex].depth + 1;
  const at = index + 1;
  const blank: ParsedPlan = { ...plan, rows: [...plan.rows.slice(0, at), { type: "section", code: null, parentIndex, depth, warnings: [], raw: "", title: "" }, ...plan.rows.slice(at)] };
  // Links to rows at or after the insertion point shift by one.
  const shift = (i: number | null) => (i !== null && i >= at ? i + 1 : i);
  blank.rows = blank.rows.map((r, i) => {
    if (i === at) return r;
    const moved = { ...r, parentIndex: shift(r.parentIndex) };
    return moved.type === "indicator" ? { ...moved, parentIndicatorIndex: shift(moved.parentIndicatorIndex) } : moved;
  });
  const added = changeRowKind(blank, at, kind);
  added.rows[at] = { ...added.rows[at], warnings: [] };
  return { plan: added, at };
}

export { splitUnitList };

function without(names: string[], name: string): string[] {
  const key = normalizeUnitKey(name);
  return names.filter((n) => normalizeUnitKey(n) !== key);
}

/** The task's lead units ("A; B": A leads, B leads with it); a lead is not also coordinating. */
export function setLeadUnit(row: ParsedTask, text: string): ParsedTask {
  const leads = splitUnitList(text);
  const coordinating = leads.reduce((names, lead) => without(names, lead), row.coordinatingUnits);
  return {
    ...row,
    leadUnits: leads,
    coordinatingUnits: coordinating,
    warnings: leads.length ? row.warnings.filter((w) => w !== MISSING_LEAD_WARNING) : row.warnings,
  };
}

export function setCoordinatingUnits(row: ParsedTask, text: string): ParsedTask {
  return { ...row, coordinatingUnits: row.leadUnits.reduce((names, lead) => without(names, lead), splitUnitList(text)) };
}

export function setMonitoringUnit(row: ParsedIndicator, text: string): ParsedIndicator {
  return { ...row, monitoringUnits: splitUnitList(text) };
}

export function setImplementingUnits(row: ParsedIndicator, text: string): ParsedIndicator {
  return { ...row, implementingUnits: splitUnitList(text) };
}

export function dismissWarning(row: ParsedRow, index: number): ParsedRow {
  return { ...row, warnings: row.warnings.filter((_, i) => i !== index) };
}

/** Deadlines written without a year ("Quý II") follow the plan's year when the clerk changes it. */
export function setPlanYear(plan: ParsedPlan, year: number | null): ParsedPlan {
  return {
    ...plan,
    year,
    rows: plan.rows.map((row) => (row.type === "task" ? setTaskDeadline(row, row.deadline.text, year) : row)),
  };
}

function parentOf(row: ParsedRow): number | null {
  return row.type === "indicator" && row.parentIndicatorIndex !== null ? row.parentIndicatorIndex : row.parentIndex;
}

/** Indexes of the row and every row inside it (a section's rows, an indicator's sub-rows). */
export function subtreeIndexes(rows: ParsedRow[], index: number): number[] {
  const inside = new Set([index]);
  for (let i = index + 1; i < rows.length; i++) {
    const row = rows[i];
    if ((row.parentIndex !== null && inside.has(row.parentIndex)) || (parentOf(row) !== null && inside.has(parentOf(row)!))) inside.add(i);
  }
  return [...inside];
}

/**
 * Removes a row with everything inside it and renumbers the links of the rows that stay.
 * `kept` lists, for each remaining row, its old index (so the caller can carry row keys along).
 */
export function removeRow(plan: ParsedPlan, index: number): { plan: ParsedPlan; kept: number[] } {
  const gone = new Set(subtreeIndexes(plan.rows, index));
  const kept = plan.rows.map((_, i) => i).filter((i) => !gone.has(i));
  const newIndex = new Map(kept.map((old, i) => [old, i]));
  const remap = (i: number | null) => (i === null ? null : (newIndex.get(i) ?? null));
  const rows = kept.map((old): ParsedRow => {
    const row = plan.rows[old];
    const moved = { ...row, parentIndex: remap(row.parentIndex) };
    return moved.type === "indicator" ? { ...moved, parentIndicatorIndex: remap(moved.parentIndicatorIndex) } : moved;
  });
  return { plan: { ...plan, rows }, kept };
}

export interface UnitMatch {
  /** The name as the plan has it. */
  name: string;
  /** The existing unit it is, or null when saving will create it. */
  unitId: string | null;
  existingName: string | null;
}

/** Every unit name in the plan, each matched (ignoring diacritics and abbreviations) to an existing unit. */
export function planUnits(plan: ParsedPlan, existing: { id: string; name: string }[]): UnitMatch[] {
  const names = new Map<string, string>();
  for (const row of plan.rows) {
    for (const name of unitNamesOf(row)) if (name.trim() && !names.has(name)) names.set(name, name);
  }
  const byId = new Map(existing.map((u) => [u.id, u.name]));
  return matchUnits([...names.keys()], existing).map((m) => ({ ...m, existingName: m.unitId ? (byId.get(m.unitId) ?? null) : null }));
}

/** The units saving will create: one per distinct key ("Văn phòng – Thống kê" and "VP-TK" are one). */
export function newUnitNames(matches: UnitMatch[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of matches) {
    const key = normalizeUnitKey(m.name);
    if (m.unitId || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(m.name);
  }
  return out;
}

/** How a deadline was understood, for the preview: "Hạn 30/06/2025", "Trong kỳ 01/04/2025 – 30/06/2025". */
export function describeDeadline(deadline: ParsedDeadline): string {
  switch (deadline.kind) {
    case "DATE":
      return deadline.dueDate ? `Hạn ${formatDate(deadline.dueDate)}` : "Theo ngày (chưa rõ năm)";
    case "PERIOD":
      return deadline.periodStart && deadline.periodEnd
        ? `Trong kỳ ${formatDate(deadline.periodStart)} – ${formatDate(deadline.periodEnd)}`
        : "Trong kỳ (chưa rõ năm)";
    case "RECURRING":
      return deadline.occurrences?.length ? `Định kỳ, hạn ${deadline.occurrences.map(formatDate).join("; ")}` : "Định kỳ (không có hạn cố định)";
    case "ONGOING":
      return "Thường xuyên";
    case "DEPENDENT":
      return "Theo kế hoạch, tiến độ của cơ quan khác";
    default:
      return deadline.text ? "Chưa hiểu được thời hạn" : "Không ghi thời hạn";
  }
}
