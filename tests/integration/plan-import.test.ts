// Importing a plan against a real database: the preview writes nothing, the confirm writes
// the corrected plan as a draft of the actor's own commune in one transaction, and a
// tampered plan from the browser is refused in Vietnamese with nothing written.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, actorFor } from "../support/actors";
import { seedDocx, seedText } from "../support/seed-documents";
import { confirmPlanImport, previewPlanImport, type PlanPreview } from "@/server/plans/import-actions";
import type { ParsedIndicator, ParsedPlan, ParsedTask } from "@/domain/plan-import";

const t = setupTestDb();
const HANH_DUNG = "hanh-dung-2025-tthc-control-plan.txt";

async function counts() {
  return {
    plans: await t.db.plan.count(),
    sections: await t.db.planSection.count(),
    tasks: await t.db.task.count(),
    indicators: await t.db.indicator.count(),
    units: await t.db.responsibleUnit.count(),
    audit: await t.db.auditLog.count(),
  };
}

function form(fields: Record<string, string | Blob>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

async function preview(fields: Record<string, string | Blob>): Promise<PlanPreview> {
  const result = await previewPlanImport(form(fields));
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("plan import", () => {
  it("the preview reads pasted text and writes nothing", async () => {
    await actAs("hanhdung.canbo");
    const before = await counts();
    const data = await preview({ text: seedText(HANH_DUNG) });
    expect(data.plan.title).toMatch(/kiểm soát thủ tục hành chính năm 2025/);
    expect(data.plan.rows.filter((r) => r.type === "task")).toHaveLength(22);
    expect(data.sourceName).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("the preview reads an uploaded .docx the same way, and refuses other files in Vietnamese", async () => {
    await actAs("hanhdung.canbo");
    const fromText = await preview({ text: seedText(HANH_DUNG) });
    const docx = await seedDocx(seedText(HANH_DUNG));
    const fromFile = await preview({ file: new File([new Uint8Array(docx)], "Kế hoạch KSTTHC.docx") });
    expect(fromFile.sourceName).toBe("Kế hoạch KSTTHC.docx");
    expect(fromFile.plan.rows.map((r) => r.code)).toEqual(fromText.plan.rows.map((r) => r.code));

    const pdf = await previewPlanImport(form({ file: new File(["%PDF-1.4\n%%EOF"], "ke-hoach.pdf") }));
    expect(pdf).toMatchObject({ ok: false, error: expect.stringContaining("Chỉ nhận tệp Word (.docx) hoặc Excel (.xlsx)") });
    const empty = await previewPlanImport(form({ text: "   " }));
    expect(empty).toMatchObject({ ok: false, error: expect.stringContaining("Vui lòng dán nội dung kế hoạch") });
  });

  it("confirm writes the corrected plan as a draft of the actor's commune, with new units and an audit entry", async () => {
    const actor = await actAs("hanhdung.canbo");
    const { plan, sourceText } = await preview({ text: seedText(HANH_DUNG) });
    const edited = clone(plan);
    edited.title = "Kế hoạch kiểm soát TTHC 2025 (nhập thử)";
    // The clerk names the lead unit the parser could not find, with a unit the commune lacks.
    const task15 = edited.rows.find((r): r is ParsedTask => r.type === "task" && r.code === "15")!;
    task15.leadUnits = ["Công chức Tư pháp - Hộ tịch xã mới"];
    // ...and drops the last indicator.
    edited.rows.pop();
    // A commune id or a commune name from the browser changes nothing.
    (edited as unknown as Record<string, unknown>).communeId = (await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Tân Đức" } })).id;
    edited.communeName = "Tân Đức";

    const before = await counts();
    const result = await confirmPlanImport({ plan: edited, sourceText, sourceName: null });
    expect(result).toMatchObject({ ok: true, message: "Đã lưu kế hoạch dưới dạng bản nháp." });
    if (!result.ok) return;
    const saved = await t.db.plan.findUniqueOrThrow({
      where: { id: result.data.planId },
      include: { tasks: { include: { leadUnit: true } }, indicators: true, sections: true },
    });
    expect(saved).toMatchObject({ communeId: actor!.orgUnitId, status: "DRAFT", title: edited.title, year: 2025, isDemo: false, documentNumber: "48/QĐ-UBND" });
    // 11 indicators read (the appendix's 10 and the share task 7 states), less the one dropped.
    expect([saved.sections.length, saved.tasks.length, saved.indicators.length]).toEqual([11, 22, 10]);
    expect(saved.tasks.find((x) => x.code === "15")!.leadUnit!.name).toBe("Công chức Tư pháp - Hộ tịch xã mới");
    expect(saved.sourceText).toBe(sourceText);
    const after = await counts();
    expect(after.plans).toBe(before.plans + 1);
    expect(after.units).toBe(before.units + 1);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: saved.id } });
    expect(audit).toMatchObject({ userId: actor!.id, communeId: actor!.orgUnitId, action: "import", after: { createdUnits: ["Công chức Tư pháp - Hộ tịch xã mới"] } });
  });

  it("a malformed plan is refused in Vietnamese and nothing is written", async () => {
    await actAs("hanhdung.canbo");
    const { plan } = await preview({ text: seedText(HANH_DUNG) });
    const tamper = (f: (p: ParsedPlan) => void) => {
      const p = clone(plan);
      f(p);
      return p;
    };
    const cases: [string, ParsedPlan, RegExp][] = [
      ["bad plan kind", tamper((p) => ((p as { kind: string }).kind = "EVIL")), /Loại kế hoạch không hợp lệ/],
      ["bad target rule", tamper((p) => ((p.rows.find((r) => r.type === "indicator") as ParsedIndicator).target.rule = "ALL" as never)), /Cách hiểu chỉ tiêu phấn đấu không hợp lệ/],
      ["parent after the row", tamper((p) => (p.rows[1].parentIndex = 5)), /mục chứa dòng phải là một mục đứng trước dòng/],
      ["parent out of range", tamper((p) => (p.rows[1].parentIndex = 99999)), /mục chứa dòng phải là một mục đứng trước dòng/],
      ["parent is a task", tamper((p) => (p.rows[2].parentIndex = 1)), /mục chứa dòng phải là một mục/],
      ["negative index", tamper((p) => (p.rows[2].parentIndex = -1)), /Mục chứa dòng không hợp lệ/],
      ["huge content", tamper((p) => ((p.rows[1] as ParsedTask).content = "x".repeat(200_000))), /Nội dung nhiệm vụ: tối đa 5000 ký tự/],
      ["empty content", tamper((p) => ((p.rows[1] as ParsedTask).content = "  ")), /Nội dung nhiệm vụ: bắt buộc nhập/],
      ["too many units", tamper((p) => ((p.rows[1] as ParsedTask).coordinatingUnits = Array.from({ length: 500 }, (_, i) => `Đơn vị ${i}`))), /tối đa 30 đơn vị/],
      ["bad due date", tamper((p) => ((p.rows[1] as ParsedTask).deadline.dueDate = "2025-02-31")), /Hạn hoàn thành không hợp lệ/],
      ["no year", tamper((p) => (p.year = null)), /Năm kế hoạch/],
      ["no rows", tamper((p) => (p.rows = [])), /chưa có mục, nhiệm vụ hay chỉ tiêu/],
      ["unknown row type", tamper((p) => ((p.rows[1] as { type: string }).type = "script")), /Loại dòng không hợp lệ/],
    ];
    const before = await counts();
    for (const [label, bad, message] of cases) {
      const result = await confirmPlanImport({ plan: bad, sourceText: null, sourceName: null });
      expect(result.ok, label).toBe(false);
      if (result.ok) continue;
      expect(result.error, label).toBe("Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.");
      expect(Object.values(result.fieldErrors ?? {}).join(" | "), label).toMatch(message);
    }
    const huge = await confirmPlanImport({ plan, sourceText: "x".repeat(2_000_001), sourceName: null });
    expect(huge).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
  });

  it("a reviewer, an admin and a signed-out visitor may not import", async () => {
    const { plan } = await (async () => {
      await actAs("hanhdung.canbo");
      return preview({ text: seedText(HANH_DUNG) });
    })();
    const before = await counts();
    for (const user of ["nghiahanh.thamdinh", "admin"]) {
      await actAs(user);
      const result = await confirmPlanImport({ plan, sourceText: null, sourceName: null });
      expect(result).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
      expect(await previewPlanImport(form({ text: "STT\tNội dung" }))).toMatchObject({ ok: false });
    }
    await actAs(null);
    expect(await confirmPlanImport({ plan, sourceText: null, sourceName: null })).toMatchObject({ ok: false, error: expect.stringContaining("đăng nhập") });
    expect(await counts()).toEqual(before);
  });

  it("the same plan from a chairman of another commune goes to that commune", async () => {
    const { plan } = await (async () => {
      await actAs("hanhdung.canbo");
      return preview({ text: seedText(HANH_DUNG) });
    })();
    const chairman = await actorFor("tanduc.chutich");
    await actAs("tanduc.chutich");
    const result = await confirmPlanImport({ plan, sourceText: null, sourceName: "x.docx" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = await t.db.plan.findUniqueOrThrow({ where: { id: result.data.planId } });
    expect(saved.communeId).toBe(chairman.orgUnitId);
    // Its units are Tân Đức's own, created for it, never Hành Dũng's.
    const units = await t.db.task.findMany({ where: { planId: saved.id, leadUnitId: { not: null } }, select: { leadUnit: { select: { communeId: true } } } });
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units.map((u) => u.leadUnit!.communeId))).toEqual(new Set([chairman.orgUnitId]));
  });
});
