import { describe, expect, it } from "vitest";
import { TASK_STATUS_LABEL, daysUntilDue, isDueSoon, isOverdue, type TaskDeadline } from "@/domain/evaluation";

// "Trước ngày 25/11/2025"
const byDate: TaskDeadline = { dueDate: "2025-11-25", deadlineKind: "DATE" };
// "Quý I": a period whose last day is the due date.
const firstQuarter: TaskDeadline = { dueDate: "2025-03-31", deadlineKind: "PERIOD" };

describe("isOverdue", () => {
  it("is not overdue on the due day itself, overdue the day after", () => {
    expect(isOverdue(byDate, "IN_PROGRESS", "2025-11-25")).toBe(false);
    expect(isOverdue(byDate, "IN_PROGRESS", "2025-11-26")).toBe(true);
  });

  it("is overdue the day after a period ends, across a month boundary", () => {
    expect(isOverdue(firstQuarter, "NOT_STARTED", "2025-03-31")).toBe(false);
    expect(isOverdue(firstQuarter, "NOT_STARTED", "2025-04-01")).toBe(true);
  });

  it("is never overdue once done, and still overdue when it could not be done", () => {
    expect(isOverdue(byDate, "DONE", "2026-01-10")).toBe(false);
    expect(isOverdue(byDate, "CANNOT_DO", "2025-12-01")).toBe(true);
  });

  it("counts a task nobody has reported on yet as unfinished", () => {
    expect(isOverdue(byDate, null, "2025-12-01")).toBe(true);
  });

  it("is never overdue without a real date: ongoing, recurring, dependent or undated tasks", () => {
    for (const deadlineKind of ["ONGOING", "RECURRING", "DEPENDENT", "NONE"] as const) {
      expect(isOverdue({ dueDate: "2025-01-31", deadlineKind }, "NOT_STARTED", "2025-12-31")).toBe(false);
    }
    expect(isOverdue({ dueDate: null, deadlineKind: "DATE" }, "NOT_STARTED", "2025-12-31")).toBe(false);
    expect(isOverdue({ dueDate: "2025-02-30", deadlineKind: "DATE" }, "NOT_STARTED", "2025-12-31")).toBe(false);
  });

  it("reads only the date part of a timestamp for today", () => {
    expect(isOverdue(byDate, "IN_PROGRESS", "2025-11-25T23:59:00+07:00")).toBe(false);
    expect(isOverdue(byDate, "IN_PROGRESS", "2025-11-26T00:01:00+07:00")).toBe(true);
  });
});

describe("isDueSoon", () => {
  it("covers today through 30 days ahead by default", () => {
    expect(isDueSoon(byDate, "IN_PROGRESS", "2025-11-25")).toBe(true);
    expect(isDueSoon(byDate, "IN_PROGRESS", "2025-10-26")).toBe(true); // 30 days ahead
    expect(isDueSoon(byDate, "IN_PROGRESS", "2025-10-25")).toBe(false); // 31 days ahead
  });

  it("takes another window when asked", () => {
    expect(isDueSoon(byDate, "NOT_STARTED", "2025-11-18", 7)).toBe(true);
    expect(isDueSoon(byDate, "NOT_STARTED", "2025-11-17", 7)).toBe(false);
    expect(isDueSoon({ dueDate: "2026-01-01", deadlineKind: "DATE" }, null, "2025-12-31", 1)).toBe(true);
  });

  it("is not due soon once past (then it is overdue), once done, or without a date", () => {
    expect(isDueSoon(byDate, "IN_PROGRESS", "2025-11-26")).toBe(false);
    expect(isDueSoon(byDate, "DONE", "2025-11-20")).toBe(false);
    expect(isDueSoon({ dueDate: "2025-11-25", deadlineKind: "ONGOING" }, null, "2025-11-20")).toBe(false);
  });
});

describe("daysUntilDue", () => {
  it("counts calendar days, negative once past", () => {
    expect(daysUntilDue(byDate, "2025-11-20")).toBe(5);
    expect(daysUntilDue(byDate, "2025-11-27")).toBe(-2);
    expect(daysUntilDue({ dueDate: null, deadlineKind: "ONGOING" }, "2025-11-27")).toBeNull();
  });
});

describe("TASK_STATUS_LABEL", () => {
  it("names each status in Vietnamese", () => {
    expect(TASK_STATUS_LABEL).toEqual({
      NOT_STARTED: "Chưa thực hiện",
      IN_PROGRESS: "Đang thực hiện",
      DONE: "Hoàn thành",
      CANNOT_DO: "Không thực hiện được",
    });
  });
});

describe("recurring tasks", () => {
  const halfYearly: TaskDeadline = { dueDate: null, deadlineKind: "RECURRING", occurrences: ["2025-06-30", "2025-12-31"] };
  it("is overdue once an occurrence has passed and the task is not done", () => {
    expect(isOverdue(halfYearly, "IN_PROGRESS", "2025-06-30")).toBe(false);
    expect(isOverdue(halfYearly, "IN_PROGRESS", "2025-07-01")).toBe(true);
    expect(isOverdue(halfYearly, "DONE", "2025-07-01")).toBe(false);
  });
  it("is due soon before its next occurrence, counted to that occurrence", () => {
    expect(isDueSoon(halfYearly, "IN_PROGRESS", "2025-12-10")).toBe(true);
    expect(daysUntilDue(halfYearly, "2025-12-10")).toBe(21);
  });
  it("without occurrences stays undated, as before", () => {
    expect(isOverdue({ dueDate: null, deadlineKind: "RECURRING" }, "IN_PROGRESS", "2026-01-01")).toBe(false);
  });
});
