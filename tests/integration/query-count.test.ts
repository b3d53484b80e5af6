// The number of SQL statements a page's loader sends must not grow with the data: one
// commune or 150, one plan or four, one quarter or four. Statements are counted below Prisma
// by the same driver-adapter hook that `npm run bench` uses (src/server/db/query-log.ts), so a
// relation that Prisma splits into extra statements counts too.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { setupTestDb } from "../support/demo-db";
import { withQueryLog, type LoggedQuery } from "@/server/db/query-log";
import { parsePlanText } from "@/domain/plan-import";
import type { ParsedPlan } from "@/domain/plan-import/types";
import { saveParsedPlan } from "@/server/plans/save-parsed-plan";
import { loadActor, type Actor } from "@/server/auth/actor";
import { reviewMatrix } from "@/server/review/queries";
import { loadComparison } from "@/server/review/comparison";
import { loadDashboard } from "@/server/dashboard/queries";
import { loadReport } from "@/server/reports/queries";
import { pageCache } from "@/server/cache/versioned";
import { saveReport } from "@/server/reports/actions";
import { actAs } from "../support/actors";

const YEAR = 2025;
const TODAY = "2025-11-24";
const MANY = 150;
const log: LoggedQuery[] = [];
const t = setupTestDb({ seed: false, wrapAdapter: (adapter) => withQueryLog(adapter, (q) => log.push(q)) });

const docs = Object.fromEntries(
  ["tan-duc-2024-par-sipas-plan.txt", "hanh-dung-2025-tthc-control-plan.txt", "dien-khanh-2025-par-sipas-plan.txt", "tay-thuan-2025-indicators.txt"].map((file) => {
    const text = fs.readFileSync(path.join(process.cwd(), "prisma", "demo", file), "utf8");
    return [file.split("-2")[0], { file, text, parsed: parsePlanText(text, { year: YEAR }) }];
  }),
) as Record<string, { file: string; text: string; parsed: ParsedPlan }>;

/**
 * Statements sent by one call, after a first call has warmed connections. The page cache is
 * emptied before the counted call: this counts the loader's own statements (plus the one that
 * reads the cache version), what a first view or a view after a write costs.
 */
async function statements(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  pageCache.clear();
  const before = log.length;
  await fn();
  return log.length - before;
}

/** Statements of a repeated call that the page cache answers (nothing written since). */
async function cachedStatements(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const before = log.length;
  await fn();
  return log.length - before;
}

async function unit(name: string, level: "PROVINCE" | "DISTRICT" | "COMMUNE", parentId: string | null) {
  return (await t.db.orgUnit.create({ data: { name, level, parentId } })).id;
}

async function user(username: string, role: "COMMUNE_STAFF" | "REVIEWER", orgUnitId: string): Promise<Actor> {
  const u = await t.db.user.create({ data: { username, fullName: username, role, orgUnitId, passwordHash: "x" } });
  return (await loadActor(u.id, null))!;
}

/** A commune with the given seed plans and figures, progress, a decision, evidence and history per quarter. */
async function commune(name: string, parentId: string, plans: string[], quarters: number[], staffId: string) {
  const id = await unit(name, "COMMUNE", parentId);
  await t.db.$transaction(async (tx) => {
    for (const key of plans) {
      const doc = docs[key];
      await saveParsedPlan(tx, { communeId: id, parsed: doc.parsed, year: YEAR, sourceText: doc.text, sourceName: doc.file, actorId: null });
    }
  });
  const indicators = await t.db.indicator.findMany({ where: { plan: { communeId: id } }, select: { id: true, valueKind: true } });
  const tasks = await t.db.task.findMany({ where: { plan: { communeId: id } }, select: { id: true } });
  const values: Prisma.IndicatorValueCreateManyInput[] = [];
  const progress: Prisma.TaskProgressCreateManyInput[] = [];
  const audit: Prisma.AuditLogCreateManyInput[] = [];
  const evidence: Prisma.EvidenceCreateManyInput[] = [];
  for (const quarter of quarters) {
    const period = await t.db.reportingPeriod.upsert({ where: { year_quarter: { year: YEAR, quarter } }, update: {}, create: { year: YEAR, quarter } });
    const report = await t.db.quarterlyReport.create({ data: { communeId: id, periodId: period.id, status: "SUBMITTED", submittedAt: new Date() } });
    await t.db.reviewDecision.create({ data: { communeId: id, reportId: report.id, action: "submit", fromStatus: "DRAFT", toStatus: "SUBMITTED", userId: staffId } });
    for (const ind of indicators) {
      const v = { id: randomUUID(), indicatorId: ind.id, periodId: period.id, reportId: report.id, numerator: 8, denominator: 10, updatedById: staffId };
      values.push(v);
      audit.push({ userId: staffId, communeId: id, entity: "IndicatorValue", entityId: v.id, action: "create" });
      evidence.push({ communeId: id, indicatorValueId: v.id, docNumber: "1/BC-UBND", docSummary: "Báo cáo", createdById: staffId });
    }
    for (const task of tasks) {
      const p = { id: randomUUID(), taskId: task.id, periodId: period.id, reportId: report.id, status: "IN_PROGRESS" as const, updatedById: staffId };
      progress.push(p);
      audit.push({ userId: staffId, communeId: id, entity: "TaskProgress", entityId: p.id, action: "create" });
    }
  }
  await t.db.indicatorValue.createMany({ data: values });
  await t.db.taskProgress.createMany({ data: progress });
  await t.db.auditLog.createMany({ data: audit });
  await t.db.evidence.createMany({ data: evidence });
  return id;
}

let small: { reviewer: Actor; staff: Actor; communeId: string };
let large: { reviewer: Actor; staff: Actor; communeId: string };

beforeAll(async () => {
  // One province with a single commune; another with 150 (100 under districts, 50 directly
  // under the province, as after July 2025), one of which carries all four plans.
  const p1 = await unit("Tỉnh Một Xã", "PROVINCE", null);
  const d1 = await unit("Huyện Một Xã", "DISTRICT", p1);
  const p2 = await unit("Tỉnh Nhiều Xã", "PROVINCE", null);
  const d2 = await unit("Huyện Nhiều Xã A", "DISTRICT", p2);
  const d3 = await unit("Huyện Nhiều Xã B", "DISTRICT", p2);
  const reviewer1 = await user("r1.thamdinh", "REVIEWER", p1);
  const reviewer2 = await user("r2.thamdinh", "REVIEWER", p2);
  const smallId = await commune("Xã Nhỏ", d1, ["hanh-dung"], [1, 2], reviewer1.id);
  const largeId = await commune("Xã Lớn", d2, ["tan-duc", "hanh-dung", "dien-khanh", "tay-thuan"], [1, 2, 3, 4], reviewer2.id);
  for (let i = 1; i < MANY; i++) await commune(`Xã Số ${i}`, i < 50 ? d2 : i < 100 ? d3 : p2, ["hanh-dung"], [1], reviewer2.id);
  small = { reviewer: reviewer1, staff: await user("nho.canbo", "COMMUNE_STAFF", smallId), communeId: smallId };
  large = { reviewer: reviewer2, staff: await user("lon.canbo", "COMMUNE_STAFF", largeId), communeId: largeId };
}, 600_000);

describe("statements per loader do not grow with communes or rows", () => {
  it("has the data it claims: 1 commune against 150, and 1 plan against 4 with 4 times the quarters", async () => {
    expect((await reviewMatrix(small.reviewer, YEAR, TODAY)).rows).toHaveLength(1);
    expect((await reviewMatrix(large.reviewer, YEAR, TODAY)).rows).toHaveLength(MANY);
    const one = await loadReport(small.staff, small.communeId, YEAR, 2);
    const four = await loadReport(large.staff, large.communeId, YEAR, 4);
    expect(one.plans).toHaveLength(1);
    expect(four.plans).toHaveLength(4);
    const rows = (r: typeof one) => r.plans.reduce((n, p) => n + p.indicators.length + p.tasks.length, 0);
    expect(rows(four)).toBeGreaterThan(4 * rows(one));
  });

  it("reviewer matrix", async () => {
    const one = await statements(() => reviewMatrix(small.reviewer, YEAR, TODAY));
    const many = await statements(() => reviewMatrix(large.reviewer, YEAR, TODAY));
    expect(many).toBe(one);
    // 12 since the reporting calendar (issue 16): unit tree, dates, rules, first submissions.
    expect(one).toBeLessThanOrEqual(12);
  });

  it("comparison of communes on a whole group of indicators", async () => {
    const one = await statements(() => loadComparison(small.reviewer, YEAR, 2, {}));
    const many = await statements(() => loadComparison(large.reviewer, YEAR, 2, {}));
    expect(many).toBe(one);
    expect(one).toBeLessThanOrEqual(12);
    const c = await loadComparison(large.reviewer, YEAR, 2, {});
    // Issue 17: every indicator of the default group, never a silent "first ten".
    expect(c.group).not.toBeNull();
    expect(c.selected.map((x) => x.key)).toEqual(c.options.filter((o) => o.group === c.group).map((o) => o.key));
    expect(c.rows).toHaveLength(MANY);
  });

  it("quarterly report", async () => {
    const one = await statements(() => loadReport(small.staff, small.communeId, YEAR, 2));
    const many = await statements(() => loadReport(large.staff, large.communeId, YEAR, 4));
    expect(many).toBe(one);
    expect(one).toBeLessThanOrEqual(30);
  });

  it("commune dashboard", async () => {
    const one = await statements(() => loadDashboard(small.staff, small.communeId, YEAR, 2, TODAY));
    const many = await statements(() => loadDashboard(large.staff, large.communeId, YEAR, 4, TODAY));
    expect(many).toBe(one);
    expect(one).toBeLessThanOrEqual(30);
  });

  it("reporting completeness board and Việc cần làm (issue 16)", async () => {
    const { completeness } = await import("@/server/calendar/completeness");
    const { loadTodo } = await import("@/server/calendar/todo");
    const one = await statements(() => completeness(small.reviewer, YEAR, 2, TODAY));
    const many = await statements(() => completeness(large.reviewer, YEAR, 2, TODAY));
    expect(many).toBe(one);
    expect(one).toBeLessThanOrEqual(12);
    const todoOne = await statements(() => loadTodo(small.staff, TODAY));
    const todoMany = await statements(() => loadTodo(large.staff, TODAY));
    expect(todoMany).toBe(todoOne);
    expect(todoOne).toBeLessThanOrEqual(40);
  });

  it("a save of one report row (issue 21): report found, locked and checked in one statement; no editor's name read without a conflict", async () => {
    await actAs("nho.canbo");
    const ind = await t.db.indicator.findFirstOrThrow({ where: { plan: { communeId: small.communeId }, valueKind: "RATIO" }, select: { id: true } });
    const save = (version: number | null, numerator: number) => saveReport({ year: YEAR, quarter: 3, indicators: [{ indicatorId: ind.id, version, numerator, denominator: 10 }], tasks: [] });
    // The quarter's first save creates its report and the row (the longer path, not counted).
    expect(await save(null, 1)).toMatchObject({ ok: true, data: { saved: 1, conflicts: [] } });
    const before = log.length;
    expect(await save(0, 2)).toMatchObject({ ok: true, data: { saved: 1, conflicts: [] } });
    const sql = log.slice(before).map((q) => q.sql.trim().split(/\s+/).slice(0, 4).join(" "));
    // The test's session: the user and their unit (2; the app reads 4 with the session row). The save:
    // the indicators with their plan as a filter (1); BEGIN, the report found, locked and read fresh (1),
    // the row's stored value (1), its update, the audit entry, the report's version, COMMIT.
    // It was 15 here (17 in the app) before issue 21's pass: the plan read apart, then the period,
    // the report, its lock and the report again, and the editors' names read on every save.
    expect(sql, sql.join("\n")).toHaveLength(10);
  });

  it("a repeated read is answered by the page cache: the caller's scope and one version read (issue 21)", async () => {
    const { completeness } = await import("@/server/calendar/completeness");
    // The scope of a reviewer (the unit tree) is read per request: authorization is never cached.
    expect(await cachedStatements(() => reviewMatrix(large.reviewer, YEAR, TODAY))).toBeLessThanOrEqual(3);
    expect(await cachedStatements(() => loadComparison(large.reviewer, YEAR, 2, {}))).toBeLessThanOrEqual(3);
    expect(await cachedStatements(() => completeness(large.reviewer, YEAR, 2, TODAY))).toBeLessThanOrEqual(3);
    expect(await cachedStatements(() => loadDashboard(large.staff, large.communeId, YEAR, 4, TODAY))).toBeLessThanOrEqual(3);
  });
});
