// `npm run bench:data`: a province-scale dataset in PostgreSQL for `npm run bench`.
//
// 1 province, 5 districts with 20 communes each and 50 communes directly under the province
// (the post-July-2025 shape), each commune with the four seed plans for 2024, 2025 and 2026,
// 12 quarters of figures and task progress, reports in every workflow state with their review
// decisions, evidence references, the audit trail a real year leaves, and users.
//
// Deterministic: every id, value and status comes from one seeded PRNG, so two runs give the
// same data. The plan structure is produced once by the real importer (parsePlanText +
// saveParsedPlan, in a transaction that is rolled back) and then copied per commune with
// createMany in batches: row-by-row inserts would take far longer than the few minutes this
// is allowed on a 2-core machine.
//
// Database: BENCH_DATABASE_URL, else database `cchc_bench` on the local server that
// scripts/postgres.mjs starts. It is dropped and created anew, then migrated.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import type { Prisma } from "../src/generated/prisma/client";
import { createPrismaClient, type Db } from "../src/server/db/client";
import { parsePlanText } from "../src/domain/plan-import";
import { seededRandom } from "../src/domain/random";
import { hashPassword } from "../src/server/auth/password";
import { saveParsedPlan } from "../src/server/plans/save-parsed-plan";
// @ts-expect-error: plain ES module without types
import { ensureTestPostgres } from "./postgres.mjs";

export const BENCH_PASSWORD = "Bench@2025";
const SEED = 20261124;
const YEARS = [2024, 2025, 2026] as const;
const DISTRICTS = 5;
const COMMUNES_PER_DISTRICT = 20;
const DIRECT_COMMUNES = 50;
/** Communes generated and written per round: bounds memory, keeps each round's FK order simple. */
const COMMUNES_PER_ROUND = 10;
/** PostgreSQL allows 65,535 bind parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;
const DOCS = ["tan-duc-2024-par-sipas-plan.txt", "hanh-dung-2025-tthc-control-plan.txt", "dien-khanh-2025-par-sipas-plan.txt", "tay-thuan-2025-indicators.txt"];
const COMMUNE_NAMES = [
  "An Bình", "An Hòa", "An Phú", "Bình Minh", "Bình Thạnh", "Cát Tiên", "Đông Hòa", "Đông Sơn", "Gia Lộc", "Hòa Bình",
  "Hòa Lợi", "Hồng Phong", "Hưng Đạo", "Kim Liên", "Lạc Long", "Long Hưng", "Minh Đức", "Nam Sơn", "Nghĩa Hưng", "Phú Lộc",
  "Phú Xuân", "Phước Thành", "Quang Trung", "Tân Hiệp", "Tân Lập", "Thạch Bàn", "Thanh Sơn", "Thuận Thành", "Tiên Phong", "Trung Hòa",
];

const random = seededRandom(SEED);
const hex8 = () => Math.floor(random() * 0x100000000).toString(16).padStart(8, "0");
/** A UUID-shaped id from the seeded PRNG (ids are plain strings in the schema). */
function uuid(): string {
  const h = hex8() + hex8() + hex8() + hex8();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function freshDatabase(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) {
    const url = process.env.BENCH_DATABASE_URL;
    const name = new URL(url).pathname.slice(1);
    await recreate(withDatabase(url, "postgres"), name).catch(async () => recreate(withDatabase(url, "template1"), name));
    return url;
  }
  const admin: string = await ensureTestPostgres();
  await recreate(admin, "cchc_bench");
  return withDatabase(admin, "cchc_bench");
}

async function recreate(adminUrl: string, name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** createMany in statements of at most MAX_PARAMS bind parameters. */
async function insert<T extends object>(label: string, rows: T[], write: (batch: T[]) => Promise<unknown>) {
  if (!rows.length) return;
  const columns = Math.max(1, Object.keys(rows[0]).length);
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
  counts[label] = (counts[label] ?? 0) + rows.length;
}
const counts: Record<string, number> = {};

type TemplatePlan = Awaited<ReturnType<typeof loadTemplate>>["plans"][number];

/** The four plans as the importer writes them, read back, then rolled back. */
async function loadTemplate(db: Db) {
  const docs = DOCS.map((file) => {
    const text = fs.readFileSync(path.join(process.cwd(), "prisma", "demo", file), "utf8");
    return { file, text, parsed: parsePlanText(text, { year: 2025 }) };
  });
  class Rollback extends Error {}
  let template: { units: { id: string; name: string; normalizedName: string }[]; plans: Awaited<ReturnType<typeof readPlans>> } | null = null;
  const readPlans = (tx: Prisma.TransactionClient, ids: string[]) =>
    tx.plan.findMany({
      where: { id: { in: ids } },
      include: {
        sections: { orderBy: [{ depth: "asc" }, { position: "asc" }] },
        tasks: { orderBy: { position: "asc" }, include: { coordinatingUnits: true } },
        indicators: { orderBy: { position: "asc" }, include: { implementingUnits: true } },
      },
    });
  try {
    await db.$transaction(
      async (tx) => {
        const commune = await tx.orgUnit.create({ data: { name: "template", level: "COMMUNE" } });
        const ids: string[] = [];
        for (const doc of docs) {
          const { planId } = await saveParsedPlan(tx, { communeId: commune.id, parsed: doc.parsed, year: 2025, sourceText: doc.text, sourceName: doc.file, actorId: null });
          ids.push(planId);
        }
        const plans = await readPlans(tx, ids);
        plans.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
        const units = await tx.responsibleUnit.findMany({ where: { communeId: commune.id }, orderBy: { name: "asc" }, select: { id: true, name: true, normalizedName: true } });
        template = { units, plans };
        throw new Rollback();
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!template) throw new Error("template not built");
  return template as { units: { id: string; name: string; normalizedName: string }[]; plans: Awaited<ReturnType<typeof readPlans>> };
}

type Status = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

/** Report status by period: old years are settled, the current year is in motion, Q4 2026 is open. */
function reportStatus(year: number, quarter: number): Status {
  const r = random();
  if (year === 2026 && quarter === 4) return "DRAFT";
  if (year === 2026 && quarter === 3) return r < 0.4 ? "SUBMITTED" : r < 0.7 ? "APPROVED" : r < 0.85 ? "RETURNED" : "DRAFT";
  if (year === 2026) return r < 0.7 ? "APPROVED" : r < 0.85 ? "SUBMITTED" : r < 0.95 ? "RETURNED" : "DRAFT";
  return r < 0.9 ? "APPROVED" : r < 0.95 ? "RETURNED" : r < 0.98 ? "SUBMITTED" : "DRAFT";
}

async function main() {
  const started = Date.now();
  const url = await freshDatabase();
  console.log(`Database: ${url.replace(/:[^:@/]*@/, ":***@")}`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });

  const db = await createPrismaClient(url);
  try {
    const template = await loadTemplate(db);
    const perYear = {
      sections: template.plans.reduce((n, p) => n + p.sections.length, 0),
      tasks: template.plans.reduce((n, p) => n + p.tasks.length, 0),
      indicators: template.plans.reduce((n, p) => n + p.indicators.length, 0),
    };
    console.log(`Template (4 seed plans, once per commune and year): ${perYear.sections} sections, ${perYear.tasks} tasks, ${perYear.indicators} indicators`);

    const passwordHash = await hashPassword(BENCH_PASSWORD); // once: argon2 is deliberately slow
    const now = new Date(Date.UTC(2026, 10, 24, 8, 0, 0));

    // Org tree, periods, deadlines, reviewers.
    const provinceId = uuid();
    const districts = Array.from({ length: DISTRICTS }, (_, i) => ({ id: uuid(), name: `Huyện ${["Đông Giang", "Tây Sơn", "Nam Định", "Bắc Hà", "Trung Phước"][i]}`, key: `huyen${i + 1}` }));
    const communeCount = DISTRICTS * COMMUNES_PER_DISTRICT + DIRECT_COMMUNES;
    const communes = Array.from({ length: communeCount }, (_, i) => {
      const base = COMMUNE_NAMES[i % COMMUNE_NAMES.length];
      const round = Math.floor(i / COMMUNE_NAMES.length);
      return {
        id: uuid(),
        no: i + 1,
        key: `b${String(i + 1).padStart(3, "0")}`,
        name: `Xã ${base}${round ? ` ${round + 1}` : ""}`,
        parentId: i < DISTRICTS * COMMUNES_PER_DISTRICT ? districts[Math.floor(i / COMMUNES_PER_DISTRICT)].id : provinceId,
      };
    });
    await insert("OrgUnit", [{ id: provinceId, name: "Tỉnh Thử Nghiệm", level: "PROVINCE" as const, parentId: null }], (d) => db.orgUnit.createMany({ data: d }));
    await insert("OrgUnit", districts.map((d) => ({ id: d.id, name: d.name, level: "DISTRICT" as const, parentId: provinceId })), (d) => db.orgUnit.createMany({ data: d }));
    await insert("OrgUnit", communes.map((c) => ({ id: c.id, name: c.name, level: "COMMUNE" as const, parentId: c.parentId })), (d) => db.orgUnit.createMany({ data: d }));

    const reviewers = [
      { id: uuid(), username: "bench.tinh.thamdinh", fullName: "Cán bộ Sở Nội vụ – Tỉnh Thử Nghiệm", role: "REVIEWER" as const, orgUnitId: provinceId, passwordHash },
      ...districts.map((d) => ({ id: uuid(), username: `bench.${d.key}.thamdinh`, fullName: `Cán bộ thẩm định – ${d.name}`, role: "REVIEWER" as const, orgUnitId: d.id, passwordHash })),
    ];
    const reviewerOf = new Map<string, string>([[provinceId, reviewers[0].id], ...districts.map((d, i) => [d.id, reviewers[i + 1].id] as [string, string])]);
    const users: Prisma.UserCreateManyInput[] = [...reviewers];
    const staffOf = new Map<string, string>();
    const chairmanOf = new Map<string, string>();
    for (const c of communes) {
      const staff = { id: uuid(), username: `${c.key}.canbo`, fullName: `Công chức Văn phòng – ${c.name}`, role: "COMMUNE_STAFF" as const, orgUnitId: c.id, passwordHash };
      const chairman = { id: uuid(), username: `${c.key}.chutich`, fullName: `Chủ tịch UBND – ${c.name}`, role: "CHAIRMAN" as const, orgUnitId: c.id, passwordHash, canSubmit: true };
      staffOf.set(c.id, staff.id);
      chairmanOf.set(c.id, chairman.id);
      users.push(staff, chairman);
    }
    await insert("User", users, (d) => db.user.createMany({ data: d }));

    const periods = YEARS.flatMap((year) => [1, 2, 3, 4].map((quarter) => ({ id: uuid(), year, quarter })));
    await insert("ReportingPeriod", periods, (d) => db.reportingPeriod.createMany({ data: d }));
    const deadlineDate = (year: number, quarter: number) => new Date(Date.UTC(year, quarter === 4 ? 10 : quarter * 3, quarter === 4 ? 25 : 20));
    await insert(
      "ReportingDeadline",
      [provinceId, ...districts.map((d) => d.id)].flatMap((orgUnitId) => periods.map((p) => ({ id: uuid(), orgUnitId, year: p.year, quarter: p.quarter, dueDate: deadlineDate(p.year, p.quarter) }))),
      (d) => db.reportingDeadline.createMany({ data: d }),
    );

    for (let from = 0; from < communes.length; from += COMMUNES_PER_ROUND) {
      const round = communes.slice(from, from + COMMUNES_PER_ROUND);
      const rows = generateRound(round, template, periods, { staffOf, chairmanOf, reviewerOf, communeParent: new Map(communes.map((c) => [c.id, c.parentId])) }, now);
      await insert("ResponsibleUnit", rows.units, (d) => db.responsibleUnit.createMany({ data: d }));
      await insert("Plan", rows.plans, (d) => db.plan.createMany({ data: d }));
      await insert("PlanSection", rows.sections, (d) => db.planSection.createMany({ data: d }));
      await insert("Task", rows.tasks, (d) => db.task.createMany({ data: d }));
      await insert("Indicator", rows.indicators, (d) => db.indicator.createMany({ data: d }));
      await insert("TaskCoordinatingUnit", rows.coordinating, (d) => db.taskCoordinatingUnit.createMany({ data: d }));
      await insert("IndicatorImplementingUnit", rows.implementing, (d) => db.indicatorImplementingUnit.createMany({ data: d }));
      await insert("QuarterlyReport", rows.reports, (d) => db.quarterlyReport.createMany({ data: d }));
      await insert("ReviewDecision", rows.decisions, (d) => db.reviewDecision.createMany({ data: d }));
      await insert("ReviewRowComment", rows.rowComments, (d) => db.reviewRowComment.createMany({ data: d }));
      await insert("IndicatorValue", rows.values, (d) => db.indicatorValue.createMany({ data: d }));
      await insert("TaskProgress", rows.progress, (d) => db.taskProgress.createMany({ data: d }));
      await insert("Evidence", rows.evidence, (d) => db.evidence.createMany({ data: d }));
      await insert("AuditLog", rows.audit, (d) => db.auditLog.createMany({ data: d }));
      process.stdout.write(`\r${Math.min(from + COMMUNES_PER_ROUND, communes.length)}/${communes.length} communes written (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    process.stdout.write("\n");

    // Fresh planner statistics: the bench should not measure a table the planner has never seen.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("analyze");
    const size = (await client.query("select pg_size_pretty(pg_database_size(current_database())) as size")).rows[0].size;
    await client.end();

    console.log("\nCreated:");
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(28)} ${n.toLocaleString("en-US").padStart(10)}`);
    console.log(`  database size                ${String(size).padStart(10)}`);
    console.log(`\nUsers (password ${BENCH_PASSWORD}): b001.canbo … b${communeCount}.canbo, b001.chutich …, bench.tinh.thamdinh (all ${communeCount} communes), bench.huyen1..${DISTRICTS}.thamdinh`);
    console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s. Next: npm run bench`);
  } finally {
    await db.$disconnect();
  }
}

interface Links {
  staffOf: Map<string, string>;
  chairmanOf: Map<string, string>;
  reviewerOf: Map<string, string>;
  communeParent: Map<string, string>;
}

function generateRound(
  round: { id: string; no: number; key: string; name: string }[],
  template: { units: { id: string; name: string; normalizedName: string }[]; plans: TemplatePlan[] },
  periods: { id: string; year: number; quarter: number }[],
  links: Links,
  now: Date,
) {
  const out = {
    units: [] as Prisma.ResponsibleUnitCreateManyInput[],
    plans: [] as Prisma.PlanCreateManyInput[],
    sections: [] as Prisma.PlanSectionCreateManyInput[],
    tasks: [] as Prisma.TaskCreateManyInput[],
    indicators: [] as Prisma.IndicatorCreateManyInput[],
    coordinating: [] as Prisma.TaskCoordinatingUnitCreateManyInput[],
    implementing: [] as Prisma.IndicatorImplementingUnitCreateManyInput[],
    reports: [] as Prisma.QuarterlyReportCreateManyInput[],
    decisions: [] as Prisma.ReviewDecisionCreateManyInput[],
    rowComments: [] as Prisma.ReviewRowCommentCreateManyInput[],
    values: [] as Prisma.IndicatorValueCreateManyInput[],
    progress: [] as Prisma.TaskProgressCreateManyInput[],
    evidence: [] as Prisma.EvidenceCreateManyInput[],
    audit: [] as Prisma.AuditLogCreateManyInput[],
  };
  // Sections by depth across all plans, then sub-indicators after top ones: parents land first.
  const laterSections: Prisma.PlanSectionCreateManyInput[] = [];
  const subIndicators: Prisma.IndicatorCreateManyInput[] = [];

  for (const commune of round) {
    const staff = links.staffOf.get(commune.id)!;
    const chairman = links.chairmanOf.get(commune.id)!;
    const reviewer = links.reviewerOf.get(links.communeParent.get(commune.id)!)!;
    const unitId = new Map(template.units.map((u) => [u.id, uuid()]));
    for (const u of template.units) out.units.push({ id: unitId.get(u.id)!, communeId: commune.id, name: u.name, normalizedName: u.normalizedName });
    const mapUnit = (id: string | null) => (id ? (unitId.get(id) ?? null) : null);

    for (const year of YEARS) {
      const yearPeriods = periods.filter((p) => p.year === year);
      const statuses = new Map(yearPeriods.map((p) => [p.quarter, reportStatus(year, p.quarter)]));
      const reportIds = new Map(yearPeriods.map((p) => [p.quarter, uuid()]));
      const indicatorsOfYear: { id: string; src: TemplatePlan["indicators"][number]; hasChildren: boolean }[] = [];
      const tasksOfYear: string[] = [];

      template.plans.forEach((plan, planIndex) => {
        const planId = uuid();
        const planStatus: Status = year < 2026 ? "APPROVED" : pick(["APPROVED", "APPROVED", "APPROVED", "APPROVED", "SUBMITTED", "DRAFT"] as const);
        out.plans.push({
          id: planId,
          communeId: commune.id,
          year,
          kind: plan.kind,
          title: plan.title,
          documentNumber: plan.documentNumber,
          documentDate: plan.documentDate,
          documentDateText: plan.documentDateText,
          status: planStatus,
          submittedAt: planStatus === "DRAFT" ? null : new Date(Date.UTC(year, 1, 10 + planIndex)),
          decidedAt: planStatus === "APPROVED" ? new Date(Date.UTC(year, 1, 20 + planIndex)) : null,
          sourceText: plan.sourceText,
          sourceName: plan.sourceName,
          // Distinct creation times keep the loaders' "order by createdAt" stable.
          createdAt: new Date(Date.UTC(year, 0, 15, 8, planIndex)),
        });
        if (planStatus !== "DRAFT") {
          out.decisions.push({ id: uuid(), communeId: commune.id, planId, action: "submit", fromStatus: "DRAFT", toStatus: "SUBMITTED", userId: chairman, createdAt: new Date(Date.UTC(year, 1, 10 + planIndex)) });
          if (planStatus === "APPROVED") out.decisions.push({ id: uuid(), communeId: commune.id, planId, action: "approve", fromStatus: "SUBMITTED", toStatus: "APPROVED", userId: reviewer, createdAt: new Date(Date.UTC(year, 1, 20 + planIndex)) });
        }
        const sectionId = new Map(plan.sections.map((s) => [s.id, uuid()]));
        for (const s of plan.sections) {
          const row = { id: sectionId.get(s.id)!, planId, parentId: s.parentId ? sectionId.get(s.parentId)! : null, code: s.code, title: s.title, position: s.position, depth: s.depth };
          (s.depth === 0 ? out.sections : laterSections).push(row);
        }
        const rowId = new Map([...plan.tasks, ...plan.indicators].map((r) => [r.id, uuid()]));
        for (const t of plan.tasks) {
          const id = rowId.get(t.id)!;
          tasksOfYear.push(id);
          out.tasks.push({
            id,
            planId,
            sectionId: t.sectionId ? sectionId.get(t.sectionId)! : null,
            code: t.code,
            position: t.position,
            content: t.content,
            requirement: t.requirement,
            expectedResult: t.expectedResult,
            deadlineText: t.deadlineText,
            deadlineKind: t.deadlineKind,
            // The documents' dates moved to the plan's year, so deadlines fall inside it.
            dueDate: shiftYear(t.dueDate, year),
            periodStart: shiftYear(t.periodStart, year),
            periodEnd: shiftYear(t.periodEnd, year),
            leadUnitId: mapUnit(t.leadUnitId),
            leadUnitText: t.leadUnitText,
            coordinatingText: t.coordinatingText,
            importWarnings: t.importWarnings,
          });
          for (const c of t.coordinatingUnits) out.coordinating.push({ taskId: id, unitId: mapUnit(c.unitId)! });
        }
        const parents = new Set(plan.indicators.map((i) => i.parentId).filter(Boolean));
        for (const ind of plan.indicators) {
          const id = rowId.get(ind.id)!;
          indicatorsOfYear.push({ id, src: ind, hasChildren: parents.has(ind.id) });
          const row: Prisma.IndicatorCreateManyInput = {
            id,
            planId,
            sectionId: ind.sectionId ? sectionId.get(ind.sectionId)! : null,
            parentId: ind.parentId ? rowId.get(ind.parentId)! : null,
            code: ind.code,
            position: ind.position,
            name: ind.name,
            group: ind.group,
            measurementUnit: ind.measurementUnit,
            valueKind: ind.valueKind,
            targetText: ind.targetText,
            targetRule: ind.targetRule,
            targetValue: ind.targetValue,
            baselineValue: ind.targetRule === "BETTER_RANK" ? 14 : ind.targetRule === "LOWER_THAN_LAST_YEAR" ? 6 : null,
            numeratorLabel: ind.numeratorLabel,
            denominatorLabel: ind.denominatorLabel,
            monitoringUnitId: mapUnit(ind.monitoringUnitId),
            monitoringUnitText: ind.monitoringUnitText,
            implementingUnitText: ind.implementingUnitText,
            importWarnings: ind.importWarnings,
          };
          (row.parentId ? subIndicators : out.indicators).push(row);
          for (const u of ind.implementingUnits) out.implementing.push({ indicatorId: id, unitId: mapUnit(u.unitId)! });
        }
      });

      // Each indicator a temperament and each task a fate, so communes differ and rank.
      const temperament = new Map(indicatorsOfYear.map((i) => [i.id, random()]));
      const fate = new Map(tasksOfYear.map((id) => [id, random()]));

      for (const period of yearPeriods) {
        const status = statuses.get(period.quarter)!;
        const reportId = reportIds.get(period.quarter)!;
        const submittedAt = new Date(Date.UTC(year, period.quarter * 3 - (period.quarter === 4 ? 1 : 0), 5 + Math.floor(random() * 20), 9));
        const decidedAt = new Date(submittedAt.getTime() + (2 + Math.floor(random() * 8)) * 86_400_000);
        // The open quarter of a commune that has not started yet has no report row at all.
        const filled = status !== "DRAFT" || (year === 2026 && period.quarter === 4 ? commune.no === 1 || random() < 0.6 : true);
        if (!filled) continue;
        out.reports.push({
          id: reportId,
          communeId: commune.id,
          periodId: period.id,
          status,
          submittedAt: status === "DRAFT" ? null : submittedAt,
          decidedAt: status === "APPROVED" || status === "RETURNED" ? decidedAt : null,
          version: 1,
          updatedAt: status === "DRAFT" ? now : submittedAt,
        });
        const decision = (action: string, fromStatus: Status, toStatus: Status, userId: string, at: Date, comment: string | null = null) => {
          const id = uuid();
          out.decisions.push({ id, communeId: commune.id, reportId, action, fromStatus, toStatus, userId, comment, createdAt: at });
          return id;
        };
        if (status !== "DRAFT") {
          // One report in ten went back once before it was accepted.
          const hadReturn = status === "RETURNED" || (status === "APPROVED" && random() < 0.1);
          const firstSubmit = new Date(submittedAt.getTime() - (hadReturn && status !== "RETURNED" ? 5 * 86_400_000 : 0));
          decision("submit", "DRAFT", "SUBMITTED", chairman, firstSubmit);
          if (hadReturn) {
            const at = status === "RETURNED" ? decidedAt : new Date(firstSubmit.getTime() + 2 * 86_400_000);
            const id = decision("return", "SUBMITTED", "RETURNED", reviewer, at, "Đề nghị bổ sung minh chứng và rà soát lại số liệu các chỉ tiêu tỷ lệ.");
            const some = indicatorsOfYear.filter((i) => !i.hasChildren).slice(0, 2);
            for (const ind of some) out.rowComments.push({ id: uuid(), decisionId: id, indicatorId: ind.id, comment: "Số liệu chưa khớp với báo cáo của bộ phận Một cửa." });
            if (status === "APPROVED") decision("submit", "RETURNED", "SUBMITTED", chairman, submittedAt);
          }
          if (status === "APPROVED") decision("approve", "SUBMITTED", "APPROVED", reviewer, decidedAt);
        }
        const enteredAt = new Date(Math.min(submittedAt.getTime() - 86_400_000, now.getTime()));
        const partial = status === "DRAFT" && commune.no !== 1 ? random() : 1;

        for (const ind of indicatorsOfYear) {
          if (ind.hasChildren && ind.src.targetRule === "NONE") continue;
          if (partial < 1 && random() > partial) continue;
          const t = temperament.get(ind.id)!;
          const target = ind.src.targetValue ? Number(ind.src.targetValue) : 80;
          const factor = t < 0.55 ? 1 + random() * 0.08 : t < 0.8 ? 0.93 + random() * 0.04 : 0.6 + random() * 0.15;
          const after = { numerator: null as number | null, denominator: null as number | null, value: null as number | null, done: null as boolean | null, note: null };
          if (ind.src.valueKind === "RATIO") {
            after.denominator = 20 + Math.floor(random() * 300);
            after.numerator = Math.round(after.denominator * Math.min(1, (Math.max(target, 1) / 100) * factor));
          } else if (ind.src.valueKind === "RANK") after.value = t < 0.55 ? 9 + Math.floor(random() * 4) : 14 + Math.floor(random() * 6);
          else if (ind.src.valueKind === "BOOLEAN") after.done = t < 0.55 && period.quarter >= 2;
          else if (ind.src.targetRule === "LOWER_THAN_LAST_YEAR") after.value = t < 0.55 ? 5 : 6 + Math.floor(random() * 3);
          else after.value = Math.round(target * factor * 10) / 10;
          const value = { id: uuid(), indicatorId: ind.id, periodId: period.id, reportId, version: 1, updatedById: staff, updatedAt: enteredAt, ...after };
          out.values.push(value);
          out.audit.push({ id: uuid(), userId: staff, communeId: commune.id, entity: "IndicatorValue", entityId: value.id, action: "create", after, createdAt: enteredAt });
          if (random() < 0.05) {
            out.evidence.push({ id: uuid(), communeId: commune.id, indicatorValueId: value.id, docNumber: `${10 + Math.floor(random() * 300)}/BC-UBND`, docDate: enteredAt, docSummary: "Báo cáo kết quả thực hiện chỉ tiêu (dữ liệu đo hiệu năng)", createdById: staff, createdAt: enteredAt });
          }
        }
        for (const taskId of tasksOfYear) {
          if (partial < 1 && random() > partial) continue;
          const f = fate.get(taskId)!;
          const doneBy = f < 0.5 ? 2 : f < 0.8 ? 4 : 99;
          const taskStatus = period.quarter >= doneBy ? "DONE" : f < 0.9 ? "IN_PROGRESS" : "NOT_STARTED";
          const row: Prisma.TaskProgressCreateManyInput = {
            id: uuid(),
            taskId,
            periodId: period.id,
            reportId,
            status: taskStatus,
            resultText: taskStatus === "DONE" ? "Đã hoàn thành theo kế hoạch." : taskStatus === "IN_PROGRESS" ? "Đang triển khai." : null,
            completedAt: taskStatus === "DONE" ? enteredAt : null,
            version: 1,
            updatedById: staff,
            updatedAt: enteredAt,
          };
          out.progress.push(row);
          out.audit.push({ id: uuid(), userId: staff, communeId: commune.id, entity: "TaskProgress", entityId: row.id!, action: "create", after: { status: taskStatus, resultText: row.resultText, reason: null }, createdAt: enteredAt });
        }
      }
    }
  }
  laterSections.sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0));
  out.sections.push(...laterSections);
  out.indicators.push(...subIndicators);
  return out;
}

function shiftYear(date: Date | null, year: number): Date | null {
  if (!date) return null;
  const d = new Date(date);
  d.setUTCFullYear(year + (d.getUTCFullYear() - 2025 > 0 ? 1 : 0));
  return d;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
