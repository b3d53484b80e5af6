"use server";

// Evidence (tài liệu minh chứng) for a row of a commune's quarterly report: an uploaded file
// or a document reference. Only the owning commune adds or removes evidence, and only while
// the quarter's report is open for changes; every change is audited in the same transaction.
import type { Actor } from "@/server/auth/actor";
import { write } from "@/server/db/write";
import { runAction } from "@/server/action";
import { audit } from "@/server/audit";
import { getDb, Prisma } from "@/server/db";
import { ForbiddenError, NotFoundError, type ActionResult } from "@/server/errors";
import { revalidate } from "@/server/revalidate";
import { editableReport } from "@/server/reports/access";
import { ownCommuneOf } from "@/server/auth/guard";
import { blankAsNull, formDataToObject, id, isoDateField, periodSchema, text, z } from "@/server/validation";
import { bareDocNumber, cleanInput } from "@/domain/text";
import { deleteFile } from "./storage";
import { checkUpload, storeUpload, uploadField } from "./upload";

type Tx = Prisma.TransactionClient;
type RowKind = "indicator" | "task";

const rowSchema = periodSchema.extend({
  kind: z.enum(["indicator", "task"], { error: "Loại dòng không hợp lệ." }),
  rowId: id("Dòng báo cáo"),
});

const fileSchema = rowSchema.extend({ file: uploadField });

const DOC_NUMBER_MAX = 100;
const DOC_SUMMARY_MAX = 500;

/** A real calendar date in the year range; null when left blank. */
const docDate = blankAsNull(isoDateField("Ngày văn bản")).transform((s) => (s ? new Date(`${s}T00:00:00Z`) : null));

const referenceSchema = rowSchema.extend({
  // "Số: 48/QĐ-UBND" as copied from the document header keeps only the number itself.
  docNumber: z
    .string({ error: "Số, ký hiệu văn bản: bắt buộc nhập." })
    .transform((s) => bareDocNumber(cleanInput(s)))
    .pipe(text("Số, ký hiệu văn bản", DOC_NUMBER_MAX)),
  docDate,
  docSummary: text("Trích yếu", DOC_SUMMARY_MAX),
});

const deleteSchema = z.object({ id: id("Minh chứng") });

export type AttachEvidenceReferenceInput = z.input<typeof referenceSchema>;

/**
 * The indicator or task must be a row of one of this commune's plans for that year: the ids
 * come from the browser and are never trusted to point at the caller's own data.
 */
async function checkRow(actor: Actor, kind: RowKind, rowId: string, year: number): Promise<string> {
  const communeId = ownCommuneOf(actor, "evidence.write");
  const db = await getDb();
  const plan =
    kind === "indicator"
      ? (await db.indicator.findUnique({ where: { id: rowId }, select: { plan: { select: { communeId: true, year: true } } } }))?.plan
      : (await db.task.findUnique({ where: { id: rowId }, select: { plan: { select: { communeId: true, year: true } } } }))?.plan;
  if (!plan || plan.communeId !== communeId || plan.year !== year) {
    throw new ForbiddenError(
      kind === "indicator"
        ? `Chỉ tiêu này không thuộc kế hoạch năm ${year} của xã bạn.`
        : `Nhiệm vụ này không thuộc kế hoạch năm ${year} của xã bạn.`,
    );
  }
  return communeId;
}

/**
 * The row's figures/progress for the quarter, created empty when nobody has entered any yet so
 * that evidence has something to hang on. The report row is locked by editableReport, so two
 * uploads for the same row cannot both create it.
 */
async function ensureRow(tx: Tx, kind: RowKind, rowId: string, periodId: string, reportId: string, actorId: string) {
  if (kind === "indicator") {
    const row =
      (await tx.indicatorValue.findUnique({ where: { indicatorId_periodId: { indicatorId: rowId, periodId } } })) ??
      (await tx.indicatorValue.create({ data: { indicatorId: rowId, periodId, reportId, version: 0, updatedById: actorId } }));
    return { indicatorValueId: row.id };
  }
  const row =
    (await tx.taskProgress.findUnique({ where: { taskId_periodId: { taskId: rowId, periodId } } })) ??
    (await tx.taskProgress.create({ data: { taskId: rowId, periodId, reportId, status: "NOT_STARTED", version: 0, updatedById: actorId } }));
  return { taskProgressId: row.id };
}

/**
 * Runs the write in a transaction. The first write of a quarter creates its report and the
 * row's figures; two people doing that at the same moment collide on a unique key, and the
 * loser simply runs again, finding the rows the winner created.
 */
function writeReport<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return write(fn, { onCollision: "Báo cáo đang được người khác cập nhật cùng lúc. Vui lòng thử lại." });
}

/** Uploads a file as evidence for an indicator or task of the quarter's report. */
export async function attachEvidenceFile(formData: FormData): Promise<ActionResult<{ id: string }>> {
  const raw = formData && typeof formData.entries === "function" ? formDataToObject(formData) : {};
  return runAction(
    "evidence.write",
    fileSchema,
    raw,
    async (actor, data) => {
      const communeId = await checkRow(actor, data.kind, data.rowId, data.year);

      const upload = await checkUpload(data.file);
      const evidence = await storeUpload(upload, (storageKey) =>
        writeReport(async (tx) => {
          const { report, period } = await editableReport(tx, actor, data.year, data.quarter);
          const row = await ensureRow(tx, data.kind, data.rowId, period.id, report.id, actor.id);
          const { fileName, mimeType, sizeBytes } = upload;
          const created = await tx.evidence.create({ data: { communeId, ...row, fileName, storageKey, mimeType, sizeBytes, createdById: actor.id } });
          await audit(tx, {
            userId: actor.id,
            communeId,
            entity: "Evidence",
            entityId: created.id,
            action: "create",
            after: { kind: data.kind, rowId: data.rowId, year: data.year, quarter: data.quarter, ...row, fileName, mimeType, sizeBytes },
          });
          return created;
        }),
      );
      revalidate("/bao-cao");
      return { id: evidence.id };
    },
    "Đã tải lên tài liệu minh chứng.",
  );
}

/** Records a document reference (số ký hiệu, ngày, trích yếu) as evidence for a row. */
export async function attachEvidenceReference(input: {
  year: number;
  quarter: number;
  kind: RowKind;
  rowId: string;
  docNumber: string;
  docDate?: string;
  docSummary: string;
}): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "evidence.write",
    referenceSchema,
    input,
    async (actor, data) => {
      const communeId = await checkRow(actor, data.kind, data.rowId, data.year);
      const evidence = await writeReport(async (tx) => {
        const { report, period } = await editableReport(tx, actor, data.year, data.quarter);
        const row = await ensureRow(tx, data.kind, data.rowId, period.id, report.id, actor.id);
        const created = await tx.evidence.create({
          data: { communeId, ...row, docNumber: data.docNumber, docDate: data.docDate, docSummary: data.docSummary, createdById: actor.id },
        });
        await audit(tx, {
          userId: actor.id,
          communeId,
          entity: "Evidence",
          entityId: created.id,
          action: "create",
          after: {
            kind: data.kind,
            rowId: data.rowId,
            year: data.year,
            quarter: data.quarter,
            ...row,
            docNumber: data.docNumber,
            docDate: data.docDate ? data.docDate.toISOString().slice(0, 10) : null,
            docSummary: data.docSummary,
          },
        });
        return created;
      });
      revalidate("/bao-cao");
      return { id: evidence.id };
    },
    "Đã thêm văn bản minh chứng.",
  );
}

/** Removes a piece of evidence of the caller's commune while the quarter's report is open. */
export async function deleteEvidence(input: { id: string }): Promise<ActionResult<null>> {
  return runAction(
    "evidence.write",
    deleteSchema,
    input,
    async (actor, data) => {
      const communeId = ownCommuneOf(actor, "evidence.write");
      const removed = await writeReport(async (tx) => {
        const evidence = await tx.evidence.findUnique({
          where: { id: data.id },
          include: {
            indicatorValue: { select: { period: { select: { year: true, quarter: true } } } },
            taskProgress: { select: { period: { select: { year: true, quarter: true } } } },
          },
        });
        const period = evidence?.indicatorValue?.period ?? evidence?.taskProgress?.period;
        if (!evidence || !period) throw new NotFoundError("Không tìm thấy tài liệu minh chứng (có thể đã bị xóa).");
        if (evidence.communeId !== communeId) throw new ForbiddenError("Bạn chỉ được xóa minh chứng của xã mình.");
        // Locks the report, so a submit cannot land between this check and the delete.
        await editableReport(tx, actor, period.year, period.quarter);
        const { count } = await tx.evidence.deleteMany({ where: { id: evidence.id } });
        if (count !== 1) throw new NotFoundError("Không tìm thấy tài liệu minh chứng (có thể đã bị xóa).");
        await audit(tx, {
          userId: actor.id,
          communeId,
          entity: "Evidence",
          entityId: evidence.id,
          action: "delete",
          before: {
            year: period.year,
            quarter: period.quarter,
            indicatorValueId: evidence.indicatorValueId,
            taskProgressId: evidence.taskProgressId,
            fileName: evidence.fileName,
            mimeType: evidence.mimeType,
            sizeBytes: evidence.sizeBytes,
            docNumber: evidence.docNumber,
            docDate: evidence.docDate ? evidence.docDate.toISOString().slice(0, 10) : null,
            docSummary: evidence.docSummary,
          },
        });
        return evidence;
      });
      // Only after the commit: a rolled-back delete must still find its file. A file that
      // cannot be removed now is only wasted space, so the delete still succeeds.
      if (removed.storageKey) {
        await deleteFile(removed.storageKey).catch((error: unknown) => {
          console.error("Could not remove the file of deleted evidence", removed.storageKey, error);
        });
      }
      revalidate("/bao-cao");
      return null;
    },
    "Đã xóa tài liệu minh chứng.",
  );
}
