// Issue 17: targets judged against a previous year ("có vị trí cải thiện so với năm 2024",
// "giảm so với năm trước") need last year's figure. When the plan does not carry it, the
// report page asks the chairman for it once; until then the status cannot be judged.
import { parseViNumber } from "../format";

/** The target rules that compare with a previous year's figure (Indicator.baselineValue). */
export const BASELINE_RULES: ReadonlySet<string> = new Set(["BETTER_RANK", "LOWER_THAN_LAST_YEAR"]);

/** Largest rank or count accepted: beyond any province's number of communes or any yearly count here. */
export const BASELINE_MAX = 1_000_000;

export function needsBaseline(ind: { targetRule: string; baselineValue: number | null }): boolean {
  return BASELINE_RULES.has(ind.targetRule) && ind.baselineValue === null;
}

/** The year compared with: the one the plan names ("so với năm 2024"), else the year before the plan's. */
export function baselineYear(planYear: number, referenceYear: number | null | undefined): number {
  return referenceYear ?? planYear - 1;
}

/** "Thứ hạng năm 2024" / "Số liệu năm 2024". */
export function baselineLabel(rule: string, year: number): string {
  return `${rule === "BETTER_RANK" ? "Thứ hạng" : "Số liệu"} năm ${year}`;
}

/** What was typed -> last year's figure, or the Vietnamese reason it is not one. */
export function readBaseline(rule: string, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: "Nhập số liệu năm trước." };
  const value = parseViNumber(trimmed);
  if (value === null) return { ok: false, error: "Phải là một số." };
  if (rule === "BETTER_RANK") {
    if (!Number.isInteger(value) || value < 1) return { ok: false, error: "Thứ hạng là số nguyên từ 1 trở lên." };
  } else if (value < 0) return { ok: false, error: "Không được là số âm." };
  if (value > BASELINE_MAX) return { ok: false, error: `Tối đa ${BASELINE_MAX.toLocaleString("vi-VN")}.` };
  return { ok: true, value };
}
