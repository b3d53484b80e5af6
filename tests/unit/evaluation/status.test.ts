import { describe, expect, it } from "vitest";
import {
  AT_RISK_MAX_PERCENT_POINTS,
  AT_RISK_MIN_SHARE_OF_TARGET,
  STATUS_ICON,
  STATUS_LABEL,
  STATUS_RULES_VI,
  describeTarget,
  evaluateTarget,
  indicatorStatus,
  type IndicatorStatus,
  type QuarterValue,
  type StatusInput,
} from "@/domain/evaluation";

const ratio = (targetRule: StatusInput["targetRule"], targetValue: number | null): StatusInput => ({
  name: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC.",
  valueKind: "RATIO",
  measurementUnit: "%",
  targetRule,
  targetValue,
});
const q1 = (numerator: number, denominator: number): QuarterValue[] => [{ quarter: 1, numerator, denominator }];

describe("AT_LEAST on a ratio (Tối thiểu 60%)", () => {
  const ind = ratio("AT_LEAST", 60);

  it("is achieved at exactly the target and says why", () => {
    const r = indicatorStatus(ind, q1(60, 100), 2);
    expect(r.status).toBe("ACHIEVED");
    expect(r.reason).toBe("Lũy kế 60% ≥ chỉ tiêu tối thiểu 60%");
  });

  it("is at risk before Q4 when short by a little, and says by how much", () => {
    const r = indicatorStatus(ind, q1(55, 100), 2);
    expect(r.status).toBe("AT_RISK");
    expect(r.reason).toBe("Lũy kế 55% < chỉ tiêu tối thiểu 60%, còn thiếu 5 điểm phần trăm");
  });

  it(`is at risk at exactly ${AT_RISK_MAX_PERCENT_POINTS} points short and not achieved just beyond`, () => {
    expect(indicatorStatus(ind, q1(50, 100), 3).status).toBe("AT_RISK");
    expect(indicatorStatus(ind, q1(499, 1000), 3).status).toBe("NOT_ACHIEVED");
  });

  it("is not achieved at Q4 however small the gap", () => {
    expect(indicatorStatus(ind, q1(59, 100), 4).status).toBe("NOT_ACHIEVED");
  });

  it("never shows a value that misses the target as equal to it", () => {
    const r = indicatorStatus(ind, q1(5996, 10000), 2);
    expect(r.status).toBe("AT_RISK");
    expect(r.reason).toContain("59,96% < chỉ tiêu tối thiểu 60%");
    expect(r.reason).toContain("còn thiếu 0,04 điểm phần trăm");
  });

  it("judges the year on sum/sum: a quarterly average would wrongly say achieved", () => {
    // Q1 90% of 10 records, Q2 30% of 100 records: average 60%, year 35.5%.
    const r = indicatorStatus(
      ind,
      [
        { quarter: 1, numerator: 9, denominator: 10 },
        { quarter: 2, numerator: 30, denominator: 100 },
      ],
      2,
    );
    expect(r.status).toBe("NOT_ACHIEVED");
    expect(r.reason).toMatch(/^Lũy kế 35,5% < /);
  });

  it("has no data when nothing was received yet (zero denominator), and says so", () => {
    const r = indicatorStatus(ind, q1(0, 0), 1);
    expect(r.status).toBe("NO_DATA");
    expect(r.reason).toContain("mẫu số");
    expect(r.reason).toContain("Quý I");
  });

  it("has no data when the quarters reported are all after the reporting quarter", () => {
    const r = indicatorStatus(ind, [{ quarter: 3, numerator: 80, denominator: 100 }], 2);
    expect(r.status).toBe("NO_DATA");
    expect(r.reason).toBe("Chưa có số liệu đến hết Quý II");
  });

  it("cannot judge a minimum that was written without a number", () => {
    const r = indicatorStatus(ratio("AT_LEAST", null), q1(80, 100), 2);
    expect(r.status).toBe("NO_DATA");
    expect(r.reason).toContain("chưa ghi con số");
  });
});

describe("MORE_THAN (Trên 80%)", () => {
  it("is not met at exactly the number", () => {
    const r = indicatorStatus(ratio("MORE_THAN", 80), q1(80, 100), 2);
    expect(r.meets).toBe(false);
    expect(r.status).toBe("AT_RISK");
    expect(r.reason).toBe("Lũy kế 80% ≤ chỉ tiêu trên 80%");
  });

  it("is met just above", () => {
    expect(indicatorStatus(ratio("MORE_THAN", 80), q1(801, 1000), 2).status).toBe("ACHIEVED");
  });
});

describe("AT_MOST (Tối đa)", () => {
  const late = ratio("AT_MOST", 5);

  it("is met at or below the maximum", () => {
    expect(indicatorStatus(late, q1(5, 100), 2).status).toBe("ACHIEVED");
  });

  it(`is at risk up to ${AT_RISK_MAX_PERCENT_POINTS} points over before Q4, not achieved beyond`, () => {
    const r = indicatorStatus(late, q1(15, 100), 2);
    expect(r.status).toBe("AT_RISK");
    expect(r.reason).toBe("Lũy kế 15% > chỉ tiêu tối đa 5%, vượt 10 điểm phần trăm");
    expect(indicatorStatus(late, q1(151, 1000), 2).status).toBe("NOT_ACHIEVED");
  });

  it("is not achieved as soon as a count added over the year passes the maximum", () => {
    const delays: StatusInput = {
      name: "Số hồ sơ giải quyết trễ hạn",
      valueKind: "NUMBER",
      measurementUnit: "hồ sơ",
      targetRule: "AT_MOST",
      targetValue: 5,
    };
    const r = indicatorStatus(
      delays,
      [
        { quarter: 1, value: 3 },
        { quarter: 2, value: 3 },
      ],
      2,
    );
    expect(r.status).toBe("NOT_ACHIEVED");
    expect(r.reason).toBe("Cộng dồn 6 hồ sơ > chỉ tiêu tối đa 5 hồ sơ, vượt 1 hồ sơ");
  });
});

describe("FULL (100%)", () => {
  const published = ratio("FULL", 100);

  it("needs every record", () => {
    expect(indicatorStatus(published, q1(100, 100), 2).status).toBe("ACHIEVED");
    expect(indicatorStatus(published, q1(95, 100), 2).status).toBe("AT_RISK");
    expect(indicatorStatus(published, q1(95, 100), 4).status).toBe("NOT_ACHIEVED");
    expect(indicatorStatus(published, q1(89, 100), 2).status).toBe("NOT_ACHIEVED");
  });

  it("means 100% even when the plan gave no number", () => {
    const r = indicatorStatus(ratio("FULL", null), q1(99, 100), 4);
    expect(r.status).toBe("NOT_ACHIEVED");
    expect(r.reason).toBe("Lũy kế 99% < chỉ tiêu 100%, còn thiếu 1 điểm phần trăm");
  });
});

describe("numeric targets that are not percentages", () => {
  const par: StatusInput = {
    name: "Chỉ số cải cách hành chính của xã",
    valueKind: "NUMBER",
    measurementUnit: "điểm",
    targetRule: "AT_LEAST",
    targetValue: 85,
  };

  it(`is at risk from ${AT_RISK_MIN_SHARE_OF_TARGET * 100}% of the target and not achieved below`, () => {
    // 90% of 85 points is 76.5.
    const atRisk = indicatorStatus(par, [{ quarter: 2, value: 76.5 }], 2);
    expect(atRisk.status).toBe("AT_RISK");
    expect(atRisk.reason).toBe("Số liệu Quý II 76,5 điểm < chỉ tiêu tối thiểu 85 điểm, bằng 90% chỉ tiêu");
    expect(indicatorStatus(par, [{ quarter: 2, value: 76.4 }], 2).status).toBe("NOT_ACHIEVED");
    expect(indicatorStatus(par, [{ quarter: 2, value: 86 }], 2).status).toBe("ACHIEVED");
  });

  it("gives a yearly count until the end of the year before calling it missed", () => {
    const initiatives: StatusInput = {
      name: "Sáng kiến cải cách hành chính",
      valueKind: "NUMBER",
      measurementUnit: "sáng kiến",
      targetRule: "AT_LEAST",
      targetValue: 1,
    };
    const noneYet: QuarterValue[] = [
      { quarter: 1, value: 0 },
      { quarter: 2, value: 0 },
    ];
    expect(indicatorStatus(initiatives, noneYet, 2).status).toBe("AT_RISK");
    expect(indicatorStatus(initiatives, noneYet, 4).status).toBe("NOT_ACHIEVED");
    expect(indicatorStatus(initiatives, [...noneYet, { quarter: 3, value: 1 }], 3).status).toBe("ACHIEVED");
  });
});

describe("BETTER_RANK (Có vị trí cải thiện so với năm 2024)", () => {
  const par = (baselineValue: number | null): StatusInput => ({
    name: "Chỉ số cải cách hành chính của xã (PAR INDEX)",
    valueKind: "RANK",
    targetRule: "BETTER_RANK",
    baselineValue,
  });

  it("is achieved when the rank number is smaller than last year's", () => {
    const r = indicatorStatus(par(12), [{ quarter: 4, value: 8 }], 4);
    expect(r.status).toBe("ACHIEVED");
    expect(r.reason).toBe("Thứ hạng 8 (Quý IV), tốt hơn năm trước (hạng 12)");
  });

  it("is at risk before Q4 and not achieved at Q4 when the rank is not better", () => {
    expect(indicatorStatus(par(12), [{ quarter: 2, value: 12 }], 2).status).toBe("AT_RISK");
    expect(indicatorStatus(par(12), [{ quarter: 2, value: 20 }], 2).status).toBe("AT_RISK");
    const r = indicatorStatus(par(12), [{ quarter: 4, value: 13 }], 4);
    expect(r.status).toBe("NOT_ACHIEVED");
    expect(r.reason).toContain("chưa tốt hơn năm trước (hạng 12)");
  });

  it("cannot be judged without last year's rank", () => {
    const r = indicatorStatus(par(null), [{ quarter: 4, value: 8 }], 4);
    expect(r.status).toBe("NO_DATA");
    expect(r.meets).toBeNull();
    expect(r.reason).toContain("chưa có thứ hạng năm trước");
  });
});

describe("LOWER_THAN_LAST_YEAR (Giảm số lượng so với năm trước)", () => {
  const staff = (baselineValue: number | null): StatusInput => ({
    name: "Biên chế sự nghiệp hưởng lương từ ngân sách",
    valueKind: "NUMBER",
    targetRule: "LOWER_THAN_LAST_YEAR",
    baselineValue,
  });

  it("is achieved below last year's figure and not at the same figure", () => {
    expect(indicatorStatus(staff(15), [{ quarter: 3, value: 14 }], 3).status).toBe("ACHIEVED");
    expect(indicatorStatus(staff(15), [{ quarter: 3, value: 15 }], 3).status).toBe("AT_RISK");
    expect(indicatorStatus(staff(15), [{ quarter: 4, value: 15 }], 4).status).toBe("NOT_ACHIEVED");
  });

  it("uses the latest head-count, not a sum of quarters", () => {
    const r = indicatorStatus(
      staff(15),
      [
        { quarter: 1, value: 15 },
        { quarter: 2, value: 14 },
      ],
      2,
    );
    expect(r.status).toBe("ACHIEVED");
    expect(r.ytd.value).toBe(14);
  });

  it("cannot be judged without last year's figure", () => {
    const r = indicatorStatus(staff(null), [{ quarter: 4, value: 14 }], 4);
    expect(r.status).toBe("NO_DATA");
    expect(r.reason).toContain("chưa có số liệu năm trước");
  });
});

describe("DONE (Hoàn thành các chỉ tiêu theo Quyết định ...)", () => {
  const task: StatusInput = { name: "Hoàn thành các chỉ tiêu theo Quyết định 3416", valueKind: "BOOLEAN", targetRule: "DONE" };

  it("is at risk before Q4 and not achieved at Q4 while not done", () => {
    expect(indicatorStatus(task, [{ quarter: 3, done: false }], 3).status).toBe("AT_RISK");
    const r = indicatorStatus(task, [{ quarter: 4, done: false }], 4);
    expect(r.status).toBe("NOT_ACHIEVED");
    expect(r.reason).toBe("Đến hết Quý IV chưa hoàn thành");
  });

  it("is achieved once the latest report says done", () => {
    const r = indicatorStatus(task, [{ quarter: 2, done: true }], 4);
    expect(r.status).toBe("ACHIEVED");
    expect(r.reason).toBe("Đã hoàn thành (báo cáo Quý II)");
  });

  it("has no data before any report", () => {
    expect(indicatorStatus(task, [], 4).status).toBe("NO_DATA");
  });
});

describe("NONE (blank target)", () => {
  it("is never judged, even with figures, but still shows them", () => {
    const r = indicatorStatus(
      { name: "Chỉ số năng lực cạnh tranh cấp xã (PCI)", valueKind: "NUMBER", measurementUnit: "điểm", targetRule: "NONE" },
      [{ quarter: 2, value: 64.2 }],
      2,
    );
    expect(r.status).toBe("NO_TARGET");
    expect(r.meets).toBeNull();
    expect(r.reason).toBe("Không đặt chỉ tiêu, chỉ theo dõi; số liệu Quý II 64,2 điểm");
  });
});

describe("evaluateTarget", () => {
  const ytd = (value: number | null, done: boolean | null = null) => ({ value, done });

  it("applies each comparison", () => {
    expect(evaluateTarget({ rule: "AT_LEAST", value: 60 }, ytd(60))).toBe(true);
    expect(evaluateTarget({ rule: "MORE_THAN", value: 80 }, ytd(80))).toBe(false);
    expect(evaluateTarget({ rule: "AT_MOST", value: 5 }, ytd(5))).toBe(true);
    expect(evaluateTarget({ rule: "FULL", value: null }, ytd(100))).toBe(true);
    expect(evaluateTarget({ rule: "BETTER_RANK", value: null, baselineValue: 5 }, ytd(4))).toBe(true);
    expect(evaluateTarget({ rule: "LOWER_THAN_LAST_YEAR", value: null, baselineValue: 5 }, ytd(5))).toBe(false);
    expect(evaluateTarget({ rule: "DONE", value: null }, ytd(null, true))).toBe(true);
  });

  it("cannot judge without data, without a baseline, or without a target", () => {
    expect(evaluateTarget({ rule: "AT_LEAST", value: 60 }, ytd(null))).toBeNull();
    expect(evaluateTarget({ rule: "BETTER_RANK", value: null, baselineValue: null }, ytd(3))).toBeNull();
    expect(evaluateTarget({ rule: "NONE", value: null }, ytd(100))).toBeNull();
    expect(evaluateTarget({ rule: "DONE", value: null }, ytd(null, null))).toBeNull();
  });
});

describe("describeTarget", () => {
  it("writes the target the way the plans do", () => {
    expect(describeTarget("AT_LEAST", 60, "%")).toBe("Tối thiểu 60%");
    expect(describeTarget("AT_LEAST", 85, "điểm")).toBe("Tối thiểu 85 điểm");
    expect(describeTarget("MORE_THAN", 80, "%")).toBe("Trên 80%");
    expect(describeTarget("AT_MOST", 2.5, "ngày")).toBe("Tối đa 2,5 ngày");
    expect(describeTarget("FULL", 100, "%")).toBe("100%");
    expect(describeTarget("BETTER_RANK", null, null, { referenceYear: 2024 })).toBe("Thứ hạng tốt hơn năm 2024");
    expect(describeTarget("BETTER_RANK", null, null)).toBe("Thứ hạng tốt hơn năm trước");
    expect(describeTarget("LOWER_THAN_LAST_YEAR", null, null)).toBe("Thấp hơn năm trước");
    expect(describeTarget("DONE", null, null)).toBe("Hoàn thành");
    expect(describeTarget("NONE", null, null)).toBe("Không đặt chỉ tiêu");
  });
});

describe("labels and the printed rules", () => {
  const statuses: IndicatorStatus[] = ["ACHIEVED", "AT_RISK", "NOT_ACHIEVED", "NO_DATA", "NO_TARGET"];

  it("gives every status its own symbol and a Vietnamese label", () => {
    expect(new Set(statuses.map((s) => STATUS_ICON[s])).size).toBe(statuses.length);
    expect(statuses.map((s) => STATUS_LABEL[s])).toEqual(["Đạt", "Có nguy cơ", "Chưa đạt", "Chưa có số liệu", "Không đặt chỉ tiêu"]);
  });

  it("prints the thresholds the code uses, with icon and label for each status", () => {
    const text = STATUS_RULES_VI.join("\n");
    expect(text).toContain(`${AT_RISK_MAX_PERCENT_POINTS} điểm phần trăm`);
    expect(text).toContain(`${AT_RISK_MIN_SHARE_OF_TARGET * 100}% mức chỉ tiêu`);
    expect(text).toContain("tổng tử số ÷ tổng mẫu số");
    for (const s of statuses) expect(text).toContain(`${STATUS_ICON[s]} ${STATUS_LABEL[s]}:`);
  });
});
