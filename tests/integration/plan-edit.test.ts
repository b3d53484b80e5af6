// Writing and correcting plans by hand against a real database: rows added, edited, moved,
// renumbered and deleted in one audited transaction each; refused for submitted or approved
// plans, for another commune's plan, for reviewers, and for rows with reported figures.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import {
  addIndicator,
  addSection,
  addTask,
  createPlan,
  deletePlan,
  deleteRow,
  moveRow,
  renumberSection,
  updateIndicator,
  updatePlan,
  updateSection,
  updateTask,
} from "@/server/plans/edit-actions";
import type { ActionResult } from "@/server/errors";

const t = setupTestDb();

type Form = Record<string, string | undefined>;
type Action = (state: ActionResult<unknown> | null, fd: FormData) => Promise<ActionResult<unknown>>;

async function call(action: Action, fields: Form) {
  return action(null, formData(fields));
}

async function ok<T = { id: string }>(action: Action, fields: Form): Promise<T> {
  const result = await call(action, fields);
  if (!result.ok) throw new Error(`${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data as T;
}

/** A new empty draft plan of Hành Dũng, made as the clerk makes it. */
async function draftPlan(title = "Kế hoạch cải cách hành chính năm 2026"): Promise<string> {
  await actAs("hanhdung.canbo");
  return (await ok(createPlan, { title, kind: "CCHC_YEARLY", year: "2026" })).id;
}

/**
 * Each test gets its own plan with these rows (so none depends on what another left):
 * I (task 1), II (task 1, indicator 2 with a sub-row), added as the clerk adds them.
 */
async function planWithRows() {
  const planId = await draftPlan();
  const a = await ok(addSection, { planId, code: "I", title: "Công tác chỉ đạo, điều hành" });
  const b = await ok(addSection, { planId, code: "II", title: "Cải cách thủ tục hành chính" });
  await ok(addTask, { planId, sectionId: b.id, code: "1", content: "Rà soát, đơn giản hóa TTHC", deadlineText: "Quý II", leadUnit: "VP-TK", coordinatingUnits: "Bộ phận Một cửa mới; Tư pháp – Hộ tịch" });
  // Added to section I after section II exists: it still lands inside I.
  const t1 = await ok(addTask, { planId, sectionId: a.id, code: "1", content: "Ban hành kế hoạch CCHC năm 2026", deadlineText: "Trước ngày 31/01/2026" });
  const ind = await ok(addIndicator, { planId, sectionId: b.id, code: "2", name: "Tỷ lệ hồ sơ trực tuyến", targetText: "Tối thiểu 60", measurementUnit: "%", monitoringUnit: "Văn phòng - Thống kê" });
  await ok(addIndicator, { planId, parentIndicatorId: ind.id, name: "Hồ sơ toàn trình", targetText: "50%" });
  return { planId, sectionI: a.id, sectionII: b.id, firstTask: t1.id, indicator: ind.id };
}

/** The plan's rows in document order, as "kind code label". */
async function outline(id: string): Promise<string[]> {
  const [sections, tasks, indicators] = await Promise.all([
    t.db.planSection.findMany({ where: { planId: id } }),
    t.db.task.findMany({ where: { planId: id } }),
    t.db.indicator.findMany({ where: { planId: id } }),
  ]);
  return [
    ...sections.map((s) => ({ p: s.position, s: `S ${s.code ?? "-"} ${s.title}` })),
    ...tasks.map((x) => ({ p: x.position, s: `T ${x.code ?? "-"} ${x.content}` })),
    ...indicators.map((i) => ({ p: i.position, s: `I ${i.code ?? "-"} ${i.name}` })),
  ]
    .sort((a, b) => a.p - b.p)
    .map((r) => r.s);
}

async function snapshot() {
  return {
    plans: await t.db.plan.findMany({ orderBy: { id: "asc" } }),
    sections: await t.db.planSection.count(),
    tasks: await t.db.task.findMany({ orderBy: { id: "asc" } }),
    indicators: await t.db.indicator.findMany({ orderBy: { id: "asc" } }),
    audit: await t.db.auditLog.count(),
  };
}

describe("writing a plan by hand", () => {
  it("creates an empty draft plan for the user's own commune", async () => {
    const actor = await actAs("hanhdung.canbo");
    const { id } = await ok(createPlan, { title: "Kế hoạch cải cách hành chính năm 2026", kind: "CCHC_YEARLY", year: "2026", documentNumber: "12/KH-UBND", documentDate: "2026-01-15" });
    const plan = await t.db.plan.findUniqueOrThrow({ where: { id } });
    expect(plan).toMatchObject({ communeId: actor!.orgUnitId, status: "DRAFT", year: 2026, documentNumber: "12/KH-UBND" });
    expect(plan.documentDate!.toISOString().slice(0, 10)).toBe("2026-01-15");
    expect(await t.db.auditLog.findFirst({ where: { entityId: id, action: "create", userId: actor!.id } })).not.toBeNull();
  });

  it("refuses invalid input with Vietnamese messages per field", async () => {
    await actAs("hanhdung.canbo");
    const result = await call(createPlan, { title: "", kind: "EVIL", year: "1800", documentDate: "2026-02-30" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.");
    expect(result.fieldErrors).toMatchObject({
      title: "Tên kế hoạch: bắt buộc nhập.",
      kind: "Loại kế hoạch không hợp lệ.",
      year: "Năm kế hoạch phải từ 2000 đến 2100.",
      documentDate: expect.stringContaining("Ngày ban hành không hợp lệ"),
    });
    const planId = await draftPlan();
    const task = await call(addTask, { planId, content: "x".repeat(6000) });
    expect(task).toMatchObject({ ok: false, fieldErrors: { content: "Nội dung nhiệm vụ: tối đa 5000 ký tự." } });
  });

  it("adds sections, tasks and indicators in document order, understanding deadlines, targets and units", async () => {
    const { planId, sectionII: bId, firstTask, indicator: indId } = await planWithRows();
    const b = { id: bId };
    const t1 = { id: firstTask };
    const ind = { id: indId };
    expect(await outline(planId)).toEqual([
      "S I Công tác chỉ đạo, điều hành",
      "T 1 Ban hành kế hoạch CCHC năm 2026",
      "S II Cải cách thủ tục hành chính",
      "T 1 Rà soát, đơn giản hóa TTHC",
      "I 2 Tỷ lệ hồ sơ trực tuyến",
      "I - Hồ sơ toàn trình",
    ]);
    const task = await t.db.task.findFirstOrThrow({ where: { planId, content: { startsWith: "Rà soát" } }, include: { leadUnit: true, coordinatingUnits: { include: { unit: true } } } });
    expect(task).toMatchObject({ deadlineKind: "PERIOD", leadUnit: { name: "Văn phòng - Thống kê" } });
    expect(task.periodEnd!.toISOString().slice(0, 10)).toBe("2026-06-30");
    // "Tư pháp – Hộ tịch" as typed is matched to the register's "Công chức Tư pháp - Hộ tịch" (issue 15).
    expect(task.coordinatingUnits.map((c) => c.unit.name).sort()).toEqual(["Bộ phận Một cửa mới", "Công chức Tư pháp - Hộ tịch"]);
    const first = await t.db.task.findUniqueOrThrow({ where: { id: t1.id } });
    expect([first.deadlineKind, first.dueDate!.toISOString().slice(0, 10)]).toEqual(["DATE", "2026-01-31"]);
    const indicator = await t.db.indicator.findUniqueOrThrow({ where: { id: ind.id }, include: { monitoringUnit: true, children: true } });
    expect(indicator).toMatchObject({ targetRule: "AT_LEAST", valueKind: "RATIO", group: "ONLINE_SERVICES", monitoringUnit: { name: "Văn phòng - Thống kê" } });
    expect(Number(indicator.targetValue)).toBe(60);
    expect(indicator.children).toHaveLength(1);
    expect(indicator.children[0].sectionId).toBe(b.id);
  });

  it("edits rows and plan details; a changed year moves deadlines written without one", async () => {
    const { planId } = await planWithRows();
    const actor = await actAs("hanhdung.canbo");
    const task = await t.db.task.findFirstOrThrow({ where: { planId, content: { startsWith: "Rà soát" } } });
    await ok(updateTask, { planId, id: task.id, code: "1", content: "Rà soát, đơn giản hóa thủ tục hành chính\nnội bộ", deadlineText: "Quý III", leadUnit: "Tư pháp - Hộ tịch" });
    const edited = await t.db.task.findUniqueOrThrow({ where: { id: task.id }, include: { leadUnit: true, coordinatingUnits: true } });
    expect(edited).toMatchObject({ content: "Rà soát, đơn giản hóa thủ tục hành chính\nnội bộ", leadUnit: { name: "Công chức Tư pháp - Hộ tịch" }, coordinatingUnits: [] });
    expect(edited.periodEnd!.toISOString().slice(0, 10)).toBe("2026-09-30");

    const ind = await t.db.indicator.findFirstOrThrow({ where: { planId, name: "Tỷ lệ hồ sơ trực tuyến" } });
    await ok(updateIndicator, { planId, id: ind.id, code: "2", name: "Tỷ lệ hồ sơ trực tuyến", targetText: "Trên 70%", valueKind: "RATIO" });
    expect(await t.db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).toMatchObject({ targetRule: "MORE_THAN", targetText: "Trên 70%", monitoringUnitId: null });

    const section = await t.db.planSection.findFirstOrThrow({ where: { planId, code: "II" } });
    await ok(updateSection, { planId, id: section.id, code: "II", title: "Cải cách TTHC" });

    await ok(updatePlan, { planId, title: "Kế hoạch CCHC năm 2027", kind: "CCHC_YEARLY", year: "2027" });
    const moved = await t.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(moved.periodEnd!.toISOString().slice(0, 10)).toBe("2027-09-30");
    const audits = await t.db.auditLog.findMany({ where: { userId: actor!.id, entity: { in: ["Task", "Indicator", "PlanSection", "Plan"] }, entityId: { in: [task.id, ind.id, section.id, planId] }, action: "update" } });
    expect(audits.map((a) => a.entity).sort()).toEqual(["Indicator", "Plan", "PlanSection", "Task"]);
    expect((await t.db.plan.findUniqueOrThrow({ where: { id: planId } })).version).toBeGreaterThan(5);
  });

  it("keeps a recurring task's own due dates typed as dd/mm/yyyy, refuses a wrong one in Vietnamese, and goes back to the text's when cleared", async () => {
    const { planId, firstTask } = await planWithRows();
    const base = { planId, id: firstTask, code: "1", content: "Báo cáo CCHC định kỳ", deadlineText: "Hằng quý" };
    await ok(updateTask, { ...base, dueDates: "20/06/2026; 20/03/2026\n20/09/2026, 20/12/2026" });
    const days = async () => (await t.db.task.findUniqueOrThrow({ where: { id: firstTask } })).occurrenceDates.map((d) => d.toISOString().slice(0, 10));
    expect(await days()).toEqual(["2026-03-20", "2026-06-20", "2026-09-20", "2026-12-20"]);
    expect((await t.db.task.findUniqueOrThrow({ where: { id: firstTask } })).deadlineKind).toBe("RECURRING");

    const refused = await call(updateTask, { ...base, dueDates: "20/03/2026; 31/06/2026" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { dueDates: "Các hạn hoàn thành: “31/06/2026” không hợp lệ, nhập theo dạng dd/mm/yyyy." } });
    expect(await days()).toEqual(["2026-03-20", "2026-06-20", "2026-09-20", "2026-12-20"]);

    await ok(updateTask, { ...base, dueDates: "" });
    expect(await days()).toEqual(["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]);
  });

  it("moves rows among their siblings: a section moves with everything inside it", async () => {
    const { planId, sectionII, indicator } = await planWithRows();
    await ok(moveRow, { planId, kind: "section", id: sectionII, direction: "up" });
    expect(await outline(planId)).toEqual([
      "S II Cải cách thủ tục hành chính",
      "T 1 Rà soát, đơn giản hóa TTHC",
      "I 2 Tỷ lệ hồ sơ trực tuyến",
      "I - Hồ sơ toàn trình",
      "S I Công tác chỉ đạo, điều hành",
      "T 1 Ban hành kế hoạch CCHC năm 2026",
    ]);
    await ok(moveRow, { planId, kind: "indicator", id: indicator, direction: "up" });
    expect((await outline(planId)).slice(0, 4)).toEqual(["S II Cải cách thủ tục hành chính", "I 2 Tỷ lệ hồ sơ trực tuyến", "I - Hồ sơ toàn trình", "T 1 Rà soát, đơn giản hóa TTHC"]);
    const refused = await call(moveRow, { planId, kind: "section", id: sectionII, direction: "up" });
    expect(refused).toMatchObject({ ok: false, error: "Dòng đã ở đầu mục, không chuyển lên được nữa." });
  });

  it("renumbers a section's rows 1, 2, 3 (or 2.1, 2.2)", async () => {
    const { planId, sectionII, indicator } = await planWithRows();
    // The indicator first, so the numbers follow the new order, not the old codes.
    await ok(moveRow, { planId, kind: "indicator", id: indicator, direction: "up" });
    await ok(renumberSection, { planId, sectionId: sectionII, style: "prefixed" });
    expect((await outline(planId)).slice(3, 6).map((s) => s.split(" ")[1])).toEqual(["II.1", "-", "II.2"]);
    await ok(renumberSection, { planId, sectionId: sectionII, style: "arabic" });
    expect((await outline(planId)).slice(3, 6)).toEqual(["I 1 Tỷ lệ hồ sơ trực tuyến", "I - Hồ sơ toàn trình", "T 2 Rà soát, đơn giản hóa TTHC"]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: sectionII, action: "renumber" }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ style: "arabic" });
  });

  it("deletes a row, and a section with everything in it", async () => {
    const { planId, sectionI: section1Id } = await planWithRows();
    const section1 = { id: section1Id };
    const sub = await t.db.indicator.findFirstOrThrow({ where: { planId, name: "Hồ sơ toàn trình" } });
    await ok(deleteRow, { planId, kind: "indicator", id: sub.id });
    const result = await ok<{ deleted: number }>(deleteRow, { planId, kind: "section", id: section1.id });
    expect(result.deleted).toBe(2);
    expect(await outline(planId)).toEqual(["S II Cải cách thủ tục hành chính", "T 1 Rà soát, đơn giản hóa TTHC", "I 2 Tỷ lệ hồ sơ trực tuyến"]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: section1.id, action: "delete" } });
    expect(audit.before).toMatchObject({ title: "Công tác chỉ đạo, điều hành", alsoDeleted: [{ kind: "task" }] });
  });
});

describe("what may not be changed", () => {
  it("refuses rows and plan details of a submitted or approved plan, writing nothing", async () => {
    const { planId } = await planWithRows();
    const section = await t.db.planSection.findFirstOrThrow({ where: { planId, code: "II" } });
    for (const [status, message] of [
      ["SUBMITTED", "Kế hoạch đã nộp, đang chờ cấp trên xét duyệt: không thể sửa."],
      ["APPROVED", "Kế hoạch đã được duyệt, không thể sửa."],
    ] as const) {
      await t.db.plan.update({ where: { id: planId }, data: { status } });
      const before = await snapshot();
      for (const [action, fields] of [
        [updatePlan, { planId, title: "Đổi tên", kind: "OTHER", year: "2027" }],
        [addTask, { planId, content: "Nhiệm vụ mới" }],
        [updateSection, { planId, id: section.id, title: "Đổi tên mục" }],
        [moveRow, { planId, kind: "section", id: section.id, direction: "down" }],
        [renumberSection, { planId, sectionId: section.id }],
        [deleteRow, { planId, kind: "section", id: section.id }],
        [deletePlan, { planId }],
      ] as [Action, Form][]) {
        expect(await call(action, fields)).toMatchObject({ ok: false, error: message });
      }
      expect(await snapshot()).toEqual(before);
    }
    await t.db.plan.update({ where: { id: planId }, data: { status: "RETURNED" } });
    await ok(updateSection, { planId, id: section.id, code: "II", title: "Cải cách thủ tục hành chính" });
  });

  it("refuses another commune's plan and any reviewer or admin", async () => {
    const { planId } = await planWithRows();
    const section = await t.db.planSection.findFirstOrThrow({ where: { planId, code: "II" } });
    const before = await snapshot();
    await actAs("tanduc.canbo");
    expect(await call(updateSection, { planId, id: section.id, title: "Của xã khác" })).toMatchObject({ ok: false, error: "Bạn chỉ được xem và thay đổi dữ liệu của xã mình." });
    expect(await call(deletePlan, { planId })).toMatchObject({ ok: false, error: "Bạn chỉ được xem và thay đổi dữ liệu của xã mình." });
    for (const user of ["nghiahanh.thamdinh", "quangngai.thamdinh", "admin"]) {
      await actAs(user);
      expect(await call(updateSection, { planId, id: section.id, title: "Thẩm định sửa" })).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
      expect(await call(createPlan, { title: "Kế hoạch", kind: "OTHER", year: "2026" })).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
    }
    // A row id of one plan sent with another plan's id is not found there.
    await actAs("hanhdung.canbo");
    const demo = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" }, isDemo: true } });
    // The demo plan is in force; opened for amendment, its rows with reported figures still stay.
    await t.db.plan.update({ where: { id: demo.id }, data: { status: "RETURNED" } });
    expect(await call(updateSection, { planId: demo.id, id: section.id, title: "Lạc kế hoạch" })).toMatchObject({ ok: false, error: "Không tìm thấy mục trong kế hoạch này." });
    expect(await snapshot()).toEqual({ ...before, plans: expect.any(Array) });
    expect((await t.db.planSection.findUniqueOrThrow({ where: { id: section.id } })).title).toBe("Cải cách thủ tục hành chính");
  });

  it("refuses to delete rows or a plan with reported figures, naming the quarters", async () => {
    await actAs("hanhdung.canbo");
    const demo = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" }, isDemo: true } });
    // The demo plan is in force; opened for amendment, its rows with reported figures still stay.
    await t.db.plan.update({ where: { id: demo.id }, data: { status: "RETURNED" } });
    const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicator: { planId: demo.id } }, include: { indicator: true } });
    const progress = await t.db.taskProgress.findFirstOrThrow({ where: { task: { planId: demo.id, sectionId: { not: null } } }, include: { task: true } });
    const before = await snapshot();
    const refusedIndicator = await call(deleteRow, { planId: demo.id, kind: "indicator", id: value.indicatorId });
    expect(refusedIndicator).toMatchObject({ ok: false, error: expect.stringMatching(/^Không thể xóa chỉ tiêu “.+”: dòng này đã có số liệu báo cáo \(Quý I\/2025, Quý II\/2025\)/) });
    const refusedTask = await call(deleteRow, { planId: demo.id, kind: "task", id: progress.taskId });
    expect(refusedTask).toMatchObject({ ok: false, error: expect.stringContaining("đã có số liệu báo cáo") });
    const refusedSection = await call(deleteRow, { planId: demo.id, kind: "section", id: progress.task.sectionId! });
    expect(refusedSection).toMatchObject({ ok: false, error: expect.stringContaining("(hoặc dòng bên trong) đã có số liệu báo cáo") });
    // The demo plan was also submitted and approved (in force): either reason refuses the delete.
    expect(await call(deletePlan, { planId: demo.id })).toMatchObject({ ok: false, error: expect.stringMatching(/không thể xóa/i) });
    // Changing how a reported indicator is measured would strand its figures.
    const kind = value.indicator.valueKind === "RATIO" ? "NUMBER" : "RATIO";
    expect(await call(updateIndicator, { planId: demo.id, id: value.indicatorId, name: value.indicator.name, valueKind: kind, targetText: value.indicator.targetText ?? "" })).toMatchObject({
      ok: false,
      fieldErrors: { valueKind: "Đã có số liệu báo cáo: giữ cách nhập cũ." },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("deletes a draft plan without figures, audited", async () => {
    const actor = await actAs("hanhdung.canbo");
    const { id } = await ok(createPlan, { title: "Nhập nhầm", kind: "OTHER", year: "2026" });
    await ok(addTask, { planId: id, content: "Một nhiệm vụ" });
    await ok(deletePlan, { planId: id });
    expect(await t.db.plan.findUnique({ where: { id } })).toBeNull();
    expect(await t.db.auditLog.findFirst({ where: { entityId: id, action: "delete", userId: actor!.id } })).toMatchObject({ before: { title: "Nhập nhầm", tasks: 1 } });
    // A returned plan has been up to the reviewers once: its history stays.
    const { planId } = await planWithRows();
    await t.db.plan.update({ where: { id: planId }, data: { status: "RETURNED" } });
    await actAs("hanhdung.canbo");
    expect(await call(deletePlan, { planId })).toMatchObject({ ok: false, error: expect.stringContaining("lịch sử xét duyệt phải được giữ lại") });
  });
});
