// A failure in the middle of a save leaves nothing of it behind. The test installs a database
// trigger that raises on the Nth insert into a table, so the save has already written some
// rows (values, progress, audit entries, the report) when it fails; afterwards every table must
// be exactly as before, earlier figures untouched, and the user told in Vietnamese.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import { dbFingerprint, figuresChecksum } from "../support/fingerprint";
import { saveReport } from "@/server/reports/actions";
import { attachEvidenceFile } from "@/server/evidence/actions";
import { confirmPlanImport, previewPlanImport, type PlanPreview } from "@/server/plans/import-actions";
import { seedText } from "../support/seed-documents";

const t = setupTestDb();
let uploadDir: string;
const savedUploadDir = process.env.UPLOAD_DIR;
let indicators: string[];
let tasks: string[];
const SYSTEM_ERROR = "Đã có lỗi hệ thống, thay đổi chưa được lưu. Vui lòng thử lại.";

/** Makes the `nth` insert into `table` (counted from now) fail, as a full disk or a crash would. */
async function failOnInsert(table: string, nth: number) {
  await t.db.$executeRawUnsafe(`drop sequence if exists injected_failure_seq`);
  await t.db.$executeRawUnsafe(`create sequence injected_failure_seq`);
  await t.db.$executeRawUnsafe(`create or replace function injected_failure() returns trigger language plpgsql as $$
    begin
      if nextval('injected_failure_seq') = ${nth} then raise exception 'injected failure on insert % into %', ${nth}, TG_TABLE_NAME; end if;
      return new;
    end $$`);
  await t.db.$executeRawUnsafe(`create trigger injected_failure before insert on "${table}" for each row execute function injected_failure()`);
  return async () => {
    await t.db.$executeRawUnsafe(`drop trigger if exists injected_failure on "${table}"`);
  };
}

let removeTrigger: (() => Promise<void>) | null = null;
afterEach(async () => {
  await removeTrigger?.();
  removeTrigger = null;
});

function filesOnDisk(): string[] {
  if (!fs.existsSync(uploadDir)) return [];
  return (fs.readdirSync(uploadDir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(uploadDir, p)).isFile());
}

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-partial-"));
  process.env.UPLOAD_DIR = uploadDir;
  const hd = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
  const plan = { communeId: hd.id, year: 2025 };
  indicators = (await t.db.indicator.findMany({ where: { plan, valueKind: "RATIO" }, orderBy: { position: "asc" }, take: 4 })).map((i) => i.id);
  tasks = (await t.db.task.findMany({ where: { plan }, orderBy: { position: "asc" }, take: 3 })).map((x) => x.id);
  expect(indicators.length).toBe(4);
  await actAs("hanhdung.canbo");
}, 180_000);

afterAll(async () => {
  await actAs(null);
  process.env.UPLOAD_DIR = savedUploadDir;
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const rows = (ids: string[], n: number, versions: (number | null)[] = []) =>
  ids.map((indicatorId, i) => ({ indicatorId, version: versions[i] ?? null, numerator: n + i, denominator: 100, value: null, done: null, note: null }));

describe("a save that fails half-way writes nothing", () => {
  it("first save of a quarter: the report, the first values and their audit entries all roll back", async () => {
    const before = await dbFingerprint(t.db);
    removeTrigger = await failOnInsert("IndicatorValue", 3);
    const result = await saveReport({ year: 2025, quarter: 4, indicators: rows(indicators, 10), tasks: tasks.map((taskId) => ({ taskId, version: null, status: "DONE" as const })) });
    expect(result).toEqual({ ok: false, error: SYSTEM_ERROR });
    expect(await dbFingerprint(t.db)).toEqual(before);
    expect(await t.db.quarterlyReport.count({ where: { period: { year: 2025, quarter: 4 } } })).toBe(0);
  });

  it("failing on the audit log after values and progress were written: nothing stays", async () => {
    const before = await dbFingerprint(t.db);
    // 4 values and their 4 audit entries, then 2 task rows: the 7th audit insert fails.
    removeTrigger = await failOnInsert("AuditLog", 7);
    const result = await saveReport({ year: 2025, quarter: 4, indicators: rows(indicators, 10), tasks: tasks.map((taskId) => ({ taskId, version: null, status: "DONE" as const })) });
    expect(result).toMatchObject({ ok: false, error: SYSTEM_ERROR });
    expect(await dbFingerprint(t.db)).toEqual(before);
  });

  it("a correction that fails half-way leaves the earlier figures and their versions as they were", async () => {
    const first = await saveReport({ year: 2025, quarter: 4, indicators: rows(indicators.slice(0, 2), 10), tasks: [] });
    expect(first).toMatchObject({ ok: true });
    const saved = await t.db.indicatorValue.findMany({ where: { indicatorId: { in: indicators.slice(0, 2) }, period: { year: 2025, quarter: 4 } }, orderBy: { indicatorId: "asc" } });
    const before = await dbFingerprint(t.db);
    const figures = await figuresChecksum(t.db);
    // Updates the two saved rows, then fails inserting the new third one.
    removeTrigger = await failOnInsert("IndicatorValue", 1);
    const versions = indicators.map((id) => saved.find((s) => s.indicatorId === id)?.version ?? null);
    const result = await saveReport({ year: 2025, quarter: 4, indicators: rows(indicators.slice(0, 3), 50, versions), tasks: [] });
    expect(result).toMatchObject({ ok: false, error: SYSTEM_ERROR });
    expect(await dbFingerprint(t.db)).toEqual(before);
    expect(await figuresChecksum(t.db)).toEqual(figures);
    const after = await t.db.indicatorValue.findMany({ where: { id: { in: saved.map((s) => s.id) } }, orderBy: { indicatorId: "asc" } });
    expect(after.map((v) => [v.numerator?.toNumber(), v.version])).toEqual(saved.map((v) => [v.numerator?.toNumber(), v.version]));
    // With the fault gone, the same correction goes through.
    await removeTrigger();
    removeTrigger = null;
    expect(await saveReport({ year: 2025, quarter: 4, indicators: rows(indicators.slice(0, 3), 50, versions), tasks: [] })).toMatchObject({ ok: true });
  });

  it("an evidence upload that fails after the file reached the disk leaves no row and no file", async () => {
    const before = await dbFingerprint(t.db);
    removeTrigger = await failOnInsert("Evidence", 1);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ year: "2025", quarter: "4", kind: "task", rowId: tasks[2] })) fd.append(k, v);
    fd.append("file", new Blob([new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")], { type: "application/pdf" }), "bao-cao.pdf");
    const result = await attachEvidenceFile(fd);
    expect(result).toMatchObject({ ok: false, error: SYSTEM_ERROR });
    expect(await dbFingerprint(t.db)).toEqual(before);
    expect(filesOnDisk()).toEqual([]);
  });

  it("a plan import that fails after its sections and tasks were written leaves no plan", async () => {
    const fd = new FormData();
    fd.append("text", seedText("hanh-dung-2025-tthc-control-plan.txt"));
    const preview = await previewPlanImport(fd);
    expect(preview.ok).toBe(true);
    const { plan, sourceText } = (preview as { data: PlanPreview }).data;
    const before = await dbFingerprint(t.db);
    removeTrigger = await failOnInsert("Indicator", 5);
    const result = await confirmPlanImport({ plan, sourceText, sourceName: null } as never);
    expect(result).toMatchObject({ ok: false, error: SYSTEM_ERROR });
    expect(await dbFingerprint(t.db)).toEqual(before);
  });
});
