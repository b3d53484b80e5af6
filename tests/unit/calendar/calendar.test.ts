import { describe, expect, it } from "vitest";
import { daysLeft, quarterOf, recentQuarters, reportDueState, resolveDeadline, ruleDueDate, submittedOnTime, timeliness, vnDate, COMMON_RULE } from "@/domain/calendar";
import { digestEmail, emailBackoffMs, noticeFor, recipientsOf, type Person } from "@/domain/notifications";

describe("default rule", () => {
  it("is the 20th of the quarter's last month unless the province changes it", () => {
    expect([1, 2, 3, 4].map((q) => ruleDueDate(2025, q, COMMON_RULE))).toEqual(["2025-03-20", "2025-06-20", "2025-09-20", "2025-12-20"]);
  });
  it("can fall in the month after the quarter, crossing the year for Q4, and clamps to the month's end", () => {
    expect(ruleDueDate(2025, 4, { dayOfMonth: 5, monthOffset: 1 })).toBe("2026-01-05");
    expect(ruleDueDate(2025, 1, { dayOfMonth: 31, monthOffset: 0 })).toBe("2025-03-31");
    expect(ruleDueDate(2025, 2, { dayOfMonth: 31, monthOffset: 0 })).toBe("2025-06-30");
    expect(ruleDueDate(2024, 4, { dayOfMonth: 30, monthOffset: 2 })).toBe("2025-02-28");
  });
});

describe("resolveDeadline: one answer and where it comes from", () => {
  const province = { unitName: "Tỉnh Quảng Ngãi" };
  const district = { unitName: "Huyện Nghĩa Hành" };
  it("uses the common practice when the province set nothing", () => {
    const d = resolveDeadline({ year: 2025, quarter: 3, province, district });
    expect(d).toMatchObject({ dueDate: "2025-09-20", source: "COMMON_RULE", cutoffDate: null });
    expect(d.sourceText).toContain("theo thông lệ");
  });
  it("uses the province's own rule, then the province's date for the year", () => {
    expect(resolveDeadline({ year: 2025, quarter: 3, province: { ...province, rule: { dayOfMonth: 25, monthOffset: 0 } } })).toMatchObject({ dueDate: "2025-09-25", source: "PROVINCE_RULE" });
    const d = resolveDeadline({ year: 2025, quarter: 3, province: { ...province, dueDate: "2025-10-05", cutoffDate: "2025-09-15", rule: { dayOfMonth: 25, monthOffset: 0 } } });
    expect(d).toMatchObject({ dueDate: "2025-10-05", cutoffDate: "2025-09-15", source: "PROVINCE" });
    expect(d.sourceText).toBe("Hạn do Tỉnh Quảng Ngãi quy định cho Quý III/2025");
  });
  it("lets a district ask sooner, never later", () => {
    const earlier = resolveDeadline({ year: 2025, quarter: 3, province: { ...province, dueDate: "2025-10-05" }, district: { ...district, dueDate: "2025-09-30" } });
    expect(earlier).toMatchObject({ dueDate: "2025-09-30", source: "DISTRICT" });
    expect(earlier.sourceText).toContain("sớm hơn hạn của tỉnh 05/10/2025");
    const later = resolveDeadline({ year: 2025, quarter: 3, province: { ...province, dueDate: "2025-10-05" }, district: { ...district, dueDate: "2025-10-10" } });
    expect(later).toMatchObject({ dueDate: "2025-10-05", source: "PROVINCE" });
    // Earlier than the default rule counts as well.
    expect(resolveDeadline({ year: 2025, quarter: 1, province, district: { ...district, dueDate: "2025-03-15" } })).toMatchObject({ dueDate: "2025-03-15", source: "DISTRICT" });
  });
  it("works for a commune straight under the province (no district since July 2025)", () => {
    expect(resolveDeadline({ year: 2025, quarter: 4, province: { unitName: "Tỉnh Khánh Hòa" }, district: null })).toMatchObject({ dueDate: "2025-12-20" });
  });
});

describe("due soon and overdue at an injected date", () => {
  const due = "2025-09-20";
  it("counts whole days; the due day itself is not late", () => {
    expect(daysLeft(due, "2025-09-13")).toBe(7);
    expect(reportDueState(due, "2025-09-12", false)).toBe("UPCOMING");
    expect(reportDueState(due, "2025-09-13", false)).toBe("DUE_IN_7");
    expect(reportDueState(due, "2025-09-18", false)).toBe("DUE_IN_7");
    expect(reportDueState(due, "2025-09-19", false)).toBe("DUE_IN_1");
    expect(reportDueState(due, "2025-09-20", false)).toBe("DUE_IN_1");
    expect(reportDueState(due, "2025-09-21", false)).toBe("OVERDUE");
    expect(reportDueState(due, "2025-09-21", true)).toBe("SUBMITTED");
  });
  it("crosses month and year ends", () => {
    expect(daysLeft("2026-01-05", "2025-12-29")).toBe(7);
    expect(daysLeft("2025-03-01", "2025-02-28")).toBe(1);
  });
});

describe("Asia/Ho_Chi_Minh whatever the server's zone", () => {
  it("reads today and submissions in Vietnam time", () => {
    // 17:30 UTC on 20/09 is 00:30 on 21/09 in Vietnam.
    expect(vnDate(new Date("2025-09-20T17:30:00Z"))).toBe("2025-09-21");
    expect(vnDate(new Date("2025-09-20T16:59:59Z"))).toBe("2025-09-20");
    expect(submittedOnTime(new Date("2025-09-20T16:59:59Z"), "2025-09-20")).toBe(true);
    expect(submittedOnTime(new Date("2025-09-20T17:00:00Z"), "2025-09-20")).toBe(false);
    const plan = { hasPlan: true, planInForceSince: new Date("2025-01-20T00:00:00Z") };
    expect(timeliness({ due: "2025-09-20", firstSubmittedAt: null, today: "2025-09-21", ...plan })).toBe("MISSING");
    expect(timeliness({ due: "2025-09-20", firstSubmittedAt: new Date("2025-09-20T10:00:00Z"), today: "2026-01-01", ...plan })).toBe("ON_TIME");
  });
  it("does not depend on process.env.TZ", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["UTC", "America/Los_Angeles", "Asia/Tokyo"]) {
        process.env.TZ = tz;
        expect(vnDate(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
      }
    } finally {
      process.env.TZ = saved;
    }
  });
  it("knows the quarter and the recent quarters", () => {
    expect(quarterOf("2025-09-30")).toEqual({ year: 2025, quarter: 3 });
    expect(quarterOf("2025-10-01")).toEqual({ year: 2025, quarter: 4 });
    expect(recentQuarters(2026, 2, 4)).toEqual([
      { year: 2025, quarter: 3 },
      { year: 2025, quarter: 4 },
      { year: 2026, quarter: 1 },
      { year: 2026, quarter: 2 },
    ]);
  });
});

describe("who is told", () => {
  const people: Person[] = [
    { id: "clerk", role: "COMMUNE_STAFF", orgUnitId: "xa1", responsibleUnitId: null, active: true },
    { id: "unitUser", role: "COMMUNE_STAFF", orgUnitId: "xa1", responsibleUnitId: "tuphap", active: true },
    { id: "chair", role: "CHAIRMAN", orgUnitId: "xa1", responsibleUnitId: null, active: true },
    { id: "gone", role: "COMMUNE_STAFF", orgUnitId: "xa1", responsibleUnitId: null, active: false },
    { id: "otherClerk", role: "COMMUNE_STAFF", orgUnitId: "xa2", responsibleUnitId: null, active: true },
    { id: "district", role: "REVIEWER", orgUnitId: "huyen", responsibleUnitId: null, active: true },
    { id: "province", role: "REVIEWER", orgUnitId: "tinh", responsibleUnitId: null, active: true },
    { id: "otherDistrict", role: "REVIEWER", orgUnitId: "huyen2", responsibleUnitId: null, active: true },
    { id: "admin", role: "ADMIN", orgUnitId: "root", responsibleUnitId: null, active: true },
  ];
  const base = { communeId: "xa1", communeName: "Xã Một" };
  it("submissions go to the reviewers above the commune only", () => {
    expect(recipientsOf({ ...base, kind: "report.submitted", decisionId: "d", reportId: "r", year: 2025, quarter: 3 }, people, ["huyen", "tinh"]).sort()).toEqual(["district", "province"]);
  });
  it("decisions, due dates and reminders go to the commune's clerk and chairman", () => {
    for (const e of [
      { ...base, kind: "report.returned" as const, decisionId: "d", reportId: "r", year: 2025, quarter: 3 },
      { ...base, kind: "report.due7" as const, year: 2025, quarter: 3, dueDate: "2025-09-20" },
      { ...base, kind: "reminder" as const, reminderId: "x", year: 2025, quarter: 3, dueDate: "2025-09-20", fromName: "Huyện" },
    ]) {
      expect(recipientsOf(e, people, ["huyen", "tinh"]).sort()).toEqual(["chair", "clerk"]);
    }
  });
  it("an overdue task goes to its lead unit's users and the chairman", () => {
    expect(recipientsOf({ ...base, kind: "task.overdue", taskId: "t", taskContent: "Rà soát", leadUnitId: "tuphap", dueDate: "2025-06-30" }, people, []).sort()).toEqual(["chair", "unitUser"]);
    expect(recipientsOf({ ...base, kind: "task.overdue", taskId: "t", taskContent: "Rà soát", leadUnitId: null, dueDate: "2025-06-30" }, people, [])).toEqual(["chair"]);
  });
  it("keys an event once per recipient, and a new deadline is a new event", () => {
    const a = noticeFor({ ...base, kind: "report.due1", year: 2025, quarter: 3, dueDate: "2025-09-20" });
    const b = noticeFor({ ...base, kind: "report.due1", year: 2025, quarter: 3, dueDate: "2025-09-25" });
    expect(a.eventKey).not.toBe(b.eventKey);
    expect(a.link).toBe("/bao-cao?nam=2025&quy=3");
  });
});

describe("email", () => {
  it("backs off 1, 5, 25 minutes then two hours", () => {
    expect([1, 2, 3, 4, 5].map((n) => emailBackoffMs(n) / 60_000)).toEqual([1, 5, 25, 120, 120]);
  });
  it("writes the digest in Vietnamese with links", () => {
    const d = digestEmail("Nguyễn Văn A", "2025-09-14", [{ title: "Báo cáo Quý III/2025 đến hạn ngày 20/09/2025", body: "Còn 7 ngày để nộp báo cáo.", link: "/bao-cao?nam=2025&quy=3" }], "https://cchc.example.vn");
    expect(d.subject).toBe("[CCHC xã] 1 thông báo mới ngày 14/09/2025");
    expect(d.body).toContain("Kính gửi Nguyễn Văn A");
    expect(d.body).toContain("https://cchc.example.vn/bao-cao?nam=2025&quy=3");
  });
});
