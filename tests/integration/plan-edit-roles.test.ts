// Saving a row by hand keeps what the import read: a second lead unit stays a lead (not a
// coordinating unit), a second monitoring unit stays a monitoring unit, and the row's note
// stays. The form fields are filled the way the editing page fills them and sent back
// unchanged, as a clerk who only fixes a typo would.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { confirmPlanImport } from "@/server/plans/import-actions";
import { addTask, updateIndicator, updateTask } from "@/server/plans/edit-actions";
import { getPlanDetail } from "@/server/plans/queries";
import { indicatorUnitsByRole, taskUnitsByRole, unitListText } from "@/domain/plans/unit-roles";
import type { ParsedPlan } from "@/domain/plan-import";

const t = setupTestDb();
let planId: string;

const OFFICE = "Văn phòng - Thống kê";
const JUSTICE = "Công chức Tư pháp - Hộ tịch";
const RADIO = "Đài truyền thanh xã";
const NOTE = "Báo cáo kết quả trước ngày 25/11/2025";

const base = { code: "1", parentIndex: null, depth: 0, warnings: [], raw: "" };
const PLAN: ParsedPlan = {
  kind: "CCHC_YEARLY",
  title: "Kế hoạch thử: đơn vị cùng chủ trì",
  documentNumber: null,
  documentDate: null,
  documentDateText: null,
  year: 2025,
  communeName: null,
  warnings: [],
  rows: [
    {
      ...base,
      type: "task",
      content: "Rà soát quy trình nội bộ giải quyết TTHC",
      requirement: null,
      expectedResult: null,
      deadline: { text: "Quý II", kind: "PERIOD", dueDate: "2025-06-30", periodStart: "2025-04-01", periodEnd: "2025-06-30" },
      leadUnits: [OFFICE, JUSTICE],
      coordinatingUnits: [RADIO],
      leadUnitText: `${OFFICE}; ${JUSTICE}`,
      coordinatingText: RADIO,
      note: NOTE,
    },
    {
      ...base,
      code: "2",
      type: "indicator",
      name: "Tỷ lệ hồ sơ giải quyết đúng hạn",
      group: "OTHER",
      measurementUnit: "%",
      valueKind: "RATIO",
      target: { text: "100%", rule: "FULL", value: 100, unit: "%", referenceYear: null },
      monitoringUnits: [OFFICE, JUSTICE],
      implementingUnits: [RADIO],
      monitoringUnitText: `${OFFICE}; ${JUSTICE}`,
      implementingUnitText: RADIO,
      numeratorLabel: null,
      denominatorLabel: null,
      parentIndicatorIndex: null,
      note: NOTE,
    },
  ],
};

async function ok(result: Promise<{ ok: boolean; error?: string; fieldErrors?: unknown }>) {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
}

async function taskRoles(taskId: string) {
  const task = await t.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { leadUnit: true, coordinatingUnits: { include: { unit: true } } } });
  return {
    lead: task.leadUnit?.name,
    coLeads: task.coordinatingUnits.filter((c) => c.isLead).map((c) => c.unit.name),
    coordinating: task.coordinatingUnits.filter((c) => !c.isLead).map((c) => c.unit.name),
    note: task.note,
  };
}

beforeAll(async () => {
  await actAs("hanhdung.canbo");
  const result = await confirmPlanImport({ plan: PLAN, sourceText: "", sourceName: null, unitAliases: [] });
  if (!result.ok) throw new Error(result.error);
  planId = result.data.planId;
});

describe("hand editing keeps unit roles and notes", () => {
  it("a task saved unchanged from its edit form keeps its second lead as a lead and its note", async () => {
    const actor = await actAs("hanhdung.canbo");
    const task = (await getPlanDetail(actor!, planId)).tasks[0];
    expect(await taskRoles(task.id)).toEqual({ lead: OFFICE, coLeads: [JUSTICE], coordinating: [RADIO], note: NOTE });
    const units = taskUnitsByRole(task);
    await ok(
      updateTask(null, formData({
        planId, id: task.id, code: task.code ?? "", content: "Rà soát quy trình nội bộ giải quyết thủ tục hành chính",
        deadlineText: task.deadlineText ?? "", leadUnit: unitListText(units.leads), coordinatingUnits: unitListText(units.coordinating), note: task.note ?? "",
      })),
    );
    expect(await taskRoles(task.id)).toEqual({ lead: OFFICE, coLeads: [JUSTICE], coordinating: [RADIO], note: NOTE });
  });

  it("an indicator saved unchanged keeps its second monitoring unit and its note", async () => {
    const actor = await actAs("hanhdung.canbo");
    const indicator = (await getPlanDetail(actor!, planId)).indicators[0];
    const units = indicatorUnitsByRole(indicator);
    expect(units).toEqual({ monitoring: [OFFICE, JUSTICE], implementing: [RADIO] });
    await ok(
      updateIndicator(null, formData({
        planId, id: indicator.id, code: "2", name: indicator.name, targetText: indicator.targetText ?? "", measurementUnit: "%",
        monitoringUnit: unitListText(units.monitoring), implementingUnits: unitListText(units.implementing), note: indicator.note ?? "",
      })),
    );
    const saved = await t.db.indicator.findUniqueOrThrow({ where: { id: indicator.id }, include: { monitoringUnit: true, implementingUnits: { include: { unit: true } } } });
    expect(saved.monitoringUnit?.name).toBe(OFFICE);
    expect(saved.implementingUnits.map((u) => [u.unit.name, u.isMonitoring])).toEqual([[JUSTICE, true], [RADIO, false]]);
    expect(saved.note).toBe(NOTE);
  });

  it("a task added by hand with two leads keeps both as leads, matched to the register", async () => {
    await actAs("hanhdung.canbo");
    const before = await t.db.responsibleUnit.count();
    const { data } = (await addTask(null, formData({ planId, content: "Niêm yết công khai TTHC", leadUnit: "VP-TK; Tư pháp – Hộ tịch", coordinatingUnits: RADIO, note: "Tham mưu Chủ tịch UBND xã" }))) as { data: { id: string } };
    expect(await taskRoles(data.id)).toEqual({ lead: OFFICE, coLeads: [JUSTICE], coordinating: [RADIO], note: "Tham mưu Chủ tịch UBND xã" });
    expect(await t.db.responsibleUnit.count()).toBe(before);
  });
});

describe("targets judged against an earlier year", () => {
  it("the editor keeps the named year and its rank, clears the warning that asked for it, and a form without the field keeps the value", async () => {
    const actor = await actAs("hanhdung.canbo");
    const indicator = (await getPlanDetail(actor!, planId)).indicators[0];
    const base = { planId, id: indicator.id, name: indicator.name, measurementUnit: "Hạng", valueKind: "RANK", targetText: "Tăng ít nhất 01 bậc so với năm 2023" };
    await ok(updateIndicator(null, formData(base)));
    let saved = await t.db.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    expect(saved).toMatchObject({ targetRule: "BETTER_RANK", referenceYear: 2023, baselineValue: null, importWarnings: [expect.stringContaining("thứ hạng năm 2023")] });
    await ok(updateIndicator(null, formData({ ...base, baselineValue: "14", deadlineText: "Quý IV" })));
    saved = await t.db.indicator.findUniqueOrThrow({ where: { id: indicator.id } });
    expect([Number(saved.baselineValue), saved.referenceYear, saved.importWarnings, saved.deadlineText, saved.dueDate?.toISOString().slice(0, 10)]).toEqual([14, 2023, [], "Quý IV", "2025-12-31"]);
    await ok(updateIndicator(null, formData({ ...base, name: "Chỉ số CCHC của xã" })));
    expect(Number((await t.db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).baselineValue)).toBe(14);
    const refused = await updateIndicator(null, formData({ ...base, baselineValue: "mười bốn" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { baselineValue: expect.stringContaining("phải là một số") } });
  });
});
