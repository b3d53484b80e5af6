// The shared body of the report loaders (queries.ts authorizes; this file reads). Kept apart
// from the authorization modules so the seed (outside Next) can freeze reports with it.
// Everything the quarterly report page shows, in a fixed number of queries whatever the
// number of rows (or of communes): plans, their rows, all quarters' figures of the year,
// evidence, history.
import { NotFoundError } from "@/server/errors";
import { getDb } from "@/server/db";
import type { DecisionHistory } from "@/server/review/queries";
import type { Prisma } from "@/generated/prisma/client";
import { snapshotChanges } from "@/domain/reporting/snapshot";
import { amendmentOpen } from "@/domain/reporting/workflow";
import { rowsInForce, type PlanRowsVersion } from "@/domain/reporting/plan-version";
import { FROZEN_STATES, latestSnapshots } from "./frozen";
import { evidenceItem, groupBy, PLAN_SELECT, PROGRESS_SELECT, VALUE_SELECT, type EvidenceItem, type HistoryItem, type ReportSnapshotInfo } from "./fetch-shape";

export type { EvidenceItem, HistoryItem, ReportSnapshotInfo } from "./fetch-shape";

const num = (d: { toNumber(): number } | null | undefined) => (d === null || d === undefined ? null : d.toNumber());
const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export { FROZEN_STATES } from "./frozen";

type Client = Prisma.TransactionClient;

/**
 * The live report data, read in the caller's transaction, for freezing at submission: never the
 * snapshot itself, without decisions (they are read live). Callers have checked the scope.
 */
export async function loadLiveReportForSnapshot(tx: Client, communeId: string, year: number, quarter: number) {
  const [data] = await fetchReports([communeId], year, quarter, true, { client: tx, live: true });
  return data;
}

/** The shared body of loadReport and loadReportSummaries: callers have checked the scope. */
/**
 * `evidenceCounts`: the rows' evidence is counted, not listed (the commune's page loads a row's
 * list when its panel opens), unless a report is on file, whose changes since submission
 * compare the live evidence lists with the frozen ones.
 */
export async function fetchReports(communeIds: string[], year: number, quarter: number, details: boolean, options: { client?: Client; live?: boolean; history?: boolean; evidenceCounts?: boolean } = {}) {
  const db = options.client ?? (await getDb());

  const [communes, plans, period] = await Promise.all([
    db.orgUnit.findMany({ where: { id: { in: communeIds } }, select: { id: true, name: true, parent: { select: { name: true, level: true } } } }),
    db.plan.findMany({
      where: { communeId: { in: communeIds }, year },
      orderBy: { createdAt: "asc" },
      select: PLAN_SELECT,
    }),
    db.reportingPeriod.findUnique({ where: { year_quarter: { year, quarter } } }),
  ]);
  // A missing commune is a caller's mistake, as findUniqueOrThrow made it before.
  const communeById = new Map(communes.map((c) => [c.id, c]));
  for (const id of communeIds) if (!communeById.has(id)) throw new NotFoundError("Không tìm thấy xã.");

  const planIds = plans.map((p) => p.id);
  // Plans with an amendment open are read as their version in force (one statement, always sent).
  const amending = plans.filter((p) => amendmentOpen(p.status, p.versionNo));
  const [reports, values, progress, units, versions] = await Promise.all([
    period ? db.quarterlyReport.findMany({ where: { communeId: { in: communeIds }, periodId: period.id } }) : [],
    db.indicatorValue.findMany({
      where: { indicator: { planId: { in: planIds } }, period: { year } },
      select: VALUE_SELECT,
    }),
    db.taskProgress.findMany({
      where: { task: { planId: { in: planIds } }, period: { year, quarter: { lte: quarter } } },
      select: PROGRESS_SELECT,
    }),
    db.responsibleUnit.findMany({ where: { communeId: { in: communeIds } }, orderBy: { name: "asc" }, select: { id: true, name: true, communeId: true } }),
    db.planVersion.findMany({ where: { planId: { in: amending.map((p) => p.id) } }, select: { planId: true, versionNo: true, content: true } }),
  ]);
  const versionInForce = new Map(amending.map((p) => [p.id, versions.find((v) => v.planId === p.id && v.versionNo === p.versionNo)?.content as PlanRowsVersion | undefined]));

  const currentValueIds = values.filter((v) => v.period.quarter === quarter).map((v) => v.id);
  const currentProgressIds = progress.filter((p) => p.period.quarter === quarter).map((p) => p.id);
  // history: false leaves the rows' history to be loaded when a row's panel is opened
  // (reports/history-actions.ts): the heaviest read of the page, and sent for every row.
  const withHistory = details && options.history !== false;
  const countOnly = options.evidenceCounts === true && (options.live || !reports.some((r) => FROZEN_STATES.has(r.status)));
  const evidenceWhere = { OR: [{ indicatorValueId: { in: currentValueIds } }, { taskProgressId: { in: currentProgressIds } }] };
  const [evidence, evidenceCounts, audit] = details
    ? await Promise.all([
        countOnly ? [] : db.evidence.findMany({ where: evidenceWhere, orderBy: { createdAt: "asc" } }),
        countOnly ? db.evidence.groupBy({ by: ["indicatorValueId", "taskProgressId"], where: evidenceWhere, _count: { _all: true } }) : [],
        !withHistory ? [] : db.auditLog.findMany({
          where: { entityId: { in: [...currentValueIds, ...currentProgressIds] } },
          orderBy: { createdAt: "desc" },
          take: 2000,
          select: { entityId: true, createdAt: true, action: true, before: true, after: true, user: { select: { fullName: true } } },
        }),
      ])
    : [[], [], []];
  const evidenceCountOf = new Map(evidenceCounts.map((g) => [(g.indicatorValueId ?? g.taskProgressId)!, g._count._all]));
  const counted = (id: string | undefined) => (countOnly && id && evidenceCountOf.get(id) ? { evidenceCount: evidenceCountOf.get(id)! } : {});
  const userIds = [...new Set([...values, ...progress].map((r) => r.updatedById).filter(Boolean) as string[])];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, fullName: true } }) : [];
  const userName = new Map(users.map((u) => [u.id, u.fullName]));

  // Grouped once: with many communes, filtering the whole list per row would be quadratic.
  const valuesOf = groupBy(values, (v) => v.indicatorId);
  const progressOf = groupBy(progress, (p) => p.taskId);
  const evidenceOf = (key: "indicatorValueId" | "taskProgressId", id: string | undefined): EvidenceItem[] =>
    id ? evidence.filter((e) => e[key] === id).map(evidenceItem) : [];
  const historyOf = (id: string | undefined): HistoryItem[] =>
    id
      ? audit
          .filter((a) => a.entityId === id)
          .slice(0, 10)
          .map((a) => ({ at: a.createdAt.toISOString(), by: a.user?.fullName ?? "Hệ thống", action: a.action, before: a.before, after: a.after }))
      : [];

  // What an indicator's figure and a task's progress of the quarter share: identity, lock, reasons, who and when.
  const rowMeta = (r: { id: string; version: number; cause: string | null; remedy: string | null; updatedAt: Date; updatedById: string | null; isDemo: boolean }) => ({
    id: r.id,
    version: r.version,
    cause: r.cause,
    remedy: r.remedy,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedById ? (userName.get(r.updatedById) ?? null) : null,
    isDemo: r.isDemo,
  });

  const planView = (plan: (typeof plans)[number]) => ({
    id: plan.id,
    title: plan.title,
    kind: plan.kind,
    documentNumber: plan.documentNumber,
    documentDate: iso(plan.documentDate),
    documentDateText: plan.documentDateText,
    versionNo: plan.versionNo,
    /** An amendment is open: the rows below are those of version versionNo, still in force. */
    amendmentOpen: versionInForce.get(plan.id) !== undefined,
    sections: plan.sections,
    indicators: plan.indicators.map((ind) => {
      const own = valuesOf.get(ind.id) ?? [];
      const current = own.find((v) => v.period.quarter === quarter);
      return {
        id: ind.id,
        code: ind.code,
        position: ind.position,
        sectionId: ind.sectionId,
        parentId: ind.parentId,
        name: ind.name,
        group: ind.group,
        measurementUnit: ind.measurementUnit,
        valueKind: ind.valueKind,
        targetText: ind.targetText,
        targetRule: ind.targetRule,
        targetValue: num(ind.targetValue),
        baselineValue: num(ind.baselineValue),
        referenceYear: ind.referenceYear,
        numeratorLabel: ind.numeratorLabel,
        denominatorLabel: ind.denominatorLabel,
        monitoringUnitId: ind.monitoringUnitId,
        monitoringUnitName: ind.monitoringUnit?.name ?? ind.monitoringUnitText,
        unitIds: [ind.monitoringUnitId, ...ind.implementingUnits.map((u) => u.unitId)].filter(Boolean) as string[],
        quarters: own.map((v) => ({
          quarter: v.period.quarter as 1 | 2 | 3 | 4,
          numerator: num(v.numerator),
          denominator: num(v.denominator),
          value: num(v.value),
          done: v.done,
          // The final score of a PAR Index appraisal, not a figure the commune entered.
          fromAppraisal: v.fromAssessmentId !== null,
        })),
        current: current
          ? {
              ...rowMeta(current),
              numerator: num(current.numerator),
              denominator: num(current.denominator),
              value: num(current.value),
              done: current.done,
              note: current.note,
            }
          : null,
        evidence: evidenceOf("indicatorValueId", current?.id),
        ...counted(current?.id),
        history: historyOf(current?.id),
      };
    }),
    tasks: plan.tasks.map((task) => {
      const own = progressOf.get(task.id) ?? [];
      const current = own.find((p) => p.period.quarter === quarter);
      const previous = own.filter((p) => p.period.quarter < quarter).sort((a, b) => b.period.quarter - a.period.quarter)[0];
      return {
        id: task.id,
        code: task.code,
        position: task.position,
        sectionId: task.sectionId,
        content: task.content,
        requirement: task.requirement ?? task.expectedResult,
        deadlineText: task.deadlineText,
        deadlineKind: task.deadlineKind,
        dueDate: iso(task.dueDate),
        occurrences: task.occurrenceDates.map((d) => iso(d)!),
        leadUnitId: task.leadUnitId,
        leadUnitName: task.leadUnit?.name ?? task.leadUnitText,
        unitIds: [task.leadUnitId, ...task.coordinatingUnits.map((u) => u.unitId)].filter(Boolean) as string[],
        previousStatus: previous?.status ?? null,
        current: current
          ? {
              ...rowMeta(current),
              status: current.status,
              resultText: current.resultText,
              reason: current.reason,
              completedAt: iso(current.completedAt),
            }
          : null,
        evidence: evidenceOf("taskProgressId", current?.id),
        ...counted(current?.id),
        history: historyOf(current?.id),
      };
    }),
  });

  // Reports on file are read from what was frozen when they were submitted (one statement, run
  // whether or not any report is on file, so a page costs the same statements in every state);
  // the live rows are compared with it to show what changed since.
  const frozenIds = options.live ? [] : reports.filter((r) => FROZEN_STATES.has(r.status)).map((r) => r.id);
  const snapshotOf = options.live ? new Map<string, never>() : await latestSnapshots(db, frozenIds);

  return Promise.all(
    communeIds.map(async (communeId) => {
      const report = reports.find((r) => r.communeId === communeId);
      const livePlans = plans
        .filter((p) => p.communeId === communeId)
        .map(planView)
        .map((p) => {
          const version = versionInForce.get(p.id);
          return version ? { ...p, ...rowsInForce(p, version) } : p;
        });
      const snap = report ? snapshotOf.get(report.id) : undefined;
      const frozen = snap ? (snap.data as unknown as { plans: typeof livePlans; units: { id: string; name: string }[]; cutoffDate?: string | null }) : null;
      const judged = (snap?.planVersions ?? {}) as Record<string, number>;
      const snapshot: ReportSnapshotInfo | null = snap
        ? {
            takenAt: snap.takenAt.toISOString(),
            cutoffDate: frozen!.cutoffDate,
            changes: snapshotChanges(frozen!.plans, livePlans, quarter, { evidence: details }),
            newerPlanVersions: livePlans
              .filter((p) => judged[p.id] !== undefined && p.versionNo > judged[p.id])
              .map((p) => ({ planId: p.id, title: p.title, judgedVersion: judged[p.id], currentVersion: p.versionNo })),
          }
        : null;
      // The row history is the audit trail, read live: it shows edits made after submission too.
      const historyById = new Map(livePlans.flatMap((p) => [...p.indicators, ...p.tasks]).map((r) => [r.id, r.history]));
      const shownPlans = frozen
        ? frozen.plans.map((p) => ({
            ...p,
            indicators: p.indicators.map((i) => ({ ...i, evidence: details ? i.evidence : [], history: historyById.get(i.id) ?? [] })),
            tasks: p.tasks.map((t) => ({ ...t, evidence: details ? t.evidence : [], history: historyById.get(t.id) ?? [] })),
          }))
        : livePlans;
      return {
        commune: communeById.get(communeId)!,
        year,
        quarter,
        report: report
          ? {
              id: report.id,
              status: report.status,
              submittedAt: report.submittedAt?.toISOString() ?? null,
              decidedAt: report.decidedAt?.toISOString() ?? null,
            }
          : null,
        plans: shownPlans,
        units: frozen?.units ?? units.filter((u) => u.communeId === communeId).map((u) => ({ id: u.id, name: u.name })),
        decisions: details && report && !options.live ? await (await import("@/server/review/queries")).decisionsOf({ reportId: report.id }) : ([] as DecisionHistory),
        /** What was frozen when the report was submitted; null for a report still being written. */
        snapshot,
      };
    }),
  );
}

type FetchedReport = Awaited<ReturnType<typeof fetchReports>>[number];
/** What ReportSnapshot.data holds: the plans as the report showed them at submission, and the cut-off date then in force. */
export type FrozenReport = Pick<FetchedReport, "plans" | "units"> & { cutoffDate?: string | null };
