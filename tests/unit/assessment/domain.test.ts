import { describe, expect, it } from "vitest";
import {
  addScores,
  bandOf,
  bandsProblem,
  DEFAULT_BANDS,
  sortBands,
  describeRule,
  finalScoreOf,
  gap,
  indicatorMatches,
  parseFigureRule,
  rankByScore,
  ruleProblem,
  scoreByRule,
  scoreError,
  selfScoreGap,
  stepError,
  structureMax,
  subCriteriaOf,
  sumMaxPoints,
  totals,
} from "@/domain/assessment";

describe("figure rules", () => {
  const rule = parseFigureRule("Tỷ lệ hồ sơ trực tuyến ≥ 70 %: 1 điểm; 50–70 %: 0,5 điểm; dưới 50%: 0")!;

  it("reads the province's wording into steps, highest first", () => {
    expect(rule.steps).toEqual([
      { min: 70, points: 1 },
      { min: 50, points: 0.5 },
    ]);
    expect(rule.unit).toBe("%");
    expect(rule.indicatorHint).toBe("hồ sơ trực tuyến");
  });

  it("scores figures at, between and below the thresholds", () => {
    expect(scoreByRule(rule, 70)).toBe(1);
    expect(scoreByRule(rule, 85.4)).toBe(1);
    expect(scoreByRule(rule, 69.99)).toBe(0.5);
    expect(scoreByRule(rule, 50)).toBe(0.5);
    expect(scoreByRule(rule, 49.9)).toBe(0);
    expect(scoreByRule(rule, null)).toBeNull();
  });

  it("understands 'từ … trở lên', 'trên …' (strict) and 'từ 50 đến dưới 70'", () => {
    const r = parseFigureRule("Trên 90%: 2 điểm\ntừ 80% trở lên: 1,5\ntừ 50 đến dưới 80%: 1")!;
    expect(scoreByRule(r, 90)).toBe(1.5);
    expect(scoreByRule(r, 90.1)).toBe(2);
    expect(scoreByRule(r, 79)).toBe(1);
    expect(scoreByRule(r, 10)).toBe(0);
  });

  it("finds no rule in guidance that names no figure", () => {
    expect(parseFigureRule("Ban hành kế hoạch CCHC năm đúng hạn: 1 điểm")).toBeNull();
    expect(parseFigureRule("")).toBeNull();
  });

  it("prints the rule back in Vietnamese and checks it against the maximum", () => {
    expect(describeRule(rule)).toBe("≥ 70 %: 1 điểm; 50–70 %: 0,5 điểm; dưới 50 %: 0 điểm");
    expect(ruleProblem(rule, 1)).toBeNull();
    expect(ruleProblem(rule, 0.5)).toMatch(/vượt điểm tối đa 0,5/);
  });

  it("matches plan indicators by the hint, ignoring diacritics", () => {
    const r = rule;
    expect(indicatorMatches(r, "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC.")).toBe(true);
    expect(indicatorMatches(r, "Tỷ lệ HỒ SƠ TRUC TUYEN toàn trình")).toBe(true);
    expect(indicatorMatches(r, "Tỷ lệ số hóa hồ sơ")).toBe(false);
  });
});

describe("score bounds and half points", () => {
  it("accepts scores within the maximum in the allowed steps", () => {
    expect(scoreError(1.5, { maxPoints: 2, allowHalf: true })).toBeNull();
    expect(scoreError(0, { maxPoints: 2, allowHalf: false })).toBeNull();
    expect(scoreError(2, { maxPoints: 2, allowHalf: false })).toBeNull();
  });
  it("refuses over the maximum, negative, and half points where not allowed", () => {
    expect(scoreError(2.5, { maxPoints: 2, allowHalf: true })).toBe("Điểm tối đa của tiêu chí này là 2.");
    expect(scoreError(-0.5, { maxPoints: 2, allowHalf: true })).toBe("Điểm không được âm.");
    expect(scoreError(1.5, { maxPoints: 2, allowHalf: false })).toBe("Tiêu chí này chỉ chấm điểm nguyên.");
    expect(scoreError(1.25, { maxPoints: 2, allowHalf: true })).toBe("Chỉ chấm theo bước 0,5 điểm.");
  });
});

describe("totals", () => {
  it("adds per area and overall, counting what is still unscored", () => {
    const t = totals([
      { areaId: "I", maxPoints: 1.5, score: 1 },
      { areaId: "I", maxPoints: 1, score: null },
      { areaId: "II", maxPoints: 0.5, score: 0.5 },
    ]);
    expect(t.areas).toEqual([
      { areaId: "I", max: 2.5, score: 1, missing: 1 },
      { areaId: "II", max: 0.5, score: 0.5, missing: 0 },
    ]);
    expect(t).toMatchObject({ max: 3, score: 1.5, missing: 1 });
  });
  it("has no binary-fraction noise", () => {
    expect(addScores([0.1, 0.2, 0.5, 0.5])).toBe(1.3);
  });
  it("final score: the appraised one unless the explanation was accepted", () => {
    expect(finalScoreOf({ selfScore: 2, appraisedScore: 1, decision: "ACCEPTED" })).toBe(2);
    expect(finalScoreOf({ selfScore: 2, appraisedScore: 1, decision: "REJECTED" })).toBe(1);
    expect(finalScoreOf({ selfScore: 2, appraisedScore: 1, decision: null })).toBe(1);
    expect(gap(2, 1.5)).toBe(0.5);
    expect(gap(null, 1)).toBeNull();
  });
  it("a commune's gap counts only what it scored itself, not the province-only sub-criteria", () => {
    const scores = [
      { selfScore: 2, finalScore: 1.5 }, // over-scored by 0.5
      { selfScore: 1, finalScore: 1 },
      { selfScore: null, finalScore: 9 }, // survey points the province alone scores
    ];
    expect(selfScoreGap(scores)).toBe(0.5);
    expect(selfScoreGap([{ selfScore: null, finalScore: 3 }])).toBeNull();
  });
});

describe("ranking", () => {
  const communes = [
    { name: "Xã B", score: 88 },
    { name: "Xã A", score: 92.5 },
    { name: "Xã C", score: 88 },
    { name: "Xã D", score: 70 },
  ];
  it("ties share a place and the next place skips", () => {
    const r = rankByScore(communes, (c) => c.score, (c) => c.name);
    expect(r.map((x) => [x.item.name, x.rank, x.tied])).toEqual([
      ["Xã A", 1, false],
      ["Xã B", 2, true],
      ["Xã C", 2, true],
      ["Xã D", 4, false],
    ]);
  });
  it("bands by the lowest score of each band", () => {
    expect(bandOf(90, DEFAULT_BANDS)).toBe("Xuất sắc");
    expect(bandOf(89.5, DEFAULT_BANDS)).toBe("Tốt");
    expect(bandOf(10, DEFAULT_BANDS)).toBe("Yếu");
  });
  it("accepts the bands a province sets only when every score falls in one, named once", () => {
    expect(bandsProblem(DEFAULT_BANDS, 100)).toBeNull();
    expect(bandsProblem([], 100)).toMatch(/ít nhất một/);
    expect(bandsProblem([{ min: 50, label: "Đạt" }, { min: 10, label: "Chưa đạt" }], 100)).toMatch(/bắt đầu từ 0/);
    expect(bandsProblem([{ min: 50, label: "Đạt" }, { min: 0, label: " đạt " }], 100)).toMatch(/trùng/);
    expect(bandsProblem([{ min: 0, label: "A" }, { min: 0, label: "B" }], 100)).toMatch(/cùng một điểm/);
    expect(bandsProblem([{ min: 120, label: "A" }, { min: 0, label: "B" }], 100)).toMatch(/0 – 100/);
    expect(bandsProblem([{ min: 0, label: "" }], 100)).toMatch(/cần có tên/);
    expect(sortBands([{ min: 0, label: " Yếu " }, { min: 85, label: "Tốt" }])).toEqual([{ min: 85, label: "Tốt" }, { min: 0, label: "Yếu" }]);
  });
});

describe("workflow", () => {
  const today = "2025-12-10";
  it("follows submit → appraise → explain → finalize", () => {
    expect(stepError("submit", { status: "DRAFT", appraised: false, explainDueDate: null }, today)).toBeNull();
    expect(stepError("appraise", { status: "SUBMITTED", appraised: false, explainDueDate: null }, today)).toBeNull();
    expect(stepError("explain", { status: "RETURNED", appraised: true, explainDueDate: "2025-12-15" }, today)).toBeNull();
    expect(stepError("finalize", { status: "SUBMITTED", appraised: true, explainDueDate: "2025-12-15" }, today)).toBeNull();
  });
  it("refuses steps out of order and explanations after the deadline", () => {
    expect(stepError("submit", { status: "SUBMITTED", appraised: false, explainDueDate: null }, today)).toMatch(/Không thể nộp bản tự chấm/);
    expect(stepError("appraise", { status: "SUBMITTED", appraised: true, explainDueDate: null }, today)).toMatch(/Không thể/);
    expect(stepError("explain", { status: "RETURNED", appraised: true, explainDueDate: "2025-12-09" }, today)).toMatch(/quá hạn giải trình/);
    expect(stepError("finalize", { status: "RETURNED", appraised: true, explainDueDate: "2025-12-15" }, today)).toMatch(/Chưa hết hạn/);
    expect(stepError("finalize", { status: "RETURNED", appraised: true, explainDueDate: "2025-12-09" }, today)).toBeNull();
    expect(stepError("finalize", { status: "APPROVED", appraised: true, explainDueDate: null }, today)).toMatch(/Không thể/);
  });
});

describe("sum of sub-criteria maximum points (one helper for the set page, the bands check and the documents)", () => {
  it("adds numbers and database decimals alike, without binary-fraction noise", () => {
    const decimal = (n: number) => ({ toNumber: () => n });
    expect(sumMaxPoints([{ maxPoints: 0.1 }, { maxPoints: 0.2 }])).toBe(0.3);
    expect(sumMaxPoints([{ maxPoints: decimal(1.5) }, { maxPoints: 2 }, { maxPoints: decimal(0.5) }])).toBe(4);
    expect(sumMaxPoints([])).toBe(0);
  });

  it("a set's maximum is the sum over every area's sub-criteria", () => {
    const sub = (maxPoints: number) => ({ code: "x", text: "x", maxPoints, allowHalf: false, guidance: null, expectedEvidence: null, scoredBy: "SELF" as const, figureRule: null });
    const structure = {
      areas: [
        { code: "I", title: "A", criteria: [{ code: "1", title: "a", subCriteria: [sub(2), sub(1.5)] }] },
        { code: "II", title: "B", criteria: [{ code: "1", title: "b", subCriteria: [sub(3)] }, { code: "2", title: "c", subCriteria: [] }] },
      ],
    };
    expect(subCriteriaOf(structure.areas)).toHaveLength(3);
    expect(sumMaxPoints(subCriteriaOf([structure.areas[0]]))).toBe(3.5);
    expect(structureMax(structure)).toBe(6.5);
  });
});
