import { describe, expect, it } from "vitest";
import { comparisonSelection } from "@/domain/comparison";

// Most widely shared first, as loadComparison sorts them.
const options = [
  { key: "a", group: "ONLINE_SERVICES" },
  { key: "b", group: "SIPAS" },
  { key: "c", group: "ONLINE_SERVICES" },
  { key: "d", group: "PAR_INDEX" },
  ...Array.from({ length: 12 }, (_, i) => ({ key: `o${i}`, group: "ONLINE_SERVICES" })),
];

describe("which indicators a comparison covers (issue 17)", () => {
  it("defaults to every indicator of the largest group, not the first ten", () => {
    const s = comparisonSelection(options, {});
    expect(s.group).toBe("ONLINE_SERVICES");
    expect(s.keys).toHaveLength(14);
    expect(s.keys).not.toContain("b");
  });
  it("takes every indicator of the group asked for", () => {
    expect(comparisonSelection(options, { group: "SIPAS" })).toEqual({ keys: ["b"], group: "SIPAS" });
  });
  it("takes the indicators picked one by one over a group, ignoring unknown keys", () => {
    expect(comparisonSelection(options, { keys: ["d", "zz"], group: "SIPAS" })).toEqual({ keys: ["d"], group: null });
  });
  it("falls back to the default group when the group asked for has no indicator", () => {
    expect(comparisonSelection(options, { group: "DTI" }).group).toBe("ONLINE_SERVICES");
    expect(comparisonSelection([{ key: "s", group: "SIPAS" }, { key: "x", group: "ONLINE_SERVICES" }, { key: "y", group: "ONLINE_SERVICES" }], {}).group).toBe("ONLINE_SERVICES");
    expect(comparisonSelection([], {})).toEqual({ keys: [], group: null });
  });
});
