// Task deadlines and progress labels. Dates are ISO calendar dates ("2025-11-22"); "today" is
// passed in (use todayInVietnam() from ../format) so results never depend on the machine's clock
// or time zone.

import type { DeadlineKind } from "../plan-import/types";

/** Mirror of the Prisma enum TaskStatus. */
export type TaskStatus = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "CANNOT_DO";

export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  NOT_STARTED: "Chưa thực hiện",
  IN_PROGRESS: "Đang thực hiện",
  DONE: "Hoàn thành",
  CANNOT_DO: "Không thực hiện được",
};

/** Text symbols shown next to the label, never colour alone. */
export const TASK_STATUS_ICON: Record<TaskStatus, string> = {
  NOT_STARTED: "○",
  IN_PROGRESS: "◔",
  DONE: "✔",
  CANNOT_DO: "✖",
};

export const DUE_SOON_DAYS = 30;

export interface TaskDeadline {
  /** ISO date; for PERIOD deadlines the period's last day. */
  dueDate: string | null;
  deadlineKind: DeadlineKind;
  /** RECURRING: the due dates in the year; each one passed while the task is not done makes it overdue. */
  occurrences?: readonly string[] | null;
}

/** Deadline kinds whose due date is a real date ("Quý I", "Trước ngày 25/11/2025", ...). */
const DATED_KINDS: ReadonlySet<DeadlineKind> = new Set<DeadlineKind>(["DATE", "PERIOD"]);

/** Days since 1970-01-01 of an ISO date (a longer ISO timestamp is cut to its date); null if invalid. */
function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/**
 * Due date as a day number when the task has a real one; null for ongoing, dependent or
 * undated tasks. A recurring task is due at its next occurrence, or (all passed) its last.
 */
function dueDay(task: TaskDeadline, now: number | null = null): number | null {
  if (task.deadlineKind === "RECURRING" && task.occurrences?.length) {
    const days = task.occurrences.map(dayNumber).filter((d): d is number => d !== null).sort((a, b) => a - b);
    if (now === null) return days[0] ?? null;
    return days.find((d) => d >= now) ?? days[days.length - 1] ?? null;
  }
  return DATED_KINDS.has(task.deadlineKind) ? dayNumber(task.dueDate) : null;
}

/** The last occurrence of a recurring task before today, or null. */
function lastPassedOccurrence(task: TaskDeadline, now: number): number | null {
  if (task.deadlineKind !== "RECURRING" || !task.occurrences?.length) return null;
  const passed = task.occurrences.map(dayNumber).filter((d): d is number => d !== null && d < now);
  return passed.length ? Math.max(...passed) : null;
}

/**
 * Overdue: the task has a date, that date has passed (the due day itself is not overdue),
 * and the task is not DONE. "Không thực hiện được" past its date still counts: it was not done.
 */
export function isOverdue(task: TaskDeadline, status: TaskStatus | null | undefined, today: string): boolean {
  const now = dayNumber(today);
  if (now === null || status === "DONE") return false;
  if (lastPassedOccurrence(task, now) !== null) return true;
  const due = dueDay(task, now);
  if (due === null) return false;
  return now > due;
}

/** Not done, has a date, and that date falls between today and `days` days from today (both inclusive). */
export function isDueSoon(
  task: TaskDeadline,
  status: TaskStatus | null | undefined,
  today: string,
  days: number = DUE_SOON_DAYS,
): boolean {
  const now = dayNumber(today);
  const due = dueDay(task, now);
  if (due === null || now === null || status === "DONE") return false;
  return due >= now && due - now <= days;
}

/** Whole days from today until the due date (negative when past); null when the task has no date. */
export function daysUntilDue(task: TaskDeadline, today: string): number | null {
  const now = dayNumber(today);
  const due = dueDay(task, now);
  return due === null || now === null ? null : due - now;
}

/**
 * A task's status as of `day`: a task marked done after that day (its completion date, recorded
 * when it was marked done) was not done then. A Q3 report judges a task finished on 10/10 as not
 * yet done on 30/9, so overdue there if its deadline fell in Q3. Without a completion date (older
 * rows) the status stands as recorded.
 */
export function taskStatusOn(status: TaskStatus | null | undefined, completedAt: string | null | undefined, day: string): TaskStatus | null {
  if (status !== "DONE" || !completedAt) return status ?? null;
  return completedAt.slice(0, 10) <= day.slice(0, 10) ? "DONE" : "IN_PROGRESS";
}
