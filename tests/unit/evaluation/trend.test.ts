import { describe, expect, it } from "vitest";
import { trendPoints, trendTarget, trendText } from "@/domain/evaluation/trend";

const ratio = { valueKind: "RATIO" as const, name: "Tỷ lệ hồ sơ trực tuyến", measurementUnit: "%", targetRule: "AT_LEAST" as const, targetValue: 60, baselineValue: null };

describe("trend charts (issue 17)", () => {
  it("keeps a quarter without figures as a gap, not bridged, up to the quarter judged", () => {
    expect(trendPoints([{ quarter: 1, value: 55 }, { quarter: 3, value: 70 }], 4)).toEqual([
      { quarter: 1, value: 55 },
      { quarter: 2, value: null },
      { quarter: 3, value: 70 },
      { quarter: 4, value: null },
    ]);
    expect(trendPoints([{ quarter: 1, value: 55 }, { quarter: 3, value: 70 }], 2)).toHaveLength(2);
  });

  it("draws the yearly threshold, or last year's figure, and nothing for yearly totals or done/not done", () => {
    expect(trendTarget(ratio, true)).toEqual({ value: 60, label: "Chỉ tiêu 60%" });
    expect(trendTarget({ ...ratio, targetRule: "FULL", targetValue: null }, true)).toEqual({ value: 100, label: "Chỉ tiêu 100%" });
    expect(trendTarget({ ...ratio, valueKind: "RANK", targetRule: "BETTER_RANK", baselineValue: 14 }, false)).toEqual({ value: 14, label: "Năm trước: hạng 14" });
    expect(trendTarget({ ...ratio, valueKind: "RANK", targetRule: "BETTER_RANK", baselineValue: null }, false)).toBeNull();
    expect(trendTarget({ ...ratio, valueKind: "NUMBER", measurementUnit: "sáng kiến", name: "Số sáng kiến", targetValue: 12 }, false)).toBeNull();
    expect(trendTarget({ ...ratio, valueKind: "BOOLEAN", targetRule: "DONE" }, false)).toBeNull();
  });

  it("says the chart in words, gaps and target included", () => {
    expect(trendText([{ quarter: 1, value: 55.25 }, { quarter: 2, value: null }], true, { value: 60, label: "Chỉ tiêu 60%" })).toBe("Quý I: 55,3%; Quý II: chưa có số liệu; chỉ tiêu 60%");
  });
});
