// Issue 21: the page cache (src/server/cache/versioned.ts) answers repeated reads, and the
// saves, submissions and decisions that change a page invalidate it on the next request, on
// the instance that wrote and on another one (a second copy of the server modules with its
// own in-memory cache, sharing only the database, as a second `next start` does).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, actorFor } from "../support/actors";
import { explainRedRows } from "../support/explain";
import { saveReport, submitReport } from "@/server/reports/actions";
import { decideSubmission } from "@/server/review/actions";
import { loadDashboard } from "@/server/dashboard/queries";
import { reviewMatrix } from "@/server/review/queries";
import { completeness } from "@/server/calendar/completeness";
import { pageCache, scopeVersion } from "@/server/cache/versioned";
import { comparisonTableOf, loadComparison } from "@/server/review/comparison";
import { indicatorKey } from "@/domain/comparison";

const YEAR = 2025;
const Q = 4;
const TODAY = "2025-12-20";
const t = setupTestDb();

/** The same loaders from a second copy of the modules: another instance's memory, same database. */
let other: {
  loadDashboard: typeof loadDashboard;
  reviewMatrix: typeof reviewMatrix;
  completeness: typeof completeness;
  loadComparison: typeof loadComparison;
  comparisonTableOf: typeof comparisonTableOf;
  pageCache: typeof pageCache;
};

beforeAll(async () => {
  // Reports are submitted against a plan in force; the quarter starts open.
  await t.db.plan.updateMany({ where: { commune: { name: "Xã Hành Dũng" }, year: YEAR }, data: { status: "APPROVED" } });
  const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
  await t.db.quarterlyReport.updateMany({ where: { communeId: commune.id, period: { year: YEAR, quarter: Q } }, data: { status: "DRAFT", submittedAt: null } });
  vi.resetModules();
  const db = await import("@/server/db");
  db.setDatabase(t.db);
  other = {
    loadDashboard: (await import("@/server/dashboard/queries")).loadDashboard,
    reviewMatrix: (await import("@/server/review/queries")).reviewMatrix,
    completeness: (await import("@/server/calendar/completeness")).completeness,
    loadComparison: (await import("@/server/review/comparison")).loadComparison,
    comparisonTableOf: (await import("@/server/review/comparison")).comparisonTableOf,
    pageCache: (await import("@/server/cache/versioned")).pageCache,
  };
}, 300_000);

async function ratioRow() {
  const plan = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Hành Dũng" }, year: YEAR }, include: { indicators: { where: { valueKind: "RATIO" } } } });
  const ind = plan.indicators.find((i) => i.parentId === null) ?? plan.indicators[0];
  const value = await t.db.indicatorValue.findFirst({ where: { indicatorId: ind.id, period: { year: YEAR, quarter: Q } } });
  return { id: ind.id, version: value?.version ?? null, numerator: value?.numerator?.toNumber() ?? null };
}

describe("page cache (issue 21)", () => {
  it("the second instance is really another cache", () => {
    expect(other.pageCache).not.toBe(pageCache);
  });

  it("a repeated read is a hit; after a save, the chairman's dashboard shows the new figure on both instances", async () => {
    const chairman = await actorFor("hanhdung.chutich");
    const row = await ratioRow();
    const figure = async (load: typeof loadDashboard) => (await load(chairman, chairman.orgUnitId, YEAR, Q, TODAY)).indicators.find((i) => i.id === row.id)?.current?.numerator ?? null;

    expect(await figure(loadDashboard)).toBe(row.numerator);
    expect(await figure(other.loadDashboard)).toBe(row.numerator);
    const hits = pageCache.hits;
    const otherHits = other.pageCache.hits;
    expect(await figure(loadDashboard)).toBe(row.numerator);
    expect(await figure(other.loadDashboard)).toBe(row.numerator);
    expect(pageCache.hits).toBe(hits + 1);
    expect(other.pageCache.hits).toBe(otherHits + 1);

    const next = row.numerator === 7 ? 8 : 7;
    await actAs("hanhdung.canbo");
    expect(await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: row.id, version: row.version, numerator: next, denominator: 10 }] })).toMatchObject({ ok: true, data: { saved: 1 } });

    expect(await figure(loadDashboard)).toBe(next);
    expect(await figure(other.loadDashboard)).toBe(next);
  });

  it("a draft save leaves the matrix and the completeness board cached (status version unchanged) while the dashboard's data version moves", async () => {
    const reviewer = await actorFor("nghiahanh.thamdinh");
    const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
    await reviewMatrix(reviewer, YEAR, TODAY);
    await completeness(reviewer, YEAR, Q, TODAY);
    const status = await scopeVersion([commune.id], "status");
    const data = await scopeVersion([commune.id], "data");

    const row = await ratioRow();
    await actAs("hanhdung.canbo");
    expect(await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: row.id, version: row.version, numerator: row.numerator === 5 ? 6 : 5, denominator: 10 }] })).toMatchObject({ ok: true, data: { saved: 1 } });

    expect(await scopeVersion([commune.id], "data")).not.toBe(data);
    expect(await scopeVersion([commune.id], "status")).toBe(status);
    const hits = pageCache.hits;
    expect((await reviewMatrix(reviewer, YEAR, TODAY)).rows.find((r) => r.id === commune.id)!.quarters[Q - 1].state).toBe("DRAFT");
    await completeness(reviewer, YEAR, Q, TODAY);
    expect(pageCache.hits).toBe(hits + 2);
  });

  it("after a draft save, the reviewer's comparison shows the commune's new figure on the next request, on both instances", async () => {
    const reviewer = await actorFor("nghiahanh.thamdinh");
    const row = await ratioRow();
    const { name } = await t.db.indicator.findUniqueOrThrow({ where: { id: row.id }, select: { name: true } });
    const key = indicatorKey(name);
    // The figure in the commune's cell, as the page draws it (the compact table).
    const shown = async (instance: { loadComparison: typeof loadComparison; comparisonTableOf: typeof comparisonTableOf }) => {
      const table = instance.comparisonTableOf(await instance.loadComparison(reviewer, YEAR, Q, { keys: [key] }));
      return table.rows.find((r) => r.name === "Xã Hành Dũng")!.cells[0]![0];
    };
    const before = await shown({ loadComparison, comparisonTableOf });
    expect(await shown(other)).toBe(before);
    const hits = pageCache.hits;
    expect(await shown({ loadComparison, comparisonTableOf })).toBe(before);
    expect(pageCache.hits).toBe(hits + 1);

    // 0 of 10 this quarter, or all 10: the year-to-date moves either way.
    const next = row.numerator === 0 ? 10 : 0;
    await actAs("hanhdung.canbo");
    expect(await saveReport({ year: YEAR, quarter: Q, indicators: [{ indicatorId: row.id, version: row.version, numerator: next, denominator: 10 }] })).toMatchObject({ ok: true, data: { saved: 1 } });

    const after = await shown({ loadComparison, comparisonTableOf });
    expect(after).not.toBe(before);
    expect(await shown(other)).toBe(after);
    // And it is what a load without the cache computes from the database now.
    pageCache.clear();
    expect(await shown({ loadComparison, comparisonTableOf })).toBe(after);
  });

  it("a submission and a decision show in the reviewer's matrix and completeness board on both instances", async () => {
    const reviewer = await actorFor("nghiahanh.thamdinh");
    const commune = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
    const cell = async (matrix: typeof reviewMatrix) => (await matrix(reviewer, YEAR, TODAY)).rows.find((r) => r.id === commune.id)!.quarters[Q - 1].state;
    const board = async (load: typeof completeness) => (await load(reviewer, YEAR, Q, TODAY)).rows.find((r) => r.id === commune.id)!.history.at(-1)!.status;

    expect(await cell(reviewMatrix)).toBe("DRAFT");
    expect(await cell(other.reviewMatrix)).toBe("DRAFT");
    expect(await board(completeness)).toBe("DRAFT");
    expect(await board(other.completeness)).toBe("DRAFT");

    await explainRedRows(t, "hanhdung.chutich", YEAR, Q);
    const status = await scopeVersion([commune.id], "status");
    await actAs("hanhdung.chutich");
    expect(await submitReport({ year: YEAR, quarter: Q })).toMatchObject({ ok: true });
    expect(await scopeVersion([commune.id], "status")).not.toBe(status);
    expect(await cell(reviewMatrix)).toBe("SUBMITTED");
    expect(await cell(other.reviewMatrix)).toBe("SUBMITTED");
    expect(await board(other.completeness)).toBe("SUBMITTED");

    const report = await t.db.quarterlyReport.findFirstOrThrow({ where: { communeId: commune.id, period: { year: YEAR, quarter: Q } } });
    await actAs("nghiahanh.thamdinh");
    expect(await decideSubmission({ subjectType: "report", subjectId: report.id, decision: "return", comment: "Bổ sung số liệu" })).toMatchObject({ ok: true });
    expect(await cell(other.reviewMatrix)).toBe("RETURNED");
    expect(await cell(reviewMatrix)).toBe("RETURNED");
    expect(await board(completeness)).toBe("RETURNED");
  });

  it("a write of another commune leaves a commune's cached dashboard in place", async () => {
    const chairman = await actorFor("hanhdung.chutich");
    await loadDashboard(chairman, chairman.orgUnitId, YEAR, Q, TODAY);
    const other = await t.db.plan.findFirstOrThrow({ where: { commune: { name: "Xã Diên Khánh" }, year: YEAR } });
    await t.db.plan.update({ where: { id: other.id }, data: { title: `${other.title} ` } });
    const hits = pageCache.hits;
    await loadDashboard(chairman, chairman.orgUnitId, YEAR, Q, TODAY);
    expect(pageCache.hits).toBe(hits + 1);
  });
});
