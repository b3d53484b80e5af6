"use server";

// A report row's change history, loaded when the clerk opens it (issue 21: the page no longer
// sends every row's history with the form), and "khôi phục" (issue 17): an earlier value
// written again as a new change, through saveReport (the same checks, optimistic lock and
// audit entry as a change typed by hand).
import { runAction } from "@/server/action";
import { ConflictError, NotFoundError, UserError } from "@/server/errors";
import { ownCommuneOf } from "@/server/auth/guard";
import { id, periodJsonSchema, z } from "@/server/validation";
import { saveReport } from "./actions";
import { historyEntry, ownRow, readRowEvidence, readRowHistory, type RowHistoryItem } from "./history";
import type { EvidenceItem } from "./fetch-shape";

const rowSchema = periodJsonSchema.extend({ kind: z.enum(["indicator", "task"], { error: "Loại dòng không hợp lệ." }), rowId: id("Dòng") });

export async function rowHistory(input: z.input<typeof rowSchema>) {
  return runAction("report.write", rowSchema, input, async (actor, data): Promise<RowHistoryItem[]> => {
    const row = await ownRow(ownCommuneOf(actor, "report.write"), data.kind, data.rowId, data.year, data.quarter);
    if (!row) return [];
    return readRowHistory(row.id);
  });
}

/** A row's evidence, loaded when its panel is opened (the page sends only the count). */
export async function rowEvidence(input: z.input<typeof rowSchema>) {
  return runAction("report.write", rowSchema, input, async (actor, data): Promise<EvidenceItem[]> =>
    readRowEvidence(ownCommuneOf(actor, "report.write"), data.kind, data.rowId, data.year, data.quarter),
  );
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
    const entry = row ? await historyEntry(row.id, data.auditId) : null;
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
