// What the report form (a client component) is given: only the fields its rows show, check or
// send back, per row (issue 21). The props of a client component are serialized into the page
// for hydration beside its HTML, so every field left out here is bytes not sent on a commune's
// slow link: the loader's row objects carry positions, unit ids, plan metadata, row ids and
// demo flags the form never reads, and empty evidence and history lists on every row.
import type { EvidenceItem, HistoryItem, ReportData, ReportIndicator, ReportTask } from "./queries";

type Saved = NonNullable<ReportIndicator["current"]>;
type SavedTask = NonNullable<ReportTask["current"]>;
/** Who saved the row last and when (the panel's "Lưu gần nhất"), and its optimistic-lock version. */
type RowMeta = Pick<Saved, "version" | "cause" | "remedy" | "updatedAt" | "updatedBy">;

export type FormIndicator = Pick<
  ReportIndicator,
  "id" | "code" | "sectionId" | "parentId" | "name" | "measurementUnit" | "valueKind" | "targetText" | "targetRule" | "targetValue" | "baselineValue" | "referenceYear" | "numeratorLabel" | "denominatorLabel" | "monitoringUnitName" | "unitIds"
> & {
  quarters: Omit<ReportIndicator["quarters"][number], "fromAppraisal">[];
  current: (RowMeta & Pick<Saved, "numerator" | "denominator" | "value" | "done" | "note">) | null;
  /** Left out when empty (most rows), and on the commune's page, which loads it when a row's panel opens. */
  evidence?: EvidenceItem[];
  /** How many evidence items the row has, where the list is loaded on opening (left out when none). */
  evidenceCount?: number;
  /** Only where the page sends history with the rows (the reviewer's view); the commune's page loads it when a panel opens. */
  history?: HistoryItem[];
};

export type FormTask = Pick<ReportTask, "id" | "code" | "sectionId" | "content" | "requirement" | "deadlineText" | "deadlineKind" | "dueDate" | "occurrences" | "leadUnitName" | "unitIds" | "previousStatus"> & {
  current: (RowMeta & Pick<SavedTask, "status" | "resultText" | "reason" | "completedAt">) | null;
  evidence?: EvidenceItem[];
  evidenceCount?: number;
  history?: HistoryItem[];
};

export interface FormReport {
  year: number;
  quarter: number;
  units: ReportData["units"];
  plans: { id: string; title: string; sections: { id: string; code: string | null; title: string; top?: true }[]; indicators: FormIndicator[]; tasks: FormTask[] }[];
}

const meta = (c: RowMeta): RowMeta => ({ version: c.version, cause: c.cause, remedy: c.remedy, updatedAt: c.updatedAt, updatedBy: c.updatedBy });

/**
 * `onDemand`: the commune's own page, whose rows load their evidence list and history when a
 * panel is opened (reports/history-actions.ts): only the number of evidence items is sent.
 */
export function reportFormData(data: Pick<ReportData, "year" | "quarter" | "units" | "plans">, { onDemand = false }: { onDemand?: boolean } = {}): FormReport {
  const lists = (r: { evidence: EvidenceItem[]; evidenceCount?: number; history: HistoryItem[] }) => ({
    ...(onDemand ? (r.evidenceCount ?? r.evidence.length ? { evidenceCount: r.evidenceCount ?? r.evidence.length } : {}) : r.evidence.length ? { evidence: r.evidence } : {}),
    ...(r.history.length ? { history: r.history } : {}),
  });
  return {
    year: data.year,
    quarter: data.quarter,
    units: data.units,
    plans: data.plans.map((p) => ({
      id: p.id,
      title: p.title,
      // Only whether a section is top-level (it starts a part of the page), not its depth and parent.
      sections: p.sections.map((s) => ({ id: s.id, code: s.code, title: s.title, ...((s.depth ?? (s.parentId ? 1 : 0)) === 0 ? { top: true as const } : {}) })),
      indicators: p.indicators.map((i) => ({
        id: i.id,
        code: i.code,
        sectionId: i.sectionId,
        parentId: i.parentId,
        name: i.name,
        measurementUnit: i.measurementUnit,
        valueKind: i.valueKind,
        targetText: i.targetText,
        targetRule: i.targetRule,
        targetValue: i.targetValue,
        baselineValue: i.baselineValue,
        referenceYear: i.referenceYear,
        numeratorLabel: i.numeratorLabel,
        denominatorLabel: i.denominatorLabel,
        monitoringUnitName: i.monitoringUnitName,
        unitIds: i.unitIds,
        quarters: i.quarters.map((q) => ({ quarter: q.quarter, numerator: q.numerator, denominator: q.denominator, value: q.value, done: q.done })),
        current: i.current && { ...meta(i.current), numerator: i.current.numerator, denominator: i.current.denominator, value: i.current.value, done: i.current.done, note: i.current.note },
        ...lists(i),
      })),
      tasks: p.tasks.map((t) => ({
        id: t.id,
        code: t.code,
        sectionId: t.sectionId,
        content: t.content,
        requirement: t.requirement,
        deadlineText: t.deadlineText,
        deadlineKind: t.deadlineKind,
        dueDate: t.dueDate,
        occurrences: t.occurrences,
        leadUnitName: t.leadUnitName,
        unitIds: t.unitIds,
        previousStatus: t.previousStatus,
        current: t.current && { ...meta(t.current), status: t.current.status, resultText: t.current.resultText, reason: t.current.reason, completedAt: t.current.completedAt },
        ...lists(t),
      })),
    })),
  };
}
