// Evidence for report rows: upload and document references by the commune, downloads by the
// commune and the reviewers above it only, and every refusal leaving nothing behind: no row,
// no file on disk.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import { attachEvidenceFile, attachEvidenceReference, deleteEvidence } from "@/server/evidence/actions";
import { GET } from "@/app/api/minh-chung/[id]/route";
import { ALLOWED_TYPES_LABEL } from "@/domain/file-type";

const t = setupTestDb();
let uploadDir: string;
const savedEnv = { UPLOAD_DIR: process.env.UPLOAD_DIR, UPLOAD_MAX_MB: process.env.UPLOAD_MAX_MB };

let dienKhanhId: string;
let indicatorId: string;
let taskId: string;
let otherTaskId: string;
let pdfEvidenceId: string;
let referenceEvidenceId: string;
let traversalEvidenceId: string;

const YEAR = 2025;
const QUARTER = 3;

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

function uploadForm(fields: { kind: "indicator" | "task"; rowId: string; year?: number; quarter?: number }, file: Blob, name: string): FormData {
  const fd = new FormData();
  fd.append("year", String(fields.year ?? YEAR));
  fd.append("quarter", String(fields.quarter ?? QUARTER));
  fd.append("kind", fields.kind);
  fd.append("rowId", fields.rowId);
  fd.append("file", file, name);
  return fd;
}

const pdfFile = (text: string) => new Blob([pdf(text)], { type: "application/pdf" });

function filesOnDisk(): string[] {
  if (!fs.existsSync(uploadDir)) return [];
  return (fs.readdirSync(uploadDir, { recursive: true }) as string[])
    .filter((p) => fs.statSync(path.join(uploadDir, p)).isFile())
    .sort();
}

async function counts() {
  return {
    evidence: await t.db.evidence.count(),
    values: await t.db.indicatorValue.count(),
    progress: await t.db.taskProgress.count(),
    reports: await t.db.quarterlyReport.count(),
    audit: await t.db.auditLog.count(),
    files: filesOnDisk(),
  };
}

function download(id: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/minh-chung/${id}`), { params: Promise.resolve({ id }) });
}

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-evidence-"));
  process.env.UPLOAD_DIR = uploadDir;
  delete process.env.UPLOAD_MAX_MB;
  const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Diên Khánh" } });
  dienKhanhId = commune.id;
  const plan = { communeId: dienKhanhId, year: YEAR };
  const tasks = await t.db.task.findMany({ where: { plan }, orderBy: { position: "asc" }, take: 2 });
  expect(tasks.length).toBe(2);
  [taskId, otherTaskId] = [tasks[0].id, tasks[1].id];
  // The Diên Khánh plan lists tasks; indicators come from its SIPAS part when the importer finds them.
  const indicator = await t.db.indicator.findFirst({ where: { plan }, orderBy: { position: "asc" } });
  indicatorId = indicator?.id ?? "";
});

afterAll(async () => {
  await actAs(null);
  fs.rmSync(uploadDir, { recursive: true, force: true });
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("attaching evidence", () => {
  it("a Diên Khánh clerk uploads a PDF for an indicator of the 2025 plan, stored under a generated name", async () => {
    expect(indicatorId, "the Diên Khánh 2025 plan has an indicator").not.toBe("");
    await actAs("dienkhanh.canbo");
    const bytes = pdf("Báo cáo kết quả quý III");
    const result = await attachEvidenceFile(uploadForm({ kind: "indicator", rowId: indicatorId }, new Blob([bytes]), "Báo cáo quý III.pdf"));
    expect(result).toMatchObject({ ok: true, message: "Đã tải lên tài liệu minh chứng." });
    if (!result.ok) return;
    pdfEvidenceId = result.data.id;

    const evidence = await t.db.evidence.findUniqueOrThrow({ where: { id: pdfEvidenceId }, include: { indicatorValue: true } });
    expect(evidence).toMatchObject({ communeId: dienKhanhId, fileName: "Báo cáo quý III.pdf", mimeType: "application/pdf", sizeBytes: bytes.length });
    expect(evidence.storageKey).toMatch(/^[0-9a-f]{32}$/);
    const key = evidence.storageKey!;
    expect(filesOnDisk()).toEqual([path.join(key.slice(0, 2), key.slice(2, 4), key)]);
    expect(new Uint8Array(fs.readFileSync(path.join(uploadDir, key.slice(0, 2), key.slice(2, 4), key)))).toEqual(bytes);

    // The row did not exist yet: it is created empty for the quarter, in a draft report.
    expect(evidence.indicatorValue).toMatchObject({ indicatorId, numerator: null, denominator: null, value: null, done: null, version: 0 });
    const report = await t.db.quarterlyReport.findUniqueOrThrow({ where: { id: evidence.indicatorValue!.reportId }, include: { period: true } });
    expect(report).toMatchObject({ communeId: dienKhanhId, status: "DRAFT", period: { year: YEAR, quarter: QUARTER } });

    const entry = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Evidence", entityId: pdfEvidenceId }, include: { user: true } });
    expect(entry).toMatchObject({ action: "create", communeId: dienKhanhId, user: { username: "dienkhanh.canbo" } });
  });

  it("records a document reference for a task, and checks each field in Vietnamese", async () => {
    await actAs("dienkhanh.canbo");
    const base = { year: YEAR, quarter: QUARTER, kind: "task" as const, rowId: taskId };

    const invalid = await attachEvidenceReference({ ...base, docNumber: "  ", docDate: "2025-02-30", docSummary: "x".repeat(501) });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.fieldErrors).toEqual({
        docNumber: "Số, ký hiệu văn bản: bắt buộc nhập.",
        docDate: "Ngày văn bản không hợp lệ, nhập theo dạng ngày/tháng/năm.",
        docSummary: "Trích yếu: tối đa 500 ký tự.",
      });
    }
    const tooOld = await attachEvidenceReference({ ...base, docNumber: "12/BC-UBND", docDate: "1999-12-31", docSummary: "Báo cáo" });
    expect(tooOld.ok || tooOld.fieldErrors).toEqual({ docDate: "Ngày văn bản phải trong khoảng năm 2000–2100." });
    const tooLong = await attachEvidenceReference({ ...base, docNumber: "1".repeat(101), docSummary: "Báo cáo" });
    expect(tooLong.ok || tooLong.fieldErrors).toEqual({ docNumber: "Số, ký hiệu văn bản: tối đa 100 ký tự." });
    expect(await t.db.evidence.count({ where: { docNumber: { not: null } } })).toBe(0);

    const result = await attachEvidenceReference({
      ...base,
      docNumber: "Số: 48/QĐ-UBND",
      docDate: "2025-10-24",
      docSummary: "Quyết định ban hành Kế hoạch cải cách hành chính năm 2025".normalize("NFD"),
    });
    expect(result).toMatchObject({ ok: true, message: "Đã thêm văn bản minh chứng." });
    if (!result.ok) return;
    referenceEvidenceId = result.data.id;
    const evidence = await t.db.evidence.findUniqueOrThrow({ where: { id: referenceEvidenceId }, include: { taskProgress: true } });
    expect(evidence).toMatchObject({
      docNumber: "48/QĐ-UBND",
      docSummary: "Quyết định ban hành Kế hoạch cải cách hành chính năm 2025",
      storageKey: null,
      fileName: null,
    });
    expect(evidence.docDate?.toISOString().slice(0, 10)).toBe("2025-10-24");
    expect(evidence.taskProgress).toMatchObject({ taskId, status: "NOT_STARTED", version: 0 });
    expect(await t.db.auditLog.count({ where: { entity: "Evidence", entityId: referenceEvidenceId, action: "create" } })).toBe(1);
  });

  it("stores a path-traversal name safely and shows only its last part", async () => {
    await actAs("dienkhanh.canbo");
    const before = filesOnDisk();
    const result = await attachEvidenceFile(uploadForm({ kind: "task", rowId: taskId }, pdfFile("traversal"), "../../etc/passwd.pdf"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    traversalEvidenceId = result.data.id;
    const evidence = await t.db.evidence.findUniqueOrThrow({ where: { id: traversalEvidenceId } });
    expect(evidence.fileName).toBe("passwd.pdf");
    const added = filesOnDisk().filter((f) => !before.includes(f));
    expect(added).toEqual([path.join(evidence.storageKey!.slice(0, 2), evidence.storageKey!.slice(2, 4), evidence.storageKey!)]);
    expect(added[0]).not.toMatch(/passwd|\.\./);
  });

  it("refuses a file over the size limit, checked on the server, and writes nothing", async () => {
    await actAs("dienkhanh.canbo");
    const before = await counts();
    const tooBig = new Uint8Array(10 * 1024 * 1024 + 1);
    tooBig.set(pdf("lớn"));
    const result = await attachEvidenceFile(uploadForm({ kind: "indicator", rowId: indicatorId }, new Blob([tooBig]), "lon.pdf"));
    expect(result).toMatchObject({ ok: false, error: "Tệp quá lớn: tối đa 10 MB.", fieldErrors: { file: "Tệp quá lớn: tối đa 10 MB." } });

    process.env.UPLOAD_MAX_MB = "1";
    try {
      const justOver = new Uint8Array(1024 * 1024 + 1);
      justOver.set(pdf("vừa quá"));
      const refused = await attachEvidenceFile(uploadForm({ kind: "task", rowId: otherTaskId }, new Blob([justOver]), "vua-qua.pdf"));
      expect(refused).toMatchObject({ ok: false, error: "Tệp quá lớn: tối đa 1 MB." });
    } finally {
      delete process.env.UPLOAD_MAX_MB;
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses an HTML page renamed .pdf, an empty file and a plain zip, and writes nothing", async () => {
    await actAs("dienkhanh.canbo");
    const before = await counts();
    const html = new Blob(["<!DOCTYPE html><html><body><script>alert('x')</script></body></html>"], { type: "application/pdf" });
    const result = await attachEvidenceFile(uploadForm({ kind: "indicator", rowId: indicatorId }, html, "bao-cao.pdf"));
    const message = `Loại tệp không được chấp nhận (chỉ nhận ${ALLOWED_TYPES_LABEL}). Tệp có đuôi .pdf nhưng nội dung không phải PDF.`;
    expect(result).toMatchObject({ ok: false, error: message, fieldErrors: { file: message } });

    const empty = await attachEvidenceFile(uploadForm({ kind: "indicator", rowId: indicatorId }, new Blob([]), "rong.pdf"));
    expect(empty).toMatchObject({ ok: false, error: "Tệp rỗng, không có nội dung. Vui lòng chọn lại tệp." });

    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    const plainZip = await attachEvidenceFile(uploadForm({ kind: "indicator", rowId: indicatorId }, new Blob([zip]), "ho-so.zip"));
    expect(plainZip).toMatchObject({ ok: false, error: `Loại tệp không được chấp nhận (chỉ nhận ${ALLOWED_TYPES_LABEL}).` });

    const noFile = new FormData();
    for (const [k, v] of Object.entries({ year: "2025", quarter: "3", kind: "task", rowId: taskId })) noFile.append(k, v);
    const missing = await attachEvidenceFile(noFile);
    expect(missing.ok || missing.fieldErrors).toEqual({ file: "Vui lòng chọn tệp minh chứng." });
    expect(await counts()).toEqual(before);
  });

  it("refuses rows of another commune or another year, and roles that may not write evidence", async () => {
    const before = await counts();
    await actAs("tanduc.canbo");
    const other = await attachEvidenceFile(uploadForm({ kind: "indicator", rowId: indicatorId }, pdfFile("tân đức"), "x.pdf"));
    expect(other).toMatchObject({ ok: false, error: `Chỉ tiêu này không thuộc kế hoạch năm ${YEAR} của xã bạn.` });
    const otherRef = await attachEvidenceReference({ year: YEAR, quarter: QUARTER, kind: "task", rowId: taskId, docNumber: "1/BC", docSummary: "Báo cáo" });
    expect(otherRef).toMatchObject({ ok: false, error: `Nhiệm vụ này không thuộc kế hoạch năm ${YEAR} của xã bạn.` });
    expect(await deleteEvidence({ id: pdfEvidenceId })).toMatchObject({ ok: false, error: "Bạn chỉ được xóa minh chứng của xã mình." });

    await actAs("dienkhanh.canbo");
    const wrongYear = await attachEvidenceFile(uploadForm({ kind: "task", rowId: taskId, year: 2024 }, pdfFile("2024"), "x.pdf"));
    expect(wrongYear).toMatchObject({ ok: false, error: "Nhiệm vụ này không thuộc kế hoạch năm 2024 của xã bạn." });

    await actAs("khanhhoa.thamdinh");
    const reviewer = await attachEvidenceFile(uploadForm({ kind: "task", rowId: taskId }, pdfFile("thẩm định"), "x.pdf"));
    expect(reviewer).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
    expect(await deleteEvidence({ id: pdfEvidenceId })).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });

    await actAs(null);
    const signedOut = await attachEvidenceFile(uploadForm({ kind: "task", rowId: taskId }, pdfFile("?"), "x.pdf"));
    expect(signedOut).toMatchObject({ ok: false, error: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại." });
    expect(await counts()).toEqual(before);
  });
});

describe("downloading evidence", () => {
  it("gives the commune and the province reviewer above it the bytes as an attachment", async () => {
    const evidence = await t.db.evidence.findUniqueOrThrow({ where: { id: pdfEvidenceId } });
    const key = evidence.storageKey!;
    const stored = fs.readFileSync(path.join(uploadDir, key.slice(0, 2), key.slice(2, 4), key));
    for (const username of ["dienkhanh.canbo", "dienkhanh.chutich", "khanhhoa.thamdinh", "admin"]) {
      await actAs(username);
      const res = await download(pdfEvidenceId);
      expect(res.status, username).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="Bao cao quy III.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%20III.pdf`,
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("content-length")).toBe(String(stored.length));
      expect(Buffer.from(await res.arrayBuffer()).equals(stored)).toBe(true);
    }
  });

  it("refuses other communes and reviewers of other units with 403, signed-out callers with 401", async () => {
    for (const username of ["tanduc.canbo", "tanduc.chutich", "phubinh.thamdinh", "quangngai.thamdinh"]) {
      await actAs(username);
      const res = await download(pdfEvidenceId);
      expect(res.status, username).toBe(403);
      expect(res.headers.get("content-disposition")).toBeNull();
      expect((await res.json()).error).toMatch(/xã mình|không thuộc đơn vị bạn phụ trách/);
    }
    await actAs(null);
    const res = await download(pdfEvidenceId);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại." });
  });

  it("answers 404 for an unknown id, a malformed id and a document reference", async () => {
    await actAs("dienkhanh.canbo");
    for (const id of ["khongtontai", "../../etc/passwd", referenceEvidenceId]) {
      const res = await download(id);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual({ error: "Không tìm thấy tệp minh chứng." });
    }
  });

  it("offers the cleaned name of a path-traversal upload", async () => {
    await actAs("khanhhoa.thamdinh");
    const res = await download(traversalEvidenceId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`);
    await res.body?.cancel();
  });
});

describe("deleting evidence", () => {
  it("removes the row and then the file, audited", async () => {
    await actAs("dienkhanh.canbo");
    const evidence = await t.db.evidence.findUniqueOrThrow({ where: { id: traversalEvidenceId } });
    const file = path.join(evidence.storageKey!.slice(0, 2), evidence.storageKey!.slice(2, 4), evidence.storageKey!);
    expect(filesOnDisk()).toContain(file);
    expect(await deleteEvidence({ id: traversalEvidenceId })).toMatchObject({ ok: true, message: "Đã xóa tài liệu minh chứng." });
    expect(await t.db.evidence.findUnique({ where: { id: traversalEvidenceId } })).toBeNull();
    expect(filesOnDisk()).not.toContain(file);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Evidence", entityId: traversalEvidenceId, action: "delete" } });
    expect(entry.before).toMatchObject({ fileName: "passwd.pdf", year: YEAR, quarter: QUARTER });
    expect((await download(traversalEvidenceId)).status).toBe(404);
    expect(await deleteEvidence({ id: traversalEvidenceId })).toMatchObject({ ok: false, error: "Không tìm thấy tài liệu minh chứng (có thể đã bị xóa)." });
  });
});

describe("at the same moment", () => {
  it("several uploads to a quarter nobody has opened yet all land on one report and one row", async () => {
    await actAs("dienkhanh.canbo");
    const results = await Promise.all([
      attachEvidenceFile(uploadForm({ kind: "task", rowId: otherTaskId, quarter: 4 }, pdfFile("một"), "mot.pdf")),
      attachEvidenceFile(uploadForm({ kind: "task", rowId: otherTaskId, quarter: 4 }, pdfFile("hai"), "hai.pdf")),
      attachEvidenceReference({ year: YEAR, quarter: 4, kind: "task", rowId: otherTaskId, docNumber: "7/BC-UBND", docSummary: "Báo cáo quý IV" }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: YEAR, quarter: 4 } } });
    expect(await t.db.quarterlyReport.count({ where: { communeId: dienKhanhId, periodId: period.id } })).toBe(1);
    const rows = await t.db.taskProgress.findMany({ where: { taskId: otherTaskId, periodId: period.id }, include: { evidence: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0].evidence).toHaveLength(3);
  });
});

describe("after the report is submitted", () => {
  it("refuses attaching and deleting, and leaves no file behind", async () => {
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: YEAR, quarter: QUARTER } } });
    await t.db.quarterlyReport.update({
      where: { communeId_periodId: { communeId: dienKhanhId, periodId: period.id } },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    await actAs("dienkhanh.canbo");
    const before = await counts();
    const locked = "Báo cáo Quý III năm 2025 đã nộp, đang chờ xét duyệt: không thể sửa.";

    // The file is written before the transaction; the refusal inside it must remove it again.
    const file = await attachEvidenceFile(uploadForm({ kind: "task", rowId: otherTaskId }, pdfFile("sau khi nộp"), "sau-khi-nop.pdf"));
    expect(file).toMatchObject({ ok: false, error: locked });
    const reference = await attachEvidenceReference({ year: YEAR, quarter: QUARTER, kind: "indicator", rowId: indicatorId, docNumber: "5/BC-UBND", docSummary: "Báo cáo" });
    expect(reference).toMatchObject({ ok: false, error: locked });
    expect(await deleteEvidence({ id: pdfEvidenceId })).toMatchObject({ ok: false, error: locked });
    expect(await deleteEvidence({ id: referenceEvidenceId })).toMatchObject({ ok: false, error: locked });

    expect(await counts()).toEqual(before);
    // Reviewers can still download what was submitted.
    await actAs("khanhhoa.thamdinh");
    const res = await download(pdfEvidenceId);
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});
