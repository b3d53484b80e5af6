// Issue 21 / 17: a report row's history and evidence are loaded when opened (the page no longer sends them), and
// "khôi phục" writes an earlier value again as a new, audited change, refused when the row was
// saved by someone else since the clerk loaded it.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import { saveReport } from "@/server/reports/actions";
import { restoreRowValue, rowEvidence, rowHistory } from "@/server/reports/history-actions";
import { attachEvidenceReference } from "@/server/evidence/actions";
import { loadReport } from "@/server/reports/queries";

const t = setupTestDb();
const YEAR = 2025;
const Q = 3;

async function ratio() {
  const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Diên Khánh" }, year: YEAR }, include: { indicators: { where: { valueKind: "RATIO" } } } });
  return plan.indicators[0];
}
const stored = async (indicatorId: string) => t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId, period: { year: YEAR, quarter: Q } } });

describe("row history on demand and restore", () => {
  it("the commune's page loads no row history; the panel's action returns it, newest first", async () => {
    const ind = await ratio();
    const staff = await actAs("dienkhanh.canbo");
    const first = await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ind.id, version: (await t.db.indicatorValue.findFirst({ where: { indicatorId: ind.id, period: { year: YEAR, quarter: Q } } }))?.version ?? null, numerator: 45, denominator: 60 }] });
    expect(first).toMatchObject({ ok: true, data: { saved: 1 } });
    const v = await stored(ind.id);
    expect(await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: ind.id, version: v.version, numerator: 50, denominator: 60 }] })).toMatchObject({ ok: true, data: { saved: 1 } });

    const page = await loadReport(staff!, staff!.orgUnitId, YEAR, Q, { history: false });
    const row = page.plans.flatMap((p) => p.indicators).find((i) => i.id === ind.id)!;
    expect(row.history).toEqual([]);
    expect(row.current?.numerator).toBe(50);

    const history = await rowHistory({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id });
    if (!history.ok) throw new Error(history.error);
    expect(history.data[0]).toMatchObject({ action: "update", before: { numerator: 45 }, after: { numerator: 50 } });
    expect(history.data[1].after).toMatchObject({ numerator: 45, denominator: 60 });
  });

  it("khôi phục writes the earlier value as a new audited change through the save; a stale version is refused", async () => {
    const ind = await ratio();
    await actAs("dienkhanh.canbo");
    const history = await rowHistory({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id });
    if (!history.ok) throw new Error(history.error);
    const earlier = history.data[1];
    const before = await stored(ind.id);
    const auditCount = await t.db.auditLog.count({ where: { entityId: before.id } });

    const restored = await restoreRowValue({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id, auditId: earlier.id, version: before.version });
    expect(restored).toMatchObject({ ok: true, message: "Đã khôi phục giá trị cũ." });
    const after = await stored(ind.id);
    expect([after.numerator?.toNumber(), after.denominator?.toNumber(), after.version]).toEqual([45, 60, before.version + 1]);
    const entries = await t.db.auditLog.findMany({ where: { entityId: before.id }, orderBy: { createdAt: "desc" } });
    expect(entries).toHaveLength(auditCount + 1);
    expect(entries[0]).toMatchObject({ action: "update", before: { numerator: 50 }, after: { numerator: 45 } });

    // The page that offered this entry was loaded before the restore: its version is stale now.
    const stale = await restoreRowValue({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id, auditId: history.data[0].id, version: before.version });
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining("tải lại trang") });
    expect((await stored(ind.id)).version).toBe(after.version);
    expect(await t.db.auditLog.count({ where: { entityId: before.id } })).toBe(auditCount + 1);
  });

  it("another commune can neither read nor restore the row's history", async () => {
    const ind = await ratio();
    const history = await (async () => {
      await actAs("dienkhanh.canbo");
      const h = await rowHistory({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id });
      if (!h.ok) throw new Error(h.error);
      return h.data;
    })();
    const before = await stored(ind.id);
    await actAs("hanhdung.canbo");
    expect(await rowHistory({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id })).toMatchObject({ ok: false, error: expect.stringContaining("Không tìm thấy") });
    expect(await restoreRowValue({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id, auditId: history[1].id, version: before.version })).toMatchObject({ ok: false });
    expect((await stored(ind.id)).version).toBe(before.version);
  });

  it("a row's evidence is read when its panel opens: the live list while the report is open, the frozen one once on file, never another commune's", async () => {
    const ind = await ratio();
    await actAs("dienkhanh.canbo");
    expect(await attachEvidenceReference({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id, docNumber: "12/BC-UBND", docDate: "2025-09-30", docSummary: "Báo cáo kết quả quý III" })).toMatchObject({ ok: true });
    const live = await rowEvidence({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id });
    if (!live.ok) throw new Error(live.error);
    expect(live.data.map((e) => [e.docNumber, e.docDate, e.docSummary])).toContainEqual(["12/BC-UBND", "2025-09-30", "Báo cáo kết quả quý III"]);

    await actAs("hanhdung.canbo");
    expect(await rowEvidence({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id })).toMatchObject({ ok: false, error: expect.stringContaining("Không tìm thấy") });

    // On file (issue 14): the report says what it said when submitted, not what the live rows hold now.
    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { commune: { name: "Xã Diên Khánh" }, period: { year: YEAR, quarter: Q } } });
    const frozen = { id: "frozen-1", fileName: null, sizeBytes: null, docNumber: "07/BC-UBND", docDate: "2025-09-01", docSummary: "Bản đã nộp", createdAt: "2025-09-01T00:00:00.000Z" };
    await t.db.reportSnapshot.create({ data: { reportId: report.id, planVersions: {}, data: { units: [], plans: [{ indicators: [{ id: ind.id, evidence: [frozen] }], tasks: [] }] } } });
    await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: "SUBMITTED" } });
    try {
      await actAs("dienkhanh.canbo");
      expect(await rowEvidence({ year: YEAR, quarter: Q, kind: "indicator", rowId: ind.id })).toEqual({ ok: true, data: [frozen] });
    } finally {
      await t.db.quarterlyReport.update({ where: { id: report.id }, data: { status: report.status } });
      await t.db.reportSnapshot.deleteMany({ where: { reportId: report.id } });
    }
  });
});
