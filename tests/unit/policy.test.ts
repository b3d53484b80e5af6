import { describe, expect, it } from "vitest";
import { can, refusal, REFUSAL, type Principal } from "@/domain/policy";
import { homeFor, navFor } from "@/components/layout/nav";

const clerk: Principal = { role: "COMMUNE_STAFF", orgLevel: "COMMUNE", orgUnitId: "xa-a", canSubmit: false };
const delegated: Principal = { ...clerk, canSubmit: true };
const chairman: Principal = { role: "CHAIRMAN", orgLevel: "COMMUNE", orgUnitId: "xa-a", canSubmit: false };
const reviewer: Principal = { role: "REVIEWER", orgLevel: "DISTRICT", orgUnitId: "huyen", canSubmit: false };
const admin: Principal = { role: "ADMIN", orgLevel: "PROVINCE", orgUnitId: "tinh", canSubmit: false };

describe("who may do what", () => {
  it("keeps the commune dashboard to the commune's own users (reviewers were granted it, then refused by the page)", () => {
    expect(can(chairman, "dashboard.read")).toBe(true);
    expect(refusal(reviewer, "dashboard.read")).toBe(REFUSAL.role);
    expect(can(admin, "dashboard.read")).toBe(false);
  });

  it("lets the chairman submit, and staff only when the chairman allowed it", () => {
    expect(can(chairman, "report.submit")).toBe(true);
    expect(refusal(clerk, "report.submit")).toBe(REFUSAL.submitter);
    expect(can(delegated, "plan.submit", { communeId: "xa-a" })).toBe(true);
    expect(refusal(delegated, "plan.submit", { communeId: "xa-b" })).toBe(REFUSAL.submitOther);
  });

  it("limits commune users to their own commune and reviewers to the communes they oversee", () => {
    expect(refusal(clerk, "report.read", { communeId: "xa-b" })).toBe(REFUSAL.otherCommune);
    expect(can(clerk, "report.read", { communeId: "xa-a" })).toBe(true);
    expect(can(reviewer, "report.read", { communeId: "xa-a", overseen: ["xa-a"] })).toBe(true);
    expect(refusal(reviewer, "report.read", { communeId: "xa-b", overseen: ["xa-a"] })).toBe(REFUSAL.notOverseen);
    expect(refusal(reviewer, "report.read", { communeId: "xa-a" })).toBe(REFUSAL.notOverseen);
  });

  it("never lets a non-commune user write a commune's data, whatever role table says", () => {
    const oddChairman: Principal = { ...chairman, orgLevel: "DISTRICT" };
    expect(refusal(oddChairman, "report.write")).toBe(REFUSAL.communeOnly);
  });
});

describe("the menu offers what the policy allows", () => {
  it("gives each role its pages, home first", () => {
    expect(navFor(clerk).map((i) => i.href)).toEqual(["/viec-can-lam", "/tong-quan", "/bao-cao", "/ke-hoach", "/cham-diem", "/khao-sat", "/don-vi", "/tai-khoan"]);
    expect(homeFor(clerk)).toBe("/viec-can-lam");
    expect(navFor(reviewer).map((i) => i.label)).toEqual(["Các xã", "Nộp báo cáo", "So sánh", "Kế hoạch các xã", "Chấm điểm CCHC", "Tài khoản"]);
    expect(homeFor(admin)).toBe("/quan-tri");
    expect(navFor(admin).map((i) => i.href)).toContain("/xet-duyet");
  });
});
