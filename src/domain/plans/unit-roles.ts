// Who does a task or follows an indicator, as stored: one lead (monitoring) unit on the row,
// further leads (monitoring units) as links flagged isLead (isMonitoring), the other units as
// plain links. The import, hand editing and every page go through these functions so that a
// second lead stays a lead wherever the row is saved or shown.

/** "A; B" or one per line -> ["A", "B"]. */
export function splitUnitList(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/[;\n]/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/**
 * The rows to store for a cell's units: the first of `heads` on the row itself, the other
 * heads as flagged links, then `others` as plain links; each unit once.
 */
export function roleLinks(heads: string[], others: string[], idOf: (name: string) => string | null): { headId: string | null; links: { unitId: string; head: boolean }[] } {
  const headId = heads[0] ? idOf(heads[0]) : null;
  const seen = new Set(headId ? [headId] : []);
  const links: { unitId: string; head: boolean }[] = [];
  for (const [names, head] of [[heads.slice(1), true], [others, false]] as const) {
    for (const unitId of names.map(idOf)) {
      if (!unitId || seen.has(unitId)) continue;
      seen.add(unitId);
      links.push({ unitId, head });
    }
  }
  return { headId, links };
}

interface StoredTaskUnits {
  leadUnit: { name: string } | null;
  leadUnitText: string | null;
  coordinatingText: string | null;
  coordinatingUnits: { isLead: boolean; unit: { name: string } }[];
}

interface StoredIndicatorUnits {
  monitoringUnit: { name: string } | null;
  monitoringUnitText: string | null;
  implementingUnitText: string | null;
  implementingUnits: { isMonitoring: boolean; unit: { name: string } }[];
}

/** A task's units by role, as names: the document's text where nothing is linked. */
export function taskUnitsByRole(task: StoredTaskUnits): { leads: string[]; coordinating: string[] } {
  const extraLeads = task.coordinatingUnits.filter((c) => c.isLead).map((c) => c.unit.name);
  const coordinating = task.coordinatingUnits.filter((c) => !c.isLead).map((c) => c.unit.name);
  return {
    leads: task.leadUnit ? [task.leadUnit.name, ...extraLeads] : splitUnitList(task.leadUnitText),
    coordinating: task.coordinatingUnits.length ? coordinating : splitUnitList(task.coordinatingText),
  };
}

/** An indicator's units by role, as names: the document's text where nothing is linked. */
export function indicatorUnitsByRole(indicator: StoredIndicatorUnits): { monitoring: string[]; implementing: string[] } {
  const extraMonitoring = indicator.implementingUnits.filter((u) => u.isMonitoring).map((u) => u.unit.name);
  const implementing = indicator.implementingUnits.filter((u) => !u.isMonitoring).map((u) => u.unit.name);
  return {
    monitoring: indicator.monitoringUnit ? [indicator.monitoringUnit.name, ...extraMonitoring] : splitUnitList(indicator.monitoringUnitText),
    implementing: indicator.implementingUnits.length ? implementing : splitUnitList(indicator.implementingUnitText),
  };
}

/** Names joined as a form field shows them: "A; B". */
export const unitListText = (names: string[]): string => names.join("; ");
