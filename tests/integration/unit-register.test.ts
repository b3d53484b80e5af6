// The commune's register of responsible units against a real database: the demo registers are
// one unit per office with every plan row on them; merging A into B moves every row, link and
// user, keeps A's name as B's alias and the history; renaming keeps the old name as an alias.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { DEMO_COMMUNES } from "@/server/seed/demo";
import { DEMO_UNIT_REGISTERS } from "@/server/seed/unit-registers";
import { mergeUnits, updateUnit, createUnit } from "@/server/units/actions";
import { resolveUnitIds } from "@/server/plans/save-parsed-plan";
import { loadDashboard } from "@/server/dashboard/queries";
import { actorFor } from "../support/actors";

const t = setupTestDb();

async function commune(name: string) {
  return t.db.orgUnit.findFirstOrThrow({ where: { name } });
}

async function unitNamed(communeId: string, name: string) {
  return t.db.responsibleUnit.findFirstOrThrow({ where: { communeId, name, mergedIntoId: null } });
}

/** Every link a unit has to plan rows and users, as comparable sets. */
async function linksOf(unitIds: string[]) {
  const [lead, coord, monitor, impl, users] = await Promise.all([
    t.db.task.findMany({ where: { leadUnitId: { in: unitIds } }, select: { id: true } }),
    t.db.taskCoordinatingUnit.findMany({ where: { unitId: { in: unitIds } }, select: { taskId: true } }),
    t.db.indicator.findMany({ where: { monitoringUnitId: { in: unitIds } }, select: { id: true } }),
    t.db.indicatorImplementingUnit.findMany({ where: { unitId: { in: unitIds } }, select: { indicatorId: true } }),
    t.db.user.findMany({ where: { responsibleUnitId: { in: unitIds } }, select: { id: true } }),
  ]);
  const set = (xs: string[]) => [...new Set(xs)].sort();
  return {
    lead: set(lead.map((r) => r.id)),
    coord: set(coord.map((r) => r.taskId)),
    monitor: set(monitor.map((r) => r.id)),
    impl: set(impl.map((r) => r.indicatorId)),
    users: set(users.map((r) => r.id)),
  };
}

describe("demo registers", () => {
  it.each(DEMO_COMMUNES.map((c) => [c.name, c.key] as const))("%s: one unit per office, no unit made up by the import", async (name, key) => {
    const c = await commune(name);
    const units = await t.db.responsibleUnit.findMany({ where: { communeId: c.id }, select: { name: true } });
    expect(units.map((u) => u.name).sort()).toEqual(DEMO_UNIT_REGISTERS[key].map((u) => u.name).sort());
  });

  it("every task with a lead unit cell points at a register unit", async () => {
    const unlinked = await t.db.task.findMany({ where: { leadUnitText: { not: null }, leadUnitId: null, plan: { isDemo: true } }, select: { code: true, leadUnitText: true } });
    expect(unlinked).toEqual([]);
  });
});

describe("merging units", () => {
  it("moves every row, link and user of A to B, makes A's name an alias of B, keeps the history", async () => {
    const c = await commune("Xã Hành Dũng");
    const a = await unitNamed(c.id, "Công chức Văn hóa - Xã hội");
    const b = await unitNamed(c.id, "Đài truyền thanh xã");
    // A user of A, so users move too.
    const staff = await t.db.user.findFirstOrThrow({ where: { username: "hanhdung.canbo" } });
    await t.db.user.update({ where: { id: staff.id }, data: { responsibleUnitId: a.id } });
    const before = await linksOf([a.id, b.id]);
    const beforeA = await linksOf([a.id]);
    expect(beforeA.lead.length + beforeA.coord.length).toBeGreaterThan(0);
    const valuesBefore = await t.db.indicatorValue.count();
    const progressBefore = await t.db.taskProgress.count();

    await actAs("hanhdung.chutich");
    const result = await mergeUnits(null, formData({ sourceId: a.id, targetId: b.id }));
    expect(result.ok, JSON.stringify(result)).toBe(true);

    const afterB = await linksOf([b.id]);
    const afterA = await linksOf([a.id]);
    expect(afterA).toEqual({ lead: [], coord: [], monitor: [], impl: [], users: [] });
    expect(afterB.lead).toEqual(before.lead);
    // A task B leads does not also list B as coordinating.
    expect(afterB.coord).toEqual(before.coord.filter((id) => !afterB.lead.includes(id)));
    expect(afterB.monitor).toEqual(before.monitor);
    expect(afterB.impl).toEqual(before.impl);
    expect(afterB.users).toEqual(before.users);
    expect(await t.db.indicatorValue.count()).toBe(valuesBefore);
    expect(await t.db.taskProgress.count()).toBe(progressBefore);

    const merged = await t.db.responsibleUnit.findUniqueOrThrow({ where: { id: a.id } });
    expect(merged.mergedIntoId).toBe(b.id);
    const target = await t.db.responsibleUnit.findUniqueOrThrow({ where: { id: b.id } });
    expect(target.aliases).toEqual(expect.arrayContaining(["Công chức Văn hóa - Xã hội", "Văn hóa - Xã hội"]));
    const history = await t.db.auditLog.findMany({ where: { entity: "ResponsibleUnit", entityId: { in: [a.id, b.id] }, action: { in: ["merge", "merge-in"] } } });
    expect(history.map((h) => h.action).sort()).toEqual(["merge", "merge-in"]);

    // The next document that writes A's name lands on B.
    const { byName, created } = await t.db.$transaction((tx) => resolveUnitIds(tx, c.id, ["Công chức Văn hoá – Xã hội", "Văn hóa - Xã hội"]));
    expect(created).toEqual([]);
    expect([...byName.values()]).toEqual([b.id, b.id]);

    // The dashboard's per-unit table of a period still open has one row for B and none for A
    // (an approved quarter keeps what it was approved with: issue 14).
    const chairman = await actorFor("hanhdung.chutich");
    const d = await loadDashboard(chairman, c.id, 2025, 3, "2025-09-15");
    expect(d.byUnit.filter((u) => u.unitName === "Công chức Văn hóa - Xã hội")).toEqual([]);
    expect(d.byUnit.filter((u) => u.unitId === b.id)).toHaveLength(1);
  });

  it("refuses merging a unit of another commune, and a unit into itself, writing nothing", async () => {
    const own = await commune("Xã Hành Dũng");
    const other = await commune("Xã Diên Khánh");
    const a = await unitNamed(own.id, "Công chức Tư pháp - Hộ tịch");
    const foreign = await unitNamed(other.id, "Phòng Kinh tế");
    await actAs("hanhdung.chutich");
    const auditBefore = await t.db.auditLog.count();
    const cross = await mergeUnits(null, formData({ sourceId: a.id, targetId: foreign.id }));
    expect(cross.ok).toBe(false);
    const self = await mergeUnits(null, formData({ sourceId: a.id, targetId: a.id }));
    expect(self.ok).toBe(false);
    expect(await t.db.auditLog.count()).toBe(auditBefore);
    expect((await t.db.responsibleUnit.findUniqueOrThrow({ where: { id: a.id } })).mergedIntoId).toBeNull();
  });
});

describe("editing the register", () => {
  it("a rename keeps the old name as an alias; a stale version is refused", async () => {
    const c = await commune("Xã Tây Thuận");
    const u = await unitNamed(c.id, "Văn phòng UBND xã");
    await actAs("taythuan.chutich");
    const ok = await updateUnit(null, formData({ id: u.id, version: String(u.version), name: "Văn phòng HĐND và UBND xã", kind: "OFFICE", active: "on" }));
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    const after = await t.db.responsibleUnit.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.name).toBe("Văn phòng HĐND và UBND xã");
    expect(after.aliases).toEqual(["Văn phòng UBND xã"]);
    const { byName } = await t.db.$transaction((tx) => resolveUnitIds(tx, c.id, ["Văn phòng HĐND-UBND xã", "Văn phòng UBND"]));
    expect(byName.get("Văn phòng HĐND-UBND xã")).toBe(u.id);
    expect(byName.get("Văn phòng UBND")).toBe(u.id);

    const stale = await updateUnit(null, formData({ id: u.id, version: String(u.version), name: "Văn phòng", kind: "OFFICE", active: "on" }));
    expect(stale.ok).toBe(false);
  });

  it("refuses a new unit whose name another unit already answers to", async () => {
    const c = await commune("Xã Tây Thuận");
    await actAs("taythuan.chutich");
    const dup = await createUnit(null, formData({ communeId: c.id, name: "Bộ phận TN và TKQ xã", kind: "ONE_STOP" }));
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatch(/gộp/);
  });
});

describe("mapping a phrase once in the preview", () => {
  const TEXT = [
    "KẾ HOẠCH Cải cách hành chính năm 2025",
    "",
    "STT\tNhiệm vụ cụ thể\tTiến độ\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả/sản phẩm",
    "I\tCÔNG TÁC CHỈ ĐẠO\t\t\t\t",
    "1\tBan hành kế hoạch tuyên truyền\tQuý I\tTổ CCHC xã\tPhòng Kinh tế\tKế hoạch",
    "2\tKiểm tra công vụ\tQuý II\tPhòng Kinh tế\tTổ CCHC xã\tBáo cáo",
  ].join("\n");

  it("the chosen unit takes every row that names the phrase, and remembers it as an alias", async () => {
    const { previewPlanImport, confirmPlanImport } = await import("@/server/plans/import-actions");
    const c = await commune("Xã Diên Khánh");
    const office = await unitNamed(c.id, "Văn phòng HĐND và UBND xã");
    await actAs("dienkhanh.canbo");
    const fd = new FormData();
    fd.append("text", TEXT);
    fd.append("year", "2025");
    const preview = await previewPlanImport(fd);
    expect(preview.ok, JSON.stringify(preview)).toBe(true);
    if (!preview.ok) return;
    const unitsBefore = await t.db.responsibleUnit.count({ where: { communeId: c.id } });
    const plan = { ...preview.data.plan, title: preview.data.plan.title || "Kế hoạch CCHC năm 2025" };
    const saved = await confirmPlanImport({ plan, sourceText: TEXT, sourceName: null, unitAliases: [{ phrase: "Tổ CCHC xã", unitId: office.id }] });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    if (!saved.ok) return;
    const tasks = await t.db.task.findMany({ where: { planId: saved.data.planId }, orderBy: { position: "asc" }, include: { coordinatingUnits: true } });
    expect(tasks[0].leadUnitId).toBe(office.id);
    expect(tasks[1].coordinatingUnits.map((u) => u.unitId)).toEqual([office.id]);
    expect(await t.db.responsibleUnit.count({ where: { communeId: c.id } })).toBe(unitsBefore);
    expect((await t.db.responsibleUnit.findUniqueOrThrow({ where: { id: office.id } })).aliases).toContain("Tổ CCHC xã");

    // A unit of another commune is refused, and nothing is written.
    const foreign = await unitNamed((await commune("Xã Tây Thuận")).id, "Đài truyền thanh xã");
    const plans = await t.db.plan.count();
    const refused = await confirmPlanImport({ plan, sourceText: TEXT, sourceName: null, unitAliases: [{ phrase: "Tổ công tác", unitId: foreign.id }] });
    expect(refused.ok).toBe(false);
    expect(await t.db.plan.count()).toBe(plans);
  });
});
