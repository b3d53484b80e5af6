import { describe, expect, it } from "vitest";
import { comparisonTable } from "@/domain/comparison-table";
import { statusText } from "@/domain/evaluation/display";

const ratio = { valueKind: "RATIO", targetRule: "AT_LEAST" } as const;
const count = { valueKind: "NUMBER", targetRule: "AT_LEAST", measurementUnit: "hồ sơ" } as const;

const input = {
  communes: [
    { id: "a", name: "Xã An Bình" },
    { id: "b", name: "Xã Hòa Lợi" },
  ],
  selected: [
    { key: "k1", name: "Tỷ lệ hồ sơ trực tuyến", sample: ratio },
    { key: "k2", name: "Số hồ sơ số hóa", sample: count },
  ],
  rows: [
    {
      communeId: "b",
      achieved: 1,
      judged: 2,
      share: 50,
      cells: {
        k1: { status: "ACHIEVED" as const, value: 87.5, numerator: 7, denominator: 8, done: null },
        k2: { status: "NOT_ACHIEVED" as const, value: 1234, numerator: null, denominator: null, done: null },
      },
    },
    { communeId: "a", achieved: 0, judged: 0, share: null, cells: { k1: { status: "NO_DATA" as const, value: null, numerator: null, denominator: null, done: null }, k2: null } },
  ],
  totals: { k1: { numerator: 7, denominator: 8, value: 87.5 }, k2: null },
};

describe("the comparison as the page draws it (issue 21)", () => {
  const t = comparisonTable(input);

  it("states the indicators' names and the status labels once, each cell a figure and a status index", () => {
    expect(t.columns).toEqual(["Tỷ lệ hồ sơ trực tuyến", "Số hồ sơ số hóa"]);
    const [first] = t.rows;
    expect(first.name).toBe("Xã Hòa Lợi");
    expect(first.cells[0]![0]).toBe("87,5%");
    expect(t.statuses[first.cells[0]![1]]).toBe(statusText("ACHIEVED"));
    expect(first.cells[1]![0]).toBe("1.234");
    expect(t.statuses[first.cells[1]![1]]).toBe(statusText("NOT_ACHIEVED"));
    expect(new Set(t.statuses).size).toBe(t.statuses.length);
  });

  it("keeps the ranking's order and share; a commune with nothing judged is not ranked; an untracked indicator is null", () => {
    expect(t.rows.map((r) => r.name)).toEqual(["Xã Hòa Lợi", "Xã An Bình"]);
    expect(t.rows[0]).toMatchObject({ share: 50, percent: "50%", counts: "1/2" });
    expect(t.rows[1]).toMatchObject({ share: null, percent: "", counts: "" });
    expect(t.rows[1].cells).toEqual([["—", t.statuses.indexOf(statusText("NO_DATA"))], null]);
  });

  it("totals are the summed ratio with its counts, or a dash", () => {
    expect(t.totals).toEqual(["87,5% (7/8)", "—"]);
  });
});
