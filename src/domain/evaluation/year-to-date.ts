// Year-to-date value of an indicator from its quarterly figures.
// Pure: plain numbers in and out, safe to import in client components.

import type { TargetRule, ValueKind } from "../plan-import/types";
import { foldText } from "../text";

export type Quarter = 1 | 2 | 3 | 4;

/** One quarter's figures for one indicator. Quarters without a report are simply absent. */
export interface QuarterValue {
  quarter: Quarter;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  done?: boolean | null;
}

/** The fields of an indicator that decide how its quarters add up. */
export interface AggregationInput {
  valueKind: ValueKind;
  measurementUnit?: string | null;
  name: string;
  targetRule: TargetRule;
}

/**
 * How quarters add up to the year-to-date value:
 * - RATIO: sum of numerators / sum of denominators × 100 (never an average of percentages);
 * - LATEST: the latest reported quarter (scores, typed percentages, ranks, stock counts);
 * - LATEST_DONE: done when the latest reported quarter says done;
 * - SUM: quarters added up (initiatives, dialogues, ... counted as they happen).
 */
export type Aggregation = "RATIO" | "LATEST" | "LATEST_DONE" | "SUM";

/** One-line Vietnamese explanation of each aggregation, for tooltips and report footnotes. */
export const AGGREGATION_LABEL: Record<Aggregation, string> = {
  RATIO: "Lũy kế = tổng tử số ÷ tổng mẫu số của các quý đã báo cáo × 100 (không lấy trung bình tỷ lệ các quý)",
  LATEST: "Lấy số liệu của quý gần nhất đã báo cáo",
  LATEST_DONE: "Hoàn thành khi quý gần nhất đã báo cáo ghi nhận hoàn thành",
  SUM: "Cộng dồn số liệu các quý đã báo cáo",
};

/**
 * Folded (diacritic-free) words in a name that mark a score or a percentage, not a count.
 * "điểm" is only trusted as a unit: in a name it is as often a place ("số điểm wifi").
 */
const SCORE_OR_PERCENT_NAME = /\b(chi so|hai long|muc do|ty le)\b/;

function isScoreOrPercentUnit(unit: string | null | undefined): boolean {
  if (!unit) return false;
  const folded = foldText(unit);
  return folded.includes("%") || /\bdiem\b/.test(folded) || /\bphan tram\b/.test(folded);
}

export function aggregationFor(ind: AggregationInput): Aggregation {
  // A done/not-done target can only be judged on "done", whatever kind of value was guessed.
  if (ind.targetRule === "DONE") return "LATEST_DONE";
  switch (ind.valueKind) {
    case "RATIO":
      return "RATIO";
    case "RANK":
      return "LATEST";
    case "BOOLEAN":
      return "LATEST_DONE";
    case "NUMBER":
      if (isScoreOrPercentUnit(ind.measurementUnit)) return "LATEST";
      if (SCORE_OR_PERCENT_NAME.test(foldText(ind.name))) return "LATEST";
      // "Giảm số lượng so với năm trước": a head-count or number of units at a point in time.
      if (ind.targetRule === "LOWER_THAN_LAST_YEAR") return "LATEST";
      return "SUM";
  }
}

export interface YearToDate {
  aggregation: Aggregation;
  /** Percent for RATIO, the figure for LATEST/SUM; null when there is nothing to show (and for LATEST_DONE). */
  value: number | null;
  /** RATIO only: the summed counts. */
  numerator: number | null;
  denominator: number | null;
  /** LATEST_DONE only. */
  done: boolean | null;
  /** Quarters up to asOf that carry a usable figure. */
  quartersReported: number;
  /** The latest of those quarters, or null. */
  lastQuarter: Quarter | null;
}

function num(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

/** A ratio in percent; null when the denominator is zero or missing. */
function percentOf(numerator: number, denominator: number): number | null {
  // ×100 before dividing keeps exact cases exact: 57/100 -> 57, not 56.99999999999999.
  return denominator === 0 ? null : (numerator * 100) / denominator;
}

function hasFigure(aggregation: Aggregation, q: QuarterValue): boolean {
  switch (aggregation) {
    case "RATIO":
      return num(q.numerator) !== null && num(q.denominator) !== null;
    case "LATEST_DONE":
      return typeof q.done === "boolean";
    default:
      return num(q.value) !== null;
  }
}

/** Quarters up to asOf with a usable figure, one per quarter (the last given wins), in order. */
function reportedQuarters(aggregation: Aggregation, quarters: QuarterValue[], asOfQuarter: number): QuarterValue[] {
  const byQuarter = new Map<number, QuarterValue>();
  for (const q of quarters) {
    if (q.quarter >= 1 && q.quarter <= asOfQuarter) byQuarter.set(q.quarter, q);
  }
  return [...byQuarter.values()].filter((q) => hasFigure(aggregation, q)).sort((a, b) => a.quarter - b.quarter);
}

export function yearToDate(ind: AggregationInput, quarters: QuarterValue[], asOfQuarter: number): YearToDate {
  const aggregation = aggregationFor(ind);
  const reported = reportedQuarters(aggregation, quarters, asOfQuarter);
  const latest = reported.at(-1) ?? null;
  const result: YearToDate = {
    aggregation,
    value: null,
    numerator: null,
    denominator: null,
    done: null,
    quartersReported: reported.length,
    lastQuarter: latest ? latest.quarter : null,
  };
  if (!latest) return result;

  switch (aggregation) {
    case "RATIO": {
      const total = sumRatio(reported);
      return { ...result, ...total };
    }
    case "LATEST":
      return { ...result, value: num(latest.value) };
    case "LATEST_DONE":
      return { ...result, done: latest.done ?? null };
    case "SUM":
      return { ...result, value: reported.reduce((sum, q) => sum + (num(q.value) ?? 0), 0) };
  }
}

/**
 * The quarter's own figure: for a ratio, that quarter's numerator / denominator in percent;
 * for a done/not-done indicator, 1 or 0; otherwise the typed value. Null when not reported.
 */
export function quarterDisplayValue(ind: AggregationInput, q: QuarterValue): number | null {
  const aggregation = aggregationFor(ind);
  if (!hasFigure(aggregation, q)) return null;
  switch (aggregation) {
    case "RATIO":
      return percentOf(num(q.numerator)!, num(q.denominator)!);
    case "LATEST_DONE":
      return q.done ? 1 : 0;
    default:
      return num(q.value);
  }
}

export interface RatioTotal {
  /** sum(numerators) / sum(denominators) × 100; null when the summed denominator is 0 or nothing was given. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Total of several ratios (quarters of one commune, or communes under a reviewer): sum over sum.
 * Parts missing either count are left out; a zero total denominator means no data.
 */
export function sumRatio(parts: { numerator?: number | null; denominator?: number | null }[]): RatioTotal {
  let numerator = 0;
  let denominator = 0;
  let counted = 0;
  for (const part of parts) {
    const n = num(part.numerator);
    const d = num(part.denominator);
    if (n === null || d === null) continue;
    numerator += n;
    denominator += d;
    counted++;
  }
  if (counted === 0) return { value: null, numerator: null, denominator: null };
  return { value: percentOf(numerator, denominator), numerator, denominator };
}
