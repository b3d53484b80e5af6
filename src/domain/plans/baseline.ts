// Targets judged against an earlier year ("tăng ít nhất 01 bậc so với năm 2023", "giảm so với
// năm trước") need that year's rank or figure (Indicator.baselineValue; the year in
// referenceYear, last year when null). The import preview and the plan editor ask for it here;
// the report page asks the chairman for it when it is still missing.
import { formatNumber, parseViNumber } from "../format";

const RANK_RULE = "BETTER_RANK";
const LOWER_RULE = "LOWER_THAN_LAST_YEAR";

export function needsBaseline(rule: string): boolean {
  return rule === RANK_RULE || rule === LOWER_RULE;
}

/** "năm 2023" or "năm trước". */
export function referenceYearText(referenceYear: number | null | undefined): string {
  return referenceYear ? `năm ${referenceYear}` : "năm trước";
}

/** What the value is, for a field's label: "Thứ hạng năm 2023", "Số liệu năm trước". */
export function baselineLabel(rule: string, referenceYear: number | null | undefined): string {
  return `${rule === RANK_RULE ? "Thứ hạng" : "Số liệu"} ${referenceYearText(referenceYear)}`;
}

/** The row's warning while the value is missing; gone once it is given. */
export function baselineWarning(rule: string, referenceYear: number | null | undefined): string {
  return `Chỉ tiêu so với ${referenceYearText(referenceYear)}: văn bản không ghi ${baselineLabel(rule, referenceYear).toLocaleLowerCase("vi")}; cần nhập để đánh giá được`;
}

/** A typed value ("14", "1.250,5"): a number, null when blank, or "invalid". */
export function parseBaseline(text: string): number | null | "invalid" {
  if (!text.trim()) return null;
  const value = parseViNumber(text);
  return value === null || !Number.isFinite(value) ? "invalid" : value;
}

export function baselineText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : formatNumber(value);
}

export function isBaselineWarning(warning: string): boolean {
  return /^Chỉ tiêu so với năm .*cần nhập để đánh giá được$/.test(warning);
}
