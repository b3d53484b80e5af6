// How a result is shown, once, for every surface: pages, the print view, Excel exports and the
// Word report. A figure, a year-to-date, a quarter's figure, a target and a status each have one
// wording here, so the dashboard, the report form and the documents cannot drift apart.
// Pure and browser-safe.

import { entryInputFor, type EntryShape } from "../reporting/entry";
import { formatNumber, formatPercent } from "../format";
import { describeTarget } from "./status";
import { TASK_STATUS_LABEL, type TaskStatus } from "./tasks";

export { statusText } from "./status";
import type { TargetRule } from "../plan-import/types";
import { quarterDisplayValue, type AggregationInput, type Quarter, type QuarterValue, type YearToDate } from "./year-to-date";

/** What a page shows where there is no figure. Documents leave the cell empty instead. */
export const NO_FIGURE = "—";

export const DONE_TEXT = "Hoàn thành";
export const NOT_DONE_TEXT = "Chưa hoàn thành";

export function doneText(done: boolean): string {
  return done ? DONE_TEXT : NOT_DONE_TEXT;
}

/** Ratios and typed percentages are shown (and exported) as percent. */
export function isPercentFigure(shape: EntryShape): boolean {
  const input = entryInputFor(shape);
  return input === "RATIO" || input === "PERCENT";
}

export interface FigureOptions {
  /** Add the measurement unit after a plain number ("12 sáng kiến"): prose, not table cells. */
  withUnit?: boolean;
}

/** One number as the row shows it: "85,3%", "11", with withUnit "12,5 điểm". "" for no number. */
export function figureText(shape: EntryShape, value: number | null | undefined, options: FigureOptions = {}): string {
  if (value == null) return "";
  if (isPercentFigure(shape)) return formatPercent(value);
  const unit = (shape.measurementUnit ?? "").normalize("NFC").trim();
  const rank = entryInputFor(shape) === "RANK";
  return options.withUnit && unit && !rank ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

export interface FigureText {
  /** The figure, or "" when there is none. */
  text: string;
  /** Counts behind a ratio, "174/204"; empty otherwise. */
  detail: string;
}

const NONE: FigureText = { text: "", detail: "" };

/** A value or a done flag (comparison cells, quarters, year-to-date): the number wins, then done / not done. */
export function resultText(shape: EntryShape, result: { value: number | null; done: boolean | null }, options: FigureOptions = {}): string {
  if (result.value !== null) return figureText(shape, result.value, options);
  return result.done === null ? "" : doneText(result.done);
}

/** The year-to-date figure the status was judged on. */
export function ytdFigure(shape: EntryShape, ytd: YearToDate, options: FigureOptions = {}): FigureText {
  if (ytd.aggregation === "LATEST_DONE") return ytd.done === null ? NONE : { text: doneText(ytd.done), detail: "" };
  if (ytd.value === null) return NONE;
  const detail = ytd.aggregation === "RATIO" && ytd.denominator ? `${formatNumber(ytd.numerator)}/${formatNumber(ytd.denominator)}` : "";
  return { text: figureText(shape, ytd.value, options), detail };
}

/** The year-to-date as a page shows it: the figure, or "—". */
export function ytdText(shape: EntryShape, ytd: YearToDate): string {
  return ytdFigure(shape, ytd).text || NO_FIGURE;
}

type QuarterFigureInput = Omit<QuarterValue, "quarter"> & { quarter: number };

/** One quarter's own figure (not added up): a ratio's percent with its counts, done / not done, or the value. */
export function quarterFigure(ind: EntryShape & AggregationInput, q: QuarterFigureInput | undefined, options: FigureOptions = {}): FigureText {
  if (!q) return NONE;
  const value = quarterDisplayValue(ind, { ...q, quarter: q.quarter as Quarter });
  if (value === null) return NONE;
  const input = entryInputFor(ind);
  if (input === "DONE") return { text: doneText(value === 1), detail: "" };
  const detail = input === "RATIO" ? `${formatNumber(q.numerator)}/${formatNumber(q.denominator)}` : "";
  return { text: figureText(ind, value, options), detail };
}

/** For a spreadsheet cell: the number (formatted by the cell) or the done / not-done text. */
export function resultCell(result: { value: number | null; done: boolean | null }): number | string | null {
  if (result.value !== null) return result.value;
  return result.done === null ? null : doneText(result.done);
}

export function ytdCell(ytd: YearToDate): number | string | null {
  return ytd.aggregation === "LATEST_DONE" ? resultCell({ value: null, done: ytd.done }) : ytd.value;
}

export function quarterCell(ind: EntryShape & AggregationInput, q: QuarterFigureInput | undefined): number | string | null {
  if (!q) return null;
  const value = quarterDisplayValue(ind, { ...q, quarter: q.quarter as Quarter });
  if (value === null) return null;
  return entryInputFor(ind) === "DONE" ? doneText(value === 1) : value;
}

export interface TargetShape extends EntryShape {
  targetRule: TargetRule;
  targetValue?: number | null;
}

/** The target as the application understood it, in the unit the figure is shown in (a ratio's is "%"). */
export function targetText(ind: TargetShape, options: { referenceYear?: number | null } = {}): string {
  const unit = entryInputFor(ind) === "RATIO" ? "%" : ind.measurementUnit;
  return describeTarget(ind.targetRule, ind.targetValue, unit, options);
}

/** Short name of how the year-to-date adds up, under the figure on the report form. */
export function aggregationShortText(ytd: Pick<YearToDate, "aggregation">): string {
  return ytd.aggregation === "RATIO" ? "tổng tử/tổng mẫu" : ytd.aggregation === "SUM" ? "cộng dồn" : "quý gần nhất";
}

/** A task's progress as text; a task nobody reported on yet says so. */
export function taskStatusText(status: string | null | undefined): string {
  return status ? (TASK_STATUS_LABEL[status as TaskStatus] ?? status) : "Chưa báo cáo";
}
