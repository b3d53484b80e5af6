import { describe, expect, it } from "vitest";
import {
  aggregationFor,
  quarterDisplayValue,
  sumRatio,
  yearToDate,
  type AggregationInput,
} from "@/domain/evaluation";

const onlineRecords: AggregationInput = {
  name: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC.",
  valueKind: "RATIO",
  measurementUnit: "%",
  targetRule: "AT_LEAST",
};

describe("aggregationFor", () => {
  it("adds ratios up as sum over sum, takes ranks and done flags from the latest quarter", () => {
    expect(aggregationFor(onlineRecords)).toBe("RATIO");
    expect(aggregationFor({ name: "Chỉ số CCHC (PAR INDEX)", valueKind: "RANK", targetRule: "BETTER_RANK" })).toBe("LATEST");
    expect(aggregationFor({ name: "Hoàn thành các chỉ tiêu theo QĐ 3416", valueKind: "BOOLEAN", targetRule: "DONE" })).toBe(
      "LATEST_DONE",
    );
  });

  it("never adds up scores or typed percentages across quarters", () => {
    const number = (name: string, measurementUnit: string | null = null) =>
      aggregationFor({ name, measurementUnit, valueKind: "NUMBER", targetRule: "AT_LEAST" });
    expect(number("Kết quả đánh giá", "điểm")).toBe("LATEST");
    expect(number("Số đơn vị hành chính cấp xã chuyển đổi số", "%")).toBe("LATEST");
    expect(number("Chỉ số cải cách hành chính của xã")).toBe("LATEST");
    expect(number("Mức độ hài lòng trong tiếp nhận, giải quyết TTHC")).toBe("LATEST");
    expect(number("Chỉ số hài lòng của người dân (SIPAS)")).toBe("LATEST");
  });

  it("reads a count against last year at its latest level, and adds up other counts", () => {
    expect(
      aggregationFor({
        name: "Tinh giản bộ máy đơn vị sự nghiệp công lập",
        valueKind: "NUMBER",
        targetRule: "LOWER_THAN_LAST_YEAR",
      }),
    ).toBe("LATEST");
    expect(
      aggregationFor({ name: "Sáng kiến cải cách hành chính", measurementUnit: "sáng kiến", valueKind: "NUMBER", targetRule: "AT_LEAST" }),
    ).toBe("SUM");
    expect(aggregationFor({ name: "Số cuộc đối thoại với người dân", valueKind: "NUMBER", targetRule: "AT_LEAST" })).toBe("SUM");
    // "điểm" in a name is a place, not a score.
    expect(aggregationFor({ name: "Số điểm wifi miễn phí", valueKind: "NUMBER", targetRule: "AT_LEAST" })).toBe("SUM");
  });

  it("judges a done/not-done target on the done flag even when the value kind says number", () => {
    expect(aggregationFor({ name: "Hoàn thành đề án vị trí việc làm", valueKind: "NUMBER", targetRule: "DONE" })).toBe("LATEST_DONE");
  });
});

describe("yearToDate for ratios", () => {
  it("is sum(numerators)/sum(denominators), not the average of quarterly percentages", () => {
    // Q1 90% of 10 records, Q2 10% of 100 records: the average would say 50%, the year is 17.3%.
    const ytd = yearToDate(
      onlineRecords,
      [
        { quarter: 1, numerator: 9, denominator: 10 },
        { quarter: 2, numerator: 10, denominator: 100 },
      ],
      2,
    );
    expect(ytd.numerator).toBe(19);
    expect(ytd.denominator).toBe(110);
    expect(ytd.value).toBeCloseTo(17.27, 2);
    expect(ytd.quartersReported).toBe(2);
  });

  it("only counts quarters up to the reporting quarter", () => {
    const quarters = [
      { quarter: 1 as const, numerator: 50, denominator: 100 },
      { quarter: 2 as const, numerator: 100, denominator: 100 },
    ];
    expect(yearToDate(onlineRecords, quarters, 1).value).toBe(50);
    expect(yearToDate(onlineRecords, quarters, 2).value).toBe(75);
  });

  it("skips missing quarters instead of counting them as zero", () => {
    const ytd = yearToDate(
      onlineRecords,
      [
        { quarter: 1, numerator: 30, denominator: 50 },
        { quarter: 3, numerator: 40, denominator: 50 },
      ],
      4,
    );
    expect(ytd.value).toBe(70);
    expect(ytd.quartersReported).toBe(2);
    expect(ytd.lastQuarter).toBe(3);
  });

  it("treats a zero total denominator as no data, and ignores zero quarters once records arrive", () => {
    const nothingReceived = yearToDate(onlineRecords, [{ quarter: 1, numerator: 0, denominator: 0 }], 1);
    expect(nothingReceived.value).toBeNull();
    expect(nothingReceived.quartersReported).toBe(1);

    const later = yearToDate(
      onlineRecords,
      [
        { quarter: 1, numerator: 0, denominator: 0 },
        { quarter: 2, numerator: 3, denominator: 4 },
      ],
      2,
    );
    expect(later.value).toBe(75);
  });

  it("ignores a quarter where only one of the two counts was entered", () => {
    const ytd = yearToDate(
      onlineRecords,
      [
        { quarter: 1, numerator: 8, denominator: 10 },
        { quarter: 2, numerator: 5, denominator: null },
      ],
      2,
    );
    expect(ytd.value).toBe(80);
    expect(ytd.quartersReported).toBe(1);
  });

  it("keeps exact percentages exact, so a target met to the record is met", () => {
    expect(yearToDate(onlineRecords, [{ quarter: 1, numerator: 57, denominator: 100 }], 1).value).toBe(57);
    expect(yearToDate(onlineRecords, [{ quarter: 1, numerator: 3, denominator: 5 }], 1).value).toBe(60);
  });

  it("gives no data when nothing was reported", () => {
    const ytd = yearToDate(onlineRecords, [], 4);
    expect(ytd).toMatchObject({ value: null, numerator: null, denominator: null, quartersReported: 0, lastQuarter: null });
  });
});

describe("yearToDate for other kinds", () => {
  it("takes the latest reported rank up to the reporting quarter", () => {
    const par: AggregationInput = { name: "Chỉ số CCHC", valueKind: "RANK", targetRule: "BETTER_RANK" };
    const quarters = [
      { quarter: 1 as const, value: 10 },
      { quarter: 3 as const, value: 7 },
    ];
    expect(yearToDate(par, quarters, 2)).toMatchObject({ value: 10, lastQuarter: 1 });
    expect(yearToDate(par, quarters, 4)).toMatchObject({ value: 7, lastQuarter: 3 });
  });

  it("takes the latest score, never the sum", () => {
    const sipas: AggregationInput = { name: "Mức độ hài lòng", valueKind: "NUMBER", measurementUnit: "%", targetRule: "AT_LEAST" };
    const ytd = yearToDate(
      sipas,
      [
        { quarter: 1, value: 88 },
        { quarter: 2, value: 92.5 },
      ],
      2,
    );
    expect(ytd.value).toBe(92.5);
  });

  it("adds counts up across quarters", () => {
    const dialogues: AggregationInput = { name: "Số cuộc đối thoại", valueKind: "NUMBER", targetRule: "AT_LEAST" };
    const ytd = yearToDate(
      dialogues,
      [
        { quarter: 1, value: 1 },
        { quarter: 2, value: null },
        { quarter: 3, value: 2 },
      ],
      3,
    );
    expect(ytd.value).toBe(3);
    expect(ytd.quartersReported).toBe(2);
  });

  it("is done when the latest report says done", () => {
    const task: AggregationInput = { name: "Hoàn thành", valueKind: "BOOLEAN", targetRule: "DONE" };
    expect(yearToDate(task, [{ quarter: 1, done: true }], 2).done).toBe(true);
    expect(
      yearToDate(
        task,
        [
          { quarter: 1, done: true },
          { quarter: 2, done: false },
        ],
        2,
      ).done,
    ).toBe(false);
    expect(yearToDate(task, [{ quarter: 1, done: null }], 2)).toMatchObject({ done: null, quartersReported: 0 });
  });
});

describe("quarterDisplayValue", () => {
  it("shows a ratio quarter as that quarter's own percentage", () => {
    expect(quarterDisplayValue(onlineRecords, { quarter: 2, numerator: 9, denominator: 10 })).toBe(90);
    expect(quarterDisplayValue(onlineRecords, { quarter: 2, numerator: 0, denominator: 0 })).toBeNull();
    expect(quarterDisplayValue(onlineRecords, { quarter: 2 })).toBeNull();
  });

  it("shows typed values as typed and done flags as 1/0", () => {
    expect(quarterDisplayValue({ name: "Số cuộc", valueKind: "NUMBER", targetRule: "AT_LEAST" }, { quarter: 1, value: 4 })).toBe(4);
    const task: AggregationInput = { name: "Hoàn thành", valueKind: "BOOLEAN", targetRule: "DONE" };
    expect(quarterDisplayValue(task, { quarter: 1, done: true })).toBe(1);
    expect(quarterDisplayValue(task, { quarter: 1, done: false })).toBe(0);
  });
});

describe("sumRatio (totals over several communes)", () => {
  it("sums numerators and denominators", () => {
    // A small commune at 100% and a large one at 20%: the total is 27.3%, not the 60% an average gives.
    expect(sumRatio([{ numerator: 10, denominator: 10 }, { numerator: 20, denominator: 100 }])).toEqual({
      value: (30 * 100) / 110,
      numerator: 30,
      denominator: 110,
    });
  });

  it("leaves out communes without both counts and reports no data for a zero total", () => {
    expect(sumRatio([{ numerator: 5, denominator: 10 }, { numerator: null, denominator: 50 }]).value).toBe(50);
    expect(sumRatio([{ numerator: 0, denominator: 0 }]).value).toBeNull();
    expect(sumRatio([])).toEqual({ value: null, numerator: null, denominator: null });
  });
});
