"use server";

// A report row's change history, loaded when the clerk opens it (issue 21: the page no longer
// sends every row's history with the form), and "khôi phục" (issue 17): an earlier value
// written again as a new change, through saveReport (the same checks, optimistic lock and
// audit entry as a change typed by hand).
import { runAction } from "@/server/action";
import { getDb } from "@/server/db";
import { ConflictError, NotFoundError, UserError } from "@/server/errors";
import { ownCommuneOf } from "@/server/auth/guard";
import { id, periodJsonSchema, z } from "@/server/validation";
import { saveReport } from "./actions";

/** Entries shown per row, newest first (as the page showed before it loaded them on demand). */
const HISTORY_LIMIT = 10;

export interface RowHistoryItem {
  id: string;
  at: string;
  by: string;
  action: string;
  before: unknown;
  after: unknown;
}

const rowSchema = periodJsonSchema.extend({ kind: z.enum(["indicator", "task"], { error: "Loại dòng không hợp lệ." }), rowId: id("Dòng") });

/** The stored row of `rowId` in the quarter, if the caller's commune owns it. */
async function ownRow(communeId: string, kind: "indicator" | "task", rowId: string, year: number, quarter: number) {
  const db = await getDb();
  const where = { period: { year, quarter } };
  const row =
    kind === "indicator"
      ? await db.indicatorValue.findFirst({ where: { ...where, indicatorId: rowId }, select: { id: true, version: true, indicator: { select: { plan: { select: { communeId: true } } } } } })
      : await db.taskProgress.findFirst({ where: { ...where, taskId: rowId }, select: { id: true, version: true, task: { select: { plan: { select: { communeId: true } } } } } });
  if (!row) return null;
  const owner = "indicator" in row ? row.indicator.plan.communeId : row.task.plan.communeId;
  if (owner !== communeId) throw new NotFoundError("Không tìm thấy dòng này trong báo cáo của xã bạn.");
  return { id: row.id, version: row.version };
}

export async function rowHistory(input: z.input<typeof rowSchema>) {
  return runAction("report.write", rowSchema, input, async (actor, data): Promise<RowHistoryItem[]> => {
    const row = await ownRow(ownCommuneOf(actor, "report.write"), data.kind, data.rowId, data.year, data.quarter);
    if (!row) return [];
    const db = await getDb();
    const entries = await db.auditLog.findMany({
      where: { entityId: row.id },
      orderBy: { createdAt: "desc" },
      take: HISTORY_LIMIT,
      select: { id: true, createdAt: true, action: true, before: true, after: true, user: { select: { fullName: true } } },
    });
    return entries.map((a) => ({ id: a.id, at: a.createdAt.toISOString(), by: a.user?.fullName ?? "Hệ thống", action: a.action, before: a.before, after: a.after }));
  });
}

const restoreSchema = rowSchema.extend({
  auditId: id("Mục lịch sử"),
  /** The row's version as the clerk's page loaded it: a change since then is a conflict. */
  version: z.number().int().nonnegative().nullable(),
});

const field = (after: Record<string, unknown>, key: string) => (after[key] === undefined ? null : after[key]);

export async function restoreRowValue(input: z.input<typeof restoreSchema>) {
  return runAction("report.write", restoreSchema, input, async (actor, data) => {
    const communeId = ownCommuneOf(actor, "report.write");
    const row = await ownRow(communeId, data.kind, data.rowId, data.year, data.quarter);
    const db = await getDb();
    const entry = row ? await db.auditLog.findFirst({ where: { id: data.auditId, entityId: row.id }, select: { after: true } }) : null;
    if (!row || !entry || !entry.after || typeof entry.after !== "object") throw new NotFoundError("Không tìm thấy giá trị cần khôi phục trong lịch sử của dòng này.");
    const after = entry.after as Record<string, unknown>;
    const save =
      data.kind === "indicator"
        ? await saveReport({
            year: data.year,
            quarter: data.quarter,
            indicators: [
              {
                indicatorId: data.rowId,
                version: data.version,
                numerator: field(after, "numerator") as number | null,
                denominator: field(after, "denominator") as number | null,
                value: field(after, "value") as number | null,
                done: field(after, "done") as boolean | null,
                note: field(after, "note") as string | null,
                cause: field(after, "cause") as string | null,
                remedy: field(after, "remedy") as string | null,
              },
            ],
          })
        : await saveReport({
            year: data.year,
            quarter: data.quarter,
            tasks: [
              {
                taskId: data.rowId,
                version: data.version,
                status: (field(after, "status") ?? "NOT_STARTED") as "NOT_STARTED",
                resultText: field(after, "resultText") as string | null,
                reason: field(after, "reason") as string | null,
                cause: field(after, "cause") as string | null,
                remedy: field(after, "remedy") as string | null,
              },
            ],
          });
    if (!save.ok) throw new UserError(save.error, save.fieldErrors);
    const conflict = save.data.conflicts[0];
    if (conflict) throw new ConflictError(`Dòng này vừa được ${conflict.updatedBy} lưu lúc ${conflict.updatedAt} (${conflict.current}): tải lại trang rồi khôi phục lại nếu vẫn cần.`);
    if (save.data.saved === 0) throw new UserError("Giá trị hiện tại đã đúng như giá trị này: không có gì để khôi phục.");
    return { restored: true };
  }, "Đã khôi phục giá trị cũ.");
}
