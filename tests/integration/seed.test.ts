// The demo seed loads the four real plans, every row of each, placed where their documents
// put them; and it is idempotent-safe (refuses to run twice through isDatabaseEmpty).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../support/db";
import fs from "node:fs";
import path from "node:path";
import { DEMO_COMMUNES, DEMO_DOCS_DIR, isDatabaseEmpty, seedDemo } from "@/server/seed/demo";
import { GOLDEN } from "../unit/plan-import/golden";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  expect(await isDatabaseEmpty(t.db)).toBe(true);
  await seedDemo(t.db);
});
afterAll(async () => t.close());

describe("demo seed", () => {
  it("places each commune where its document puts it", async () => {
    const chain = async (name: string) => {
      const names: string[] = [];
      let unit = await t.db.orgUnit.findFirstOrThrow({ where: { name } });
      names.push(`${unit.level}:${unit.name}`);
      while (unit.parentId) {
        unit = await t.db.orgUnit.findUniqueOrThrow({ where: { id: unit.parentId } });
        names.push(`${unit.level}:${unit.name}`);
      }
      return names;
    };
    expect(await chain("Xã Tân Đức")).toEqual(["COMMUNE:Xã Tân Đức", "DISTRICT:Huyện Phú Bình", "PROVINCE:Tỉnh Thái Nguyên"]);
    expect(await chain("Xã Hành Dũng")).toEqual(["COMMUNE:Xã Hành Dũng", "DISTRICT:Huyện Nghĩa Hành", "PROVINCE:Tỉnh Quảng Ngãi"]);
    expect(await chain("Xã Diên Khánh")).toEqual(["COMMUNE:Xã Diên Khánh", "PROVINCE:Tỉnh Khánh Hòa"]);
    const tayThuan = await chain("Xã Tây Thuận");
    expect(tayThuan[1]).toMatch(/^DISTRICT:.*dữ liệu mẫu/);
    const placeholder = await t.db.orgUnit.findFirstOrThrow({ where: { name: tayThuan[1].split(":")[1] } });
    expect(placeholder.isPlaceholder).toBe(true);
  });

  it("loads every section, task and indicator of the four documents", async () => {
    for (const c of DEMO_COMMUNES) {
      const golden = GOLDEN[c.file];
      const plan = await t.db.plan.findFirstOrThrow({
        where: { commune: { name: c.name } },
        include: { _count: { select: { sections: true, tasks: true, indicators: true } } },
      });
      expect({ file: c.file, ...plan._count }).toEqual({ file: c.file, sections: golden.sections, tasks: golden.tasks, indicators: golden.indicators });
      expect(plan).toMatchObject({ year: golden.year, kind: golden.kind, title: golden.title, documentNumber: golden.documentNumber, isDemo: true });
      expect(plan.documentDate?.toISOString().slice(0, 10) ?? null).toBe(golden.documentDate);
      expect(plan.sourceText).toBe(fs.readFileSync(path.join(DEMO_DOCS_DIR, c.file), "utf8"));
    }
  });

  it("keeps targets, units and deadlines as the documents give them", async () => {
    const hanhDung = await t.db.indicator.findFirstOrThrow({
      where: { plan: { commune: { name: "Xã Hành Dũng" } }, name: { startsWith: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC" } },
    });
    expect([hanhDung.code, hanhDung.targetText, hanhDung.targetRule, hanhDung.targetValue?.toNumber(), hanhDung.measurementUnit, hanhDung.valueKind]).toEqual([
      "4",
      "Tối thiểu 60",
      "AT_LEAST",
      60,
      "%",
      "RATIO",
    ]);

    const par = await t.db.indicator.findFirstOrThrow({ where: { plan: { commune: { name: "Xã Tây Thuận" } }, code: "1.1" }, include: { monitoringUnit: true } });
    expect([par.targetText, par.targetRule, par.group, par.valueKind]).toEqual(["Có vị trí cải thiện so với năm 2024", "BETTER_RANK", "PAR_INDEX", "RANK"]);
    expect(par.monitoringUnit?.name).toBe("Văn phòng UBND xã");

    const subRows = await t.db.indicator.count({ where: { plan: { commune: { name: "Xã Tây Thuận" } }, parentId: { not: null } } });
    expect(subRows).toBeGreaterThanOrEqual(8);

    const task = await t.db.task.findFirstOrThrow({ where: { plan: { commune: { name: "Xã Tân Đức" } }, code: "7.3.2" } });
    expect([task.deadlineText, task.deadlineKind, task.dueDate?.toISOString().slice(0, 10)]).toEqual(["Quý III năm 2024", "PERIOD", "2024-09-30"]);

    const dk = await t.db.task.findFirstOrThrow({
      where: { plan: { commune: { name: "Xã Diên Khánh" } }, content: { startsWith: "Báo cáo kiểm tra, xử lý, rà soát, hệ thống hóa văn bản" } },
      include: { leadUnit: true },
    });
    expect([dk.deadlineKind, dk.dueDate?.toISOString().slice(0, 10), dk.leadUnit?.name]).toEqual(["DATE", "2025-12-15", "Văn phòng HĐND và UBND xã"]);
  });

  it("has demo users for each role and commune, and reviewers for every unit above a commune", async () => {
    for (const c of DEMO_COMMUNES) {
      const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: c.name } });
      const roles = (await t.db.user.findMany({ where: { orgUnitId: commune.id } })).map((u) => u.role).sort();
      expect(roles).toEqual(["CHAIRMAN", "COMMUNE_STAFF"]);
      const parent = await t.db.orgUnit.findUniqueOrThrow({ where: { id: commune.parentId! } });
      expect(await t.db.user.count({ where: { orgUnitId: parent.id, role: "REVIEWER" } })).toBe(1);
    }
    expect(await t.db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("marks its figures as demo figures", async () => {
    const values = await t.db.indicatorValue.count();
    expect(values).toBeGreaterThan(50);
    expect(await t.db.indicatorValue.count({ where: { isDemo: false } })).toBe(0);
    expect(await t.db.taskProgress.count({ where: { isDemo: false } })).toBe(0);
  });
});
