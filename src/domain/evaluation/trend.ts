// What a quarter-by-quarter chart of an indicator draws (issue 17): every quarter up to the one
// judged, a gap (null) where a quarter has no figure, and the line the figures are judged
// against when a quarter's figure can be compared with it.
import type { TargetRule } from "../plan-import/types";
import { formatNumber } from "../format";
import { aggregationFor, type AggregationInput } from "./year-to-date";

export interface TrendPoint {
  quarter: number;
  value: number | null;
}

export interface TrendLine {
  value: number;
  /** "Chỉ tiêu 60%", "Năm trước: hạng 14". */
  label: string;
}

const ROMAN = ["", "I", "II", "III", "IV"];

/** Quarters 1..upTo, each with its figure or null: a missing quarter is a gap, never bridged. */
export function trendPoints(points: TrendPoint[], upTo: number): TrendPoint[] {
  return Array.from({ length: Math.max(0, Math.min(upTo, 4)) }, (_, i) => ({ quarter: i + 1, value: points.find((p) => p.quarter === i + 1)?.value ?? null }));
}

/**
 * The line to draw: the yearly threshold, or last year's figure for targets judged against it.
 * None for yearly totals (SUM: a quarter is a part of the year, not comparable with its target)
 * and for done/not done.
 */
export function trendTarget(ind: AggregationInput & { targetRule: TargetRule; targetValue: number | null; baselineValue: number | null }, percent: boolean): TrendLine | null {
  const aggregation = aggregationFor(ind);
  if (aggregation === "SUM" || aggregation === "LATEST_DONE") return null;
  const unit = percent ? "%" : "";
  switch (ind.targetRule) {
    case "FULL":
      return { value: ind.targetValue ?? 100, label: `Chỉ tiêu ${formatNumber(ind.targetValue ?? 100)}${unit}` };
    case "AT_LEAST":
    case "MORE_THAN":
    case "AT_MOST":
      return ind.targetValue === null ? null : { value: ind.targetValue, label: `Chỉ tiêu ${formatNumber(ind.targetValue, { maxDecimals: 2 })}${unit}` };
    case "BETTER_RANK":
      return ind.baselineValue === null ? null : { value: ind.baselineValue, label: `Năm trước: hạng ${formatNumber(ind.baselineValue)}` };
    case "LOWER_THAN_LAST_YEAR":
      return ind.baselineValue === null ? null : { value: ind.baselineValue, label: `Năm trước: ${formatNumber(ind.baselineValue, { maxDecimals: 2 })}` };
    default:
      return null;
  }
}

/** The chart said in words, for its accessible name: "Quý I: 55%; Quý II: chưa có số liệu; …; chỉ tiêu 60%". */
export function trendText(points: TrendPoint[], percent: boolean, target: TrendLine | null): string {
  const figures = points.map((p) => `Quý ${ROMAN[p.quarter]}: ${p.value === null ? "chưa có số liệu" : `${formatNumber(p.value, { maxDecimals: 1 })}${percent ? "%" : ""}`}`);
  return [...figures, ...(target ? [target.label.charAt(0).toLowerCase() + target.label.slice(1)] : [])].join("; ");
}
