// Load without loss (PostgreSQL only): 150 commune users, three in each of 50 communes, save
// their rows and their chairmen submit, all at once, through the real server actions. Then:
// every value of every accepted save is there exactly once with what was sent, nothing of a
// refused save is, and no report is in an impossible state.
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsedIndicator, parsedPlan, parsedTask } from "../support/parsed-plan";
import { createTestDb, usingPostgres, type TestDb } from "../support/db";
import { loadActor, setActorResolverForTests, type Actor } from "@/server/auth/actor";
import { saveParsedPlan } from "@/server/plans/save-parsed-plan";
import { asParsedPlan, confirmImportSchema } from "@/server/plans/schemas";
import { saveReport, submitReport } from "@/server/reports/actions";

const COMMUNES = 50;
const USERS_PER_COMMUNE = 3; // the chairman and two staff: 150 users
const ROWS_PER_USER = 2; // indicators and as many tasks
const YEAR = 2026;
const QUARTER = 1;

const onPostgres = usingPostgres();
if (!onPostgres) {
  console.warn("load.test.ts: bỏ qua trên PGlite (một kết nối duy nhất, không có truy cập đồng thời thật). Chạy với TEST_DATABASE_URL=postgresql://… để kiểm thử tải.");
}

let t: TestDb;
const caller = new AsyncLocalStorage<Actor>();

interface SimUser {
  actor: Actor;
  communeId: string;
  indicators: string[];
  tasks: string[];
}
const users: SimUser[] = [];

function loadPlan(n: number) {
  const rows = [];
  for (let i = 0; i < USERS_PER_COMMUNE * ROWS_PER_USER; i++) {
    rows.push(
      parsedIndicator({
        code: `${i + 1}`,
        name: `Tỷ lệ hồ sơ trực tuyến ${i + 1}`,
        group: "ONLINE_SERVICES",
        measurementUnit: "%",
        valueKind: "RATIO",
        target: { text: "Từ 80%", rule: "AT_LEAST", value: 80, unit: "%", referenceYear: null },
      }),
      parsedTask({ code: `NV${i + 1}`, content: `Nhiệm vụ ${i + 1}` }),
    );
  }
  const input = confirmImportSchema.parse({
    sourceText: null,
    sourceName: null,
    plan: parsedPlan(rows, { kind: "CCHC_YEARLY", title: `Kế hoạch CCHC xã thử ${n}`, year: YEAR }),
  });
  return asParsedPlan(input.plan);
}

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestDb();
  const province = await t.db.orgUnit.create({ data: { name: "Tỉnh Thử Tải", level: "PROVINCE" } });
  for (let c = 0; c < COMMUNES; c++) {
    const commune = await t.db.orgUnit.create({ data: { name: `Xã Thử ${c + 1}`, level: "COMMUNE", parentId: province.id } });
    const parsed = loadPlan(c + 1);
    const { planId } = await t.db.$transaction((tx) => saveParsedPlan(tx, { communeId: commune.id, parsed, year: YEAR, sourceText: null, sourceName: null, actorId: null }));
    // Reports are submitted only against a plan in force (issue 14): the district approved it.
    await t.db.plan.update({ where: { id: planId }, data: { status: "APPROVED" } });
    const indicators = (await t.db.indicator.findMany({ where: { planId }, orderBy: { position: "asc" } })).map((i) => i.id);
    const tasks = (await t.db.task.findMany({ where: { planId }, orderBy: { position: "asc" } })).map((x) => x.id);
    for (let u = 0; u < USERS_PER_COMMUNE; u++) {
      const role = u === 0 ? "CHAIRMAN" : "COMMUNE_STAFF";
      const user = await t.db.user.create({
        data: { username: `xa${c + 1}.nguoi${u + 1}`, fullName: `Người ${u + 1} xã ${c + 1}`, role, orgUnitId: commune.id, passwordHash: "-", canSubmit: role === "CHAIRMAN" },
      });
      users.push({
        actor: (await loadActor(user.id, null))!,
        communeId: commune.id,
        indicators: indicators.slice(u * ROWS_PER_USER, (u + 1) * ROWS_PER_USER),
        tasks: tasks.slice(u * ROWS_PER_USER, (u + 1) * ROWS_PER_USER),
      });
    }
  }
  // Each concurrent call sees its own user (the test resolver is global; the context is per call).
  setActorResolverForTests(async () => caller.getStore() ?? null);
}, 120_000);

afterAll(async () => {
  setActorResolverForTests(null);
  await t?.close();
});

// Values meet the 80 % target (85–99 %), so no row is red and the chairman may submit without
// a written cause and remedy (issue 17); each user's values still differ, to tell saves apart.
const valueFor = (indicatorId: string, k: number) => ({ numerator: 170 + (indicatorId.charCodeAt(3) % 25) + k, denominator: 200 + k });

describe("load without loss", () => {
  it.skipIf(!onPostgres)(`${COMMUNES * USERS_PER_COMMUNE} commune users save and submit at once; every accepted value is there exactly once`, async () => {
    const started = Date.now();
    const outcomes = await Promise.all(
      users.map(async (u, k) => {
        // Spread the start a little, as real users do, without letting anyone go first on purpose.
        await new Promise((r) => setTimeout(r, k % 7));
        const save = await caller.run(u.actor, () =>
          saveReport({
            year: YEAR,
            quarter: QUARTER,
            indicators: u.indicators.map((indicatorId) => ({ indicatorId, version: null, ...valueFor(indicatorId, k), value: null, done: null, note: `Người ${k}` })),
            tasks: u.tasks.map((taskId) => ({ taskId, version: null, status: "IN_PROGRESS" as const, resultText: `Kết quả của người ${k}` })),
          }),
        );
        const submit = u.actor.role === "CHAIRMAN" ? await caller.run(u.actor, () => submitReport({ year: YEAR, quarter: QUARTER })) : null;
        return { u, k, save, submit };
      }),
    );
    const seconds = (Date.now() - started) / 1000;

    // Refusals are only the expected ones: the report was already sent up. Never a crash.
    const unexpected = outcomes.flatMap(({ k, save, submit }) =>
      [save, submit].filter((r) => r && !r.ok && !/đã nộp|đang chờ xét duyệt/.test(r.error)).map((r) => `user ${k}: ${(r as { error: string }).error}`),
    );
    expect(unexpected).toEqual([]);
    const accepted = outcomes.filter((o) => o.save.ok);
    const chairmen = outcomes.filter((o) => o.submit);
    expect(chairmen.every((o) => o.submit!.ok)).toBe(true);
    // Each chairman saved before submitting, so at least those saves went through.
    expect(accepted.length).toBeGreaterThanOrEqual(COMMUNES);

    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: YEAR, quarter: QUARTER } } });
    const values = await t.db.indicatorValue.findMany({ where: { periodId: period.id }, include: { indicator: { select: { plan: { select: { communeId: true } } } }, report: true } });
    const progress = await t.db.taskProgress.findMany({ where: { periodId: period.id }, include: { task: { select: { plan: { select: { communeId: true } } } }, report: true } });

    // Every value of every accepted save, exactly once, as sent; nothing of a refused one.
    const byIndicator = new Map<string, typeof values>();
    for (const v of values) byIndicator.set(v.indicatorId, [...(byIndicator.get(v.indicatorId) ?? []), v]);
    const problems: string[] = [];
    for (const { u, k, save } of outcomes) {
      for (const id of u.indicators) {
        const rows = byIndicator.get(id) ?? [];
        if (save.ok) {
          if (rows.length !== 1) problems.push(`user ${k}: indicator ${id} present ${rows.length} times`);
          else {
            const want = valueFor(id, k);
            if (rows[0].numerator?.toNumber() !== want.numerator || rows[0].denominator?.toNumber() !== want.denominator) problems.push(`user ${k}: indicator ${id} holds other figures`);
            if (rows[0].updatedById !== u.actor.id) problems.push(`user ${k}: indicator ${id} not attributed`);
          }
        } else if (rows.length) problems.push(`user ${k}: refused save left indicator ${id}`);
      }
      const taskRows = progress.filter((p) => u.tasks.includes(p.taskId));
      if (save.ok && taskRows.length !== u.tasks.length) problems.push(`user ${k}: ${taskRows.length}/${u.tasks.length} task rows`);
      if (!save.ok && taskRows.length) problems.push(`user ${k}: refused save left task rows`);
    }
    expect(problems).toEqual([]);
    expect(values.length).toBe(accepted.length * ROWS_PER_USER);

    // No impossible state.
    const reports = await t.db.quarterlyReport.findMany({ where: { periodId: period.id }, include: { decisions: true } });
    expect(reports).toHaveLength(COMMUNES);
    for (const r of reports) {
      expect(r.status, r.id).toBe("SUBMITTED");
      expect(r.submittedAt, r.id).not.toBeNull();
      expect(r.decidedAt, r.id).toBeNull();
      expect(r.decisions.filter((d) => d.action === "submit"), r.id).toHaveLength(1);
    }
    for (const v of values) {
      expect(v.report.communeId, v.id).toBe(v.indicator.plan.communeId);
      expect(v.report.periodId, v.id).toBe(v.periodId);
    }
    for (const p of progress) {
      expect(p.report.communeId, p.id).toBe(p.task.plan.communeId);
      expect(p.report.periodId, p.id).toBe(p.periodId);
    }
    // Every accepted write is in the audit log, once.
    const audits = await t.db.auditLog.count({ where: { entity: "IndicatorValue", action: "create", entityId: { in: values.map((v) => v.id) } } });
    expect(audits).toBe(values.length);
    console.log(`load: ${users.length} users, ${accepted.length} saves accepted, ${outcomes.length - accepted.length} refused after submit, ${chairmen.length} submits, ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
