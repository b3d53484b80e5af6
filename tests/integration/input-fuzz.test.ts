// Malformed input, generated: the main actions are called with a valid input broken in one to
// three ways at random (wrong types, huge strings, negative or fractional counts, numerator >
// denominator, impossible or out-of-range dates, unknown ids, ids of another commune). Every
// such call must be refused with a Vietnamese message, and the database must be exactly as it
// was (every table's row count and rows, and the figures' checksum). The zod schemas are also
// fed random JSON: they never throw and always answer in Vietnamese.
//
// The generator is a small seeded PRNG (src/domain/random.ts, the one the demo seed uses): a failure prints its seed and case, and
// FUZZ_SEED=<n> FUZZ_RUNS=<n> reproduce or widen a run.
import { beforeAll, describe, expect, it } from "vitest";
import { parsedPlan, parsedTask } from "../support/parsed-plan";
import { explainRedRows } from "../support/explain";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { dbFingerprint, figuresChecksum, VIETNAMESE, type Fingerprint } from "../support/fingerprint";
import { seededRandom } from "@/domain/random";
import { saveReport, submitReport } from "@/server/reports/actions";
import { decideSubmission } from "@/server/review/actions";
import { setReportingDeadline } from "@/server/calendar/actions";
import { createOrgUnit, createUser, resetPassword, updateUser } from "@/server/admin/actions";
import { attachEvidenceReference } from "@/server/evidence/actions";
import { confirmPlanImport } from "@/server/plans/import-actions";
import { confirmImportSchema } from "@/server/plans/schemas";
import { id as idSchema, optionalText, text } from "@/server/validation";

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

type Rng = () => number;
const pick = <T,>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const huge = (r: Rng, over: number) => "Ầ".repeat(over + 1 + int(r, 0, 50));

/** Values that are never a valid year or quarter, even after coercion. */
const BAD_NUMBERS = ["abc", "", null, NaN, Infinity, -1, 0, 2.5, 1e300, {}, [], true, "1e999"] as const;
/** For z.coerce fields ("2025" is a valid year there). */
const BAD_YEARS = [...BAD_NUMBERS, 1999, 2101, 2025.5, "2025.5", -2025] as const;
/** For strict z.number() fields, where even "2025" is the wrong type. */
const BAD_STRICT_YEARS = [...BAD_YEARS, "2025"] as const;
const BAD_QUARTERS = [...BAD_NUMBERS, 5, 4.5, "4.5", -4] as const;
const BAD_STRICT_QUARTERS = [...BAD_QUARTERS, "4"] as const;

const clone = <T,>(v: T): T => structuredClone(v);

type Mutation<T> = { name: string; apply: (input: T, r: Rng) => void };

const t = setupTestDb();
const ids = {} as {
  hanhDung: string;
  dienKhanh: string;
  district: string;
  ratioIndicator: string;
  otherIndicator: string;
  task: string;
  otherTask: string;
  submittedReport: string;
  otherSubmittedReport: string;
  staffUser: string;
  otherResponsibleUnit: string;
};

async function submittedReport(communeId: string) {
  const period = await t.db.reportingPeriod.upsert({ where: { year_quarter: { year: 2025, quarter: 3 } }, update: {}, create: { year: 2025, quarter: 3 } });
  return t.db.quarterlyReport.upsert({
    where: { communeId_periodId: { communeId, periodId: period.id } },
    update: { status: "SUBMITTED", submittedAt: new Date() },
    create: { communeId, periodId: period.id, status: "SUBMITTED", submittedAt: new Date() },
  });
}

beforeAll(async () => {
  const hd = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } });
  const dk = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Diên Khánh" } });
  const td = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Tây Thuận" } });
  ids.hanhDung = hd.id;
  ids.dienKhanh = dk.id;
  ids.district = hd.parentId!;
  ids.ratioIndicator = (await t.db.indicator.findFirstOrThrow({ where: { plan: { communeId: hd.id, year: 2025 }, valueKind: "RATIO" } })).id;
  ids.otherIndicator = (await t.db.indicator.findFirstOrThrow({ where: { plan: { communeId: td.id, year: 2025 } } })).id;
  ids.task = (await t.db.task.findFirstOrThrow({ where: { plan: { communeId: hd.id, year: 2025 } } })).id;
  ids.otherTask = (await t.db.task.findFirstOrThrow({ where: { plan: { communeId: dk.id, year: 2025 } } })).id;
  ids.submittedReport = (await submittedReport(hd.id)).id;
  ids.otherSubmittedReport = (await submittedReport(dk.id)).id;
  ids.staffUser = (await t.db.user.findUniqueOrThrow({ where: { username: "hanhdung.canbo" } })).id;
  ids.otherResponsibleUnit = (await t.db.responsibleUnit.findFirstOrThrow({ where: { communeId: dk.id } })).id;
}, 180_000);

interface FuzzCase<T> {
  name: string;
  user: string;
  base: () => T;
  call: (input: T) => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string> }>;
  mutations: Mutation<T>[];
}

function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k]?.md5 !== after[k]?.md5 || before[k]?.rows !== after[k]?.rows);
}

async function fuzz<T>(c: FuzzCase<T>, salt: number) {
  const r = seededRandom(SEED + salt);
  await actAs(c.user);
  const failures: string[] = [];
  const before = await dbFingerprint(t.db);
  const figures = await figuresChecksum(t.db);
  for (let i = 0; i < RUNS; i++) {
    const input = clone(c.base());
    const applied: string[] = [];
    for (let k = int(r, 1, 3); k > 0; k--) {
      const m = pick(r, c.mutations);
      m.apply(input, r);
      applied.push(m.name);
    }
    const label = `${c.name} #${i} [${applied.join(", ")}] (FUZZ_SEED=${SEED})`;
    let result;
    try {
      result = await c.call(input);
    } catch (error) {
      failures.push(`${label}: threw ${(error as Error).message}`);
      continue;
    }
    if (result.ok) failures.push(`${label}: accepted ${JSON.stringify(input)?.slice(0, 300)}`);
    else {
      const messages = [result.error ?? "", ...Object.values(result.fieldErrors ?? {})];
      const notVietnamese = messages.filter((m) => !VIETNAMESE.test(m));
      if (notVietnamese.length) failures.push(`${label}: not Vietnamese: ${JSON.stringify(notVietnamese)}`);
      if (/lỗi hệ thống/.test(result.error ?? "")) failures.push(`${label}: crashed: ${result.error}`);
    }
    const after = await dbFingerprint(t.db);
    const changed = changedTables(before, after);
    if (changed.length) {
      failures.push(`${label}: wrote to ${changed.join(", ")}`);
      break;
    }
  }
  expect(failures).toEqual([]);
  expect(await figuresChecksum(t.db)).toEqual(figures);
  // The unbroken input is accepted: the refusals above were for the breakage, not the base.
  const control = await c.call(clone(c.base()));
  expect(control, `${c.name}: the valid base input: ${JSON.stringify(control)}`).toMatchObject({ ok: true });
}

type Obj = Record<string, unknown>;
const set = (path: string, value: (r: Rng) => unknown): Mutation<Obj> => ({
  name: `${path}=…`,
  apply: (input, r) => {
    const keys = path.split(".");
    let o: unknown = input;
    for (const k of keys.slice(0, -1)) o = o && typeof o === "object" ? (o as Obj)[k] : undefined;
    // An earlier mutation replaced a parent with something else: the input is broken already.
    if (o && typeof o === "object") (o as Obj)[keys.at(-1)!] = value(r);
  },
});

const assignFirst = (list: unknown, fields: Obj) => {
  const first = Array.isArray(list) ? list[0] : undefined;
  if (first && typeof first === "object") Object.assign(first, fields);
};

const unknownId = (r: Rng) => pick(r, ["khong-ton-tai", "clxxxxxxxxxxxxxxxxxxxxxxx", "../../etc/passwd", "' or 1=1 --", "x".repeat(65), 12345, null, ""]);

describe("generated malformed input is refused in Vietnamese and changes nothing", () => {
  it("saveReport", async () => {
    await fuzz<Obj>(
      {
        name: "saveReport",
        user: "hanhdung.canbo",
        base: () => ({
          year: 2025,
          quarter: 4,
          indicators: [{ indicatorId: ids.ratioIndicator, version: null, numerator: 3, denominator: 5, value: null, done: null, note: "Ghi chú" }],
          tasks: [{ taskId: ids.task, version: null, status: "IN_PROGRESS", resultText: "Đang làm", reason: null }],
        }),
        call: (input) => saveReport(input as never),
        mutations: [
          set("year", (r) => pick(r, BAD_STRICT_YEARS)),
          set("quarter", (r) => pick(r, BAD_STRICT_QUARTERS)),
          set("indicators.0.numerator", (r) => pick(r, [-1, -int(r, 1, 1e6), 1.5, int(r, 1, 100) + 0.25, NaN, Infinity, "3", {}, 1e8, 1e300])),
          set("indicators.0.denominator", (r) => pick(r, [-5, 0.5, 2.75, "5", 1e300, -Infinity])),
          { name: "numerator>denominator", apply: (i, r) => assignFirst(i.indicators, { numerator: 6 + int(r, 0, 1e6), denominator: 5 }) },
          { name: "numerator without denominator", apply: (i) => assignFirst(i.indicators, { denominator: null }) },
          set("indicators.0.indicatorId", (r) => pick(r, [unknownId(r), ids.otherIndicator, ids.task])),
          set("indicators.0.version", (r) => pick(r, [-1, 1.5, "0", {}, 7])),
          set("indicators.0.note", (r) => pick(r, [huge(r, 2000), 42, {}])),
          set("tasks.0.status", (r) => pick(r, ["FINISHED", "done", null, 3, ""])),
          { name: "CANNOT_DO without reason", apply: (i) => assignFirst(i.tasks, { status: "CANNOT_DO", reason: null }) },
          set("tasks.0.resultText", (r) => huge(r, 4000)),
          set("tasks.0.taskId", (r) => pick(r, [unknownId(r), ids.otherTask, ids.ratioIndicator])),
          set("indicators", (r) => pick(r, ["abc", 42, { 0: 1 }, Array.from({ length: 2001 }, () => ({}))])),
          set("tasks", (r) => pick(r, ["abc", 42, [null], [1, 2]])),
        ],
      },
      1,
    );
  });

  it("submitReport", async () => {
    // Issue 17: the valid base goes up only with reasons on its red rows.
    await explainRedRows(t, "hanhdung.chutich", 2025, 4);
    await fuzz<Obj>(
      {
        name: "submitReport",
        user: "hanhdung.chutich",
        base: () => ({ year: 2025, quarter: 4 }),
        call: (input) => submitReport(input as never),
        mutations: [set("year", (r) => pick(r, BAD_STRICT_YEARS)), set("quarter", (r) => pick(r, BAD_STRICT_QUARTERS))],
      },
      2,
    );
  });

  it("decideSubmission", async () => {
    await fuzz<Obj>(
      {
        name: "decideSubmission",
        user: "nghiahanh.thamdinh",
        base: () => ({
          subjectType: "report",
          subjectId: ids.submittedReport,
          decision: "return",
          comment: "Cần bổ sung minh chứng.",
          rowComments: [{ indicatorId: ids.ratioIndicator, comment: "Kiểm tra mẫu số." }],
        }),
        call: (input) => decideSubmission(input as never),
        mutations: [
          set("subjectType", (r) => pick(r, ["invoice", "", null, 1])),
          set("subjectId", (r) => pick(r, [unknownId(r), ids.otherSubmittedReport, ids.hanhDung])),
          set("decision", (r) => pick(r, ["delete", "APPROVE", null, 0, "submit"])),
          set("comment", (r) => pick(r, [huge(r, 4000), "   ", null, 12])),
          set("rowComments.0.indicatorId", (r) => pick(r, [ids.otherIndicator, unknownId(r), ids.otherTask])),
          set("rowComments.0.comment", (r) => pick(r, [huge(r, 4000), null, 5])),
          set("rowComments", (r) => pick(r, ["abc", 1, [1], Array.from({ length: 1001 }, () => ({ comment: "x" }))])),
        ],
      },
      3,
    );
  });

  it("setReportingDeadline", async () => {
    await fuzz<Record<string, string>>(
      {
        name: "setReportingDeadline",
        user: "nghiahanh.thamdinh",
        // A district may only set a date earlier than the province's (20/12/2025 by the common rule).
        base: () => ({ year: "2025", quarter: "4", dueDate: "10/12/2025" }),
        call: (input) => setReportingDeadline(null, formData(input)),
        mutations: [
          { name: "dueDate", apply: (i, r) => (i.dueDate = pick(r, ["30/02/2026", "32/01/2026", "01/13/2026", "01/01/2030", "31/12/2024", "", "x".repeat(5000), "hôm nay", "0/0/0"])) },
          { name: "year", apply: (i, r) => (i.year = pick(r, ["abc", "1999", "2101", "2025.5", ""])) },
          { name: "quarter", apply: (i, r) => (i.quarter = pick(r, ["0", "5", "2.5", "IV", ""])) },
        ],
      },
      4,
    );
  });

  it("admin: createOrgUnit, createUser, updateUser, resetPassword", async () => {
    await fuzz<Record<string, string>>(
      {
        name: "createOrgUnit",
        user: "admin",
        base: () => ({ name: "Xã Mới Lập", level: "COMMUNE", parentId: ids.district }),
        call: (input) => createOrgUnit(null, formData(input)),
        mutations: [
          { name: "name", apply: (i, r) => (i.name = pick(r, ["", "   ", huge(r, 200)])) },
          { name: "level", apply: (i, r) => (i.level = pick(r, ["VILLAGE", "commune", ""])) },
          { name: "parentId", apply: (i, r) => (i.parentId = pick(r, ["khong-ton-tai", "x".repeat(65), ids.hanhDung])) },
          { name: "province with parent", apply: (i) => (i.level = "PROVINCE") },
        ],
      },
      5,
    );
    const userBase = () => ({ username: "nguoi.moi.fuzz", fullName: "Người Mới", role: "COMMUNE_STAFF", orgUnitId: ids.hanhDung, password: "MatKhau@2026" });
    await fuzz<Record<string, string>>(
      {
        name: "createUser",
        user: "admin",
        base: userBase,
        call: (input) => createUser(null, formData(input)),
        mutations: [
          { name: "username", apply: (i, r) => (i.username = pick(r, ["a", "Có Dấu!", "x".repeat(51), "admin", "a b/c", ""])) },
          { name: "password", apply: (i, r) => (i.password = pick(r, ["1234567", "", huge(r, 200)])) },
          { name: "role", apply: (i, r) => (i.role = pick(r, ["ROOT", "admin", ""])) },
          { name: "orgUnitId", apply: (i, r) => (i.orgUnitId = pick(r, ["khong-ton-tai", "x".repeat(65), ""])) },
          { name: "reviewer of a commune", apply: (i) => (i.role = "REVIEWER") },
          { name: "responsible unit of another commune", apply: (i) => (i.responsibleUnitId = ids.otherResponsibleUnit) },
          { name: "fullName", apply: (i, r) => (i.fullName = pick(r, ["", "  ", huge(r, 120)])) },
        ],
      },
      6,
    );
    await fuzz<Record<string, string>>(
      {
        name: "updateUser",
        user: "admin",
        base: () => ({ id: ids.staffUser, fullName: "Công chức Văn phòng – Hành Dũng", role: "COMMUNE_STAFF", orgUnitId: ids.hanhDung, active: "on" }),
        call: (input) => updateUser(null, formData(input)),
        mutations: [
          { name: "id", apply: (i, r) => (i.id = pick(r, ["khong-ton-tai", "x".repeat(65), ""])) },
          { name: "role", apply: (i, r) => (i.role = pick(r, ["ROOT", ""])) },
          { name: "orgUnitId", apply: (i, r) => (i.orgUnitId = pick(r, ["khong-ton-tai", ids.district])) },
          { name: "fullName", apply: (i, r) => (i.fullName = pick(r, ["", huge(r, 120)])) },
          { name: "responsible unit of another commune", apply: (i) => (i.responsibleUnitId = ids.otherResponsibleUnit) },
        ],
      },
      7,
    );
    await fuzz<Record<string, string>>(
      {
        name: "resetPassword",
        user: "admin",
        base: () => ({ id: ids.staffUser, password: "MatKhau@2026" }),
        call: (input) => resetPassword(null, formData(input)),
        mutations: [
          { name: "id", apply: (i, r) => (i.id = pick(r, ["khong-ton-tai", "x".repeat(65), ""])) },
          { name: "password", apply: (i, r) => (i.password = pick(r, ["short", "", huge(r, 200)])) },
        ],
      },
      8,
    );
  });

  it("attachEvidenceReference", async () => {
    // The submitReport control above sent quarter IV up; reopen it as a draft for this one.
    await t.db.quarterlyReport.updateMany({ where: { communeId: ids.hanhDung, period: { year: 2025, quarter: 4 } }, data: { status: "DRAFT", submittedAt: null } });
    await fuzz<Obj>(
      {
        name: "attachEvidenceReference",
        user: "hanhdung.canbo",
        base: () => ({ year: 2025, quarter: 4, kind: "task", rowId: ids.task, docNumber: "Số: 12/BC-UBND", docDate: "2025-10-01", docSummary: "Báo cáo kết quả quý IV" }),
        call: (input) => attachEvidenceReference(input as never),
        mutations: [
          set("docDate", (r) => pick(r, ["2025-02-30", "1999-12-31", "2101-01-01", "01/10/2025", "2025-13-01", 20251001, "0000-00-00", "x".repeat(300)])),
          set("docNumber", (r) => pick(r, ["", "   ", "Số:", huge(r, 100), null, 12])),
          set("docSummary", (r) => pick(r, ["", huge(r, 500), null, {}])),
          set("kind", (r) => pick(r, ["file", "", null, 1])),
          set("rowId", (r) => pick(r, [unknownId(r), ids.otherTask, ids.otherIndicator])),
          set("year", (r) => pick(r, [...BAD_YEARS, 2024])),
          set("quarter", (r) => pick(r, [0, 5, 2.5, "abc", null])),
        ],
      },
      9,
    );
  });

  it("confirmPlanImport", async () => {
    const task = parsedTask({ deadline: { text: "Quý II", kind: "PERIOD", dueDate: null, periodStart: "2026-04-01", periodEnd: "2026-06-30" } });
    await fuzz<Obj>(
      {
        name: "confirmPlanImport",
        user: "hanhdung.canbo",
        base: () => ({
          sourceText: null,
          sourceName: null,
          plan: parsedPlan([clone(task)], { title: "Kế hoạch thử" }),
        }),
        call: (input) => confirmPlanImport(input as never),
        mutations: [
          set("plan.rows", (r) => pick(r, [[], "abc", null, Array.from({ length: 2001 }, () => clone(task))])),
          set("plan.rows.0.type", (r) => pick(r, ["chapter", null, 1])),
          set("plan.rows.0.parentIndex", (r) => pick(r, [0, 5, -1, 1.5, "0"])),
          set("plan.rows.0.content", (r) => pick(r, ["", "  \n ", huge(r, 10000), null])),
          set("plan.rows.0.deadline.dueDate", (r) => pick(r, ["2026-13-01", "2026-02-30", "1999-01-01", "31/12/2026", 5])),
          set("plan.rows.0.deadline.kind", (r) => pick(r, ["SOON", null])),
          set("plan.rows.0.leadUnits", (r) => pick(r, ["Văn phòng", [""], Array.from({ length: 31 }, (_, k) => `Ban ${k}`), [huge(r, 200)]])),
          set("plan.year", (r) => pick(r, BAD_YEARS)),
          set("plan.kind", (r) => pick(r, ["X", null, ""])),
          set("plan.title", (r) => pick(r, ["", huge(r, 500), null])),
          set("plan.documentDate", (r) => pick(r, ["2026-02-30", "hôm nay", 1])),
          set("sourceText", (r) => pick(r, [42, {}, "x".repeat(2_000_001)])),
          set("plan", (r) => pick(r, [null, "abc", [], 1])),
        ],
      },
      10,
    );
  });
});

describe("zod schemas fed random JSON", () => {
  function randomJson(r: Rng, depth = 0): unknown {
    const k = int(r, 0, depth > 3 ? 5 : 8);
    switch (k) {
      case 0:
        return null;
      case 1:
        return pick(r, [0, -1, 1.5, NaN, Infinity, -Infinity, 1e308, 2025, Number.MAX_SAFE_INTEGER + 2]);
      case 2:
        return pick(r, ["", " ", "Ầ".repeat(int(r, 0, 3000)), "2025-02-30", "<script>alert(1)</script>", "\u0000", "Tân Đức", "ma\u0301"]);
      case 3:
        return r() < 0.5;
      case 4:
        return undefined;
      case 5:
        return pick(r, ["section", "task", "indicator", "DRAFT", "AT_LEAST", "RATIO"]);
      case 6:
        return Array.from({ length: int(r, 0, 4) }, () => randomJson(r, depth + 1));
      default: {
        const keys = ["plan", "rows", "type", "title", "year", "kind", "content", "name", "target", "deadline", "parentIndex", "warnings", "raw", "sourceText", "__proto__", "constructor"];
        return Object.fromEntries(Array.from({ length: int(r, 0, 6) }, () => [pick(r, keys), randomJson(r, depth + 1)]));
      }
    }
  }

  it("never throw, and every message is Vietnamese", () => {
    const r = seededRandom(SEED);
    const schemas = { confirmImportSchema, text: text("Tên", 200), optionalText: optionalText("Ghi chú", 2000), id: idSchema("Mã") };
    const problems: string[] = [];
    for (let i = 0; i < 400; i++) {
      const value = randomJson(r);
      for (const [name, schema] of Object.entries(schemas)) {
        const result = schema.safeParse(value);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          if (!VIETNAMESE.test(issue.message)) problems.push(`${name}: ${JSON.stringify(issue.message)} for ${JSON.stringify(value)?.slice(0, 120)}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
