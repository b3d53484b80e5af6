// Verdict on an indicator against its yearly target, with a short Vietnamese reason.
// The thresholds live here once; STATUS_RULES_VI (the "cách tính" text printed on the dashboard)
// is generated from them so the explanation cannot drift from the code.

import type { TargetRule } from "../plan-import/types";
import { cleanText, foldText } from "../text";
import { formatNumber, formatPercent, quarterLabel } from "../format";
import {
  AGGREGATION_LABEL,
  type Aggregation,
  type AggregationInput,
  type QuarterValue,
  type YearToDate,
  yearToDate,
} from "./year-to-date";

export type IndicatorStatus = "ACHIEVED" | "AT_RISK" | "NOT_ACHIEVED" | "NO_DATA" | "NO_TARGET";

export const STATUS_LABEL: Record<IndicatorStatus, string> = {
  ACHIEVED: "Đạt",
  AT_RISK: "Có nguy cơ",
  NOT_ACHIEVED: "Chưa đạt",
  NO_DATA: "Chưa có số liệu",
  NO_TARGET: "Không đặt chỉ tiêu",
};

/** Text symbols shown next to the label: status is never told by colour alone. */
export const STATUS_ICON: Record<IndicatorStatus, string> = {
  ACHIEVED: "✔",
  AT_RISK: "⚠",
  NOT_ACHIEVED: "✖",
  NO_DATA: "…",
  NO_TARGET: "○",
};

/** "✔ Đạt": where the status is plain text (print, exports, the "cách tính"); pages use StatusBadge. */
export function statusText(status: IndicatorStatus): string {
  return `${STATUS_ICON[status]} ${STATUS_LABEL[status]}`;
}

/** Worst first: for sorting lists the chairman reads top-down. */
export const STATUS_ORDER: readonly IndicatorStatus[] = ["NOT_ACHIEVED", "AT_RISK", "NO_DATA", "ACHIEVED", "NO_TARGET"];

/** From this quarter on, a target not yet met is "chưa đạt": the year is over. */
export const FINAL_QUARTER = 4;
/** Before the final quarter, a % target missed by at most this many percentage points is "có nguy cơ". */
export const AT_RISK_MAX_PERCENT_POINTS = 10;
/** Before the final quarter, a numeric target reached to at least this share is "có nguy cơ". */
export const AT_RISK_MIN_SHARE_OF_TARGET = 0.9;

/** Tolerance for floating-point noise in comparisons (55/100×100 and the like). */
const EPSILON = 1e-9;

export interface TargetInput {
  rule: TargetRule;
  /** Threshold for AT_LEAST / MORE_THAN / AT_MOST / FULL (FULL defaults to 100). */
  value?: number | null;
  /** Last year's value, for BETTER_RANK and LOWER_THAN_LAST_YEAR. */
  baselineValue?: number | null;
}

type YtdForTarget = Pick<YearToDate, "value" | "done"> & { aggregation?: Aggregation };

function num(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

/**
 * Whether the year-to-date figure meets the target.
 * Null when it cannot be judged: no target (NONE), no figure, no threshold, or no baseline.
 */
export function evaluateTarget(target: TargetInput, ytd: YtdForTarget): boolean | null {
  if (target.rule === "NONE") return null;
  if (target.rule === "DONE" || ytd.aggregation === "LATEST_DONE") {
    return typeof ytd.done === "boolean" ? ytd.done : null;
  }
  const v = num(ytd.value);
  if (v === null) return null;
  const t = num(target.value);
  const baseline = num(target.baselineValue);
  switch (target.rule) {
    case "AT_LEAST":
      return t === null ? null : v >= t - EPSILON;
    case "MORE_THAN":
      return t === null ? null : v > t + EPSILON;
    case "AT_MOST":
      return t === null ? null : v <= t + EPSILON;
    case "FULL":
      return v >= (t ?? 100) - EPSILON;
    case "BETTER_RANK": // a smaller rank number is better
    case "LOWER_THAN_LAST_YEAR":
      return baseline === null ? null : v < baseline - EPSILON;
  }
}

function unitSuffix(unit: string | null | undefined): string {
  const u = unit ? cleanText(unit) : "";
  if (!u) return "";
  return u === "%" ? "%" : ` ${u}`;
}

function formatTargetNumber(value: number): string {
  return formatNumber(value, { maxDecimals: 2 });
}

/** The target as the application understood it: "Tối thiểu 60%", "Thứ hạng tốt hơn năm 2024", ... */
export function describeTarget(
  rule: TargetRule,
  value: number | null | undefined,
  unit: string | null | undefined,
  options: { referenceYear?: number | null } = {},
): string {
  const t = num(value);
  const amount = t === null ? "(chưa ghi con số)" : `${formatTargetNumber(t)}${unitSuffix(unit)}`;
  const lastYear = options.referenceYear ? `năm ${options.referenceYear}` : "năm trước";
  switch (rule) {
    case "AT_LEAST":
      return `Tối thiểu ${amount}`;
    case "MORE_THAN":
      return `Trên ${amount}`;
    case "AT_MOST":
      return `Tối đa ${amount}`;
    case "FULL":
      return `${formatTargetNumber(t ?? 100)}%`;
    case "BETTER_RANK":
      return `Thứ hạng tốt hơn ${lastYear}`;
    case "LOWER_THAN_LAST_YEAR":
      return `Thấp hơn ${lastYear}`;
    case "DONE":
      return "Hoàn thành";
    case "NONE":
      return "Không đặt chỉ tiêu";
  }
}

/** An indicator as the status needs it: how it aggregates plus its target. */
export interface StatusInput extends AggregationInput {
  targetValue?: number | null;
  baselineValue?: number | null;
  /** Year named in "so với năm 2024", for the reason text. */
  referenceYear?: number | null;
}

export interface StatusResult {
  status: IndicatorStatus;
  ytd: YearToDate;
  /** Whether the target is met; null when it cannot be judged. */
  meets: boolean | null;
  /** Short Vietnamese sentence explaining the verdict. */
  reason: string;
}

/** Targets measured in percent: ratios, "%" units and FULL (100%). */
function isPercentTarget(ind: StatusInput, aggregation: Aggregation): boolean {
  if (aggregation === "RATIO" || ind.targetRule === "FULL") return true;
  return ind.measurementUnit ? foldText(ind.measurementUnit).includes("%") : false;
}

/** Before the final quarter: is the gap to an unmet target small enough to call it "at risk"? */
function isSmallGap(rule: TargetRule, v: number, t: number, percent: boolean): boolean {
  const allowedShortfall = percent ? AT_RISK_MAX_PERCENT_POINTS : Math.abs(t) * (1 - AT_RISK_MIN_SHARE_OF_TARGET);
  const shortfall = rule === "AT_MOST" ? v - t : t - v;
  return shortfall <= allowedShortfall + EPSILON;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi-VN") + text.slice(1);
}

/** Enough decimals that a value shown next to its target never looks equal when it is not. */
function comparableDecimals(v: number, t: number): number {
  for (let d = 1; d < 4; d++) {
    if (formatNumber(v, { maxDecimals: d }) !== formatNumber(t, { maxDecimals: d })) return d;
  }
  return 4;
}

/** [met, missed] comparison signs for threshold targets, as the reason sentence shows them. */
const COMPARISON_SYMBOLS: Partial<Record<TargetRule, [string, string]>> = {
  AT_LEAST: ["≥", "<"],
  FULL: ["≥", "<"],
  MORE_THAN: [">", "≤"],
  AT_MOST: ["≤", ">"],
};

export function indicatorStatus(ind: StatusInput, quarters: QuarterValue[], asOfQuarter: number): StatusResult {
  const ytd = yearToDate(ind, quarters, asOfQuarter);
  const target: TargetInput = { rule: ind.targetRule, value: ind.targetValue, baselineValue: ind.baselineValue };
  const meets = evaluateTarget(target, ytd);
  const percent = isPercentTarget(ind, ytd.aggregation);
  const unit = percent ? "%" : ind.measurementUnit;
  const isFinal = asOfQuarter >= FINAL_QUARTER;
  const asOfText = `hết ${quarterLabel(Math.min(Math.max(asOfQuarter, 1), 4))}`;
  const result = (status: IndicatorStatus, reason: string): StatusResult => ({ status, ytd, meets, reason });

  const show = (v: number, decimals = 1): string =>
    percent ? formatPercent(v, { maxDecimals: decimals }) : `${formatNumber(v, { maxDecimals: decimals })}${unitSuffix(unit)}`;
  const subject =
    ytd.aggregation === "RATIO"
      ? "Lũy kế"
      : ytd.aggregation === "SUM"
        ? "Cộng dồn"
        : ytd.lastQuarter
          ? `Số liệu ${quarterLabel(ytd.lastQuarter)}`
          : "Số liệu";

  if (ind.targetRule === "NONE") {
    const tracked = ytd.value !== null ? `; ${lowerFirst(subject)} ${show(ytd.value)}` : "";
    return result("NO_TARGET", `Không đặt chỉ tiêu, chỉ theo dõi${tracked}`);
  }

  // Done / not done.
  if (ind.targetRule === "DONE" || ytd.aggregation === "LATEST_DONE") {
    if (ytd.done === null) return result("NO_DATA", `Chưa có số liệu đến ${asOfText}`);
    const when = ytd.lastQuarter ? ` (báo cáo ${quarterLabel(ytd.lastQuarter)})` : "";
    if (ytd.done) return result("ACHIEVED", `Đã hoàn thành${when}`);
    return isFinal
      ? result("NOT_ACHIEVED", `Đến ${asOfText} chưa hoàn thành`)
      : result("AT_RISK", `Chưa hoàn thành${when}, còn thời gian đến cuối năm`);
  }

  const v = ytd.value;
  if (v === null) {
    if (ytd.aggregation === "RATIO" && ytd.quartersReported > 0) {
      return result("NO_DATA", `Tổng mẫu số đến ${asOfText} bằng 0 (chưa phát sinh), chưa tính được tỷ lệ`);
    }
    return result("NO_DATA", `Chưa có số liệu đến ${asOfText}`);
  }

  // Compared with last year.
  if (ind.targetRule === "BETTER_RANK" || ind.targetRule === "LOWER_THAN_LAST_YEAR") {
    const rank = ind.targetRule === "BETTER_RANK";
    const when = ytd.lastQuarter ? ` (${quarterLabel(ytd.lastQuarter)})` : "";
    const current = rank ? `Thứ hạng ${formatNumber(v)}${when}` : `${subject} ${show(v)}`;
    const baseline = num(ind.baselineValue);
    if (baseline === null) {
      return result("NO_DATA", `${current}; chưa có ${rank ? "thứ hạng" : "số liệu"} năm trước để so sánh`);
    }
    const lastYear = rank ? `năm trước (hạng ${formatNumber(baseline)})` : `năm trước (${show(baseline)})`;
    if (meets) return result("ACHIEVED", `${current}, ${rank ? "tốt hơn" : "thấp hơn"} ${lastYear}`);
    const verdict = `${current}, chưa ${rank ? "tốt hơn" : "thấp hơn"} ${lastYear}`;
    return isFinal ? result("NOT_ACHIEVED", verdict) : result("AT_RISK", `${verdict}, còn thời gian đến cuối năm`);
  }

  // Threshold targets: AT_LEAST, MORE_THAN, AT_MOST, FULL.
  const t = ind.targetRule === "FULL" ? (num(ind.targetValue) ?? 100) : num(ind.targetValue);
  if (t === null) return result("NO_DATA", "Chỉ tiêu chưa ghi con số cụ thể, chưa đánh giá được");
  const targetText = `chỉ tiêu ${lowerFirst(describeTarget(ind.targetRule, t, unit))}`;
  const shown = show(v, comparableDecimals(v, t));
  const [metSymbol, missedSymbol] = COMPARISON_SYMBOLS[ind.targetRule] ?? ["≥", "<"];
  if (meets) return result("ACHIEVED", `${subject} ${shown} ${metSymbol} ${targetText}`);

  const gap = Math.abs(v - t);
  const gapDecimals = comparableDecimals(gap, 0);
  const gapText =
    gap <= EPSILON
      ? ""
      : percent
        ? `, ${ind.targetRule === "AT_MOST" ? "vượt" : "còn thiếu"} ${formatNumber(gap, { maxDecimals: gapDecimals })} điểm phần trăm`
        : ind.targetRule === "AT_MOST"
          ? `, vượt ${formatNumber(gap, { maxDecimals: gapDecimals })}${unitSuffix(unit)}`
          : t > 0
            ? `, bằng ${formatPercent((v * 100) / t)} chỉ tiêu`
            : "";
  const verdict = `${subject} ${shown} ${missedSymbol} ${targetText}${gapText}`;
  if (isFinal) return result("NOT_ACHIEVED", verdict);
  if (ytd.aggregation === "SUM") {
    // A count added up over the year is still accruing: short of a minimum is not lost yet,
    // but over a maximum is lost for good, since the count can only grow.
    return ind.targetRule === "AT_MOST"
      ? result("NOT_ACHIEVED", verdict)
      : result("AT_RISK", `${verdict}, còn thời gian đến cuối năm`);
  }
  return result(isSmallGap(ind.targetRule, v, t, percent) ? "AT_RISK" : "NOT_ACHIEVED", verdict);
}

const share = formatNumber(AT_RISK_MIN_SHARE_OF_TARGET * 100);
const overShare = formatNumber((1 - AT_RISK_MIN_SHARE_OF_TARGET) * 100);
const finalQuarter = quarterLabel(FINAL_QUARTER);
const line = (s: IndicatorStatus, text: string) => `${statusText(s)}: ${text}`;

/** The dashboard's "cách tính", built from the same constants the code uses. */
export const STATUS_RULES_VI: string[] = [
  "Chỉ tiêu năm được đánh giá trên số liệu lũy kế đến quý báo cáo:",
  `– Tỷ lệ: ${lowerFirst(AGGREGATION_LABEL.RATIO)}.`,
  `– Điểm số, tỷ lệ nhập trực tiếp, thứ hạng và số lượng so với năm trước: ${lowerFirst(AGGREGATION_LABEL.LATEST)}.`,
  `– Số lượng khác (sáng kiến, cuộc đối thoại…): ${lowerFirst(AGGREGATION_LABEL.SUM)}.`,
  `– Nhiệm vụ định tính: ${lowerFirst(AGGREGATION_LABEL.LATEST_DONE)}.`,
  line("ACHIEVED", "số liệu lũy kế đã đáp ứng chỉ tiêu năm."),
  line(
    "AT_RISK",
    `trước ${finalQuarter}, chưa đáp ứng nhưng còn cách không xa: chỉ tiêu tính bằng % còn thiếu không quá ` +
      `${formatNumber(AT_RISK_MAX_PERCENT_POINTS)} điểm phần trăm; chỉ tiêu là con số đạt từ ${share}% mức chỉ tiêu trở lên ` +
      `(chỉ tiêu "tối đa": vượt không quá ${overShare}%); số lượng cộng dồn chưa đủ chỉ tiêu; nhiệm vụ chưa hoàn thành; ` +
      "thứ hạng hoặc số lượng chưa tốt hơn năm trước.",
  ),
  line(
    "NOT_ACHIEVED",
    `chưa đáp ứng và còn cách xa hơn mức trên; số lượng cộng dồn đã vượt mức tối đa; hoặc đến ${finalQuarter} vẫn chưa đáp ứng.`,
  ),
  line("NO_DATA", "chưa có quý nào báo cáo, tổng mẫu số bằng 0, hoặc thiếu con số chỉ tiêu hay số liệu năm trước để so sánh."),
  line("NO_TARGET", "kế hoạch không đặt chỉ tiêu; chỉ theo dõi số liệu, không đánh giá."),
];
