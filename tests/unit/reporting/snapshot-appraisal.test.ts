// What a report on file flags as changed since: a figure the commune changed, and a figure the
// province's PAR Index appraisal wrote, named as such.
import { describe, expect, it } from "vitest";
import { snapshotChanges, type FrozenIndicator, type FrozenPlan } from "@/domain/reporting/snapshot";

const par = (q4: number | null, fromAppraisal?: boolean): FrozenIndicator => ({
  id: "par",
  code: "1",
  name: "Chỉ số CCHC",
  measurementUnit: "điểm",
  targetText: "tối thiểu 85 điểm",
  targetRule: "AT_LEAST",
  targetValue: 85,
  baselineValue: null,
  quarters: q4 === null ? [] : [{ quarter: 4, numerator: null, denominator: null, value: q4, done: null, fromAppraisal }],
  current: null,
  evidence: [],
});
const plan = (ind: FrozenIndicator): FrozenPlan[] => [{ id: "p", title: "Kế hoạch", indicators: [ind], tasks: [] }];

describe("snapshotChanges", () => {
  it("names a quarter IV figure written by the appraisal", () => {
    expect(snapshotChanges(plan(par(null)), plan(par(87.5, true)), 4, { evidence: false })).toEqual([
      { rowId: "par", row: "Chỉ tiêu 1 Chỉ số CCHC", what: "Số liệu Quý IV (điểm chính thức theo kết quả thẩm định Chỉ số CCHC)", before: "(trống)", after: "87,5" },
    ]);
  });

  it("a figure the commune changed is a plain figure change; an unchanged appraisal figure is no change", () => {
    expect(snapshotChanges(plan(par(80)), plan(par(82)), 4, { evidence: false }).map((c) => c.what)).toEqual(["Số liệu Quý IV"]);
    expect(snapshotChanges(plan(par(87.5, true)), plan(par(87.5, true)), 4, { evidence: false })).toEqual([]);
  });
});
