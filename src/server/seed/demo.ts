// Demo data: the four communes of the seed documents, placed where their documents put
// them, their plans imported through the same importer users use, demo users, and a few
// quarters of plausible figures (flagged isDemo) so that pages are not empty.
import { isBaselineWarning } from "@/domain/plans/baseline";
import fs from "node:fs";
import path from "node:path";
import { takeReportSnapshot } from "@/server/reports/snapshot";
import { recordPlanVersion } from "@/server/plans/versions";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { normalizeUnitKey, parsePlanText } from "@/domain/plan-import";
import { seededRandom } from "@/domain/random";
import { hashPassword } from "@/server/auth/password";
import { saveParsedPlan } from "@/server/plans/save-parsed-plan";
import { DEMO_UNIT_REGISTERS } from "./unit-registers";
import { seedAssessmentDemo } from "./assessment-demo";

export const DEMO_PASSWORD = "Demo@2025";
export const DEMO_DOCS_DIR = path.join(process.cwd(), "prisma", "demo");

interface DemoCommune {
  key: string;
  name: string;
  file: string;
  year: number;
  province: string;
  district: string | null;
  placeholder?: boolean;
  /** Quarter -> report status for the demo figures. */
  quarters: Partial<Record<1 | 2 | 3 | 4, "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED">>;
}

export const DEMO_COMMUNES: DemoCommune[] = [
  {
    key: "tanduc",
    name: "Xã Tân Đức",
    file: "tan-duc-2024-par-sipas-plan.txt",
    year: 2024,
    province: "Tỉnh Thái Nguyên",
    district: "Huyện Phú Bình",
    quarters: { 1: "APPROVED", 2: "APPROVED", 3: "APPROVED", 4: "APPROVED" },
  },
  {
    key: "hanhdung",
    name: "Xã Hành Dũng",
    file: "hanh-dung-2025-tthc-control-plan.txt",
    year: 2025,
    province: "Tỉnh Quảng Ngãi",
    district: "Huyện Nghĩa Hành",
    quarters: { 1: "APPROVED", 2: "APPROVED" },
  },
  {
    key: "dienkhanh",
    name: "Xã Diên Khánh",
    file: "dien-khanh-2025-par-sipas-plan.txt",
    year: 2025,
    province: "Tỉnh Khánh Hòa",
    district: null,
    quarters: {},
  },
  {
    key: "taythuan",
    name: "Xã Tây Thuận",
    file: "tay-thuan-2025-indicators.txt",
    year: 2025,
    province: "Tỉnh (chưa xác định – dữ liệu mẫu)",
    district: "Huyện (chưa xác định – dữ liệu mẫu)",
    placeholder: true,
    quarters: { 1: "APPROVED", 2: "APPROVED", 3: "SUBMITTED" },
  },
];

/**
 * The chairman signs the documents with a full name: plainly fictitious ones, marked as demo so
 * that nobody mistakes a printed demo report for a real person's signature.
 */
const DEMO_CHAIRMEN: Record<string, string> = {
  tanduc: "Nguyễn Văn Mẫu (dữ liệu mẫu)",
  hanhdung: "Trần Thị Thử (dữ liệu mẫu)",
  dienkhanh: "Lê Văn Demo (dữ liệu mẫu)",
  taythuan: "Phạm Thị Ví Dụ (dữ liệu mẫu)",
};

const REVIEWER_KEYS: Record<string, string> = {
  "Tỉnh Thái Nguyên": "thainguyen",
  "Huyện Phú Bình": "phubinh",
  "Tỉnh Quảng Ngãi": "quangngai",
  "Huyện Nghĩa Hành": "nghiahanh",
  "Tỉnh Khánh Hòa": "khanhhoa",
  "Tỉnh (chưa xác định – dữ liệu mẫu)": "tinhmau",
  "Huyện (chưa xác định – dữ liệu mẫu)": "huyenmau",
};

export interface DemoAccount {
  username: string;
  fullName: string;
  role: "COMMUNE_STAFF" | "CHAIRMAN" | "REVIEWER" | "ADMIN";
  unit: string;
}


export { isDatabaseEmpty } from "./empty";

export async function seedDemo(db: Db): Promise<{ accounts: DemoAccount[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  const unitIds = new Map<string, string>();

  await db.$transaction(
    async (tx) => {
      const ensureUnit = async (name: string, level: "PROVINCE" | "DISTRICT" | "COMMUNE", parentId: string | null, isPlaceholder = false) => {
        const existing = unitIds.get(name);
        if (existing) return existing;
        const unit = await tx.orgUnit.create({ data: { name, level, parentId, isPlaceholder } });
        unitIds.set(name, unit.id);
        return unit.id;
      };

      const addUser = async (account: DemoAccount, orgUnitId: string, extra: Partial<Prisma.UserCreateManyInput> = {}) => {
        await tx.user.create({
          data: { username: account.username, fullName: account.fullName, role: account.role, orgUnitId, passwordHash, ...extra },
        });
        accounts.push(account);
      };

      const adminRoot = await ensureUnit("Quản trị hệ thống", "PROVINCE", null);
      await addUser({ username: "admin", fullName: "Quản trị viên", role: "ADMIN", unit: "Toàn hệ thống" }, adminRoot);

      for (const c of DEMO_COMMUNES) {
        const provinceId = await ensureUnit(c.province, "PROVINCE", null, !!c.placeholder);
        const districtId = c.district ? await ensureUnit(c.district, "DISTRICT", provinceId, !!c.placeholder) : null;
        const communeId = await ensureUnit(c.name, "COMMUNE", districtId ?? provinceId);
        const short = c.name.replace(/^Xã /, "");
        await addUser({ username: `${c.key}.canbo`, fullName: `Công chức Văn phòng – ${short}`, role: "COMMUNE_STAFF", unit: c.name }, communeId);
        await addUser({ username: `${c.key}.chutich`, fullName: DEMO_CHAIRMEN[c.key] ?? `Chủ tịch UBND – ${short}`, role: "CHAIRMAN", unit: c.name }, communeId, {
          canSubmit: true,
        });

        // The register first, so the plan's unit phrases land on its offices through names and aliases.
        await tx.responsibleUnit.createMany({
          data: (DEMO_UNIT_REGISTERS[c.key] ?? []).map((u) => ({
            communeId,
            name: u.name,
            normalizedName: normalizeUnitKey(u.name),
            kind: u.kind,
            aliases: u.aliases ?? [],
          })),
        });
        const text = fs.readFileSync(path.join(DEMO_DOCS_DIR, c.file), "utf8");
        const parsed = parsePlanText(text, { year: c.year });
        await saveParsedPlan(tx, {
          communeId,
          parsed,
          year: parsed.year ?? c.year,
          sourceText: text,
          sourceName: c.file,
          actorId: null,
          isDemo: true,
        });
      }

      for (const [unitName, key] of Object.entries(REVIEWER_KEYS)) {
        const id = unitIds.get(unitName);
        if (!id) continue;
        await addUser({ username: `${key}.thamdinh`, fullName: `Cán bộ thẩm định – ${unitName}`, role: "REVIEWER", unit: unitName }, id);
      }
      // The province department (Sở Nội vụ) reviewer of Khánh Hòa is the one Diên Khánh reports to.
      await seedPeriods(tx);
      await seedFigures(tx, unitIds);
      await seedAssessmentDemo(tx);
      await seedRecords(tx);
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  return { accounts };
}

async function seedPeriods(tx: Prisma.TransactionClient) {
  const data = [];
  for (const year of [2024, 2025, 2026]) {
    for (const quarter of [1, 2, 3, 4]) data.push({ year, quarter });
  }
  await tx.reportingPeriod.createMany({ data });
}

async function seedFigures(tx: Prisma.TransactionClient, unitIds: Map<string, string>) {
  const periods = await tx.reportingPeriod.findMany();
  const periodId = (year: number, quarter: number) => periods.find((p) => p.year === year && p.quarter === quarter)!.id;

  for (const [ci, c] of DEMO_COMMUNES.entries()) {
    const communeId = unitIds.get(c.name)!;
    const random = seededRandom(1000 + ci);
    const plans = await tx.plan.findMany({
      where: { communeId },
      include: { indicators: { include: { children: { select: { id: true } } } }, tasks: true },
    });
    const indicators = plans.flatMap((p) => p.indicators);
    const tasks = plans.flatMap((p) => p.tasks);

    // Last year's rank (demo figure); the import's "cần nhập" warning about it goes. The plans
    // state no count for last year's "giảm so với năm trước" rows, so those stay without one:
    // the report page asks the chairman for it (issue 17).
    for (const ind of indicators) {
      if (ind.targetRule === "BETTER_RANK") {
        await tx.indicator.update({ where: { id: ind.id }, data: { baselineValue: 14, importWarnings: ind.importWarnings.filter((w) => !isBaselineWarning(w)) } });
      }
    }

    // Each indicator gets a temperament so the demo shows đạt, có nguy cơ and chưa đạt rows.
    const temperament = new Map(indicators.map((ind) => [ind.id, random()]));
    const taskFate = new Map(tasks.map((t) => [t.id, random()]));

    for (const [qText, status] of Object.entries(c.quarters)) {
      const quarter = Number(qText);
      const report = await tx.quarterlyReport.create({
        data: {
          id: randomUUID(),
          communeId,
          periodId: periodId(c.year, quarter),
          status,
          submittedAt: status === "DRAFT" ? null : new Date(Date.UTC(c.year, quarter * 3, 5)),
          decidedAt: status === "APPROVED" ? new Date(Date.UTC(c.year, quarter * 3, 12)) : null,
        },
      });
      // The workflow history a real report would have: submitted by the chairman, decided by the reviewer above.
      if (status !== "DRAFT") {
        const chairman = await tx.user.findUniqueOrThrow({ where: { username: `${c.key}.chutich` } });
        const commune = await tx.orgUnit.findUniqueOrThrow({ where: { id: communeId } });
        const reviewer = await tx.user.findFirst({ where: { orgUnitId: commune.parentId!, role: "REVIEWER" } });
        const decisions: Prisma.ReviewDecisionCreateManyInput[] = [
          { communeId, reportId: report.id, action: "submit", fromStatus: "DRAFT", toStatus: "SUBMITTED", userId: chairman.id, createdAt: report.submittedAt! },
        ];
        if (status === "APPROVED" && reviewer) {
          decisions.push({ communeId, reportId: report.id, action: "approve", fromStatus: "SUBMITTED", toStatus: "APPROVED", userId: reviewer.id, createdAt: report.decidedAt! });
        }
        await tx.reviewDecision.createMany({ data: decisions });
      }
      const values: Prisma.IndicatorValueCreateManyInput[] = [];
      for (const ind of indicators) {
        if (ind.children.length > 0 && ind.targetRule === "NONE") continue;
        const t = temperament.get(ind.id)!;
        const target = ind.targetValue ? Number(ind.targetValue) : 80;
        const base = { id: randomUUID(), indicatorId: ind.id, periodId: report.periodId, reportId: report.id, isDemo: true };
        // Temperament: < 0.55 meets the target, < 0.8 a little short, otherwise well short.
        const factor = t < 0.55 ? 1 + random() * 0.08 : t < 0.8 ? 0.93 + random() * 0.04 : 0.6 + random() * 0.15;
        if (ind.valueKind === "RATIO") {
          const denominator = 20 + Math.floor(random() * 100);
          const share = Math.min(1, (Math.max(target, 1) / 100) * factor);
          values.push({ ...base, numerator: Math.round(denominator * share), denominator });
        } else if (ind.valueKind === "RANK") {
          values.push({ ...base, value: t < 0.55 ? 11 : 15 });
        } else if (ind.valueKind === "BOOLEAN") {
          values.push({ ...base, done: t < 0.55 && quarter >= 2 });
        } else if (ind.targetRule === "LOWER_THAN_LAST_YEAR") {
          values.push({ ...base, value: t < 0.55 ? 5 : 6 });
        } else {
          values.push({ ...base, value: Math.round(target * factor * 10) / 10 });
        }
      }
      if (values.length) await tx.indicatorValue.createMany({ data: values });

      const progress: Prisma.TaskProgressCreateManyInput[] = tasks.map((task) => {
        const fate = taskFate.get(task.id)!;
        const doneBy = fate < 0.5 ? 2 : fate < 0.8 ? 4 : 99; // some tasks are never finished
        const statusOf = quarter >= doneBy ? "DONE" : quarter >= 1 && fate < 0.9 ? "IN_PROGRESS" : "NOT_STARTED";
        return {
          id: randomUUID(),
          taskId: task.id,
          periodId: report.periodId,
          reportId: report.id,
          status: statusOf,
          resultText: statusOf === "DONE" ? "Đã hoàn thành theo kế hoạch (số liệu mẫu)." : statusOf === "IN_PROGRESS" ? "Đang triển khai (số liệu mẫu)." : null,
          isDemo: true,
        };
      });
      if (progress.length) await tx.taskProgress.createMany({ data: progress });
    }
  }
}

/**
 * Issue 14: the demo is coherent with "an approved report is a record". A commune with reports
 * on file has its plans in force (approved by the level above, version 1 kept), and every
 * submitted or approved report has the snapshot it was submitted with.
 */
async function seedRecords(tx: Prisma.TransactionClient) {
  const reports = await tx.quarterlyReport.findMany({
    where: { status: { in: ["SUBMITTED", "APPROVED"] } },
    orderBy: [{ communeId: "asc" }, { submittedAt: "asc" }],
    select: { id: true, communeId: true, submittedAt: true, period: { select: { year: true } } },
  });
  const communes = [...new Set(reports.map((r) => r.communeId))];
  const plans = await tx.plan.findMany({ where: { communeId: { in: communes } }, select: { id: true, year: true } });
  for (const plan of plans) {
    const inForceAt = new Date(Date.UTC(plan.year, 0, 20));
    await tx.plan.update({ where: { id: plan.id }, data: { status: "APPROVED", submittedAt: new Date(Date.UTC(plan.year, 0, 10)), decidedAt: inForceAt, inForceAt, versionNo: 1 } });
    await recordPlanVersion(tx, plan.id, 1, null, null, inForceAt);
  }
  // Khánh Hòa shows the other setting: the province does not review commune plans, so Diên
  // Khánh's plan is in force once the commune issued it (its plan is dated October 2025).
  const khanhHoa = await tx.orgUnit.findFirst({ where: { name: "Tỉnh Khánh Hòa", level: "PROVINCE" } });
  if (khanhHoa) {
    await tx.orgUnit.update({ where: { id: khanhHoa.id }, data: { reviewsPlans: false } });
    const issued = await tx.plan.findMany({ where: { commune: { parentId: khanhHoa.id }, status: "DRAFT" }, select: { id: true, year: true, documentDate: true } });
    for (const plan of issued) {
      const inForceAt = plan.documentDate ?? new Date(Date.UTC(plan.year, 9, 24));
      await tx.plan.update({ where: { id: plan.id }, data: { status: "SUBMITTED", submittedAt: inForceAt, inForceAt, versionNo: 1 } });
      await recordPlanVersion(tx, plan.id, 1, null, null, inForceAt);
    }
  }
  const chairmen = await tx.user.findMany({ where: { orgUnitId: { in: communes }, role: "CHAIRMAN" }, select: { id: true, orgUnitId: true } });
  for (const r of reports) {
    const by = chairmen.find((c) => c.orgUnitId === r.communeId);
    await takeReportSnapshot(tx, r.id, by?.id ?? null, r.submittedAt!);
  }
}
