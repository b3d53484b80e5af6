import { describe, expect, it } from "vitest";
import { entryInputFor, validateIndicatorEntry, validateTaskEntry } from "@/domain/reporting/entry";
import { isEditable, transitionError } from "@/domain/reporting/workflow";
import { compareCommunes, indicatorKey } from "@/domain/comparison";
import { timeliness } from "@/domain/calendar";

const ratio = { valueKind: "RATIO" as const, targetRule: "AT_LEAST" as const, measurementUnit: "%" };

describe("entry input by indicator", () => {
  it("offers two counts for ratios, a rank, a percentage, done/not done, or a number", () => {
    expect(entryInputFor(ratio)).toBe("RATIO");
    expect(entryInputFor({ valueKind: "RANK", targetRule: "BETTER_RANK" })).toBe("RANK");
    expect(entryInputFor({ valueKind: "NUMBER", targetRule: "AT_LEAST", measurementUnit: "%" })).toBe("PERCENT");
    expect(entryInputFor({ valueKind: "NUMBER", targetRule: "DONE" })).toBe("DONE");
    expect(entryInputFor({ valueKind: "NUMBER", targetRule: "AT_LEAST", measurementUnit: "điểm" })).toBe("NUMBER");
  });
});

describe("validateIndicatorEntry", () => {
  it("accepts a proper ratio and an empty row", () => {
    expect(validateIndicatorEntry(ratio, { numerator: 3, denominator: 4 })).toEqual({});
    expect(validateIndicatorEntry(ratio, {})).toEqual({});
    expect(validateIndicatorEntry(ratio, { numerator: 0, denominator: 0 })).toEqual({});
  });
  it("refuses negative, fractional, missing halves and a numerator above its denominator", () => {
    expect(validateIndicatorEntry(ratio, { numerator: -1, denominator: 4 })).toEqual({ numerator: "Tử số phải là số nguyên không âm." });
    expect(validateIndicatorEntry(ratio, { numerator: 1, denominator: 2.5 })).toEqual({ denominator: "Mẫu số phải là số nguyên không âm." });
    expect(validateIndicatorEntry(ratio, { numerator: 1 })).toEqual({ denominator: "Nhập cả mẫu số." });
    expect(validateIndicatorEntry(ratio, { denominator: 1 })).toEqual({ numerator: "Nhập cả tử số." });
    expect(validateIndicatorEntry(ratio, { numerator: 5, denominator: 4 })).toEqual({ numerator: "Tử số không được lớn hơn mẫu số." });
  });
  it("keeps percentages within 0–100 and ranks positive whole numbers", () => {
    const percent = { valueKind: "NUMBER" as const, targetRule: "AT_LEAST" as const, measurementUnit: "%" };
    expect(validateIndicatorEntry(percent, { value: 100 })).toEqual({});
    expect(validateIndicatorEntry(percent, { value: 100.5 })).toEqual({ value: "Tỷ lệ phần trăm phải từ 0 đến 100." });
    const rank = { valueKind: "RANK" as const, targetRule: "BETTER_RANK" as const };
    expect(validateIndicatorEntry(rank, { value: 0 })).toEqual({ value: "Thứ hạng phải là số nguyên từ 1 trở lên." });
    expect(validateIndicatorEntry(rank, { value: 3.5 })).toEqual({ value: "Thứ hạng phải là số nguyên từ 1 trở lên." });
    expect(validateIndicatorEntry({ valueKind: "NUMBER", targetRule: "AT_LEAST" }, { value: -2 })).toEqual({ value: "Giá trị không được âm." });
  });
  it("requires a reason when a task cannot be done", () => {
    expect(validateTaskEntry({ status: "CANNOT_DO", reason: " " })).toEqual({ reason: "Nêu lý do không thực hiện được." });
    expect(validateTaskEntry({ status: "CANNOT_DO", reason: "Chờ hướng dẫn của tỉnh" })).toEqual({});
  });
});

describe("workflow", () => {
  it("allows submit from draft or returned, decisions from submitted, reopen from approved", () => {
    expect(transitionError("submit", "DRAFT")).toBeNull();
    expect(transitionError("submit", "RETURNED")).toBeNull();
    expect(transitionError("approve", "DRAFT")).toBe("Không thể duyệt: hồ sơ đang soạn.");
    expect(transitionError("reopen", "SUBMITTED")).toBe("Không thể mở lại: hồ sơ đã nộp, đang chờ xét duyệt.");
    expect(isEditable("RETURNED")).toBe(true);
    expect(isEditable("APPROVED")).toBe(false);
  });
});

describe("lateness", () => {
  const inForce = new Date("2025-01-20T00:00:00.000Z");
  const at = (due: string, first: Date | null, today: string) => timeliness({ due, firstSubmittedAt: first, today, hasPlan: true, planInForceSince: inForce });
  it("is late when unsubmitted past the deadline or submitted after it", () => {
    expect(at("2025-10-15", null, "2025-10-16")).toBe("MISSING");
    expect(at("2025-10-15", null, "2025-10-15")).toBe("NOT_DUE");
    expect(at("2025-10-15", new Date("2025-10-16T01:00:00.000Z"), "2025-11-01")).toBe("LATE");
    expect(at("2025-10-15", new Date("2025-10-14T01:00:00.000Z"), "2025-11-01")).toBe("ON_TIME");
    // 20:00 UTC on the 15th is already the 16th in Vietnam: late.
    expect(at("2025-10-15", new Date("2025-10-15T20:00:00.000Z"), "2025-11-01")).toBe("LATE");
  });

  it("owes no report for a quarter whose due day passed before the commune had a plan in force", () => {
    // Diên Khánh: a commune since 01/7/2025, its 2025 plan in force from 24/10/2025 (17:00 UTC
    // on the 23rd is already the 24th in Vietnam).
    const dienKhanh = (due: string, first: Date | null) => timeliness({ due, firstSubmittedAt: first, today: "2026-11-27", hasPlan: true, planInForceSince: new Date("2025-10-23T17:00:00.000Z") });
    expect(dienKhanh("2025-03-20", null)).toBe("NOT_EXPECTED");
    expect(dienKhanh("2025-09-20", null)).toBe("NOT_EXPECTED");
    expect(dienKhanh("2025-10-23", null)).toBe("NOT_EXPECTED");
    expect(dienKhanh("2025-10-24", null)).toBe("MISSING");
    expect(dienKhanh("2025-12-20", null)).toBe("MISSING");
    // Handed in later all the same: on file, never late.
    expect(dienKhanh("2025-09-20", new Date("2026-11-20T03:00:00.000Z"))).toBe("ON_TIME");
    expect(dienKhanh("2025-12-20", new Date("2026-11-20T03:00:00.000Z"))).toBe("LATE");
    // No plan of the year in force: nothing owed once the day has passed; before it, a commune with a plan waits.
    expect(timeliness({ due: "2025-12-20", firstSubmittedAt: null, today: "2026-01-05", hasPlan: true, planInForceSince: null })).toBe("NOT_EXPECTED");
    expect(timeliness({ due: "2025-12-20", firstSubmittedAt: null, today: "2025-12-01", hasPlan: true, planInForceSince: null })).toBe("NOT_DUE");
    expect(timeliness({ due: "2025-12-20", firstSubmittedAt: null, today: "2025-12-01", hasPlan: false, planInForceSince: null })).toBe("NOT_EXPECTED");
  });
});

describe("comparison", () => {
  it("matches indicators across communes by name regardless of case, diacritics and punctuation", () => {
    expect(indicatorKey("Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC.")).toBe(indicatorKey("tỷ lệ số hoá hồ sơ kết quả giải quyết tthc"));
    expect(indicatorKey("Tỷ lệ số hóa hồ sơ")).not.toBe(indicatorKey("Tỷ lệ thanh toán trực tuyến"));
  });
  it("ranks by share đạt and totals ratios as sum over sum", () => {
    const base = { name: "Tỷ lệ hồ sơ trực tuyến", valueKind: "RATIO" as const, measurementUnit: "%", targetRule: "AT_LEAST" as const, targetValue: 60, key: "k" };
    const { rows, totals } = compareCommunes(
      ["a", "b"],
      ["k"],
      [
        { ...base, communeId: "a", quarters: [{ quarter: 1, numerator: 1, denominator: 10 }] },
        { ...base, communeId: "b", quarters: [{ quarter: 1, numerator: 90, denominator: 100 }] },
      ],
      4,
    );
    expect(rows.map((r) => [r.communeId, r.share])).toEqual([
      ["b", 100],
      ["a", 0],
    ]);
    expect(totals.k).toEqual({ numerator: 91, denominator: 110, value: (91 * 100) / 110 });
  });
});
