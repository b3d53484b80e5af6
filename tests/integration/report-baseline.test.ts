// Issue 17: a target judged against last year ("giảm so với năm trước") whose plan does not give
// last year's figure: the chairman gives it once from the report page, and the status then works.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, actorFor } from "../support/actors";
import { setIndicatorBaseline } from "@/server/reports/baseline-actions";
import { loadReport } from "@/server/reports/queries";
import { buildDashboard } from "@/server/dashboard/queries";

const t = setupTestDb();

const ROW = "Tinh giản bộ máy";

async function statusOfRow(quarter: number) {
  const actor = await actorFor("taythuan.chutich");
  const d = buildDashboard(await loadReport(actor, actor.orgUnitId, 2025, quarter, { details: false }), quarter, "2025-12-31");
  return d.indicators.find((i) => i.name.startsWith(ROW))!;
}

describe("last year's figure asked on the report page", () => {
  it("the demo plan lacks it: the row cannot be judged", async () => {
    const row = await statusOfRow(4);
    expect(row.status).toBe("NO_DATA");
    expect(row.result.reason).toMatch(/chưa có số liệu năm trước/);
  });

  it("only the chairman gives it, for his own commune; the clerk and another commune's chairman are refused", async () => {
    const ind = await t.db.indicator.findFirstOrThrow({ where: { name: { startsWith: ROW }, plan: { commune: { name: "Xã Tây Thuận" } } } });
    await actAs("taythuan.canbo");
    expect(await setIndicatorBaseline({ indicatorId: ind.id, value: "7" })).toMatchObject({ ok: false, error: "Bạn không có quyền thực hiện thao tác này." });
    await actAs("hanhdung.chutich");
    expect(await setIndicatorBaseline({ indicatorId: ind.id, value: "7" })).toMatchObject({ ok: false, error: "Bạn chỉ được xem và thay đổi dữ liệu của xã mình." });
    expect((await t.db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).baselineValue).toBeNull();
  });

  it("refuses what is not a figure, with the reason at the field, and writes nothing", async () => {
    const ind = await t.db.indicator.findFirstOrThrow({ where: { name: { startsWith: ROW }, plan: { commune: { name: "Xã Tây Thuận" } } } });
    await actAs("taythuan.chutich");
    expect(await setIndicatorBaseline({ indicatorId: ind.id, value: "abc" })).toMatchObject({ ok: false, fieldErrors: { value: "Phải là một số." } });
    expect(await setIndicatorBaseline({ indicatorId: ind.id, value: "-3" })).toMatchObject({ ok: false, fieldErrors: { value: "Không được là số âm." } });
    const rank = await t.db.indicator.findFirstOrThrow({ where: { targetRule: "BETTER_RANK", plan: { commune: { name: "Xã Tây Thuận" } } } });
    await t.db.indicator.update({ where: { id: rank.id }, data: { baselineValue: null } });
    expect(await setIndicatorBaseline({ indicatorId: rank.id, value: "12,5" })).toMatchObject({ ok: false, fieldErrors: { value: "Thứ hạng là số nguyên từ 1 trở lên." } });
    await t.db.indicator.update({ where: { id: rank.id }, data: { baselineValue: 14 } });
    const plain = await t.db.indicator.findFirstOrThrow({ where: { targetRule: "AT_LEAST", plan: { commune: { name: "Xã Tây Thuận" } } } });
    expect(await setIndicatorBaseline({ indicatorId: plain.id, value: "5" })).toMatchObject({ ok: false, error: "Chỉ tiêu này không so sánh với năm trước." });
    expect((await t.db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).baselineValue).toBeNull();
  });

  it("is saved once, audited, and the row is judged against it; a second answer is refused", async () => {
    const ind = await t.db.indicator.findFirstOrThrow({ where: { name: { startsWith: ROW }, plan: { commune: { name: "Xã Tây Thuận" } } } });
    await actAs("taythuan.chutich");
    expect(await setIndicatorBaseline({ indicatorId: ind.id, value: "7" })).toMatchObject({ ok: true, data: { value: 7, label: "Số liệu năm 2024" } });
    expect((await t.db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).baselineValue?.toNumber()).toBe(7);
    const log = await t.db.auditLog.findFirstOrThrow({ where: { entityId: ind.id, action: "set-baseline" }, include: { user: true } });
    expect([log.user?.username, log.before, log.after]).toEqual(["taythuan.chutich", { baselineValue: null }, { baselineValue: 7 }]);

    const row = await statusOfRow(4);
    expect(row.status).not.toBe("NO_DATA");
    expect(row.result.reason).toMatch(/năm trước \(7\)/);

    expect(await setIndicatorBaseline({ indicatorId: ind.id, value: "9" })).toMatchObject({ ok: false, error: "Số liệu năm 2024 đã có (7); sửa trong kế hoạch nếu cần." });
    expect((await t.db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).baselineValue?.toNumber()).toBe(7);
  });
});
