import { describe, expect, it } from "vitest";
import { addNode, structureWarnings, type CriteriaStructure } from "@/domain/assessment";

const sub = (code: string, maxPoints: number) => ({ code, text: `Tiêu chí ${code}`, maxPoints, allowHalf: false, guidance: null, expectedEvidence: null, scoredBy: "SELF" as const, figureRule: null });
const base: CriteriaStructure = { areas: [{ code: "I", title: "Công tác chỉ đạo", criteria: [{ code: "1", title: "Kế hoạch", subCriteria: [sub("1.1", 60), sub("1.2", 40)] }] }] };
const ok = (r: ReturnType<typeof addNode>) => {
  if ("problem" in r) throw new Error(r.problem);
  return r.structure;
};

describe("addNode", () => {
  it("appends an area, a criterion and a sub-criterion at the end of their parent; totals are checked again", () => {
    let s = ok(addNode(base, { kind: "area", code: "II", title: "Thủ tục hành chính" }));
    expect(structureWarnings(s)).toContain("Lĩnh vực II chưa có tiêu chí.");
    s = ok(addNode(s, { kind: "criterion", areaCode: "ii", code: "1", title: "Công khai TTHC" }));
    s = ok(addNode(s, { kind: "sub", areaCode: "II", criterionCode: "1", sub: sub(" 1.1 ", 5) }));
    expect(s.areas.map((a) => a.code)).toEqual(["I", "II"]);
    expect(s.areas[1].criteria[0].subCriteria.map((x) => x.code)).toEqual(["1.1"]);
    expect(structureWarnings(s)).toEqual(["Tổng điểm tối đa là 105, không phải 100."]);
    expect(base.areas).toHaveLength(1);
  });

  it("refuses a code already used where a reader would confuse them, and a parent that does not exist", () => {
    expect(addNode(base, { kind: "area", code: "i", title: "x" })).toEqual({ problem: "Đã có lĩnh vực mã i." });
    expect(addNode(base, { kind: "criterion", areaCode: "I", code: "1", title: "x" })).toEqual({ problem: "Lĩnh vực I đã có tiêu chí mã 1." });
    expect(addNode(base, { kind: "sub", areaCode: "I", criterionCode: "1", sub: sub("1.2", 1) })).toEqual({ problem: "Lĩnh vực I đã có tiêu chí thành phần mã 1.2." });
    expect(addNode(base, { kind: "criterion", areaCode: "IX", code: "1", title: "x" })).toEqual({ problem: "Không có lĩnh vực mã IX." });
    expect(addNode(base, { kind: "sub", areaCode: "I", criterionCode: "7", sub: sub("7.1", 1) })).toEqual({ problem: "Lĩnh vực I không có tiêu chí mã 7." });
  });
});
