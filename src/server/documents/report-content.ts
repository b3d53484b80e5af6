// What the signed report and its workbook say: the quarter's report data (the one loader),
// evaluated by the dashboard's code, plus the wording both documents share. Nothing here
// computes a year-to-date figure or a status: it only words what buildDashboard decided.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { getDb } from "@/server/db";
import { loadReport, type EvidenceItem, type ReportData } from "@/server/reports/queries";
import { buildDashboard, type Dashboard } from "@/server/dashboard/queries";
import { calendarFor } from "@/server/calendar/queries";
import { quarterFigure, taskStatusText as statusOfTask, ytdFigure, type FigureText } from "@/domain/evaluation/display";
import { formatDate, quarterLabel, todayInVietnam } from "@/domain/format";

export type { FigureText };

export type EvaluatedIndicator = Dashboard["indicators"][number];
export type EvaluatedTask = Dashboard["tasks"]["all"][number];
type PlanView = ReportData["plans"][number];
type RawIndicator = PlanView["indicators"][number];

export interface ReportDocument {
  data: ReportData;
  dashboard: Dashboard;
  /** Full name of the commune's chairman, who signs; null when the commune has none on record. */
  chairmanName: string | null;
  year: number;
  quarter: number;
  /** The fourth quarter's report is the year's report. */
  yearly: boolean;
  /**
   * Date the document is issued (ISO), printed in the place-and-date line: the submission day for
   * a report on file (so it reads the same every time it is downloaded), today for a draft.
   */
  today: string;
  /** A report not (or no longer) on file: its document is marked "dự thảo". */
  draft: boolean;
  /** The data cut-off date (ngày chốt số liệu) from the reporting calendar: as at submission for a report on file. */
  cutoffDate: string | null;
  /** Plans amended since the report was judged: it says which version it was judged against. */
  newerPlanVersions: NonNullable<ReportData["snapshot"]>["newerPlanVersions"];
}

/** Authorized by loadReport (the commune must be in the actor's scope). */
export async function loadReportDocument(actor: Actor, communeId: string, year: number, quarter: number, today: string): Promise<ReportDocument> {
  const data = await loadReport(actor, communeId, year, quarter);
  const issued = data.snapshot ? todayInVietnam(new Date(data.snapshot.takenAt)) : today;
  const dashboard = buildDashboard(data, quarter, issued);
  const db = await getDb();
  const chairman = await db.user.findFirst({
    where: { orgUnitId: communeId, role: "CHAIRMAN", active: true },
    orderBy: { createdAt: "asc" },
    select: { fullName: true },
  });
  const cutoffDate = data.snapshot && data.snapshot.cutoffDate !== undefined ? data.snapshot.cutoffDate : (await calendarFor([communeId], [year], db)).deadline(communeId, year, quarter).cutoffDate;
  return {
    data,
    dashboard,
    chairmanName: chairman?.fullName ?? null,
    year,
    quarter,
    yearly: quarter === 4,
    today: issued,
    draft: !data.snapshot,
    cutoffDate,
    newerPlanVersions: data.snapshot?.newerPlanVersions ?? [],
  };
}

// ---- Wording -------------------------------------------------------------------------------

/**
 * Text for a document: NFC (input methods send NFD too, and Word shows NFD marks detached) and
 * without the space before punctuation that imported plan text carries ("UBND xã , Bộ phận").
 */
export const tidy = (text: string | null | undefined): string => (text ?? "").normalize("NFC").replace(/[ \t]+([,.;:])/g, "$1");

/** The target as the plan wrote it, with the unit when the plan put it in another column ("Tối thiểu 60" + "%"). */
export function targetText(ind: { targetText: string | null; measurementUnit: string | null }): string {
  const text = tidy(ind.targetText).trim();
  if (!text) return "";
  const unit = tidy(ind.measurementUnit).trim();
  const withUnit = unit && /\d$/.test(text) ? `${text}${unit === "%" ? "%" : ` ${unit}`}` : text;
  return withUnit.charAt(0).toLocaleUpperCase("vi-VN") + withUnit.slice(1);
}

/** "Số liệu chốt đến ngày 15/09/2025." — null when the calendar sets no cut-off date. */
export function cutoffSentence(doc: Pick<ReportDocument, "cutoffDate">): string | null {
  return doc.cutoffDate ? `Số liệu chốt đến ngày ${formatDate(doc.cutoffDate)} (ngày chốt số liệu theo lịch báo cáo).` : null;
}

/** One sentence per plan amended since the report was judged against it. */
export function newerVersionSentences(doc: Pick<ReportDocument, "newerPlanVersions">): string[] {
  return doc.newerPlanVersions.map(
    (p) => `Báo cáo này được đánh giá theo ${tidy(p.title)} phiên bản ${p.judgedVersion}; kế hoạch đã được điều chỉnh sau đó (nay là phiên bản ${p.currentVersion}).`,
  );
}

/** "Quý III năm 2025", or "năm 2025" for the year's report. */
export function periodText(year: number, quarter: number): string {
  return quarter === 4 ? `năm ${year}` : `${quarterLabel(quarter)} năm ${year}`;
}

export function ytdLabel(quarter: number): string {
  return quarter === 4 ? "Lũy kế cả năm" : `Lũy kế đến hết ${quarterLabel(quarter)}`;
}

const PLACE_PREFIX = /^(xã|phường|thị trấn)\s+/i;

/** "Xã Tân Đức" -> "Tân Đức": the place name of the date line. */
export function placeName(communeName: string): string {
  return tidy(communeName).replace(PLACE_PREFIX, "");
}

/** Lower-case first letter, for a unit or document name used inside a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi-VN") + text.slice(1);
}

/** The body the commune reports to, as a recipient line: district People's Committee, or the province's Department of Home Affairs. */
export function reviewingRecipient(parent: { name: string; level: string } | null): string | null {
  if (!parent) return null;
  const name = lowerFirst(tidy(parent.name));
  return parent.level === "PROVINCE" ? `Sở Nội vụ ${name}` : `UBND ${name}`;
}

/** The figure of one quarter (not added up), with its unit as a document sentence reads it. */
export function quarterFigureOf(ind: EvaluatedIndicator, quarter: number): FigureText {
  return quarterFigure(ind, ind.quarters.find((v) => v.quarter === quarter), { withUnit: true });
}

/** The year-to-date figure the status was judged on. */
export function ytdFigureOf(ind: EvaluatedIndicator): FigureText {
  return ytdFigure(ind, ind.result.ytd, { withUnit: true });
}

export function taskStatusText(task: EvaluatedTask): string {
  return statusOfTask(task.status);
}

/** "Số 12/BC-UBND ngày 01/10/2025: trích yếu", or the uploaded file's name. */
export function evidenceRefs(items: EvidenceItem[]): string[] {
  return items.map((e) => {
    if (e.docNumber) {
      const date = e.docDate ? ` ngày ${formatDate(e.docDate)}` : "";
      const summary = e.docSummary ? `: ${tidy(e.docSummary)}` : "";
      return `Số ${tidy(e.docNumber)}${date}${summary}`;
    }
    return tidy(e.fileName ?? e.docSummary ?? "");
  });
}

const NAMED_DOCUMENT = /^(kế hoạch|quyết định|chương trình|đề án|chỉ thị)\b/i;

/** "Kế hoạch … (Kế hoạch số 67/KH-UBND ngày 24/10/2025)": the plans the report answers to. */
export function planReference(plan: Pick<PlanView, "title" | "documentNumber" | "documentDate">): string {
  const title = tidy(plan.title).replace(/[.;]\s*$/, "");
  const named = NAMED_DOCUMENT.test(title) ? title : lowerFirst(title);
  const number = tidy(plan.documentNumber).trim();
  // A draft number ("/KH-UBND") names no document yet.
  if (!/^\d/.test(number)) return named;
  const date = plan.documentDate ? ` ngày ${formatDate(plan.documentDate)}` : "";
  const kind = /\/QĐ-/i.test(number) ? "ban hành kèm theo Quyết định" : /\/KH-/i.test(number) ? "Kế hoạch" : "văn bản";
  return `${named} (${kind} số ${number}${date})`;
}

// ---- Rows in document order -----------------------------------------------------------------

export type TableRow<T> = { kind: "heading"; code: string; title: string } | { kind: "row"; item: T };

/** Headings of the plan's sections (and, with several plans, the plan titles) ahead of their first row. */
function withHeadings<T extends { sectionId: string | null }>(plans: PlanView[], rowsOf: (p: PlanView) => T[]): TableRow<T>[] {
  const out: TableRow<T>[] = [];
  const withRows = plans.filter((p) => rowsOf(p).length > 0);
  for (const plan of withRows) {
    if (withRows.length > 1) out.push({ kind: "heading", code: "", title: tidy(plan.title) });
    const sections = new Map(plan.sections.map((s) => [s.id, s]));
    const printed = new Set<string>();
    for (const item of rowsOf(plan)) {
      const chain: PlanView["sections"] = [];
      for (let s = item.sectionId ? sections.get(item.sectionId) : undefined; s; s = s.parentId ? sections.get(s.parentId) : undefined) chain.unshift(s);
      for (const s of chain) {
        if (printed.has(s.id)) continue;
        printed.add(s.id);
        out.push({ kind: "heading", code: tidy(s.code), title: tidy(s.title) });
      }
      out.push({ kind: "row", item });
    }
  }
  return out;
}

export interface IndicatorLine {
  raw: RawIndicator;
  /** Absent for a parent row that only groups its sub-rows (it has no target of its own). */
  evaluated: EvaluatedIndicator | null;
  isSubRow: boolean;
}

export function indicatorRows(doc: ReportDocument): TableRow<IndicatorLine>[] {
  const evaluated = new Map(doc.dashboard.indicators.map((i) => [i.id, i]));
  return withHeadings(doc.data.plans, (plan) =>
    plan.indicators.map((raw) => ({ raw, evaluated: evaluated.get(raw.id) ?? null, isSubRow: raw.parentId !== null, sectionId: raw.sectionId })),
  );
}

export function taskRows(doc: ReportDocument): TableRow<EvaluatedTask>[] {
  const byId = new Map(doc.dashboard.tasks.all.map((t) => [t.id, t]));
  return withHeadings(doc.data.plans, (plan) => plan.tasks.map((t) => byId.get(t.id)!));
}

// ---- What lags and why ------------------------------------------------------------------------

function trimEnd(text: string): string {
  return tidy(text).trim().replace(/[\s.;:,]+$/, "");
}

/** A sub-row's name alone ("UBND xã") means nothing: it is read with its parent's. */
export function indicatorFullName(doc: ReportDocument, ind: { name: string; parentId: string | null }): string {
  const parent = ind.parentId ? doc.data.plans.flatMap((p) => p.indicators).find((i) => i.id === ind.parentId) : null;
  return parent ? `${trimEnd(parent.name)} (${trimEnd(ind.name)})` : trimEnd(ind.name);
}

export interface LagSummary {
  /** `cause` is empty when the unit wrote none: those rows are named once in `unexplained`. */
  indicators: { ind: EvaluatedIndicator; name: string; verdict: string; cause: string; unit: string }[];
  tasks: { task: EvaluatedTask; name: string; verdict: string; cause: string; unit: string }[];
  /** Rows lagging without an explanation, listed once instead of a boilerplate line per row. */
  unexplained: string[];
}

const NO_UNIT = "Chưa giao đơn vị";

/** The explanation written on the row (issue 17: cause and remedy), in one sentence pair. */
function explanationText(current: { cause?: string | null; remedy?: string | null } | null | undefined): string | null {
  const cause = current?.cause?.trim();
  const remedy = current?.remedy?.trim();
  if (!cause && !remedy) return null;
  return [cause ? `Nguyên nhân: ${trimEnd(cause)}.` : "", remedy ? `Giải pháp: ${trimEnd(remedy)}.` : ""].filter(Boolean).join(" ");
}

/** Lines grouped by the unit that answers for them, units in order of first appearance. */
export function groupByUnit<T extends { unit: string }>(lines: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const l of lines) groups.set(l.unit, [...(groups.get(l.unit) ?? []), l]);
  return [...groups];
}

/** Indicators not (yet) met and tasks overdue or impossible, each with the cause its unit wrote. */
export function lagSummary(doc: ReportDocument): LagSummary {
  const indicators = doc.dashboard.indicators
    .filter((i) => i.status === "NOT_ACHIEVED" || i.status === "AT_RISK")
    .map((ind) => ({
      ind,
      name: indicatorFullName(doc, ind),
      verdict: trimEnd(ind.result.reason),
      cause: explanationText(ind.current) ?? (ind.current?.note?.trim() ? `Nguyên nhân: ${trimEnd(ind.current.note)}.` : ""),
      unit: ind.ownerUnitName ? trimEnd(ind.ownerUnitName) : NO_UNIT,
    }));
  const tasks = doc.dashboard.tasks.all
    .filter((t) => t.overdue || t.status === "CANNOT_DO")
    .map((task) => {
      const deadline = task.deadlineText ? trimEnd(task.deadlineText) : task.dueDate ? formatDate(task.dueDate) : "";
      const verdict = task.overdue
        ? `${taskStatusText(task)}, đã quá thời hạn${deadline ? ` (${lowerFirst(deadline)})` : ""}`
        : taskStatusText(task);
      const reason = task.current?.reason?.trim();
      return {
        task,
        name: trimEnd(task.content),
        verdict,
        cause: explanationText(task.current) ?? (reason ? `Lý do: ${trimEnd(reason)}.` : ""),
        unit: task.leadUnitName ? trimEnd(task.leadUnitName) : NO_UNIT,
      };
    });
  const unexplained = [...indicators.filter((l) => !l.cause).map((l) => l.name), ...tasks.filter((l) => !l.cause).map((l) => l.name)];
  return { indicators, tasks, unexplained };
}
