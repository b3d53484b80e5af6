// Who is behind: indicators and tasks counted per responsible unit, for the chairman.

import type { IndicatorStatus } from "./status";

export const UNASSIGNED_UNIT_NAME = "Chưa giao đơn vị";

export interface UnitIndicatorInput {
  id: string;
  monitoringUnitId: string | null;
  monitoringUnitName: string | null;
  status: IndicatorStatus;
}

export interface UnitTaskInput {
  id: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  /** TaskStatus, or null when no progress has been recorded. */
  status: string | null;
  overdue: boolean;
}

export interface UnitRow {
  /** Null for the "Chưa giao đơn vị" row. */
  unitId: string | null;
  unitName: string;
  indicators: number;
  achieved: number;
  /** AT_RISK + NOT_ACHIEVED. */
  lagging: number;
  atRisk: number;
  notAchieved: number;
  noData: number;
  tasks: number;
  tasksDone: number;
  overdue: number;
}

/**
 * One row per responsible unit (monitoring unit of indicators, lead unit of tasks), most behind
 * first: by lagging indicators + overdue tasks, then overdue, then name. Items without a unit
 * are grouped in one row named "Chưa giao đơn vị"; on a tie it comes after named units.
 */
export function aggregateByUnit(indicators: UnitIndicatorInput[], tasks: UnitTaskInput[]): UnitRow[] {
  const rows = new Map<string | null, UnitRow>();
  const rowFor = (unitId: string | null, unitName: string | null): UnitRow => {
    const id = unitId || null;
    let row = rows.get(id);
    if (!row) {
      row = {
        unitId: id,
        unitName: id === null ? UNASSIGNED_UNIT_NAME : unitName?.trim() || id,
        indicators: 0,
        achieved: 0,
        lagging: 0,
        atRisk: 0,
        notAchieved: 0,
        noData: 0,
        tasks: 0,
        tasksDone: 0,
        overdue: 0,
      };
      rows.set(id, row);
    }
    return row;
  };

  for (const ind of indicators) {
    const row = rowFor(ind.monitoringUnitId, ind.monitoringUnitName);
    row.indicators++;
    if (ind.status === "ACHIEVED") row.achieved++;
    else if (ind.status === "AT_RISK") row.atRisk++;
    else if (ind.status === "NOT_ACHIEVED") row.notAchieved++;
    else if (ind.status === "NO_DATA") row.noData++;
  }
  for (const task of tasks) {
    const row = rowFor(task.leadUnitId, task.leadUnitName);
    row.tasks++;
    if (task.status === "DONE") row.tasksDone++;
    if (task.overdue) row.overdue++;
  }

  const result = [...rows.values()];
  for (const row of result) row.lagging = row.atRisk + row.notAchieved;
  return result.sort(
    (a, b) =>
      b.lagging + b.overdue - (a.lagging + a.overdue) ||
      b.overdue - a.overdue ||
      Number(a.unitId === null) - Number(b.unitId === null) ||
      a.unitName.localeCompare(b.unitName, "vi"),
  );
}
