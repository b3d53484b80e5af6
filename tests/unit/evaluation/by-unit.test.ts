import { describe, expect, it } from "vitest";
import { UNASSIGNED_UNIT_NAME, aggregateByUnit, type UnitIndicatorInput, type UnitTaskInput } from "@/domain/evaluation";

const office = { id: "vp", name: "Văn phòng HĐND và UBND xã" };
const justice = { id: "tp", name: "Tư pháp – Hộ tịch" };
const oneStop = { id: "mc", name: "Bộ phận Một cửa" };

const ind = (id: string, unit: { id: string; name: string } | null, status: UnitIndicatorInput["status"]): UnitIndicatorInput => ({
  id,
  monitoringUnitId: unit?.id ?? null,
  monitoringUnitName: unit?.name ?? null,
  status,
});
const task = (id: string, unit: { id: string; name: string } | null, status: string | null, overdue = false): UnitTaskInput => ({
  id,
  leadUnitId: unit?.id ?? null,
  leadUnitName: unit?.name ?? null,
  status,
  overdue,
});

describe("aggregateByUnit", () => {
  const rows = aggregateByUnit(
    [
      ind("i1", office, "ACHIEVED"),
      ind("i2", office, "AT_RISK"),
      ind("i3", office, "NO_DATA"),
      ind("i4", oneStop, "NOT_ACHIEVED"),
      ind("i5", oneStop, "NOT_ACHIEVED"),
      ind("i6", oneStop, "NO_TARGET"),
      ind("i7", null, "AT_RISK"),
    ],
    [
      task("t1", office, "DONE"),
      task("t2", office, "IN_PROGRESS", true),
      task("t3", justice, "DONE"),
      task("t4", justice, null),
      task("t5", null, "NOT_STARTED", true),
    ],
  );

  it("counts indicators and tasks per unit", () => {
    const byId = Object.fromEntries(rows.map((r) => [String(r.unitId), r]));
    expect(byId.vp).toMatchObject({
      unitName: office.name,
      indicators: 3,
      achieved: 1,
      lagging: 1,
      noData: 1,
      tasks: 2,
      tasksDone: 1,
      overdue: 1,
    });
    expect(byId.mc).toMatchObject({ indicators: 3, achieved: 0, lagging: 2, notAchieved: 2, noData: 0, tasks: 0 });
    expect(byId.tp).toMatchObject({ indicators: 0, lagging: 0, tasks: 2, tasksDone: 1, overdue: 0 });
  });

  it("groups items without a unit under one row", () => {
    const unassigned = rows.find((r) => r.unitId === null);
    expect(unassigned).toMatchObject({ unitName: UNASSIGNED_UNIT_NAME, indicators: 1, lagging: 1, tasks: 1, overdue: 1 });
    expect(UNASSIGNED_UNIT_NAME).toBe("Chưa giao đơn vị");
  });

  it("puts the units most behind first: lagging + overdue, then overdue, unassigned last on a tie", () => {
    // Score (lagging + overdue): Văn phòng 1+1, unassigned 1+1, Một cửa 2+0, Tư pháp 0.
    expect(rows.map((r) => r.unitId)).toEqual(["vp", null, "mc", "tp"]);
  });

  it("orders units equally behind by Vietnamese name", () => {
    const tied = aggregateByUnit(
      [ind("a", justice, "NOT_ACHIEVED"), ind("b", oneStop, "NOT_ACHIEVED"), ind("c", office, "NOT_ACHIEVED")],
      [],
    );
    expect(tied.map((r) => r.unitName)).toEqual(["Bộ phận Một cửa", "Tư pháp – Hộ tịch", "Văn phòng HĐND và UBND xã"]);
  });

  it("returns no rows when there is nothing to count", () => {
    expect(aggregateByUnit([], [])).toEqual([]);
  });
});
