// Writes a parsed (and user-confirmed) plan: the one path used by the import preview's
// confirm action and by the demo seed, so the two cannot drift apart. Runs inside the
// caller's transaction; inserts are batched per table, not per row.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { matchUnits, normalizeUnitKey } from "@/domain/plan-import";
import type { ParsedPlan } from "@/domain/plan-import/types";
import { unitNamesOf } from "@/domain/plan-import/preview-edit";
import { cleanText } from "@/domain/text";
import { audit } from "@/server/audit";
import { guessUnitKind, mergeAliases, registerIndex, type UnitKind } from "@/domain/units/register";
import { UserError } from "@/server/errors";
import { roleLinks } from "@/domain/plans/unit-roles";

type Tx = Prisma.TransactionClient;

export interface SaveParsedPlanInput {
  communeId: string;
  parsed: ParsedPlan;
  year: number;
  sourceText: string | null;
  sourceName: string | null;
  actorId: string | null;
  isDemo?: boolean;
}

/**
 * Finds or creates the commune's responsible units for the given names, matched without
 * diacritics or abbreviations ("VP-TK" is "Văn phòng - Thống kê"). Also used by hand editing,
 * so a unit typed in a form and one read from a document end up the same unit.
 */
export async function resolveUnitIds(
  tx: Tx,
  communeId: string,
  rawNames: string[],
): Promise<{ byName: Map<string, string>; created: { id: string; name: string }[] }> {
  const names = [...new Set(rawNames.map(cleanText).filter(Boolean))];
  if (names.length === 0) return { byName: new Map(), created: [] };
  // Merged units are only aliases now; their names live on in the unit they were merged into.
  const existing = await tx.responsibleUnit.findMany({
    where: { communeId, mergedIntoId: null },
    select: { id: true, name: true, aliases: true },
    orderBy: [{ active: "desc" }, { createdAt: "asc" }],
  });
  const idByKey = registerIndex(existing);
  const matches = matchUnits(names, existing);
  const toCreate: { id: string; communeId: string; name: string; normalizedName: string; kind: UnitKind }[] = [];
  for (const m of matches) {
    if (m.unitId) continue;
    const key = normalizeUnitKey(m.name);
    if (!key || idByKey.has(key)) continue;
    const id = randomUUID();
    idByKey.set(key, id);
    toCreate.push({ id, communeId, name: m.name, normalizedName: key, kind: guessUnitKind(m.name) });
  }
  if (toCreate.length) await tx.responsibleUnit.createMany({ data: toCreate });
  const byName = new Map<string, string>();
  for (const name of names) {
    const id = idByKey.get(normalizeUnitKey(name));
    if (id) byName.set(name, id);
  }
  return { byName, created: toCreate.map(({ id, name }) => ({ id, name })) };
}

/**
 * The clerk's "this phrase is that unit" choices from the preview, kept as aliases so the next
 * document that writes the phrase finds the unit by itself. Units must be the commune's own.
 */
export async function rememberAliases(tx: Tx, communeId: string, actorId: string | null, mappings: { unitId: string; phrase: string }[]): Promise<void> {
  if (mappings.length === 0) return;
  const units = await tx.responsibleUnit.findMany({ where: { communeId, mergedIntoId: null }, select: { id: true, name: true, aliases: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const index = registerIndex(units);
  const added = new Map<string, string[]>();
  for (const { unitId, phrase } of mappings) {
    const unit = byId.get(unitId);
    if (!unit) throw new UserError(`Đơn vị được chọn cho “${phrase}” không thuộc danh mục của xã.`);
    const key = normalizeUnitKey(phrase);
    const owner = index.get(key);
    if (!key || owner === unitId) continue;
    if (owner) throw new UserError(`“${phrase}” đã là tên của đơn vị “${byId.get(owner)!.name}”.`);
    index.set(key, unitId);
    added.set(unitId, [...(added.get(unitId) ?? []), phrase]);
  }
  for (const [unitId, phrases] of added) {
    const unit = byId.get(unitId)!;
    const aliases = mergeAliases(unit.name, [...unit.aliases, ...phrases]);
    await tx.responsibleUnit.update({ where: { id: unitId }, data: { aliases, version: { increment: 1 } } });
    await audit(tx, { userId: actorId, communeId, entity: "ResponsibleUnit", entityId: unitId, action: "alias", before: { aliases: unit.aliases }, after: { aliases } });
  }
}

export async function saveParsedPlan(tx: Tx, input: SaveParsedPlanInput): Promise<{ planId: string }> {
  const { parsed, communeId } = input;
  const { byName: unitIds, created: createdUnits } = await resolveUnitIds(tx, communeId, parsed.rows.flatMap(unitNamesOf));
  const unitId = (name: string | undefined): string | null => (name ? (unitIds.get(cleanText(name)) ?? null) : null);

  const planId = randomUUID();
  await tx.plan.create({
    data: {
      id: planId,
      communeId,
      year: input.year,
      kind: parsed.kind,
      title: parsed.title,
      documentNumber: parsed.documentNumber,
      documentDate: parsed.documentDate ? new Date(`${parsed.documentDate}T00:00:00Z`) : null,
      documentDateText: parsed.documentDateText,
      sourceText: input.sourceText,
      sourceName: input.sourceName,
      isDemo: input.isDemo ?? false,
    },
  });

  const rowIds = parsed.rows.map(() => randomUUID());
  const sectionIdOf = (index: number | null): string | null => {
    let i = index;
    while (i !== null && parsed.rows[i] && parsed.rows[i].type !== "section") i = parsed.rows[i].parentIndex;
    return i === null || !parsed.rows[i] ? null : rowIds[i];
  };

  const sections: Prisma.PlanSectionCreateManyInput[] = [];
  const tasks: Prisma.TaskCreateManyInput[] = [];
  const indicators: Prisma.IndicatorCreateManyInput[] = [];
  const coordinating: Prisma.TaskCoordinatingUnitCreateManyInput[] = [];
  const implementing: Prisma.IndicatorImplementingUnitCreateManyInput[] = [];
  const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

  parsed.rows.forEach((row, position) => {
    const id = rowIds[position];
    if (row.type === "section") {
      sections.push({
        id,
        planId,
        parentId: sectionIdOf(row.parentIndex),
        code: row.code,
        title: row.title,
        position,
        depth: row.depth,
      });
    } else if (row.type === "task") {
      // Every lead after the first stays a lead (isLead), not a coordinating unit.
      const taskLinks = roleLinks(row.leadUnits, row.coordinatingUnits, unitId);
      tasks.push({
        id,
        planId,
        sectionId: sectionIdOf(row.parentIndex),
        code: row.code,
        position,
        content: row.content,
        requirement: row.requirement,
        expectedResult: row.expectedResult,
        deadlineText: row.deadline.text || null,
        deadlineKind: row.deadline.kind,
        dueDate: date(row.deadline.dueDate),
        periodStart: date(row.deadline.periodStart),
        periodEnd: date(row.deadline.periodEnd),
        occurrenceDates: (row.deadline.occurrences ?? []).map((d) => new Date(`${d}T00:00:00Z`)),
        leadUnitId: taskLinks.headId,
        leadUnitText: row.leadUnitText,
        coordinatingText: row.coordinatingText,
        note: row.note ?? null,
        importWarnings: row.warnings,
      });
      for (const l of taskLinks.links) coordinating.push({ taskId: id, unitId: l.unitId, isLead: l.head });
    } else {
      // A "-" sub-row shares its parent's units unless the document names its own.
      const parent = row.parentIndicatorIndex === null ? null : parsed.rows[row.parentIndicatorIndex];
      const monitoringUnits = row.monitoringUnits.length || parent?.type !== "indicator" ? row.monitoringUnits : parent.monitoringUnits;
      const implementingUnits = row.implementingUnits.length || parent?.type !== "indicator" ? row.implementingUnits : parent.implementingUnits;
      // Further monitoring units ride on the implementing links (isMonitoring), so none is dropped.
      const { headId: monitorId, links } = roleLinks(monitoringUnits, implementingUnits, unitId);
      indicators.push({
        id,
        planId,
        sectionId: sectionIdOf(row.parentIndex),
        parentId: row.parentIndicatorIndex === null ? null : rowIds[row.parentIndicatorIndex],
        code: row.code,
        position,
        name: row.name,
        group: row.group,
        measurementUnit: row.measurementUnit ?? row.target.unit,
        valueKind: row.valueKind,
        targetText: row.target.text || null,
        targetRule: row.target.rule,
        targetValue: row.target.value,
        numeratorLabel: row.numeratorLabel,
        denominatorLabel: row.denominatorLabel,
        monitoringUnitId: monitorId,
        monitoringUnitText: row.monitoringUnitText,
        implementingUnitText: row.implementingUnitText,
        note: row.note ?? null,
        referenceYear: row.target.referenceYear ?? null,
        baselineValue: row.baselineValue ?? null,
        deadlineText: row.deadline?.text || null,
        dueDate: date(row.deadline ? (row.deadline.dueDate ?? row.deadline.periodEnd ?? row.deadline.occurrences?.at(-1) ?? null) : null),
        importWarnings: row.warnings,
      });
      for (const l of links) implementing.push({ indicatorId: id, unitId: l.unitId, isMonitoring: l.head });
    }
  });

  // Parents before children: self-references must point at rows already inserted.
  const byDepth = <T extends { depth?: number }>(items: T[]) => [...items].sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0));
  for (const depthGroup of groupBy(byDepth(sections), (s) => s.depth ?? 0)) {
    await tx.planSection.createMany({ data: depthGroup });
  }
  if (tasks.length) await tx.task.createMany({ data: tasks });
  const topIndicators = indicators.filter((i) => !i.parentId);
  const subIndicators = indicators.filter((i) => i.parentId);
  if (topIndicators.length) await tx.indicator.createMany({ data: topIndicators });
  if (subIndicators.length) await tx.indicator.createMany({ data: subIndicators });
  if (coordinating.length) await tx.taskCoordinatingUnit.createMany({ data: coordinating });
  if (implementing.length) await tx.indicatorImplementingUnit.createMany({ data: implementing });

  await audit(tx, {
    userId: input.actorId,
    communeId,
    entity: "Plan",
    entityId: planId,
    action: "import",
    after: {
      title: parsed.title,
      year: input.year,
      sections: sections.length,
      tasks: tasks.length,
      indicators: indicators.length,
      sourceName: input.sourceName,
      createdUnits: createdUnits.map((u) => u.name),
    },
  });
  return { planId };
}

function groupBy<T>(items: T[], key: (item: T) => number): T[][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
}
