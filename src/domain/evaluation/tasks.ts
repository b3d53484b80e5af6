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

/** Due date as a day number when the task has a real one; null for ongoing, recurring, dependent or undated. */
function dueDay(task: TaskDeadline): number | null {
  return DATED_KINDS.has(task.deadlineKind) ? dayNumber(task.dueDate) : null;
}

/**
 * Overdue: the task has a date, that date has passed (the due day itself is not overdue),
 * and the task is not DONE. "Không thực hiện được" past its date still counts: it was not done.
 */
export function isOverdue(task: TaskDeadline, status: TaskStatus | null | undefined, today: string): boolean {
  const due = dueDay(task);
  const now = dayNumber(today);
  if (due === null || now === null || status === "DONE") return false;
  return now > due;
}

/** Not done, has a date, and that date falls between today and `days` days from today (both inclusive). */
export function isDueSoon(
  task: TaskDeadline,
  status: TaskStatus | null | undefined,
  today: string,
  days: number = DUE_SOON_DAYS,
): boolean {
  const due = dueDay(task);
  const now = dayNumber(today);
  if (due === null || now === null || status === "DONE") return false;
  return due >= now && due - now <= days;
}

/** Whole days from today until the due date (negative when past); null when the task has no date. */
export function daysUntilDue(task: TaskDeadline, today: string): number | null {
  const due = dueDay(task);
  const now = dayNumber(today);
  return due === null || now === null ? null : due - now;
}
