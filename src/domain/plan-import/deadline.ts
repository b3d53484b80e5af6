// Deadlines as plans write them: "Quý III năm 2024", "Chậm nhất trước ngày 31/12/2024",
// "Trong năm 2025", "Thường xuyên", "Hàng quý/năm", "Theo kế hoạch". Dates are ISO strings,
// computed by hand (no Date objects, so no timezone can shift a day).

import { cleanText } from "../text";
import { foldKeepIndex } from "./fold";
import { cellLines, stripBullet } from "./html";
import type { ParsedDeadline } from "./types";

const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO date, or null when the day does not exist (31/02). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(raw: string | undefined, fallback: number | null): number | null {
  if (!raw) return fallback;
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

function result(text: string, kind: ParsedDeadline["kind"], start: string | null = null, end: string | null = null, due = end): ParsedDeadline {
  return { text, kind, dueDate: due, periodStart: start, periodEnd: end };
}

function period(text: string, year: number | null, fromMonth: number, toMonth: number): ParsedDeadline {
  if (year === null) return result(text, "PERIOD");
  return result(text, "PERIOD", isoDate(year, fromMonth, 1), isoDate(year, toMonth, daysInMonth(year, toMonth)));
}

const DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?!\d)/;
const WORDY_DATE = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?/;

export function parseDeadline(input: string, year: number | null): ParsedDeadline {
  const lines = cellLines(input ?? "");
  const text = lines.join("\n");
  if (!text || /^[-–—.…]+$/.test(text)) return result(text, "NONE");
  const folded = foldKeepIndex(cleanText(lines.map(stripBullet).join(" ")));

  if (/^theo\b/.test(folded)) return result(text, "DEPENDENT");
  if (/dinh ky|\bhang (ngay|tuan|thang|quy|nam)\b|\bhang\s+(quy|nam)\s*\/|\bmoi (tuan|thang|quy|nam)\b|\d+\s*thang\s*\/\s*lan|lan\s*\/\s*(tuan|thang|quy|nam)/.test(folded)) {
    const occurrences = recurrenceDates(folded, year);
    return occurrences.length ? { ...result(text, "RECURRING"), occurrences } : result(text, "RECURRING");
  }
  if (/^(thuong xuyen|lien tuc|hang ngay)\b/.test(folded)) return result(text, "ONGOING");

  const quarter = /\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\D*?(\d{4}))?/.exec(folded);
  if (quarter) {
    // "Quý II, Quý III" (or "Quý II và Quý III"): the period runs from the first to the last.
    const all = [...folded.matchAll(/\bquy\s+(iv|iii|ii|i|[1-4])\b/g)].map((m) => QUARTERS[m[1]]);
    const yearOf = /\b(\d{4})\b/.exec(folded.slice(quarter.index));
    return period(text, fullYear(quarter[2] ?? yearOf?.[1], year), Math.min(...all) * 3 - 2, Math.max(...all) * 3);
  }
  const date = WORDY_DATE.exec(folded) ?? DATE.exec(folded);
  if (date) {
    const y = fullYear(date[3], year);
    if (y === null) return result(text, "DATE");
    const iso = isoDate(y, Number(date[2]), Number(date[1]));
    return iso ? result(text, "DATE", null, null, iso) : result(text, "NONE");
  }
  const half = /\b0?6 thang (dau|cuoi) nam\b(?:\D*?(\d{4}))?/.exec(folded);
  if (half) return period(text, fullYear(half[2], year), half[1] === "dau" ? 1 : 7, half[1] === "dau" ? 6 : 12);
  const month = /\bthang\s+(\d{1,2})(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(folded);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
    const m = Number(month[1]);
    return period(text, fullYear(month[2], year), m, m);
  }
  const wholeYear = /^(?:trong|ca|suot)\s+nam\b(?:\s+(\d{4}))?|^nam\s+(\d{4})$/.exec(folded);
  if (wholeYear) return period(text, fullYear(wholeYear[1] ?? wholeYear[2], year), 1, 12);
  const endOfYear = /\bcuoi nam\b(?:\s+(\d{4}))?/.exec(folded);
  if (endOfYear) {
    const y = fullYear(endOfYear[1], year);
    return result(text, "DATE", null, null, y === null ? null : isoDate(y, 12, 31));
  }
  return result(text, "NONE");
}

/**
 * The due dates in the year of a recurring deadline, every part kept: "hằng quý" -> quarter
 * ends, "hằng tháng" -> month ends, "(0)6 tháng" -> 30/6 (and 31/12), "cuối năm"/"hằng năm"
 * -> 31/12, and any written date ("báo cáo năm trước ngày 15/12/2025").
 */
export function recurrenceDates(folded: string, year: number | null): string[] {
  if (year === null) return [];
  const dates = new Set<string>();
  const monthEnd = (m: number) => isoDate(year, m, daysInMonth(year, m))!;
  if (/\b(hang|moi|dinh ky)\s+thang\b/.test(folded)) for (let m = 1; m <= 12; m++) dates.add(monthEnd(m));
  if (/\b(hang|moi|dinh ky|cac)\s+quy\b|\bquy\s*\/\s*lan|lan\s*\/\s*quy/.test(folded)) for (const m of [3, 6, 9, 12]) dates.add(monthEnd(m));
  if (/\b0?6\s+thang\b/.test(folded)) {
    dates.add(monthEnd(6));
    dates.add(monthEnd(12));
  }
  if (/\bcuoi nam\b|\b(hang|moi|dinh ky)\s+nam\b/.test(folded)) dates.add(monthEnd(12));
  for (const m of folded.matchAll(new RegExp(DATE.source, "g"))) {
    const y = fullYear(m[3], year);
    const iso = y === null ? null : isoDate(y, Number(m[2]), Number(m[1]));
    if (iso && y === year) dates.add(iso);
  }
  return [...dates].sort();
}

/** What the preview should say about a deadline the parser could not pin down, or null. */
export function deadlineProblem(deadline: ParsedDeadline): string | null {
  if (!deadline.text) return null;
  const oneLine = deadline.text.replace(/\n/g, " ");
  if (deadline.kind === "NONE") {
    return DATE.test(oneLine)
      ? `Ngày "${oneLine}" không hợp lệ, cần nhập lại thời hạn`
      : `Không hiểu thời hạn "${oneLine}", cần kiểm tra lại`;
  }
  if ((deadline.kind === "DATE" || deadline.kind === "PERIOD") && deadline.dueDate === null) {
    return `Không rõ năm của thời hạn "${oneLine}"`;
  }
  return null;
}
