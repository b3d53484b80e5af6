// The reporting calendar: when a commune's quarterly report is due, where that date comes
// from, and whether it is due soon or late on a given day. Pure: the caller injects "today"
// (an ISO date in Vietnam, see vnDate) so tests and the notify command agree with the pages.
import { formatDate, quarterLabel, todayInVietnam } from "@/domain/format";

/** Report due on `dayOfMonth` of the quarter's last month, shifted by `monthOffset` months. */
export interface DeadlineRule {
  dayOfMonth: number;
  monthOffset: number;
}

/** Common practice (the 20th of the quarter's last month), used until the province sets its own. */
export const COMMON_RULE: DeadlineRule = { dayOfMonth: 20, monthOffset: 0 };

/** Reminders before the due date, in days. */
export const DUE_SOON_NOTICE_DAYS = [7, 1] as const;

export interface UnitDates {
  unitName: string;
  /** Dates the unit set for this year and quarter (ISO), if any. */
  dueDate?: string | null;
  cutoffDate?: string | null;
}

export interface CalendarInput {
  year: number;
  quarter: number;
  province?: (UnitDates & { rule?: DeadlineRule | null }) | null;
  district?: UnitDates | null;
}

export type DeadlineSource = "DISTRICT" | "PROVINCE" | "PROVINCE_RULE" | "COMMON_RULE";

export interface ResolvedDeadline {
  year: number;
  quarter: number;
  dueDate: string;
  cutoffDate: string | null;
  source: DeadlineSource;
  /** Vietnamese sentence for the UI: where this date comes from. */
  sourceText: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO date of the rule for a quarter; a day past the month's end is the month's last day. */
export function ruleDueDate(year: number, quarter: number, rule: DeadlineRule): string {
  const monthIndex = quarter * 3 - 1 + rule.monthOffset; // 0-based, may pass December
  const y = year + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${y}-${pad(m + 1)}-${pad(Math.min(Math.max(1, rule.dayOfMonth), last))}`;
}

export function describeRule(rule: DeadlineRule): string {
  const month = rule.monthOffset === 0 ? "tháng cuối quý" : rule.monthOffset === 1 ? "tháng đầu quý sau" : `tháng thứ ${rule.monthOffset} sau tháng cuối quý`;
  return `ngày ${rule.dayOfMonth} ${month}`;
}

/**
 * The one answer to "when is this report due": the province's date for the year and quarter,
 * or its default rule, or the common rule; a district's own date wins when it is earlier
 * (a district may ask its communes for the report sooner, never later).
 */
export function resolveDeadline(input: CalendarInput): ResolvedDeadline {
  const { year, quarter, province, district } = input;
  let result: ResolvedDeadline;
  if (province?.dueDate) {
    result = { year, quarter, dueDate: province.dueDate, cutoffDate: province.cutoffDate ?? null, source: "PROVINCE", sourceText: `Hạn do ${province.unitName} quy định cho ${quarterLabel(quarter, year)}` };
  } else if (province?.rule) {
    result = { year, quarter, dueDate: ruleDueDate(year, quarter, province.rule), cutoffDate: null, source: "PROVINCE_RULE", sourceText: `Theo quy tắc mặc định của ${province.unitName}: ${describeRule(province.rule)}` };
  } else {
    result = { year, quarter, dueDate: ruleDueDate(year, quarter, COMMON_RULE), cutoffDate: null, source: "COMMON_RULE", sourceText: `Tỉnh chưa quy định: theo thông lệ, ${describeRule(COMMON_RULE)}` };
  }
  if (district?.dueDate && district.dueDate < result.dueDate) {
    result = { year, quarter, dueDate: district.dueDate, cutoffDate: district.cutoffDate ?? result.cutoffDate, source: "DISTRICT", sourceText: `Hạn do ${district.unitName} quy định (sớm hơn hạn của tỉnh ${formatDate(result.dueDate)})` };
  }
  return result;
}

/** Today's date in Vietnam (ISO), whatever the server's time zone. */
export function vnDate(now: Date = new Date()): string {
  return todayInVietnam(now);
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `today` to `due` (negative once past). */
export function daysLeft(due: string, today: string): number {
  return dayNumber(due) - dayNumber(today);
}

export type ReportDueState = "SUBMITTED" | "OVERDUE" | "DUE_IN_1" | "DUE_IN_7" | "UPCOMING";

/**
 * Where a report stands on `today`: handed in, late (the due day itself is not late), due
 * within a day, within seven days, or later. A returned report counts as not handed in.
 */
export function reportDueState(due: string, today: string, submitted: boolean): ReportDueState {
  if (submitted) return "SUBMITTED";
  const left = daysLeft(due, today);
  if (left < 0) return "OVERDUE";
  if (left <= 1) return "DUE_IN_1";
  if (left <= 7) return "DUE_IN_7";
  return "UPCOMING";
}

/** A submission is on time when it was made on or before the due day, in Vietnam. */
export function submittedOnTime(submittedAt: Date, due: string): boolean {
  return vnDate(submittedAt) <= due;
}

/** Where a quarter's report stands for the reviewers' matrix and the completeness board alike. */
export type Timeliness = "ON_TIME" | "LATE" | "MISSING" | "NOT_DUE" | "NOT_EXPECTED";

/**
 * A report is owed by its due day only when the commune had a plan of that year in force on
 * that day (`planInForceSince`: when its first plan of the year first came into force, null if
 * none has). A commune formed, or a plan issued, after the due day owes nothing for that quarter:
 * Diên Khánh, a commune since 1 July 2025 whose 2025 plan came into force on 24/10/2025, owes no
 * report for Q1–Q3 2025. Such a report may still be handed in, and is then never late. Before the
 * due day a commune with any plan of the year is waiting (its plan may yet come into force).
 */
export function timeliness(r: { due: string; firstSubmittedAt: Date | null; today: string; hasPlan: boolean; planInForceSince: Date | null }): Timeliness {
  const owed = reportOwed(r.due, r.planInForceSince);
  if (r.firstSubmittedAt) return owed && !submittedOnTime(r.firstSubmittedAt, r.due) ? "LATE" : "ON_TIME";
  if (r.today <= r.due) return r.hasPlan ? "NOT_DUE" : "NOT_EXPECTED";
  return owed ? "MISSING" : "NOT_EXPECTED";
}

/** Whether a quarter's report is owed by its due day: a plan of the year was in force on that day. */
export function reportOwed(due: string, planInForceSince: Date | null): boolean {
  return planInForceSince !== null && vnDate(planInForceSince) <= due;
}

/** The quarter `today` falls in. */
export function quarterOf(today: string): { year: number; quarter: number } {
  const [y, m] = today.split("-").map(Number);
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

/** The `count` quarters up to and including (year, quarter), oldest first. */
export function recentQuarters(year: number, quarter: number, count: number): { year: number; quarter: number }[] {
  const out: { year: number; quarter: number }[] = [];
  let y = year;
  let q = quarter;
  for (let i = 0; i < count; i++) {
    out.unshift({ year: y, quarter: q });
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
  }
  return out;
}

export const SOURCE_LABEL: Record<DeadlineSource, string> = {
  DISTRICT: "Huyện quy định",
  PROVINCE: "Tỉnh quy định",
  PROVINCE_RULE: "Quy tắc mặc định của tỉnh",
  COMMON_RULE: "Theo thông lệ",
};
