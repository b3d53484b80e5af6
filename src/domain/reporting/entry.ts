// What a clerk may enter on a report row, checked the same way in the browser (as she
// types) and on the server (before anything is written). Messages are Vietnamese.
import type { TargetRule, ValueKind } from "../plan-import/types";
import { foldText } from "../text";

export interface IndicatorEntry {
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  done?: boolean | null;
  note?: string | null;
}

export interface EntryShape {
  valueKind: ValueKind;
  targetRule: TargetRule;
  measurementUnit?: string | null;
}

/** The input a row offers: two counts for ratios, a number, a rank, or done / not done. */
export type EntryInput = "RATIO" | "NUMBER" | "PERCENT" | "RANK" | "DONE";

export function entryInputFor(shape: EntryShape): EntryInput {
  if (shape.targetRule === "DONE" || shape.valueKind === "BOOLEAN") return "DONE";
  if (shape.valueKind === "RATIO") return "RATIO";
  if (shape.valueKind === "RANK" || shape.targetRule === "BETTER_RANK") return "RANK";
  if (shape.measurementUnit && foldText(shape.measurementUnit).includes("%")) return "PERCENT";
  return "NUMBER";
}

export const NOTE_MAX = 2000;
export const MAX_COUNT = 10_000_000;

const isInt = (x: number) => Number.isInteger(x);

/** Field -> message for every problem of one indicator row; empty when the row is valid. */
export function validateIndicatorEntry(shape: EntryShape, entry: IndicatorEntry): Record<string, string> {
  const errors: Record<string, string> = {};
  const input = entryInputFor(shape);
  if (entry.note && entry.note.length > NOTE_MAX) errors.note = `Ghi chú tối đa ${NOTE_MAX} ký tự.`;
  if (input === "RATIO") {
    const { numerator: n, denominator: d } = entry;
    for (const [field, v, label] of [
      ["numerator", n, "Tử số"],
      ["denominator", d, "Mẫu số"],
    ] as const) {
      if (v === null || v === undefined) continue;
      if (!Number.isFinite(v) || v < 0 || !isInt(v)) errors[field] = `${label} phải là số nguyên không âm.`;
      else if (v > MAX_COUNT) errors[field] = `${label} quá lớn.`;
    }
    const hasN = n !== null && n !== undefined;
    const hasD = d !== null && d !== undefined;
    if (hasN && !hasD && !errors.numerator) errors.denominator = "Nhập cả mẫu số.";
    if (hasD && !hasN && !errors.denominator) errors.numerator = "Nhập cả tử số.";
    if (hasN && hasD && !errors.numerator && !errors.denominator && n! > d!) errors.numerator = "Tử số không được lớn hơn mẫu số.";
    return errors;
  }
  if (input === "DONE") return errors;
  const v = entry.value;
  if (v === null || v === undefined) return errors;
  if (!Number.isFinite(v)) errors.value = "Giá trị phải là một số.";
  else if (input === "PERCENT" && (v < 0 || v > 100)) errors.value = "Tỷ lệ phần trăm phải từ 0 đến 100.";
  else if (input === "RANK" && (v < 1 || !isInt(v))) errors.value = "Thứ hạng phải là số nguyên từ 1 trở lên.";
  else if (v < 0) errors.value = "Giá trị không được âm.";
  else if (v > MAX_COUNT) errors.value = "Giá trị quá lớn.";
  return errors;
}

export type TaskStatusValue = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "CANNOT_DO";

export interface TaskEntry {
  status: TaskStatusValue;
  resultText?: string | null;
  reason?: string | null;
}

export const RESULT_MAX = 4000;

export function validateTaskEntry(entry: TaskEntry): Record<string, string> {
  const errors: Record<string, string> = {};
  if (entry.status === "CANNOT_DO" && !entry.reason?.trim()) errors.reason = "Nêu lý do không thực hiện được.";
  if (entry.resultText && entry.resultText.length > RESULT_MAX) errors.resultText = `Kết quả tối đa ${RESULT_MAX} ký tự.`;
  if (entry.reason && entry.reason.length > NOTE_MAX) errors.reason = `Lý do tối đa ${NOTE_MAX} ký tự.`;
  return errors;
}
