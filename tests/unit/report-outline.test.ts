// Issue 21: the report page shows one part (top-level section) at a time; every row belongs to
// exactly one part, in document order, and rows outside any section to their plan's own part.
import { describe, expect, it } from "vitest";
import { openGroup, reportGroups, taskOverdue, topSections } from "@/domain/reporting/outline";

const sections = [
  { id: "A", code: "A", title: "Phần A", depth: 0 },
  { id: "A1", code: "I", title: "Mục I", depth: 1 },
  { id: "A11", code: "1", title: "Tiểu mục 1", depth: 2 },
  { id: "B", code: "B", title: "Phần B", depth: 0 },
  { id: "B1", code: "I", title: "Mục I của B", depth: 1 },
  { id: "C", code: "C", title: "Phần C không có dòng", depth: 0 },
];

describe("report parts", () => {
  it("puts a deep section under the top-level section above it", () => {
    const top = topSections(sections);
    expect(top.get("A11")!.id).toBe("A");
    expect(top.get("B1")!.id).toBe("B");
    expect(top.get("B")!.id).toBe("B");
  });

  it("reads snapshots without depth from parentId", () => {
    const top = topSections([
      { id: "I", code: "I", title: "I", parentId: null },
      { id: "I1", code: "1", title: "1", parentId: "I" },
      { id: "II", code: "II", title: "II", parentId: null },
    ]);
    expect(top.get("I1")!.id).toBe("I");
    expect(top.get("II")!.id).toBe("II");
  });

  it("reads the form's data, which marks only the top-level sections", () => {
    const top = topSections([
      { id: "A", code: "A", title: "A", top: true },
      { id: "A1", code: "1", title: "1" },
      { id: "B", code: "B", title: "B", top: true },
      { id: "B1", code: "1", title: "1" },
    ]);
    expect([...top].map(([id, s]) => `${id}>${s.id}`)).toEqual(["A>A", "A1>A", "B>B", "B1>B"]);
  });

  it("groups rows by part in document order, rows outside sections first, empty parts left out", () => {
    const { groups, groupOf } = reportGroups([
      {
        id: "p1",
        title: "Kế hoạch",
        sections,
        indicators: [
          { id: "i0", sectionId: null },
          { id: "i1", sectionId: "A11" },
        ],
        tasks: [
          { id: "t1", sectionId: "B1" },
          { id: "t2", sectionId: "A1" },
        ],
      },
      { id: "p2", title: "Kế hoạch 2", sections: [], indicators: [{ id: "i2", sectionId: null }], tasks: [] },
    ]);
    expect(groups.map((g) => g.key)).toEqual(["p1", "A", "B", "p2"]);
    expect(groups[0].title).toBe("Chỉ tiêu, nhiệm vụ chung");
    expect(Object.fromEntries(groupOf)).toEqual({ i0: "p1", i1: "A", t1: "B", t2: "A", i2: "p2" });
    expect(openGroup(groups, "B")).toBe("B");
    // A part that is not (or no longer) in the report opens the first one.
    expect(openGroup(groups, "C")).toBe("p1");
    expect(openGroup([], undefined)).toBeNull();
  });

  it("judges a task overdue as the server does: done after the period's end was not done then", () => {
    const task = { dueDate: "2025-09-30", deadlineKind: "DATE" as const, occurrences: null };
    expect(taskOverdue({ ...task, current: null }, "IN_PROGRESS", "2025-09-30", "2025-09-30")).toBe(false);
    expect(taskOverdue({ ...task, current: null }, "IN_PROGRESS", "2025-12-31", "2025-12-31")).toBe(true);
    expect(taskOverdue({ ...task, current: { status: "DONE", completedAt: "2025-09-01" } }, "DONE", "2025-12-31", "2026-01-10")).toBe(false);
    // Marked done today, after the judged quarter ended: still overdue for that quarter.
    expect(taskOverdue({ ...task, current: null }, "DONE", "2025-12-31", "2026-01-10")).toBe(true);
  });
});
