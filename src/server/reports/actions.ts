"use server";

// Saving and submitting a commune's quarterly report. A save is one transaction: every row
// is checked (scope, report state, values) before anything is written, and a single invalid
// row rejects the whole save. A row someone else saved since it was loaded (optimistic lock)
// is not written and comes back with their figures, who and when; every other row is written,
// so one clash never throws away the rest of the clerk's work.
import { runAction } from "@/server/action";
import { write } from "@/server/db/write";
import { audit } from "@/server/audit";
import { getDb } from "@/server/db";
import { ConflictError, ForbiddenError, UserError } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { id, periodJsonSchema as periodSchema, z } from "@/server/validation";
import { validateIndicatorEntry, validateTaskEntry, NOTE_MAX, RESULT_MAX } from "@/domain/reporting/entry";
import { doneText, taskStatusText } from "@/domain/evaluation/display";
import type { SavedIndicatorValue, SavedTaskProgress } from "@/domain/reporting/drafts";
import { formatDateTime, todayInVietnam } from "@/domain/format";
import { cleanInput } from "@/domain/text";
import { ensurePeriod } from "./periods";
import { loadReport } from "./queries";
import { buildDashboard } from "@/server/dashboard/queries";
import { missingExplanationMessage, RED_STATUSES } from "@/domain/reporting/explanations";
import { editableReport } from "./access";
import { ownCommuneOf } from "@/server/auth/guard";
import type { Actor } from "@/server/auth/actor";
import { applyTransition } from "@/server/review/workflow";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const finite = z.number({ error: "Phải là một số." }).finite("Phải là một số.");
const nullableNumber = finite.nullable().optional().transform((v) => (v === undefined ? null : v));

const explanation = (label: string) =>
  z.string().max(NOTE_MAX, `${label} tối đa ${NOTE_MAX} ký tự.`).nullable().optional().transform((v) => (v ? cleanInput(v) : "") || null);

const indicatorRowSchema = z.object({
  indicatorId: id("Chỉ tiêu"),
  version: z.number().int().nonnegative().nullable(),
  numerator: nullableNumber,
  denominator: nullableNumber,
  value: nullableNumber,
  done: z.boolean().nullable().optional().transform((v) => v ?? null),
  note: z.string().max(NOTE_MAX, `Ghi chú tối đa ${NOTE_MAX} ký tự.`).nullable().optional().transform((v) => (v ? cleanInput(v) : "") || null),
  cause: explanation("Nguyên nhân"),
  remedy: explanation("Giải pháp"),
});

const taskRowSchema = z.object({
  taskId: id("Nhiệm vụ"),
  version: z.number().int().nonnegative().nullable(),
  status: z.enum(["NOT_STARTED", "IN_PROGRESS", "DONE", "CANNOT_DO"], { error: "Trạng thái nhiệm vụ không hợp lệ." }),
  resultText: z.string().max(RESULT_MAX, `Kết quả tối đa ${RESULT_MAX} ký tự.`).nullable().optional().transform((v) => (v ? cleanInput(v) : "") || null),
  reason: z.string().max(NOTE_MAX, `Lý do tối đa ${NOTE_MAX} ký tự.`).nullable().optional().transform((v) => (v ? cleanInput(v) : "") || null),
  cause: explanation("Nguyên nhân"),
  remedy: explanation("Giải pháp"),
});

const saveSchema = periodSchema.extend({
  indicators: z.array(indicatorRowSchema).max(2000, "Quá nhiều dòng trong một lần lưu.").default([]),
  tasks: z.array(taskRowSchema).max(2000, "Quá nhiều dòng trong một lần lưu.").default([]),
});

export type SaveReportInput = z.input<typeof saveSchema>;

export interface ConflictRow {
  kind: "indicator" | "task";
  rowId: string;
  name: string;
  /** Their value in words, for the message. */
  current: string;
  updatedBy: string;
  updatedAt: string;
  /** Their row as stored now (null when it was deleted), and its version: what a resolution is based on. */
  theirs: SavedIndicatorValue | SavedTaskProgress | null;
  version: number | null;
}

export interface SaveReportResult {
  saved: number;
  conflicts: ConflictRow[];
}

/** A row created empty to hold evidence is no conflict for a browser that saw no row yet. */
const isEmptyValue = (v: { numerator: unknown; denominator: unknown; value: unknown; done: unknown; note: unknown; cause: unknown; remedy: unknown }) =>
  v.numerator === null && v.denominator === null && v.value === null && v.done === null && v.note === null && v.cause === null && v.remedy === null;
const isEmptyProgress = (p: { status: string; resultText: unknown; reason: unknown; cause: unknown; remedy: unknown }) =>
  p.status === "NOT_STARTED" && p.resultText === null && p.reason === null && p.cause === null && p.remedy === null;

function sameVersion<T extends { version: number }>(existing: T | undefined, loaded: number | null, isEmpty: (row: T) => boolean): boolean {
  if (!existing) return loaded === null;
  if (loaded === null) return isEmpty(existing);
  return existing.version === loaded;
}

const show = (v: SavedIndicatorValue) => {
  if (v.numerator !== null || v.denominator !== null) return `${v.numerator ?? "?"}/${v.denominator ?? "?"}`;
  if (v.done !== null) return doneText(v.done);
  return v.value === null ? "(trống)" : String(v.value);
};


/** Puts the name of whoever saved each conflicting row on it ("người khác" when unknown), in one read. */
async function nameEditors(tx: Tx, editorOf: Map<ConflictRow, string | null>) {
  const ids = [...new Set([...editorOf.values()].filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const names = new Map((await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true } })).map((u) => [u.id, u.fullName]));
  for (const [conflict, id] of editorOf) if (id && names.has(id)) conflict.updatedBy = names.get(id)!;
}

export async function saveReport(input: SaveReportInput) {
  return runAction("report.write", saveSchema, input, async (actor, data) => {
    const db = await getDb();
    const communeId = ownCommuneOf(actor, "report.write");

    // Value checks need each indicator's kind, and every id must belong to this commune's plans of that year:
    // only rows of those plans are read (the plan is a filter in the same statement, not a second
    // read of the relation), so an id missing from the answer is one the clerk may not write.
    // A list left empty (a save of figures only, or of tasks only) is not asked for: Prisma
    // would still send the statement.
    const ownPlan = { communeId, year: data.year };
    const [indicators, tasks] = await Promise.all([
      data.indicators.length === 0 ? [] : db.indicator.findMany({
        where: { id: { in: data.indicators.map((r) => r.indicatorId) }, plan: ownPlan },
        select: { id: true, name: true, code: true, valueKind: true, targetRule: true, measurementUnit: true },
      }),
      data.tasks.length === 0 ? [] : db.task.findMany({
        where: { id: { in: data.tasks.map((r) => r.taskId) }, plan: ownPlan },
        select: { id: true, content: true, code: true },
      }),
    ]);
    const indicatorById = new Map(indicators.map((i) => [i.id, i]));
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    const fieldErrors: Record<string, string> = {};
    for (const row of data.indicators) {
      const ind = indicatorById.get(row.indicatorId);
      if (!ind) {
        throw new ForbiddenError("Có chỉ tiêu không thuộc kế hoạch năm này của xã bạn.");
      }
      for (const [field, message] of Object.entries(validateIndicatorEntry(ind, row))) fieldErrors[`indicators.${row.indicatorId}.${field}`] = message;
    }
    for (const row of data.tasks) {
      const task = taskById.get(row.taskId);
      if (!task) {
        throw new ForbiddenError("Có nhiệm vụ không thuộc kế hoạch năm này của xã bạn.");
      }
      for (const [field, message] of Object.entries(validateTaskEntry(row))) fieldErrors[`tasks.${row.taskId}.${field}`] = message;
    }
    if (Object.keys(fieldErrors).length) {
      throw new UserError(`Có ${Object.keys(fieldErrors).length} ô chưa hợp lệ, chưa lưu gì. Vui lòng sửa các ô được đánh dấu.`, fieldErrors);
    }

    // Two first saves of a quarter at the same moment both create its report (or period) and
    // collide on a unique key: the loser runs again and finds the winner's rows, so saves of
    // different rows both land; a real clash on one row is then caught by the version check.
    const result = await write(async (tx) => {
      const { report, period } = await editableReport(tx, actor, data.year, data.quarter);
      const conflicts: ConflictRow[] = [];
      const existingValues = data.indicators.length === 0 ? [] : await tx.indicatorValue.findMany({ where: { periodId: period.id, indicatorId: { in: data.indicators.map((r) => r.indicatorId) } } });
      const existingProgress = data.tasks.length === 0 ? [] : await tx.taskProgress.findMany({ where: { periodId: period.id, taskId: { in: data.tasks.map((r) => r.taskId) } } });
      const valueByIndicator = new Map(existingValues.map((v) => [v.indicatorId, v]));
      const progressByTask = new Map(existingProgress.map((p) => [p.taskId, p]));
      // Who saved a conflicting row is named after the rows are checked, and only when one conflicts.
      const editorOf = new Map<ConflictRow, string | null>();
      let saved = 0;

      for (const row of data.indicators) {
        const existing = valueByIndicator.get(row.indicatorId);
        const ind = indicatorById.get(row.indicatorId)!;
        const next = { numerator: row.numerator, denominator: row.denominator, value: row.value, done: row.done, note: row.note, cause: row.cause, remedy: row.remedy };
        const before: SavedIndicatorValue | null = existing
          ? { numerator: existing.numerator?.toNumber() ?? null, denominator: existing.denominator?.toNumber() ?? null, value: existing.value?.toNumber() ?? null, done: existing.done, note: existing.note, cause: existing.cause, remedy: existing.remedy }
          : null;
        if (!sameVersion(existing, row.version, isEmptyValue)) {
          conflicts.push({
            kind: "indicator",
            rowId: row.indicatorId,
            name: `${ind.code ? ind.code + ". " : ""}${ind.name}`,
            current: before ? show(before) : "(đã bị xóa)",
            updatedBy: "người khác",
            updatedAt: existing ? formatDateTime(existing.updatedAt) : "",
            theirs: before,
            version: existing?.version ?? null,
          });
          editorOf.set(conflicts.at(-1)!, existing?.updatedById ?? null);
          continue;
        }
        if (existing && before) {
          if (JSON.stringify(before) === JSON.stringify(next)) continue;
          const updated = await tx.indicatorValue.updateMany({
            where: { id: existing.id, version: existing.version },
            data: { ...next, isDemo: false, fromAssessmentId: null, version: { increment: 1 }, updatedById: actor.id },
          });
          if (updated.count !== 1) throw new ConflictError("Số liệu vừa được người khác lưu. Vui lòng tải lại trang.");
          await audit(tx, { userId: actor.id, communeId: report.communeId, entity: "IndicatorValue", entityId: existing.id, action: "update", before, after: next });
        } else {
          const created = await tx.indicatorValue.create({
            data: { indicatorId: row.indicatorId, periodId: period.id, reportId: report.id, ...next, updatedById: actor.id },
          });
          await audit(tx, { userId: actor.id, communeId: report.communeId, entity: "IndicatorValue", entityId: created.id, action: "create", after: next });
        }
        saved++;
      }

      for (const row of data.tasks) {
        const existing = progressByTask.get(row.taskId);
        const task = taskById.get(row.taskId)!;
        const next = { status: row.status, resultText: row.resultText, reason: row.status === "CANNOT_DO" ? row.reason : null, cause: row.cause, remedy: row.remedy };
        if (!sameVersion(existing, row.version, isEmptyProgress)) {
          conflicts.push({
            kind: "task",
            rowId: row.taskId,
            name: `${task.code ? task.code + ". " : ""}${task.content.slice(0, 80)}`,
            current: existing ? taskStatusText(existing.status) : "(đã bị xóa)",
            updatedBy: "người khác",
            updatedAt: existing ? formatDateTime(existing.updatedAt) : "",
            theirs: existing ? { status: existing.status, resultText: existing.resultText, reason: existing.reason, cause: existing.cause, remedy: existing.remedy } : null,
            version: existing?.version ?? null,
          });
          editorOf.set(conflicts.at(-1)!, existing?.updatedById ?? null);
          continue;
        }
        if (existing) {
          const before = { status: existing.status, resultText: existing.resultText, reason: existing.reason, cause: existing.cause, remedy: existing.remedy };
          if (JSON.stringify(before) === JSON.stringify(next)) continue;
          const updated = await tx.taskProgress.updateMany({
            where: { id: existing.id, version: existing.version },
            // The completion date is the day it was first marked done: editing its result later keeps it.
            data: { ...next, isDemo: false, version: { increment: 1 }, updatedById: actor.id, completedAt: row.status !== "DONE" ? null : existing.status === "DONE" ? existing.completedAt : new Date() },
          });
          if (updated.count !== 1) throw new ConflictError("Tiến độ vừa được người khác lưu. Vui lòng tải lại trang.");
          await audit(tx, { userId: actor.id, communeId: report.communeId, entity: "TaskProgress", entityId: existing.id, action: "update", before, after: next });
        } else {
          const created = await tx.taskProgress.create({
            data: { taskId: row.taskId, periodId: period.id, reportId: report.id, ...next, updatedById: actor.id, completedAt: row.status === "DONE" ? new Date() : null },
          });
          await audit(tx, { userId: actor.id, communeId: report.communeId, entity: "TaskProgress", entityId: created.id, action: "create", after: next });
        }
        saved++;
      }

      if (saved > 0) await tx.quarterlyReport.update({ where: { id: report.id }, data: { version: { increment: 1 } } });
      await nameEditors(tx, editorOf);
      return { saved, conflicts } satisfies SaveReportResult;
    }, { onCollision: "Số liệu vừa được người khác lưu cùng lúc. Vui lòng tải lại trang rồi nhập lại." });
    // No revalidatePath here: the report pages are dynamic (nothing cached on the server), and
    // the form calls router.refresh() after a save. Revalidating made Next render the whole
    // report page again into this action's answer (about 30 more queries and 250 KB at
    // province scale) only for the browser to fetch it once more with the refresh.
    return result;
  }, "Đã lưu.");
}

async function missingExplanations(actor: Actor, communeId: string, year: number, quarter: number) {
  const dashboard = buildDashboard(await loadReport(actor, communeId, year, quarter, { details: false }), quarter, todayInVietnam());
  return missingExplanationMessage(
    dashboard.indicators.filter((i) => RED_STATUSES.has(i.status)).map((i) => ({ code: i.code, name: i.name, current: i.current })),
    dashboard.tasks.all.filter((t) => t.overdue).map((t) => ({ code: t.code, name: t.content, current: t.current })),
  );
}

export async function submitReport(input: { year: number; quarter: number }) {
  return runAction("report.submit", periodSchema, input, async (actor, data) => {
    const communeId = ownCommuneOf(actor, "report.submit");
    // Reasons for red: every indicator chưa đạt / có nguy cơ and every overdue task carries its
    // cause and remedy before the report goes up (they fill section II of the Word report).
    // Checked only when the report could be submitted at all, so a report already sent or
    // approved gets the workflow's own answer.
    const state = await (await getDb()).quarterlyReport.findFirst({ where: { communeId, period: { year: data.year, quarter: data.quarter } }, select: { status: true } });
    if (!state || state.status === "DRAFT" || state.status === "RETURNED") {
      const missing = await missingExplanations(actor, communeId, data.year, data.quarter);
      if (missing) throw new UserError(missing);
    }
    await write(async (tx) => {
      const period = await ensurePeriod(tx, data.year, data.quarter);
      const report =
        (await tx.quarterlyReport.findUnique({ where: { communeId_periodId: { communeId, periodId: period.id } } })) ??
        (await tx.quarterlyReport.create({ data: { communeId, periodId: period.id } }));
      await applyTransition(tx, actor, { subject: { type: "report", id: report.id }, transition: "submit" });
    });
    revalidate("/bao-cao");
    return null;
  }, "Đã nộp báo cáo lên cấp trên.");
}
