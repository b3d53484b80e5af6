// The report form's state as pure data: what the clerk typed (kept as text, so nothing she
// typed is ever dropped), what the server held when the row was loaded, and the rules that
// decide whether fresh server data may replace a row and whether a row may be saved.
import { formatNumber, parseViNumber } from "../format";
import type { TaskStatusValue } from "./entry";
import { type StatusInput, type StatusResult } from "../evaluation/status";
import { indicatorStatusAsOf } from "../evaluation/as-of";
import type { QuarterValue } from "../evaluation/year-to-date";
import { validateIndicatorEntry, validateTaskEntry, type EntryShape, type IndicatorEntry } from "./entry";

export interface IndicatorDraft {
  numerator: string;
  denominator: string;
  value: string;
  done: "" | "yes" | "no";
  note: string;
  /** Giải trình of a red row: why, and what will be done. */
  cause: string;
  remedy: string;
}
export interface TaskDraft {
  status: TaskStatusValue;
  resultText: string;
  reason: string;
  cause: string;
  remedy: string;
}

/** A saved figure as the server sends it. */
export interface SavedIndicatorValue {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  done: boolean | null;
  note: string | null;
  cause?: string | null;
  remedy?: string | null;
}
export interface SavedTaskProgress {
  status: string;
  resultText: string | null;
  reason: string | null;
  cause?: string | null;
  remedy?: string | null;
}

/** A number as the clerk would type it back: vi-VN decimals, no thousands dots. */
export const numberText = (n: number | null | undefined) => (n === null || n === undefined ? "" : formatNumber(n, { maxDecimals: 4 }).replace(/\./g, ""));

export function indicatorDraftOf(saved: SavedIndicatorValue | null | undefined): IndicatorDraft {
  return {
    numerator: numberText(saved?.numerator),
    denominator: numberText(saved?.denominator),
    value: numberText(saved?.value),
    done: saved?.done === true ? "yes" : saved?.done === false ? "no" : "",
    note: saved?.note ?? "",
    cause: saved?.cause ?? "",
    remedy: saved?.remedy ?? "",
  };
}

export function taskDraftOf(saved: SavedTaskProgress | null | undefined, previousStatus?: string | null): TaskDraft {
  return { status: (saved?.status ?? previousStatus ?? "NOT_STARTED") as TaskStatusValue, resultText: saved?.resultText ?? "", reason: saved?.reason ?? "", cause: saved?.cause ?? "", remedy: saved?.remedy ?? "" };
}

export const NOT_A_NUMBER = "Không phải là số. Nhập chữ số, ví dụ 1234 hoặc 12,5.";

/** Text of a number field: empty, a number, or something that is not a number (an error, never "empty"). */
export function parseNumberField(text: string): { ok: true; value: number | null } | { ok: false } {
  if (!text.trim()) return { ok: true, value: null };
  const value = parseViNumber(text);
  return value === null ? { ok: false } : { ok: true, value };
}

/**
 * The entry a draft stands for, plus an error for every field that could not be read.
 * A field that is not a number is left out of the entry, and the row is invalid.
 */
export function readIndicatorDraft(d: IndicatorDraft): { entry: Required<IndicatorEntry> & { cause: string | null; remedy: string | null }; parseErrors: Record<string, string> } {
  const parseErrors: Record<string, string> = {};
  const num = (field: "numerator" | "denominator" | "value") => {
    const parsed = parseNumberField(d[field]);
    if (!parsed.ok) {
      parseErrors[field] = NOT_A_NUMBER;
      return null;
    }
    return parsed.value;
  };
  return {
    entry: { numerator: num("numerator"), denominator: num("denominator"), value: num("value"), done: d.done === "" ? null : d.done === "yes", note: d.note.trim() || null, cause: d.cause.trim() || null, remedy: d.remedy.trim() || null },
    parseErrors,
  };
}

/** Every problem of an indicator draft, field -> Vietnamese message. Empty means it may be saved and judged. */
export function indicatorDraftErrors(shape: EntryShape, d: IndicatorDraft): Record<string, string> {
  const { entry, parseErrors } = readIndicatorDraft(d);
  const ruleErrors = validateIndicatorEntry(shape, entry);
  // An unreadable field's own message wins over what the rules say about the rest.
  return { ...ruleErrors, ...parseErrors };
}

export function taskDraftErrors(d: TaskDraft): Record<string, string> {
  return validateTaskEntry({ status: d.status, resultText: d.resultText, reason: d.reason });
}

export interface RowState<D> {
  draft: D;
  /** What the server had when this row was loaded (or last saved from here). */
  baseline: D;
  /** The version the baseline was loaded at: the optimistic lock sent with a save. */
  version: number | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const isDirty = <D>(row: RowState<D>) => !same(row.draft, row.baseline);

/**
 * Fresh server data (after a save, an upload, or another user's change) folded into the
 * form: a row without local edits takes it; an edited row keeps every keystroke, and adopts
 * the new version only when the saved values did not change underneath (e.g. a row created
 * empty to hold evidence). When they did change, the old version stays, so the next save
 * reports the conflict instead of overwriting the other person's figures.
 */
export function mergeRows<D, R extends { id: string }>(
  old: Map<string, RowState<D>> | null,
  rows: R[],
  draftOf: (row: R) => D,
  versionOf: (row: R) => number | null,
): Map<string, RowState<D>> {
  const next = new Map<string, RowState<D>>();
  for (const row of rows) {
    const fresh = draftOf(row);
    const version = versionOf(row);
    const prev = old?.get(row.id);
    if (!prev || !isDirty(prev)) next.set(row.id, { draft: fresh, baseline: fresh, version });
    else next.set(row.id, same(fresh, prev.baseline) ? { ...prev, version } : prev);
  }
  return next;
}

/** After a save: the rows written are now what the server holds (their new versions come with the refresh). */
export function markSaved<D>(rows: Map<string, RowState<D>>, saved: Set<string>): Map<string, RowState<D>> {
  return new Map([...rows].map(([id, r]) => [id, saved.has(id) ? { ...r, baseline: r.draft } : r]));
}

/** Their row as the server holds it now, returned with a conflicting save. */
export interface Theirs<D> {
  draft: D;
  version: number | null;
}

/** "Giữ của tôi": my draft stays, and is now based on their version, so the retry overwrites knowingly. */
export function keepMine<D>(row: RowState<D>, theirs: Theirs<D>): RowState<D> {
  return { draft: row.draft, baseline: theirs.draft, version: theirs.version };
}

/** "Lấy của họ": their figures replace my draft; nothing is left to save for this row. */
export function takeTheirs<D>(theirs: Theirs<D>): RowState<D> {
  return { draft: theirs.draft, baseline: theirs.draft, version: theirs.version };
}

/** A draft in words, for "mine beside theirs". */
export function indicatorDraftText(d: IndicatorDraft): string {
  if (d.numerator || d.denominator) return `${d.numerator || "?"}/${d.denominator || "?"}`;
  if (d.done) return d.done === "yes" ? "Đã hoàn thành" : "Chưa hoàn thành";
  return d.value || "(trống)";
}

/** What an indicator row shows while the clerk types: its errors, and a status only when there are none. */
export interface LiveIndicator {
  errors: Record<string, string>;
  result: StatusResult | null;
  ratioNow: number | null;
}

export function liveIndicator(ind: StatusInput & EntryShape & { quarters: QuarterValue[] }, draft: IndicatorDraft, quarter: number): LiveIndicator {
  const errors = indicatorDraftErrors(ind, draft);
  if (Object.keys(errors).length) return { errors, result: null, ratioNow: null };
  const { entry } = readIndicatorDraft(draft);
  const quarters: QuarterValue[] = [
    ...ind.quarters.filter((q) => q.quarter !== quarter),
    { quarter: quarter as QuarterValue["quarter"], numerator: entry.numerator, denominator: entry.denominator, value: entry.value, done: entry.done },
  ];
  const ratioNow = entry.numerator !== null && entry.denominator ? (entry.numerator * 100) / entry.denominator : null;
  return { errors, result: indicatorStatusAsOf(ind, quarters, quarter), ratioNow };
}
