import { describe, expect, it } from "vitest";
import {
  NO_FIGURE,
  quarterCell,
  quarterFigure,
  resultCell,
  resultText,
  statusText,
  targetText,
  ytdCell,
  ytdFigure,
  ytdText,
} from "@/domain/evaluation/display";
import { yearToDate, type AggregationInput } from "@/domain/evaluation/year-to-date";

const ratio: AggregationInput & { targetValue: number } = { name: "Tỷ lệ hồ sơ trực tuyến", valueKind: "RATIO", measurementUnit: null, targetRule: "AT_LEAST", targetValue: 60 };
const done: AggregationInput = { name: "Ban hành kế hoạch", valueKind: "BOOLEAN", measurementUnit: null, targetRule: "DONE" };
const count: AggregationInput = { name: "Sáng kiến", valueKind: "NUMBER", measurementUnit: "sáng kiến", targetRule: "AT_LEAST" };
const typedPercent: AggregationInput = { name: "Mức độ hài lòng", valueKind: "NUMBER", measurementUnit: "%", targetRule: "AT_LEAST" };
const rank: AggregationInput = { name: "Xếp hạng", valueKind: "RANK", measurementUnit: "hạng", targetRule: "BETTER_RANK" };

describe("year-to-date text, the same on every surface", () => {
  it("shows a ratio as sum over sum in percent with its counts", () => {
    const ytd = yearToDate(ratio, [{ quarter: 1, numerator: 1, denominator: 4 }, { quarter: 2, numerator: 2, denominator: 4 }], 2);
    expect(ytdFigure(ratio, ytd)).toEqual({ text: "37,5%", detail: "3/8" });
    expect(ytdText(ratio, ytd)).toBe("37,5%");
    expect(ytdCell(ytd)).toBe(37.5);
  });

  it("says done or not done in full words (the pages used to say only 'Chưa')", () => {
    const no = yearToDate(done, [{ quarter: 1, done: false }], 1);
    expect(ytdText(done, no)).toBe("Chưa hoàn thành");
    expect(ytdCell(no)).toBe("Chưa hoàn thành");
    expect(ytdText(done, yearToDate(done, [{ quarter: 1, done: true }], 1))).toBe("Hoàn thành");
  });

  it("shows a dash on pages and nothing in documents when nothing was reported", () => {
    const none = yearToDate(count, [], 4);
    expect(ytdText(count, none)).toBe(NO_FIGURE);
    expect(ytdFigure(count, none).text).toBe("");
    expect(ytdCell(none)).toBeNull();
  });

  it("adds the unit only where asked (documents), never to a rank", () => {
    const ytd = yearToDate(count, [{ quarter: 1, value: 3 }, { quarter: 2, value: 2 }], 2);
    expect(ytdText(count, ytd)).toBe("5");
    expect(ytdFigure(count, ytd, { withUnit: true }).text).toBe("5 sáng kiến");
    expect(ytdFigure(rank, yearToDate(rank, [{ quarter: 1, value: 12 }], 1), { withUnit: true }).text).toBe("12");
    expect(ytdText(typedPercent, yearToDate(typedPercent, [{ quarter: 1, value: 85.25 }], 1))).toBe("85,3%");
  });
});

describe("a quarter's own figure", () => {
  it("is that quarter's ratio with its counts", () => {
    expect(quarterFigure(ratio, { quarter: 2, numerator: 3, denominator: 4 })).toEqual({ text: "75%", detail: "3/4" });
    expect(quarterCell(ratio, { quarter: 2, numerator: 3, denominator: 4 })).toBe(75);
  });

  it("is done / not done in words, not 1 or 0 (the indicator page showed '1')", () => {
    expect(quarterFigure(done, { quarter: 1, done: true }).text).toBe("Hoàn thành");
    expect(quarterCell(done, { quarter: 1, done: false })).toBe("Chưa hoàn thành");
  });

  it("is empty for a quarter not reported", () => {
    expect(quarterFigure(count, undefined)).toEqual({ text: "", detail: "" });
    expect(quarterCell(count, { quarter: 1, value: null })).toBeNull();
  });
});

describe("comparison cells", () => {
  it("prefer the number, then done / not done", () => {
    expect(resultText(ratio, { value: 62.5, done: null })).toBe("62,5%");
    expect(resultText(done, { value: null, done: false })).toBe("Chưa hoàn thành");
    expect(resultText(count, { value: null, done: null })).toBe("");
    expect(resultCell({ value: null, done: true })).toBe("Hoàn thành");
  });
});

describe("target and status", () => {
  it("states a ratio's target in percent whatever unit the plan gave (the plan edit page dropped it)", () => {
    expect(targetText({ ...ratio, measurementUnit: "hồ sơ" })).toBe("Tối thiểu 60%");
    expect(targetText({ ...count, targetValue: 2 })).toBe("Tối thiểu 2 sáng kiến");
  });

  it("puts the symbol before the label", () => {
    expect(statusText("ACHIEVED")).toBe("✔ Đạt");
    expect(statusText("NOT_ACHIEVED")).toBe("✖ Chưa đạt");
  });
});
