// Vietnamese (vi-VN) display formats shared by pages, dashboards and generated documents.
// Pure and browser-safe: Intl only, no Node APIs.
//
// Checked against Node 20's full ICU: Intl.NumberFormat("vi-VN") writes 1234.5 as "1.234,5",
// which is what users expect, so numbers go through it. Its date-time order is "14:05 22/11/2025"
// (time first), so formatDateTime assembles the parts itself to get "22/11/2025 14:05".

export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface NumberFormatOptions {
  /** Most decimals shown (rounded half away from zero). Default 1. */
  maxDecimals?: number;
  /** Fewest decimals shown (pads with zeros). Default 0. */
  minDecimals?: number;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat("vi-VN", {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: Math.max(minDecimals, maxDecimals),
      // "-0,04" rounded to one decimal is "0", not "-0".
      signDisplay: "negative",
    });
    numberFormats.set(key, nf);
  }
  return nf;
}

/** 1234.5 -> "1.234,5". Null, undefined and non-finite numbers give "". */
export function formatNumber(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (value == null || !Number.isFinite(value)) return "";
  const { maxDecimals = 1, minDecimals = 0 } = options;
  return numberFormat(minDecimals, maxDecimals).format(value);
}

/** A value already in percent (55.55, not 0.5555) -> "55,6%". Null gives "". */
export function formatPercent(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  const text = formatNumber(value, options);
  return text === "" ? "" : `${text}%`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: VN_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function vnParts(date: Date): Record<"day" | "month" | "year" | "hour" | "minute", string> {
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) parts[part.type] = part.value;
  return {
    day: parts.day,
    month: parts.month,
    year: parts.year,
    hour: parts.hour,
    minute: parts.minute,
  };
}

function toDate(input: string | Date): Date | null {
  const date = input instanceof Date ? input : new Date(input);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * "2025-11-22" or a Date -> "22/11/2025". A date-only string is a calendar date and is never
 * shifted by a time zone; a Date or full timestamp is shown as the date in Vietnam.
 * Null, undefined or unparseable input gives "".
 */
export function formatDate(input: string | Date | null | undefined): string {
  if (input == null) return "";
  if (typeof input === "string") {
    const m = ISO_DATE.exec(input.trim());
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const date = toDate(input);
  if (!date) return "";
  const p = vnParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** A timestamp -> "22/11/2025 14:05", in Vietnam's time zone whatever the machine's. */
export function formatDateTime(input: string | Date | null | undefined): string {
  if (input == null) return "";
  const date = toDate(input);
  if (!date) return "";
  const p = vnParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's calendar date in Vietnam as ISO "yyyy-mm-dd" (for overdue checks). */
export function todayInVietnam(now: Date = new Date()): string {
  const p = vnParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

const ROMAN_QUARTERS = ["I", "II", "III", "IV"] as const;

/** 3 -> "Quý III"; with a year: "Quý III/2025". A number outside 1–4 is shown as is, never thrown on. */
export function quarterLabel(quarter: number, year?: number | null): string {
  const roman = ROMAN_QUARTERS[quarter - 1] ?? String(quarter);
  return year == null ? `Quý ${roman}` : `Quý ${roman}/${year}`;
}

const VI_GROUPED = /^\d{1,3}(\.\d{3})+$/; // 1.234 / 1.234.567
const EN_GROUPED = /^\d{1,3}(,\d{3})+$/; // 1,234,567
const DIGITS = /^\d+$/;

/**
 * What a user typed -> a number, or null when it is not one.
 * Accepts vi-VN "1.234,5", plain "1234.5" and "1234,5", spaces as grouping ("1 234"),
 * a leading sign and a trailing "%" ("55,5%" -> 55.5).
 * A lone dot followed by exactly three digits is read the vi-VN way: "1.234" -> 1234.
 * When both separators appear, the last one is the decimal mark ("1,234.5" -> 1234.5).
 * A trailing separator is tolerated ("12," -> 12) so a value being typed does not flicker.
 */
export function parseViNumber(input: string | null | undefined): number | null {
  if (input == null) return null;
  let text = input.normalize("NFC").replace(/[\s\u00a0\u202f]/g, "");
  if (text.endsWith("%")) text = text.slice(0, -1);
  let sign = 1;
  if (/^[-+\u2212]/.test(text)) {
    if (text[0] !== "+") sign = -1;
    text = text.slice(1);
  }
  if (!/\d/.test(text)) return null;

  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let intPart: string;
  let fracPart = "";

  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    intPart = text.slice(0, decimalAt);
    fracPart = text.slice(decimalAt + 1);
    const grouping = decimalAt === lastComma ? VI_GROUPED : EN_GROUPED;
    if (!grouping.test(intPart) && !DIGITS.test(intPart)) return null;
    intPart = intPart.replace(/[.,]/g, "");
  } else if (lastDot >= 0) {
    if (VI_GROUPED.test(text)) {
      intPart = text.replace(/\./g, "");
    } else {
      [intPart, fracPart = ""] = text.split(".", 2);
      if (text.indexOf(".") !== lastDot) return null; // "1.2.3"
    }
  } else if (lastComma >= 0) {
    if (text.indexOf(",") !== lastComma) {
      if (!EN_GROUPED.test(text)) return null; // "1,2,3"
      intPart = text.replace(/,/g, "");
    } else {
      [intPart, fracPart = ""] = text.split(",", 2);
    }
  } else {
    intPart = text;
  }

  if (intPart === "") intPart = "0"; // ",5" -> 0.5
  if (!DIGITS.test(intPart) || (fracPart !== "" && !DIGITS.test(fracPart))) return null;
  const value = sign * Number(fracPart ? `${intPart}.${fracPart}` : intPart);
  return Number.isFinite(value) ? value : null;
}

/** "22/11/2025" (or "22-11-2025", or ISO "2025-11-22") -> "2025-11-22"; null unless a real date. */
export function parseViDate(input: string | null | undefined): string | null {
  const text = (input ?? "").trim();
  let y: number, m: number, d: number;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
