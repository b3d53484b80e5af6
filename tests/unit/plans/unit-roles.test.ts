import { describe, expect, it } from "vitest";
import { indicatorUnitsByRole, roleLinks, splitUnitList, taskUnitsByRole } from "@/domain/plans/unit-roles";

const ids: Record<string, string> = { "Văn phòng": "vp", "Tư pháp": "tp", "Công an": "ca" };
const idOf = (n: string) => ids[n] ?? null;

describe("unit roles", () => {
  it("splits a unit list on semicolons and lines", () => {
    expect(splitUnitList(" Văn phòng ;\nTư pháp;; ")).toEqual(["Văn phòng", "Tư pháp"]);
    expect(splitUnitList(null)).toEqual([]);
  });

  it("keeps the second lead a lead, each unit once, unknown names left out", () => {
    expect(roleLinks(["Văn phòng", "Tư pháp"], ["Công an", "Tư pháp", "Không có"], idOf)).toEqual({
      headId: "vp",
      links: [{ unitId: "tp", head: true }, { unitId: "ca", head: false }],
    });
    expect(roleLinks([], ["Công an"], idOf)).toEqual({ headId: null, links: [{ unitId: "ca", head: false }] });
  });

  it("reads a stored task's units back by role, and the document's text where nothing is linked", () => {
    const u = (name: string, flag: boolean) => ({ isLead: flag, isMonitoring: flag, unit: { name } });
    expect(taskUnitsByRole({ leadUnit: { name: "Văn phòng" }, leadUnitText: null, coordinatingText: null, coordinatingUnits: [u("Tư pháp", true), u("Công an", false)] })).toEqual({
      leads: ["Văn phòng", "Tư pháp"],
      coordinating: ["Công an"],
    });
    expect(taskUnitsByRole({ leadUnit: null, leadUnitText: "Ban A; Ban B", coordinatingText: "Ban C", coordinatingUnits: [] })).toEqual({ leads: ["Ban A", "Ban B"], coordinating: ["Ban C"] });
    expect(indicatorUnitsByRole({ monitoringUnit: { name: "Văn phòng" }, monitoringUnitText: null, implementingUnitText: null, implementingUnits: [u("Tư pháp", true), u("Công an", false)] })).toEqual({
      monitoring: ["Văn phòng", "Tư pháp"],
      implementing: ["Công an"],
    });
  });
});
