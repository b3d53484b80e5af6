// What the report loaders read and hand back (./fetch): the rows selected from the database and
// the shapes of evidence, row history and snapshot information. Kept apart so the loader reads
// as the steps it takes.
import type { Prisma } from "@/generated/prisma/client";
import type { SnapshotChange } from "@/domain/reporting/snapshot";

export interface EvidenceItem {
  id: string;
  fileName: string | null;
  sizeBytes: number | null;
  docNumber: string | null;
  docDate: string | null;
  docSummary: string | null;
  createdAt: string;
}

/** An evidence row as the report's panels show it. */
export function evidenceItem(e: { id: string; fileName: string | null; sizeBytes: number | null; docNumber: string | null; docDate: Date | null; docSummary: string | null; createdAt: Date }): EvidenceItem {
  return {
    id: e.id,
    fileName: e.fileName,
    sizeBytes: e.sizeBytes,
    docNumber: e.docNumber,
    docDate: e.docDate ? e.docDate.toISOString().slice(0, 10) : null,
    docSummary: e.docSummary,
    createdAt: e.createdAt.toISOString(),
  };
}

export interface ReportSnapshotInfo {
  /** When the report was submitted (ISO timestamp): the day its figures and deadlines are judged on. */
  takenAt: string;
  /** The data cut-off date the calendar gave when it was submitted (undefined: frozen before it was kept). */
  cutoffDate?: string | null;
  /** What changed since, in what the report depended on (figures, targets, deadlines, evidence). */
  changes: SnapshotChange[];
  /** Plans amended since: the report was judged against an older version. */
  newerPlanVersions: { planId: string; title: string; judgedVersion: number; currentVersion: number }[];
}

export interface HistoryItem {
  at: string;
  by: string;
  action: string;
  before: unknown;
  after: unknown;
}

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export const PLAN_SELECT = {
  id: true,
  communeId: true,
  title: true,
  kind: true,
  documentNumber: true,
  documentDate: true,
  documentDateText: true,
  versionNo: true,
  status: true,
  sections: { orderBy: { position: "asc" }, select: { id: true, code: true, title: true, depth: true, position: true, parentId: true } },
  tasks: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      code: true,
      position: true,
      sectionId: true,
      content: true,
      requirement: true,
      expectedResult: true,
      deadlineText: true,
      deadlineKind: true,
      dueDate: true,
      occurrenceDates: true,
      leadUnitId: true,
      leadUnitText: true,
      leadUnit: { select: { name: true } },
      coordinatingUnits: { select: { unitId: true } },
    },
  },
  indicators: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      code: true,
      position: true,
      sectionId: true,
      parentId: true,
      name: true,
      group: true,
      measurementUnit: true,
      valueKind: true,
      targetText: true,
      targetRule: true,
      targetValue: true,
      baselineValue: true,
      referenceYear: true,
      numeratorLabel: true,
      denominatorLabel: true,
      monitoringUnitId: true,
      monitoringUnitText: true,
      monitoringUnit: { select: { name: true } },
      implementingUnits: { select: { unitId: true } },
    },
  },
} satisfies Prisma.PlanSelect;

/** What an indicator's figure and a task's progress of a quarter share: identity, lock, reasons, who and when. */
const ROW_META_SELECT = { id: true, cause: true, remedy: true, version: true, updatedAt: true, updatedById: true, isDemo: true, period: { select: { quarter: true } } } as const;

export const VALUE_SELECT = {
  ...ROW_META_SELECT,
  indicatorId: true,
  numerator: true,
  denominator: true,
  value: true,
  done: true,
  note: true,
  fromAssessmentId: true,
} satisfies Prisma.IndicatorValueSelect;

export const PROGRESS_SELECT = {
  ...ROW_META_SELECT,
  taskId: true,
  status: true,
  resultText: true,
  reason: true,
  completedAt: true,
} satisfies Prisma.TaskProgressSelect;
