import { describe, expect, it } from "vitest";
import {
  childrenOf,
  depths,
  documentOrder,
  letters,
  moveAmongSiblings,
  numberingCode,
  outlineNodes,
  planRows,
  roman,
  sectionsHolding,
  subtreeOf,
  type OutlineNode,
} from "@/domain/plans/outline";
import { ROW_KIND, ROW_KINDS, rowMainText, shortText } from "@/domain/plans/row-kinds";
import { latestReturnComments, transitionTitle } from "@/domain/reporting/workflow";

describe("numbering", () => {
  it("writes roman numerals as Vietnamese plans number their parts", () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 19, 40, 49, 90, 400, 1994].map(roman)).toEqual(["I", "II", "III", "IV", "V", "IX", "X", "XIV", "XIX", "XL", "XLIX", "XC", "CD", "MCMXCIV"]);
  });

  it("counts letters past z as spreadsheets do", () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(letters)).toEqual(["a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]);
  });

  it("gives the n-th code in each style; prefixed uses the section's code without its trailing dot", () => {
    expect(numberingCode("arabic", 3, "II")).toBe("3");
    expect(numberingCode("roman", 4, null)).toBe("IV");
    expect(numberingCode("upper", 2, null)).toBe("B");
    expect(numberingCode("lower", 27, null)).toBe("aa");
    expect(numberingCode("prefixed", 2, "3.1.")).toBe("3.1.2");
    expect(numberingCode("prefixed", 2, null)).toBe("2");
  });
});

// I (s1) > task t1, section 1 (s2) > indicator i1 > sub-row i2; II (s3) > task t2
const PLAN = {
  sections: [
    { id: "s1", parentId: null, position: 0, code: "I", title: "Chỉ đạo" },
    { id: "s2", parentId: "s1", position: 2, code: "1", title: "Chỉ tiêu" },
    { id: "s3", parentId: null, position: 5, code: "II", title: "Cải cách TTHC" },
  ],
  tasks: [
    { id: "t1", sectionId: "s1", position: 1, code: "1", content: "Ban hành kế hoạch" },
    { id: "t2", sectionId: "s3", position: 6, code: "1", content: "Rà soát TTHC" },
  ],
  indicators: [
    { id: "i1", sectionId: "s2", parentId: null, position: 3, code: "1.1", name: "Tỷ lệ hồ sơ" },
    { id: "i2", sectionId: "s2", parentId: "i1", position: 4, code: null, name: "Toàn trình" },
  ],
};

const ids = (nodes: OutlineNode[]) => nodes.map((n) => n.id);

describe("the outline tree", () => {
  it("orders rows depth-first; a sub-row sits under its main indicator", () => {
    const nodes = outlineNodes(PLAN);
    expect(ids(documentOrder(nodes))).toEqual(["s1", "t1", "s2", "i1", "i2", "s3", "t2"]);
    expect(ids(childrenOf(nodes, "s1"))).toEqual(["t1", "s2"]);
    expect(Object.fromEntries(depths(nodes))).toEqual({ s1: 0, t1: 1, s2: 1, i1: 2, i2: 3, s3: 0, t2: 1 });
  });

  it("a section's subtree holds everything inside it", () => {
    expect(ids(subtreeOf(outlineNodes(PLAN), "s1")).sort()).toEqual(["i1", "i2", "s1", "s2", "t1"]);
    expect(ids(subtreeOf(outlineNodes(PLAN), "t2"))).toEqual(["t2"]);
  });

  it("moves a section with its rows, and refuses to move the first row up", () => {
    const nodes = outlineNodes(PLAN);
    expect(moveAmongSiblings(nodes, "s3", "up")).toBe(true);
    expect(ids(documentOrder(nodes))).toEqual(["s3", "t2", "s1", "t1", "s2", "i1", "i2"]);
    expect(moveAmongSiblings(nodes, "s3", "up")).toBe(false);
    expect(moveAmongSiblings(nodes, "t1", "down")).toBe(true);
    expect(ids(childrenOf(nodes, "s1"))).toEqual(["s2", "t1"]);
  });

  it("keeps a row whose parent is missing, at the end", () => {
    const nodes = outlineNodes({ ...PLAN, tasks: [...PLAN.tasks, { id: "lost", sectionId: "gone", position: 0, code: null, content: "?" }] });
    expect(ids(documentOrder(nodes)).at(-1)).toBe("lost");
  });

  it("lists the rows in position order, sections first when positions tie", () => {
    const rows = planRows({ sections: [{ position: 1, id: "s" }], tasks: [{ position: 1, id: "t" }, { position: 0, id: "t0" }], indicators: [{ position: 1, id: "i" }] });
    expect(rows.map((r) => `${r.type}:${r.item.id}`)).toEqual(["task:t0", "section:s", "task:t", "indicator:i"]);
  });

  it("names only the headings over tasks in the task table, and over indicators in the indicator table", () => {
    expect([...sectionsHolding(PLAN, "task")].sort()).toEqual(["s1", "s3"]);
    expect([...sectionsHolding(PLAN, "indicator")].sort()).toEqual(["s1", "s2"]);
  });
});

describe("row kinds", () => {
  it("one registry names every kind, its table and its text", () => {
    expect(ROW_KINDS.map((k) => ROW_KIND[k].entity)).toEqual(["PlanSection", "Task", "Indicator"]);
    expect(rowMainText("section", { title: "Mục A" })).toBe("Mục A");
    expect(rowMainText("task", { content: "Nhiệm vụ B" })).toBe("Nhiệm vụ B");
    expect(rowMainText("indicator", { name: "Chỉ tiêu C" })).toBe("Chỉ tiêu C");
    expect(shortText("Rà soát,\n  đơn giản hóa thủ tục hành chính nội bộ", 20)).toBe("Rà soát, đơn giản…");
  });
});

describe("review decisions", () => {
  const returned = { toStatus: "RETURNED" as const, comment: "Bổ sung chỉ tiêu", rowComments: [{ indicatorId: "i1", taskId: null, comment: "Sai chỉ tiêu" }, { indicatorId: null, taskId: "t1", comment: "Thiếu hạn" }] };
  it("the latest return's comments, by row", () => {
    expect(latestReturnComments([returned])).toEqual({ comment: "Bổ sung chỉ tiêu", rows: { i1: "Sai chỉ tiêu", t1: "Thiếu hạn" } });
  });
  it("nothing when the latest decision is not a return", () => {
    expect(latestReturnComments([{ toStatus: "SUBMITTED", comment: null, rowComments: [] }, returned])).toBeNull();
    expect(latestReturnComments([])).toBeNull();
  });
  it("names decisions by their transition", () => {
    expect(["submit", "approve", "return", "reopen", "amend", "other"].map(transitionTitle)).toEqual(["Nộp", "Duyệt", "Trả lại", "Mở lại", "Điều chỉnh", "other"]);
  });
});
