// A quarter's report speaks as of the end of that quarter: overdue, due soon, "chưa có số liệu"
// and the status are judged on the day the period ended (30/6 for Q2) when it is over, on today
// while it runs, and on the day it was submitted once it is on file (so a report read again years
// later says what it said). Pure: the day is passed in, never read from the clock.

import { quarterLabel, todayInVietnam } from "../format";
import { indicatorStatus, type StatusInput, type StatusResult } from "./status";
import { aggregationFor, type Quarter, type QuarterValue } from "./year-to-date";
import { daysUntilDue, isDueSoon, isOverdue, DUE_SOON_DAYS, type TaskDeadline, type TaskStatus } from "./tasks";

const QUARTER_END: Record<Quarter, string> = { 1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31" };

/** Last day of the quarter as ISO "yyyy-mm-dd": quarterEnd(2024, 2) = "2024-06-30". */
export function quarterEnd(year: number, quarter: number): string {
  const q = Math.min(Math.max(Math.trunc(quarter), 1), 4) as Quarter;
  return `${String(year).padStart(4, "0")}-${QUARTER_END[q]}`;
}

/**
 * The day a period is judged on: its last day once it is over, `today` while it runs (or before
 * it starts). `today` is an ISO date; for a report on file, pass the day it was submitted.
 */
export function judgementDay(year: number, quarter: number, today: string): string {
  const end = quarterEnd(year, quarter);
  const day = today.slice(0, 10);
  return day < end ? day : end;
}

/**
 * The day a report is judged on: once on file, as of the day (in Vietnam) it was submitted,
 * `takenAt` being the snapshot's timestamp; otherwise as of `today`. Never the timestamp's UTC
 * date: a report sent at 6 a.m. in Vietnam is still the previous day in UTC.
 */
export function reportJudgementDay(year: number, quarter: number, takenAt: string | null | undefined, today: string): string {
  return judgementDay(year, quarter, takenAt ? todayInVietnam(new Date(takenAt)) : today);
}

/** Whether the period is over on `today`. */
export function periodIsOver(year: number, quarter: number, today: string): boolean {
  return today.slice(0, 10) > quarterEnd(year, quarter);
}

/** A task's deadline verdicts for a period, judged on judgementDay(year, quarter, today). */
export function taskVerdictAsOf(task: TaskDeadline, status: TaskStatus | null | undefined, year: number, quarter: number, today: string) {
  const day = judgementDay(year, quarter, today);
  return {
    overdue: isOverdue(task, status, day),
    dueSoon: isDueSoon(task, status, day, DUE_SOON_DAYS),
    daysLeft: daysUntilDue(task, day),
  };
}

/** Quarters 1..asOf for which the indicator has no figure at all. */
export function quartersWithoutFigures(quarters: QuarterValue[], asOf: number): Quarter[] {
  const has = (v: QuarterValue) => v.numerator != null || v.denominator != null || v.value != null || v.done != null;
  const reported = new Set(quarters.filter(has).map((v) => v.quarter));
  const out: Quarter[] = [];
  for (let q = 1; q <= Math.min(asOf, 4); q++) if (!reported.has(q as Quarter)) out.push(q as Quarter);
  return out;
}

/** "Quý I, Quý III" */
export function quarterList(quarters: readonly number[]): string {
  return quarters.map((q) => quarterLabel(q)).join(", ");
}

export interface AsOfStatus extends StatusResult {
  /** Quarters up to the period without a figure; for the year's report, named in the reason. */
  missingQuarters: Quarter[];
  /** The year's verdict on a count added up over an incomplete year: said so, not called final. */
  incompleteYear: boolean;
}

/**
 * indicatorStatus, plus what the year's report must say: the quarters never reported, and for a
 * count added up over the year (SUM) with a quarter missing, that the year is incomplete, so the
 * verdict is not a final "đạt"/"chưa đạt" without saying so.
 */
export function indicatorStatusAsOf(ind: StatusInput, quarters: QuarterValue[], asOf: number): AsOfStatus {
  const base = indicatorStatus(ind, quarters, asOf);
  const missing = base.status === "NO_DATA" && base.ytd.quartersReported === 0 ? [] : quartersWithoutFigures(quarters, asOf);
  if (asOf < 4 || missing.length === 0 || ind.targetRule === "NONE") return { ...base, missingQuarters: missing, incompleteYear: false };
  const names = quarterList(missing);
  const sum = aggregationFor(ind) === "SUM";
  if (sum && (base.status === "ACHIEVED" || base.status === "NOT_ACHIEVED")) {
    const verdict = base.status === "ACHIEVED" ? "đã đạt chỉ tiêu dù chưa đủ các quý" : "chưa đủ số liệu cả năm để kết luận chưa đạt";
    return { ...base, missingQuarters: missing, incompleteYear: true, reason: `${base.reason} (${names} chưa có số liệu: ${verdict})` };
  }
  return { ...base, missingQuarters: missing, incompleteYear: false, reason: `${base.reason} (${names} chưa có số liệu)` };
}

/** Quarters up to asOf in which no row of the report has any figure: "the year's report never says a quarter is missing". */
export function reportQuartersWithoutFigures(indicators: { quarters: QuarterValue[] }[], asOf: number): Quarter[] {
  if (indicators.length === 0) return [];
  const out: Quarter[] = [];
  for (let q = 1; q <= Math.min(asOf, 4); q++) {
    if (indicators.every((ind) => quartersWithoutFigures(ind.quarters, 4).includes(q as Quarter))) out.push(q as Quarter);
  }
  return out;
}


export { taskStatusOn } from "./tasks";
