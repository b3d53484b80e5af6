// Targets as plans write them: "100%", "Tối thiểu 60", "Trên 80%", "Có vị trí cải thiện so
// với năm 2024", "Giảm số lượng so với năm trước", "Hoàn thành các chỉ tiêu đề ra ...".

import { cleanText } from "../text";
import { foldKeepIndex, parseVietNumber } from "./fold";
import { cellLines } from "./html";
import type { ParsedTarget } from "./types";

const RANK = /\b(vi tri cai thien|cai thien (vi tri|thu hang|xep hang)|tang (hang|thu hang|bac)|thu hang|xep hang)\b|\btang\b[^.;]{0,25}\b(bac|hang)\b/;
const DECREASE = /\bgiam\b/;
const REFERENCE_YEAR = /so voi (?:cung ky )?nam (\d{4})/;

// Count nouns a target may be measured in ("Tối thiểu 01 sáng kiến").
const COUNT_UNITS = [
  "sáng kiến",
  "giải pháp",
  "mô hình",
  "cuộc",
  "lớp",
  "buổi",
  "lượt",
  "văn bản",
  "hồ sơ",
  "đơn vị",
  "hệ thống",
  "dịch vụ",
  "người",
];

/**
 * Numbers that are not targets: dates, document numbers ("3416/QĐ-UBND", "33/2023/NĐ-CP"),
 * years ("năm 2024", "2021-2025"). They are blanked out (same length) before looking for
 * the target number.
 */
function maskReferences(folded: string): string {
  const blank = (m: string) => " ".repeat(m.length);
  return folded
    .replace(/\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{2,4}/g, blank)
    .replace(/\d+\s*\/\s*\d{4}\s*\/\s*[a-z0-9-]+/g, blank)
    .replace(/\d*\s*\/\s*[a-z][a-z0-9-]*/g, blank)
    .replace(/\b(nam|so|ngay|khoa|dieu|khoan|giai doan|quy|thang)\s+\d+([,.-]\s*\d+)*/g, blank)
    .replace(/\b(19|20)\d{2}\s*-\s*(19|20)\d{2}\b/g, blank)
    .replace(/\b(19|20)\d{2}\b/g, blank);
}

function comparatorBefore(window: string, after: string): ParsedTarget["rule"] {
  if (/\b(khong duoi|toi thieu|it nhat|tu)\s*(dat\s*)?(muc\s*)?$/.test(window)) return "AT_LEAST";
  if (/\b(toi da|khong qua|khong vuot qua|duoi|it hon|thap hon)\s*(muc\s*)?$/.test(window)) return "AT_MOST";
  if (/^\s*(%\s*)?(tro xuong)/.test(after)) return "AT_MOST";
  if (/\b(tren|hon|vuot|cao hon|lon hon)\s*(muc\s*)?$/.test(window)) return "MORE_THAN";
  return "AT_LEAST";
}

function unitAfter(original: string, folded: string, end: number): { unit: string | null; length: number } {
  const rest = folded.slice(end);
  const percent = /^\s*%/.exec(rest);
  if (percent) return { unit: "%", length: percent[0].length };
  const points = /^\s*diem\b/.exec(rest);
  if (points) return { unit: "điểm", length: points[0].length };
  for (const unit of COUNT_UNITS) {
    const m = new RegExp(`^\\s*${foldKeepIndex(unit)}\\b`).exec(rest);
    if (m) return { unit: cleanText(original.slice(end, end + m[0].length)), length: m[0].length };
  }
  return { unit: null, length: 0 };
}

function target(text: string, rule: ParsedTarget["rule"], extra: Partial<ParsedTarget> = {}): ParsedTarget {
  return { text, rule, value: null, unit: null, referenceYear: null, ...extra };
}

export function parseTarget(input: string): ParsedTarget {
  const text = cleanText(cellLines(input ?? "").join(" "));
  if (!text || /^[-–—.…]+$/.test(text)) return target(text, "NONE");
  const folded = foldKeepIndex(text);
  const year = REFERENCE_YEAR.exec(folded);
  const referenceYear = year ? Number(year[1]) : null;

  if (RANK.test(folded)) return target(text, "BETTER_RANK", { referenceYear });
  if (DECREASE.test(folded) && /so voi|nam truoc|hang nam/.test(folded)) {
    return target(text, "LOWER_THAN_LAST_YEAR", { referenceYear });
  }

  const masked = maskReferences(folded);
  const number = /\d+(?:[.,]\d+)*/.exec(masked);
  if (!number) return target(text, "DONE");
  const value = parseVietNumber(number[0]);
  if (value === null) return target(text, "DONE");

  const end = number.index + number[0].length;
  const { unit } = unitAfter(text, folded, end);
  const window = masked.slice(Math.max(0, number.index - 30), number.index);
  let rule = comparatorBefore(window, masked.slice(end, end + 20));
  // "100%", "Hoàn thành 100%", "tối thiểu đạt 100%": nothing above 100% exists, so it is full.
  if (rule === "AT_LEAST" && value === 100 && (unit === "%" || unit === null)) rule = "FULL";
  return target(text, rule, { value, unit });
}

/**
 * The largest target the app stores, shared by the importer and the hand editor. Targets are
 * Decimal(14,4) in the database (below 10^10); no plan comes near 10^9, and a bound here
 * answers with a message instead of a database overflow.
 */
export const TARGET_VALUE_MAX = 1_000_000_000;

/** "1e400", "2E+5": the parser would read only the "1" and save a target of 1. */
const EXPONENT = /\d[eE][+-]?\d/;

/** Null when a parsed target may be saved; otherwise why not, in Vietnamese. */
export function targetProblem(t: { text: string; value: number | null }): string | null {
  if (EXPONENT.test(t.text)) return `Chỉ tiêu phấn đấu “${t.text.slice(0, 60)}”: hãy viết số đầy đủ, không dùng dạng lũy thừa (như 1e5).`;
  if (t.value !== null && (!Number.isFinite(t.value) || Math.abs(t.value) > TARGET_VALUE_MAX)) {
    return `Mức chỉ tiêu quá lớn: tối đa ${TARGET_VALUE_MAX.toLocaleString("vi-VN")}.`;
  }
  return null;
}
