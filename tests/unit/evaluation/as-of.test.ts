import { describe, expect, it } from "vitest";
import {
  indicatorStatusAsOf,
  judgementDay,
  periodIsOver,
  quarterEnd,
  quartersWithoutFigures,
  reportJudgementDay,
  reportQuartersWithoutFigures,
  taskStatusOn,
  taskVerdictAsOf,
} from "@/domain/evaluation/as-of";
import type { StatusInput } from "@/domain/evaluation";

// The clock is injected: "today" below is any day the report is read on.
const TODAY_2026 = "2026-11-27";

describe("judgementDay: a period is judged at its end once over, at today while it runs", () => {
  it.each([
    [1, "2024-03-31"],
    [2, "2024-06-30"],
    [3, "2024-09-30"],
    [4, "2024-12-31"],
  ])("Q%i/2024 read in 2026 is judged on %s", (q, end) => {
    expect(quarterEnd(2024, q)).toBe(end);
    expect(judgementDay(2024, q, TODAY_2026)).toBe(end);
    expect(periodIsOver(2024, q, TODAY_2026)).toBe(true);
  });

  it("the current quarter is judged today; a future quarter too", () => {
    expect(judgementDay(2026, 4, TODAY_2026)).toBe(TODAY_2026);
    expect(periodIsOver(2026, 4, TODAY_2026)).toBe(false);
    expect(judgementDay(2027, 1, TODAY_2026)).toBe(TODAY_2026);
  });

  it("takes a timestamp as well as a date", () => {
    expect(judgementDay(2025, 3, "2025-08-10T03:00:00.000Z")).toBe("2025-08-10");
  });

  it("a report on file is judged on the day in Vietnam it was submitted, not the timestamp's UTC date", () => {
    // 06:30 on 15/8 in Vietnam is still 14/8 in UTC: a task due 14/8 and unfinished is overdue in that report.
    expect(reportJudgementDay(2025, 3, "2025-08-14T23:30:00.000Z", TODAY_2026)).toBe("2025-08-15");
    expect(taskVerdictAsOf({ dueDate: "2025-08-14", deadlineKind: "DATE" }, "IN_PROGRESS", 2025, 3, reportJudgementDay(2025, 3, "2025-08-14T23:30:00.000Z", TODAY_2026)).overdue).toBe(true);
    // Submitted after the quarter ended (the first hours of 1/10 in Vietnam): judged on 30/9.
    expect(reportJudgementDay(2025, 3, "2025-09-30T18:00:00.000Z", TODAY_2026)).toBe("2025-09-30");
    // Not on file: as of today, or the quarter's end once over.
    expect(reportJudgementDay(2026, 4, null, TODAY_2026)).toBe(TODAY_2026);
    expect(reportJudgementDay(2025, 2, undefined, TODAY_2026)).toBe("2025-06-30");
  });
});

describe("task deadlines as of the period", () => {
  const dueEndOfYear = { dueDate: "2024-12-31", deadlineKind: "DATE" as const };
  const dueJune = { dueDate: "2024-06-15", deadlineKind: "DATE" as const };

  it("a task due 31/12/2024 is not overdue in the Q2/2024 report read in 2026", () => {
    expect(taskVerdictAsOf(dueEndOfYear, "IN_PROGRESS", 2024, 2, TODAY_2026).overdue).toBe(false);
  });

  it("the same task is overdue in the Q4/2024 report only after 31/12 — never on the day itself", () => {
    expect(taskVerdictAsOf(dueEndOfYear, "IN_PROGRESS", 2024, 4, TODAY_2026).overdue).toBe(false);
    expect(taskVerdictAsOf({ dueDate: "2024-12-30", deadlineKind: "DATE" }, "IN_PROGRESS", 2024, 4, TODAY_2026).overdue).toBe(true);
  });

  it("a task due 15/6 unfinished is overdue at the end of Q2 and done tasks never are", () => {
    expect(taskVerdictAsOf(dueJune, "NOT_STARTED", 2024, 2, TODAY_2026).overdue).toBe(true);
    expect(taskVerdictAsOf(dueJune, "DONE", 2024, 2, TODAY_2026).overdue).toBe(false);
  });

  it("due soon is counted from the period's end: Q1 (31/3) sees a 15/4 deadline coming, not one in June", () => {
    const april = { dueDate: "2024-04-15", deadlineKind: "DATE" as const };
    expect(taskVerdictAsOf(april, "IN_PROGRESS", 2024, 1, TODAY_2026)).toMatchObject({ overdue: false, dueSoon: true, daysLeft: 15 });
    expect(taskVerdictAsOf(dueJune, "IN_PROGRESS", 2024, 1, TODAY_2026).dueSoon).toBe(false);
  });

  it("ongoing tasks have no deadline verdict", () => {
    expect(taskVerdictAsOf({ dueDate: null, deadlineKind: "ONGOING" }, "IN_PROGRESS", 2024, 4, TODAY_2026)).toEqual({ overdue: false, dueSoon: false, daysLeft: null });
  });
});

describe("quarters without figures", () => {
  it("lists the quarters up to the period with no figure", () => {
    expect(quartersWithoutFigures([{ quarter: 1, value: 3 }, { quarter: 2, value: null }, { quarter: 4, value: 1 }], 4)).toEqual([2, 3]);
    expect(quartersWithoutFigures([{ quarter: 1, value: 3 }], 2)).toEqual([2]);
    expect(quartersWithoutFigures([{ quarter: 1, done: false }], 1)).toEqual([]);
  });

  it("a report's quarter is missing only when no row has a figure in it", () => {
    const rows = [{ quarters: [{ quarter: 1 as const, value: 1 }, { quarter: 2 as const, value: 1 }] }, { quarters: [{ quarter: 4 as const, value: 1 }] }];
    expect(reportQuartersWithoutFigures(rows, 4)).toEqual([3]);
    expect(reportQuartersWithoutFigures(rows, 2)).toEqual([]);
  });
});

describe("the year's verdict names missing quarters; a count on an incomplete year says so", () => {
  const count: StatusInput = { name: "Số sáng kiến cải cách hành chính", valueKind: "NUMBER", measurementUnit: "sáng kiến", targetRule: "AT_LEAST", targetValue: 10 };
  const ratio: StatusInput = { name: "Tỷ lệ hồ sơ trực tuyến", valueKind: "RATIO", measurementUnit: "%", targetRule: "AT_LEAST", targetValue: 60 };

  it("SUM short of target with Q3 missing is not called plain 'chưa đạt'", () => {
    const r = indicatorStatusAsOf(count, [{ quarter: 1, value: 2 }, { quarter: 2, value: 2 }, { quarter: 4, value: 2 }], 4);
    expect(r.missingQuarters).toEqual([3]);
    expect(r.incompleteYear).toBe(true);
    expect(r.reason).toContain("Quý III chưa có số liệu");
    expect(r.reason).toContain("chưa đủ số liệu cả năm");
  });

  it("SUM already above target with a quarter missing is met, and says the year is incomplete", () => {
    const r = indicatorStatusAsOf(count, [{ quarter: 1, value: 12 }], 4);
    expect(r.status).toBe("ACHIEVED");
    expect(r.incompleteYear).toBe(true);
    expect(r.reason).toContain("Quý II, Quý III, Quý IV chưa có số liệu");
  });

  it("a full year of counts is judged without remarks", () => {
    const r = indicatorStatusAsOf(count, [1, 2, 3, 4].map((q) => ({ quarter: q as 1, value: 2 })), 4);
    expect(r.status).toBe("NOT_ACHIEVED");
    expect(r.incompleteYear).toBe(false);
    expect(r.reason).not.toContain("chưa có số liệu");
  });

  it("a ratio's year verdict names the missing quarter but keeps its judgement", () => {
    const r = indicatorStatusAsOf(ratio, [{ quarter: 1, numerator: 5, denominator: 10 }, { quarter: 2, numerator: 5, denominator: 10 }, { quarter: 4, numerator: 5, denominator: 10 }], 4);
    expect(r.status).toBe("NOT_ACHIEVED");
    expect(r.reason).toContain("Quý III chưa có số liệu");
    expect(r.incompleteYear).toBe(false);
  });

  it("before Q4 nothing is added: the year is still running", () => {
    const r = indicatorStatusAsOf(count, [{ quarter: 1, value: 2 }], 3);
    expect(r.missingQuarters).toEqual([2, 3]);
    expect(r.reason).not.toContain("chưa có số liệu");
  });
});

describe("a task finished after the period is judged as of the period's end", () => {
  const dueInQ3 = { dueDate: "2025-09-15", deadlineKind: "DATE" as const };

  it("marked done on 10/10 it is not done in the Q3 report, and overdue there", () => {
    const day = judgementDay(2025, 3, "2025-10-20");
    expect(taskStatusOn("DONE", "2025-10-10", day)).toBe("IN_PROGRESS");
    expect(taskVerdictAsOf(dueInQ3, taskStatusOn("DONE", "2025-10-10", day), 2025, 3, "2025-10-20").overdue).toBe(true);
  });

  it("marked done by the quarter's end it is done, and not overdue", () => {
    const day = judgementDay(2025, 3, "2025-10-20");
    expect(taskStatusOn("DONE", "2025-09-30", day)).toBe("DONE");
    expect(taskVerdictAsOf(dueInQ3, taskStatusOn("DONE", "2025-09-30", day), 2025, 3, "2025-10-20").overdue).toBe(false);
  });

  it("in the report of the quarter it was finished in, it is done", () => {
    expect(taskStatusOn("DONE", "2025-10-10", judgementDay(2025, 4, "2026-01-05"))).toBe("DONE");
  });

  it("a row without a completion date, or not done, keeps its status", () => {
    expect(taskStatusOn("DONE", null, "2025-09-30")).toBe("DONE");
    expect(taskStatusOn("IN_PROGRESS", "2025-10-10", "2025-09-30")).toBe("IN_PROGRESS");
    expect(taskStatusOn(null, null, "2025-09-30")).toBeNull();
  });
});
