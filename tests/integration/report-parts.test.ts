// Issue 21: the report page sends one part's rows; the others come from reportParts when opened,
// for the caller's own commune only, with the versions a later save is checked against.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs } from "../support/actors";
import { saveReport } from "@/server/reports/actions";
import { reportParts } from "@/server/reports/section-actions";
import { loadReport } from "@/server/reports/queries";
import { reportFormData } from "@/server/reports/form-data";
import { pickGroups, reportOutline } from "@/server/reports/form-outline";
import { attachEvidenceReference } from "@/server/evidence/actions";

setupTestDb();
const YEAR = 2025;
const Q = 3;

describe("a report's parts loaded on demand", () => {
  it("returns the rows of the parts asked for, no others, and the outline counts every row once", async () => {
    const staff = (await actAs("dienkhanh.canbo"))!;
    const form = reportFormData(await loadReport(staff, staff.orgUnitId, YEAR, Q, { history: false }), { onDemand: true });
    const outline = reportOutline(form, "2025-09-30");
    const allRows = form.plans.flatMap((p) => [...p.indicators, ...p.tasks]);
    expect(outline.rows.map(([id]) => id).sort()).toEqual(allRows.map((r) => r.id).sort());
    expect(outline.groups.length).toBeGreaterThan(1);

    const [first, second] = outline.groups;
    const inFirst = outline.rows.filter(([, g]) => g === 0).map(([id]) => id);
    const result = await reportParts({ year: YEAR, quarter: Q, parts: [first.key] });
    if (!result.ok) throw new Error(result.error);
    expect([...result.data.indicators, ...result.data.tasks].map((r) => r.id).sort()).toEqual([...inFirst].sort());
    // The page's own pick is the same rows.
    const picked = pickGroups(form, new Set([first.key]));
    expect(picked.plans.flatMap((p) => [...p.indicators, ...p.tasks]).map((r) => r.id).sort()).toEqual([...inFirst].sort());

    const both = await reportParts({ year: YEAR, quarter: Q, parts: [first.key, second.key] });
    if (!both.ok) throw new Error(both.error);
    expect(both.data.indicators.length + both.data.tasks.length).toBe(outline.rows.filter(([, g]) => g <= 1).length);
  });

  it("a part reloaded after a save carries the row's new version", async () => {
    const staff = (await actAs("dienkhanh.canbo"))!;
    const form = reportFormData(await loadReport(staff, staff.orgUnitId, YEAR, Q, { history: false }), { onDemand: true });
    const outline = reportOutline(form, "2025-09-30");
    const task = form.plans.flatMap((p) => p.tasks)[0];
    const key = outline.groups[outline.rows.find(([id]) => id === task.id)![1]].key;
    expect(await saveReport({ year: YEAR, quarter: Q, tasks: [{ taskId: task.id, version: task.current?.version ?? null, status: "IN_PROGRESS", resultText: "Đang làm" }] })).toMatchObject({ ok: true, data: { saved: 1, conflicts: [] } });
    const result = await reportParts({ year: YEAR, quarter: Q, parts: [key] });
    if (!result.ok) throw new Error(result.error);
    const row = result.data.tasks.find((r) => r.id === task.id)!;
    expect(row.current?.resultText).toBe("Đang làm");
    expect(row.current?.version).toBe((task.current?.version ?? -1) + 1);
  });

  it("another commune's part is not readable: the caller gets only its own commune's rows", async () => {
    const other = (await actAs("hanhdung.canbo"))!;
    const theirs = reportFormData(await loadReport(other, other.orgUnitId, YEAR, Q, { history: false }), { onDemand: true });
    const key = reportOutline(theirs, "2025-09-30").groups[0].key;
    await actAs("dienkhanh.canbo");
    const result = await reportParts({ year: YEAR, quarter: Q, parts: [key] });
    expect(result).toMatchObject({ ok: true, data: { indicators: [], tasks: [] } });
  });

  it("the page counts a row's evidence (one grouped query) and sends the count, not the list", async () => {
    const staff = (await actAs("dienkhanh.canbo"))!;
    const task = (await loadReport(staff, staff.orgUnitId, YEAR, Q, { history: false })).plans.flatMap((p) => p.tasks)[1];
    expect(await saveReport({ year: YEAR, quarter: Q, tasks: [{ taskId: task.id, version: task.current?.version ?? null, status: "IN_PROGRESS", resultText: "Có minh chứng" }] })).toMatchObject({ ok: true });
    for (const n of ["1", "2"]) expect(await attachEvidenceReference({ year: YEAR, quarter: Q, kind: "task", rowId: task.id, docNumber: `${n}/BC-UBND`, docDate: "2025-09-30", docSummary: "Báo cáo" })).toMatchObject({ ok: true });
    const counted = await loadReport(staff, staff.orgUnitId, YEAR, Q, { history: false, evidenceCounts: true });
    const row = counted.plans.flatMap((p) => p.tasks).find((r) => r.id === task.id)!;
    expect(row.evidence).toEqual([]);
    expect(row.evidenceCount).toBe(2);
    const formRow = reportFormData(counted, { onDemand: true }).plans.flatMap((p) => p.tasks).find((r) => r.id === task.id)!;
    expect(formRow.evidenceCount).toBe(2);
    expect(formRow.evidence).toBeUndefined();
    // Without counting (the reviewer's view, the documents), the list as before.
    const listed = (await loadReport(staff, staff.orgUnitId, YEAR, Q)).plans.flatMap((p) => p.tasks).find((r) => r.id === task.id)!;
    expect(listed.evidence.map((e) => e.docNumber)).toEqual(["1/BC-UBND", "2/BC-UBND"]);
  });
});
