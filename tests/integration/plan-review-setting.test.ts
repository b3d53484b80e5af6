// Issue 14: the per-province setting "the province reviews commune plans", set by the admin.
// Turned off, plans waiting for review come into force (a version kept) and their communes may
// report against them; the change is audited; nobody else may make it.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { setProvinceReviewsPlans } from "@/server/admin/plan-review";
import { adminPlanReview } from "@/server/admin/queries";
import { provinceReviewsPlans } from "@/server/plans/in-force";

const t = setupTestDb();
let provinceId: string;
let communeId: string;
let planId: string;

beforeAll(async () => {
  const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" }, include: { parent: true } });
  communeId = commune.id;
  provinceId = commune.parent!.level === "PROVINCE" ? commune.parent!.id : commune.parent!.parentId!;
  // A plan issued by the commune and waiting for the district's review: not in force.
  const plan = await t.db.plan.findFirstOrThrow({ where: { communeId } });
  planId = plan.id;
  await t.db.plan.update({ where: { id: planId }, data: { status: "SUBMITTED", versionNo: 0, inForceAt: null } });
  await t.db.planVersion.deleteMany({ where: { planId } });
});

const set = (value: string) => setProvinceReviewsPlans(null, formData({ provinceId, reviewsPlans: value }));

describe("the province reviews commune plans (admin setting)", () => {
  it("only the admin may change it; the input is validated", async () => {
    await actAs("nghiahanh.thamdinh");
    expect(await set("false")).toMatchObject({ ok: false });
    await actAs("hanhdung.chutich");
    expect(await set("false")).toMatchObject({ ok: false });
    await actAs("admin");
    expect(await set("maybe")).toMatchObject({ ok: false, fieldErrors: { reviewsPlans: expect.any(String) } });
    const commune = await t.db.orgUnit.findFirstOrThrow({ where: { level: "COMMUNE" } });
    expect(await setProvinceReviewsPlans(null, formData({ provinceId: commune.id, reviewsPlans: "false" }))).toMatchObject({ ok: false, error: "Không tìm thấy tỉnh." });
    expect(await provinceReviewsPlans(t.db, communeId)).toBe(true);
  });

  it("turned off, the plan waiting for review comes into force with its version, and the change is audited", async () => {
    const admin = await actAs("admin");
    const before = (await adminPlanReview(admin!)).find((p) => p.id === provinceId)!;
    expect(before).toMatchObject({ reviewsPlans: true });
    expect(before.waitingPlans).toBeGreaterThanOrEqual(1);
    expect(await set("false")).toMatchObject({ ok: true, data: { broughtIntoForce: before.waitingPlans } });
    expect(await provinceReviewsPlans(t.db, communeId)).toBe(false);
    expect(await t.db.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ status: "SUBMITTED", versionNo: 1 });
    expect(await t.db.planVersion.count({ where: { planId, versionNo: 1 } })).toBe(1);
    const log = await t.db.auditLog.findFirstOrThrow({ where: { entityId: provinceId, action: "reviewsPlans" }, orderBy: { createdAt: "desc" } });
    expect(log.before).toEqual({ reviewsPlans: true });
    expect(log.after).toMatchObject({ reviewsPlans: false });
    expect((await adminPlanReview(admin!)).find((p) => p.id === provinceId)).toMatchObject({ reviewsPlans: false });
  });

  it("turned on again, the plan stays in force (its version), and saving the same value changes nothing", async () => {
    await actAs("admin");
    expect(await set("true")).toMatchObject({ ok: true, data: { broughtIntoForce: 0 } });
    expect(await provinceReviewsPlans(t.db, communeId)).toBe(true);
    expect(await t.db.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ versionNo: 1 });
    const logs = await t.db.auditLog.count({ where: { entityId: provinceId, action: "reviewsPlans" } });
    expect(await set("true")).toMatchObject({ ok: true });
    expect(await t.db.auditLog.count({ where: { entityId: provinceId, action: "reviewsPlans" } })).toBe(logs);
  });
});
