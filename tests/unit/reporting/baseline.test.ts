import { describe, expect, it } from "vitest";
import { baselineLabel, baselineYear, needsBaseline, readBaseline } from "@/domain/reporting/baseline";

describe("last year's figure for targets judged against a previous year (issue 17)", () => {
  it("is asked only for rank and decrease targets that lack it", () => {
    expect(needsBaseline({ targetRule: "BETTER_RANK", baselineValue: null })).toBe(true);
    expect(needsBaseline({ targetRule: "LOWER_THAN_LAST_YEAR", baselineValue: null })).toBe(true);
    expect(needsBaseline({ targetRule: "BETTER_RANK", baselineValue: 14 })).toBe(false);
    expect(needsBaseline({ targetRule: "LOWER_THAN_LAST_YEAR", baselineValue: 0 })).toBe(false);
    expect(needsBaseline({ targetRule: "AT_LEAST", baselineValue: null })).toBe(false);
  });

  it("names the year the plan compares with, else the year before the plan's", () => {
    expect(baselineLabel("BETTER_RANK", baselineYear(2025, 2021))).toBe("Thứ hạng năm 2021");
    expect(baselineLabel("LOWER_THAN_LAST_YEAR", baselineYear(2025, null))).toBe("Số liệu năm 2024");
  });

  it("reads vi-VN numbers and refuses text, negatives and fractional ranks with a Vietnamese reason", () => {
    expect(readBaseline("LOWER_THAN_LAST_YEAR", " 1.234 ")).toEqual({ ok: true, value: 1234 });
    expect(readBaseline("LOWER_THAN_LAST_YEAR", "0")).toEqual({ ok: true, value: 0 });
    expect(readBaseline("BETTER_RANK", "12")).toEqual({ ok: true, value: 12 });
    expect(readBaseline("BETTER_RANK", "abc")).toEqual({ ok: false, error: "Phải là một số." });
    expect(readBaseline("BETTER_RANK", "")).toEqual({ ok: false, error: "Nhập số liệu năm trước." });
    expect(readBaseline("BETTER_RANK", "12,5")).toEqual({ ok: false, error: "Thứ hạng là số nguyên từ 1 trở lên." });
    expect(readBaseline("BETTER_RANK", "0")).toEqual({ ok: false, error: "Thứ hạng là số nguyên từ 1 trở lên." });
    expect(readBaseline("LOWER_THAN_LAST_YEAR", "-1")).toEqual({ ok: false, error: "Không được là số âm." });
    expect(readBaseline("LOWER_THAN_LAST_YEAR", "5000000").ok).toBe(false);
  });
});
