import { describe, expect, it } from "vitest";
import { changesByRow, snapshotChanges, type FrozenIndicator, type FrozenPlan, type FrozenTask } from "@/domain/reporting/snapshot";

const indicator = (over: Partial<FrozenIndicator> = {}): FrozenIndicator => ({
  id: "i1",
  code: "1",
  name: "Tỷ lệ hồ sơ trực tuyến",
  measurementUnit: "%",
  targetText: "Tối thiểu 60%",
  targetRule: "AT_LEAST",
  targetValue: 60,
  baselineValue: null,
  quarters: [{ quarter: 3, numerator: 40, denominator: 60, value: null, done: null }],
  current: { note: null, cause: null, remedy: null },
  evidence: [],
  ...over,
});
const task = (over: Partial<FrozenTask> = {}): FrozenTask => ({
  id: "t1",
  code: "A.1",
  content: "Rà soát thủ tục hành chính",
  deadlineText: "Quý III",
  dueDate: null,
  current: { status: "IN_PROGRESS", resultText: "Đang rà soát", reason: null },
  evidence: [],
  ...over,
});
const plan = (indicators: FrozenIndicator[], tasks: FrozenTask[]): FrozenPlan[] => [{ id: "p", title: "KH", indicators, tasks }];

describe("changes between two versions of a report (issue 17: since the return)", () => {
  it("ties each change to its row, with before and after as the report shows them", () => {
    const before = plan([indicator(), indicator({ id: "i2", code: "2" })], [task()]);
    const after = plan(
      [indicator({ quarters: [{ quarter: 3, numerator: 40, denominator: 64, value: null, done: null }] }), indicator({ id: "i2", code: "2" })],
      [task({ current: { status: "DONE", resultText: "Đang rà soát", reason: null } })],
    );
    const byRow = changesByRow(snapshotChanges(before, after, 3, { evidence: true }));
    expect(Object.keys(byRow).sort()).toEqual(["i1", "t1"]);
    expect(byRow.i1).toEqual([expect.objectContaining({ rowId: "i1", what: "Số liệu Quý III", before: "40/60", after: "40/64" })]);
    expect(byRow.t1).toEqual([expect.objectContaining({ what: "Tiến độ", before: "Đang thực hiện", after: "Hoàn thành" })]);
  });

  it("counts the reason given for a red row (cause, remedy) as a change", () => {
    const before = plan([indicator()], []);
    const after = plan([indicator({ current: { note: null, cause: "Thiếu máy quét", remedy: null } })], []);
    expect(snapshotChanges(before, after, 3, { evidence: false })).toEqual([expect.objectContaining({ rowId: "i1", what: "Nguyên nhân", before: "(trống)", after: "Thiếu máy quét" })]);
  });

  it("reports nothing when nothing changed", () => {
    const same = plan([indicator()], [task()]);
    expect(changesByRow(snapshotChanges(same, structuredClone(same), 3, { evidence: true }))).toEqual({});
  });
});
