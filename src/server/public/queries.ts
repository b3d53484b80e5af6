// The commune's public results (no sign-in): only what the chairman chose to publish, only
// figures of quarters the level above APPROVED, only this commune. The page, the CSV and the
// JSON all read this one function, so none can show more than another.
import { getDb } from "@/server/db";
import { indicatorStatus, STATUS_LABEL, type QuarterValue } from "@/domain/evaluation";
import { targetText } from "@/domain/evaluation/display";
import { todayInVietnam } from "@/domain/format";
import { INDEX_RULE_VI, sampleSize, summarize, type Answer } from "@/domain/survey";

const num = (d: { toNumber(): number } | null | undefined) => (d === null || d === undefined ? null : d.toNumber());

export interface PublicIndicator {
  plan: string;
  code: string | null;
  name: string;
  target: string | null;
  unit: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  done: boolean | null;
  status: string;
  approvedQuarters: number[];
}

export interface PublicTask {
  plan: string;
  code: string | null;
  content: string;
  result: string | null;
  quarter: number;
}

export interface PublicSurveyResult {
  title: string;
  startsOn: string;
  endsOn: string;
  answers: number;
  satisfied: number;
  overall: number | null;
  aspects: { label: string; rated: number; satisfied: number; percent: number | null; distribution: number[] }[];
  reasons: { label: string; count: number }[];
  months: { month: string; answers: number; percent: number | null }[];
  sampleNeeded: number | null;
  comments: { date: string; text: string }[];
}

export interface PublicData {
  commune: string;
  slug: string;
  year: number;
  years: number[];
  approvedQuarters: number[];
  shows: { indicators: boolean; tasks: boolean; surveys: boolean };
  indicators: PublicIndicator[];
  tasks: PublicTask[];
  surveys: PublicSurveyResult[];
  method: string[];
  generatedAt: string;
}

export async function publicData(slug: string, requestedYear?: number | null): Promise<PublicData | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const db = await getDb();
  const setting = await db.publicationSetting.findUnique({ where: { slug }, include: { commune: { select: { id: true, name: true } } } });
  if (!setting || !setting.enabled) return null;
  const communeId = setting.commune.id;

  const [approvedReports, surveyYears] = await Promise.all([
    db.quarterlyReport.findMany({ where: { communeId, status: "APPROVED" }, select: { id: true, period: { select: { id: true, year: true, quarter: true } } } }),
    setting.showSurveys ? db.survey.findMany({ where: { communeId, published: true }, select: { year: true }, distinct: ["year"] }) : [],
  ]);
  const approvedPlanYears = (await db.plan.findMany({ where: { communeId, status: "APPROVED" }, select: { year: true }, distinct: ["year"] })).map((p) => p.year);
  const years = [...new Set([...approvedReports.map((r) => r.period.year), ...approvedPlanYears, ...surveyYears.map((s) => s.year)])].sort((a, b) => b - a);
  const year = requestedYear && years.includes(requestedYear) ? requestedYear : (years[0] ?? Number(todayInVietnam().slice(0, 4)));
  const reportsOfYear = approvedReports.filter((r) => r.period.year === year);
  const approvedQuarters = reportsOfYear.map((r) => r.period.quarter).sort();
  const reportIds = reportsOfYear.map((r) => r.id);
  const quarterOfReport = new Map(reportsOfYear.map((r) => [r.id, r.period.quarter]));

  // A plan is shown once it is approved, or once a quarter's report measuring it was approved.
  const planWhere = { communeId, year, ...(reportIds.length ? {} : { status: "APPROVED" as const }) };
  const plans = setting.showIndicators || setting.showTasks ? await db.plan.findMany({ where: planWhere, select: { id: true, title: true }, orderBy: { createdAt: "asc" } }) : [];
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));

  let indicators: PublicIndicator[] = [];
  if (setting.showIndicators && plans.length) {
    const rows = await db.indicator.findMany({
      where: { planId: { in: plans.map((p) => p.id) } },
      orderBy: [{ planId: "asc" }, { position: "asc" }],
      select: {
        id: true, planId: true, code: true, name: true, targetText: true, targetRule: true, targetValue: true, baselineValue: true, valueKind: true, measurementUnit: true,
        values: { where: { reportId: { in: reportIds } }, select: { reportId: true, numerator: true, denominator: true, value: true, done: true } },
        _count: { select: { children: true } },
      },
    });
    const asOf = approvedQuarters.at(-1) ?? 0;
    indicators = rows
      .filter((r) => !(r._count.children > 0 && r.targetRule === "NONE"))
      .map((r) => {
        const quarters: QuarterValue[] = r.values.map((v) => ({
          quarter: quarterOfReport.get(v.reportId)! as QuarterValue["quarter"],
          numerator: num(v.numerator),
          denominator: num(v.denominator),
          value: num(v.value),
          done: v.done,
        }));
        const shape = { valueKind: r.valueKind, targetRule: r.targetRule, measurementUnit: r.measurementUnit, name: r.name, targetValue: num(r.targetValue), baselineValue: num(r.baselineValue) };
        const result = indicatorStatus(shape, quarters, Math.max(asOf, 1));
        return {
          plan: planTitle.get(r.planId)!,
          code: r.code,
          name: r.name,
          target: r.targetText ?? (r.targetRule === "NONE" ? null : targetText(shape)),
          unit: result.ytd.aggregation === "RATIO" ? "%" : r.measurementUnit,
          numerator: result.ytd.numerator,
          denominator: result.ytd.denominator,
          value: result.ytd.value,
          done: result.ytd.done,
          status: STATUS_LABEL[result.status],
          approvedQuarters: quarters.map((q) => q.quarter).sort(),
        };
      });
  }

  let tasks: PublicTask[] = [];
  if (setting.showTasks && plans.length && reportIds.length) {
    const done = await db.taskProgress.findMany({
      where: { reportId: { in: reportIds }, status: "DONE", task: { planId: { in: plans.map((p) => p.id) } } },
      select: { reportId: true, resultText: true, task: { select: { id: true, planId: true, code: true, content: true, position: true } } },
    });
    // A task done in Q2 stays done in Q3: list it once, at the first approved quarter it was done.
    const first = new Map<string, PublicTask & { position: number }>();
    for (const p of done) {
      const quarter = quarterOfReport.get(p.reportId)!;
      const seen = first.get(p.task.id);
      if (seen && seen.quarter <= quarter) continue;
      first.set(p.task.id, { plan: planTitle.get(p.task.planId)!, code: p.task.code, content: p.task.content, result: p.resultText, quarter, position: p.task.position });
    }
    tasks = [...first.values()].sort((a, b) => a.plan.localeCompare(b.plan, "vi") || a.position - b.position).map((t) => ({ plan: t.plan, code: t.code, content: t.content, result: t.result, quarter: t.quarter }));
  }

  let surveys: PublicSurveyResult[] = [];
  if (setting.showSurveys) {
    const rows = await db.survey.findMany({ where: { communeId, year, published: true }, orderBy: { startsOn: "asc" } });
    const ids = rows.map((s) => s.id);
    const [answers, comments] = ids.length
      ? await Promise.all([
          db.surveyResponse.findMany({ where: { surveyId: { in: ids } }, select: { surveyId: true, access: true, procedure: true, officials: true, result: true, feedback: true, reasons: true, createdAt: true } }),
          db.surveyResponse.findMany({ where: { surveyId: { in: ids }, commentStatus: "APPROVED" }, select: { surveyId: true, comment: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 200 }),
        ])
      : [[], []];
    surveys = rows.map((s) => {
      const sum = summarize(answers.filter((a) => a.surveyId === s.id) as Answer[]);
      return {
        title: s.title,
        startsOn: s.startsOn.toISOString().slice(0, 10),
        endsOn: s.endsOn.toISOString().slice(0, 10),
        answers: sum.answers,
        satisfied: sum.satisfied,
        overall: sum.overall,
        aspects: sum.aspects.map((a) => ({ label: a.label, rated: a.rated, satisfied: a.satisfied, percent: a.percent, distribution: a.distribution })),
        reasons: sum.reasons.map((r) => ({ label: r.label, count: r.count })),
        months: sum.months.map((m) => ({ month: m.month, answers: m.answers, percent: m.percent })),
        sampleNeeded: s.dossierCount ? sampleSize(s.dossierCount, s.marginPercent) : null,
        // Only the text and the date: never the contact or anything that could identify.
        comments: comments.filter((c) => c.surveyId === s.id).slice(0, 30).map((c) => ({ date: c.createdAt.toISOString().slice(0, 10), text: c.comment! })),
      };
    });
  }

  return {
    commune: setting.commune.name,
    slug,
    year,
    years: years.length ? years : [year],
    approvedQuarters,
    shows: { indicators: setting.showIndicators, tasks: setting.showTasks, surveys: setting.showSurveys },
    indicators,
    tasks,
    surveys,
    method: [
      "Chỉ tiêu: chỉ tính số liệu của các quý đã được cấp trên phê duyệt; tỷ lệ lũy kế = tổng tử số ÷ tổng mẫu số.",
      ...INDEX_RULE_VI,
    ],
    generatedAt: new Date().toISOString(),
  };
}
