// The report page renders one part (top-level section) at a time (issue 21): the form is given
// the rows of the open part only, and an outline of every row (what the finder searches, what
// the part headings count). The other parts' rows come when opened (./section-actions.ts).
import { foldText } from "@/domain/text";
import { indicatorDraftOf, liveIndicator } from "@/domain/reporting/drafts";
import { RED_STATUSES } from "@/domain/reporting/explanations";
import { reportGroups, ROW_EMPTY, ROW_MISSING, ROW_NO_REASON, ROW_RED, taskOverdue, type OutlineRow, type ReportOutline } from "@/domain/reporting/outline";
import type { FormReport } from "./form-data";

const hasReason = (c: { cause: string | null; remedy: string | null } | null) => !!(c?.cause?.trim() && c?.remedy?.trim());

/** The outline of a whole report (rows as saved: the browser overrides the facts of the rows it has loaded). */
export function reportOutline(form: FormReport, today: string): ReportOutline {
  const { groups, groupOf } = reportGroups(form.plans);
  const groupIndex = new Map(groups.map((g, i) => [g.key, i]));
  const unitIndex = new Map(form.units.map((u, i) => [u.id, i]));
  const units = (ids: string[]) => ids.map((id) => unitIndex.get(id)).filter((i): i is number => i !== undefined);
  const rows: OutlineRow[] = [];
  for (const plan of form.plans) {
    for (const ind of plan.indicators) {
      const status = liveIndicator(ind, indicatorDraftOf(ind.current), form.quarter).result?.status;
      const red = !!status && RED_STATUSES.has(status);
      const flags = (ind.current ? 0 : ROW_EMPTY | (ind.targetRule !== "NONE" ? ROW_MISSING : 0)) | (red ? ROW_RED : 0) | (red && !hasReason(ind.current) ? ROW_NO_REASON : 0);
      rows.push([ind.id, groupIndex.get(groupOf.get(ind.id)!)!, foldText([ind.code, ind.name].filter(Boolean).join(" ")), units(ind.unitIds), flags]);
    }
    for (const task of plan.tasks) {
      const red = taskOverdue(task, task.current?.status ?? task.previousStatus ?? "NOT_STARTED", today, today);
      const flags = (task.current ? 0 : ROW_EMPTY) | (red ? ROW_RED : 0) | (red && !hasReason(task.current) ? ROW_NO_REASON : 0);
      rows.push([task.id, groupIndex.get(groupOf.get(task.id)!)!, foldText([task.code, task.content, task.leadUnitName].filter(Boolean).join(" ")), units(task.unitIds), flags]);
    }
  }
  return { groups, rows };
}

/** The form data with only the rows of the given parts (the others are in the outline). */
export function pickGroups(form: FormReport, keys: Set<string>): FormReport {
  const { groupOf } = reportGroups(form.plans);
  const keep = (r: { id: string }) => keys.has(groupOf.get(r.id)!);
  return { ...form, plans: form.plans.map((p) => ({ ...p, indicators: p.indicators.filter(keep), tasks: p.tasks.filter(keep) })) };
}
