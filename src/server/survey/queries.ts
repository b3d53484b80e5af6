// Reads of the survey area for signed-in users: a commune's surveys, one survey's results,
// the SIPAS figure it offers, and the summary reviewers see beside the SIPAS indicator.
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { entryInputFor } from "@/domain/reporting/entry";
import { quarterOf, sampleSize, sipasFigure, summarize, type Answer } from "@/domain/survey";
import { isCommuneUser } from "@/domain/policy";

const answerSelect = { access: true, procedure: true, officials: true, result: true, feedback: true, extra: true, reasons: true, createdAt: true, desk: true } as const;

export async function listSurveys(actor: Actor) {
  if (!isCommuneUser(actor)) return [];
  const db = await getDb();
  const surveys = await db.survey.findMany({
    where: { communeId: actor.orgUnitId },
    orderBy: [{ year: "desc" }, { startsOn: "desc" }],
    include: { _count: { select: { responses: true } } },
  });
  return surveys.map((s) => ({ ...s, answers: s._count.responses }));
}

/** The SIPAS indicators of the commune's plans of a year that can take the survey's figure. */
async function sipasIndicators(communeId: string, year: number) {
  const db = await getDb();
  const rows = await db.indicator.findMany({
    where: { group: "SIPAS", plan: { communeId, year } },
    select: { id: true, code: true, name: true, valueKind: true, targetRule: true, measurementUnit: true, targetText: true, plan: { select: { title: true } } },
    orderBy: [{ planId: "asc" }, { position: "asc" }],
  });
  return rows
    .map((r) => ({ ...r, input: entryInputFor(r) }))
    .filter((r) => r.input === "RATIO" || r.input === "PERCENT");
}

export async function surveyResults(actor: Actor, surveyId: string) {
  const db = await getDb();
  const survey = await db.survey.findUnique({ where: { id: surveyId }, include: { commune: { select: { name: true } } } });
  if (!survey) throw new NotFoundError("Không tìm thấy cuộc khảo sát.");
  await assertCommuneInScope(actor, survey.communeId);
  const [answers, comments, codes, indicators, publication] = await Promise.all([
    db.surveyResponse.findMany({ where: { surveyId }, select: answerSelect, orderBy: { createdAt: "asc" } }),
    db.surveyResponse.findMany({
      where: { surveyId, comment: { not: null } },
      select: { id: true, comment: true, commentStatus: true, contact: true, createdAt: true, reasons: true, desk: true },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db.surveyReceiptCode.groupBy({ by: ["surveyId"], where: { surveyId }, _count: { _all: true, usedAt: true } }),
    sipasIndicators(survey.communeId, survey.year),
    db.publicationSetting.findUnique({ where: { communeId: survey.communeId } }),
  ]);
  const summary = summarize(answers as Answer[], survey.extraQuestions.length);
  const needed = survey.dossierCount ? sampleSize(survey.dossierCount, survey.marginPercent) : null;

  // The figure per quarter of the survey's year, and what the report holds now for each SIPAS indicator.
  const quarters = [1, 2, 3, 4].map((q) => {
    const inQuarter = answers.filter((a) => {
      const p = quarterOf(a.createdAt);
      return p.year === survey.year && p.quarter === q;
    });
    return { quarter: q, ...sipasFigure(inQuarter as Answer[]) };
  });
  const periods = await db.reportingPeriod.findMany({ where: { year: survey.year }, select: { id: true, quarter: true } });
  const [reports, values] = await Promise.all([
    db.quarterlyReport.findMany({ where: { communeId: survey.communeId, periodId: { in: periods.map((p) => p.id) } }, select: { periodId: true, status: true } }),
    indicators.length === 0
      ? []
      : db.indicatorValue.findMany({
          where: { indicatorId: { in: indicators.map((i) => i.id) }, periodId: { in: periods.map((p) => p.id) } },
          select: { indicatorId: true, periodId: true, numerator: true, denominator: true, value: true, version: true },
        }),
  ]);
  const quarterOfPeriod = new Map(periods.map((p) => [p.id, p.quarter]));
  const reportStatus = new Map(reports.map((r) => [quarterOfPeriod.get(r.periodId)!, r.status]));
  const current = values.map((v) => ({
    indicatorId: v.indicatorId,
    quarter: quarterOfPeriod.get(v.periodId)!,
    numerator: v.numerator?.toNumber() ?? null,
    denominator: v.denominator?.toNumber() ?? null,
    value: v.value?.toNumber() ?? null,
  }));
  const used = codes[0]?._count.usedAt ?? 0;
  const total = codes[0]?._count._all ?? 0;
  return {
    survey,
    summary,
    needed,
    comments,
    receiptCodes: { total, used, unused: total - used },
    sipas: { indicators, quarters, reportStatus: Object.fromEntries(reportStatus), current },
    publication,
  };
}

export type SurveyResults = Awaited<ReturnType<typeof surveyResults>>;

/** Unused receipt codes of a survey, for printing. */
export async function unusedReceiptCodes(actor: Actor, surveyId: string, limit = 500) {
  const db = await getDb();
  const survey = await db.survey.findUnique({ where: { id: surveyId }, select: { communeId: true, title: true, code: true, desks: true, commune: { select: { name: true } } } });
  if (!survey) throw new NotFoundError("Không tìm thấy cuộc khảo sát.");
  await assertCommuneInScope(actor, survey.communeId);
  const codes = await db.surveyReceiptCode.findMany({ where: { surveyId, usedAt: null }, select: { code: true }, orderBy: { createdAt: "desc" }, take: limit });
  return { survey, codes: codes.map((c) => c.code) };
}

/** All answers of a commune's surveys in a quarter, summarized: what reviewers see beside SIPAS. */
export async function quarterSurveySummary(actor: Actor, communeId: string, year: number, quarter: number) {
  await assertCommuneInScope(actor, communeId);
  const db = await getDb();
  // Quarter bounds in Vietnam time (UTC+7, no daylight saving).
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1) - 7 * 3600_000);
  const to = new Date(Date.UTC(year, quarter * 3, 1) - 7 * 3600_000);
  const answers = await db.surveyResponse.findMany({
    where: { survey: { communeId }, createdAt: { gte: from, lt: to } },
    select: answerSelect,
  });
  const surveys = await db.survey.findMany({ where: { communeId, year }, select: { id: true, title: true }, orderBy: { startsOn: "asc" } });
  return { surveys, summary: summarize(answers as Answer[]), figure: sipasFigure(answers as Answer[]) };
}
