// Reads for the assessment pages and documents. Every read checks who may see what:
// a commune its own assessments; a reviewer the sets of their unit and the communes under it;
// the admin everything.
import type { Actor } from "@/server/auth/actor";
import { assertCommuneInScope, communeIdsInScope } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { yearToDate, type Quarter } from "@/domain/evaluation";
import {
  addScores,
  bandOf,
  gap,
  selfScoreGap,
  indicatorMatches,
  rankByScore,
  scoreByRule,
  stageLabel,
  type Band,
  type FigureRule,
} from "@/domain/assessment";
import { isCommuneUser } from "@/domain/policy";

const n = (d: { toNumber(): number } | null | undefined): number | null => (d === null || d === undefined ? null : Number(d));

export async function assessmentHome(actor: Actor) {
  const db = await getDb();
  const scope = await communeIdsInScope(actor, db);
  const assessments = await db.assessment.findMany({
    where: { communeId: { in: scope } },
    include: { set: { select: { id: true, title: true, year: true, amendment: true, isDemo: true, issuerUnit: { select: { name: true } } } }, commune: { select: { name: true } } },
    orderBy: [{ set: { year: "desc" } }, { commune: { name: "asc" } }],
  });
  const sets =
    isCommuneUser(actor)
      ? []
      : await db.assessmentSet.findMany({
          where: actor.role === "ADMIN" ? {} : { issuerUnitId: actor.orgUnitId },
          include: { issuerUnit: { select: { name: true } }, _count: { select: { assessments: true } } },
          orderBy: [{ year: "desc" }, { amendment: "desc" }],
        });
  const issuers =
    actor.role === "ADMIN" ? await db.orgUnit.findMany({ where: { level: { in: ["PROVINCE", "DISTRICT"] }, users: { none: { role: "ADMIN" } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }) : [];
  return {
    assessments: assessments.map((a) => ({
      id: a.id,
      commune: a.commune.name,
      communeId: a.communeId,
      set: a.set,
      status: a.status,
      stage: stageLabel({ status: a.status, appraised: !!a.appraisedAt, explainDueDate: null }),
      selfTotal: n(a.selfTotal),
      finalTotal: n(a.finalTotal),
      explainDueDate: a.explainDueDate,
      isDemo: a.isDemo,
    })),
    sets: sets.map((s) => ({ id: s.id, title: s.title, year: s.year, amendment: s.amendment, status: s.status, issuer: s.issuerUnit.name, isDemo: s.isDemo, assessments: s._count.assessments })),
    issuers,
  };
}

export async function setDetail(actor: Actor, setId: string) {
  const db = await getDb();
  const set = await db.assessmentSet.findUnique({
    where: { id: setId },
    include: {
      issuerUnit: { select: { name: true } },
      areas: { orderBy: { position: "asc" }, include: { criteria: { orderBy: { position: "asc" }, include: { subCriteria: { orderBy: { position: "asc" } } } } } },
    },
  });
  if (!set) throw new NotFoundError("Không tìm thấy bộ tiêu chí.");
  const manages = actor.role === "ADMIN" || (actor.role === "REVIEWER" && actor.orgUnitId === set.issuerUnitId);
  if (!manages) {
    // Communes and reviewers below the issuer may read a published set that applies to them.
    const scope = await communeIdsInScope(actor, db);
    const applies = await db.assessment.count({ where: { setId, communeId: { in: scope } } });
    if (!applies) throw new ForbiddenError("Bộ tiêu chí này không áp dụng cho đơn vị của bạn.");
  }
  const newer = await db.assessmentSet.findFirst({ where: { issuerUnitId: set.issuerUnitId, year: set.year, amendment: { gt: set.amendment } }, select: { id: true, amendment: true } });
  return { set, manages, newer };
}

/** The tied indicator's year-to-date figure for each of the commune's plan indicators of the year. */
async function indicatorFigures(communeId: string, year: number) {
  const db = await getDb();
  const indicators = await db.indicator.findMany({
    where: { plan: { communeId, year } },
    select: { id: true, code: true, name: true, group: true, parentId: true, valueKind: true, measurementUnit: true, targetRule: true, targetValue: true, targetText: true, values: { where: { period: { year } }, select: { numerator: true, denominator: true, value: true, done: true, note: true, period: { select: { quarter: true } } } } },
    orderBy: [{ planId: "asc" }, { position: "asc" }],
  });
  return indicators.map((i) => {
    const ytd = yearToDate(
      { valueKind: i.valueKind, measurementUnit: i.measurementUnit, name: i.name, targetRule: i.targetRule },
      i.values.map((v) => ({ quarter: v.period.quarter as Quarter, numerator: n(v.numerator), denominator: n(v.denominator), value: n(v.value), done: v.done })),
      4,
    );
    return { id: i.id, code: i.code, name: i.name, group: i.group, parentId: i.parentId, unit: i.measurementUnit, value: ytd.value, quarters: ytd.quartersReported, targetValue: n(i.targetValue), targetText: i.targetText, notes: i.values.map((v) => v.note) };
  });
}

export async function assessmentDetail(actor: Actor, assessmentId: string) {
  const db = await getDb();
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: {
      commune: { select: { id: true, name: true } },
      set: {
        include: {
          issuerUnit: { select: { name: true } },
          areas: { orderBy: { position: "asc" }, include: { criteria: { orderBy: { position: "asc" }, include: { subCriteria: { orderBy: { position: "asc" } } } } } },
        },
      },
      scores: { include: { evidence: true } },
      decisions: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!a) throw new NotFoundError("Không tìm thấy bản chấm điểm.");
  await assertCommuneInScope(actor, a.communeId, db);
  const evidenceIds = a.scores.flatMap((s) => s.evidence.map((e) => e.evidenceId));
  const [evidence, units, figures, users, lastYear, store] = await Promise.all([
    db.evidence.findMany({ where: { id: { in: evidenceIds } } }),
    db.responsibleUnit.findMany({ where: { communeId: a.communeId, active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    indicatorFigures(a.communeId, a.set.year),
    db.user.findMany({ where: { id: { in: a.decisions.map((d) => d.userId) } }, select: { id: true, fullName: true } }),
    db.assessment.findFirst({ where: { communeId: a.communeId, status: "APPROVED", set: { year: a.set.year - 1 } }, select: { finalTotal: true } }),
    // The commune's evidence store, newest first, to attach what is already there.
    db.evidence.findMany({ where: { communeId: a.communeId }, orderBy: { createdAt: "desc" }, take: 200, select: { id: true, fileName: true, docNumber: true, docSummary: true } }),
  ]);
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const par = figures.find((f) => f.group === "PAR_INDEX" && !f.parentId) ?? null;
  const scoreBySub = new Map(a.scores.map((s) => [s.subCriterionId, s]));
  const areas = a.set.areas.map((area) => ({
    id: area.id,
    code: area.code,
    title: area.title,
    criteria: area.criteria.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      subs: c.subCriteria.map((s) => {
        const score = scoreBySub.get(s.id);
        const rule = (s.figureRule as unknown as FigureRule | null) ?? null;
        const tied = score?.indicatorId ? figures.find((f) => f.id === score.indicatorId) : rule ? figures.find((f) => indicatorMatches(rule, f.name)) : undefined;
        const figure = tied?.value ?? null;
        return {
          id: s.id,
          code: s.code,
          fullCode: `${area.code}.${s.code}`,
          text: s.text,
          maxPoints: Number(s.maxPoints),
          allowHalf: s.allowHalf,
          guidance: s.guidance,
          expectedEvidence: s.expectedEvidence,
          scoredBy: s.scoredBy,
          rule,
          tied: tied ? { id: tied.id, name: tied.name, value: figure, quarters: tied.quarters, suggested: !score?.indicatorId } : null,
          proposed: rule && figure !== null ? scoreByRule(rule, figure) : null,
          score: score
            ? {
                id: score.id,
                version: score.version,
                selfScore: n(score.selfScore),
                selfNote: score.selfNote,
                responsibleUnitId: score.responsibleUnitId,
                indicatorId: score.indicatorId,
                appraisedScore: n(score.appraisedScore),
                appraisalComment: score.appraisalComment,
                explanation: score.explanation,
                decision: score.decision,
                decisionComment: score.decisionComment,
                finalScore: n(score.finalScore),
                evidence: score.evidence.map((e) => evidenceById.get(e.evidenceId)).filter((e) => !!e).map((e) => ({ id: e.id, fileName: e.fileName, docNumber: e.docNumber, docSummary: e.docSummary, hasFile: !!e.storageKey })),
              }
            : null,
        };
      }),
    })),
  }));
  const names = new Map(users.map((u) => [u.id, u.fullName]));
  return {
    id: a.id,
    version: a.version,
    commune: a.commune,
    status: a.status,
    appraised: !!a.appraisedAt,
    stage: stageLabel({ status: a.status, appraised: !!a.appraisedAt, explainDueDate: null }),
    explainDueDate: a.explainDueDate ? a.explainDueDate.toISOString().slice(0, 10) : null,
    submittedAt: a.submittedAt,
    finalTotal: n(a.finalTotal),
    selfTotal: n(a.selfTotal),
    isDemo: a.isDemo,
    set: { id: a.set.id, title: a.set.title, year: a.set.year, amendment: a.set.amendment, issuer: a.set.issuerUnit.name, isDemo: a.set.isDemo },
    areas,
    units,
    indicators: figures.filter((f) => f.unit?.includes("%") || f.value !== null).map((f) => ({ id: f.id, label: `${f.code ? `${f.code}. ` : ""}${f.name}`.slice(0, 120) })),
    store: store.map((e) => ({ id: e.id, label: (e.fileName ?? `${e.docNumber ?? ""} ${e.docSummary ?? ""}`).trim().slice(0, 100) })),
    parTarget: par ? { name: par.name, targetValue: par.targetValue, targetText: par.targetText } : null,
    lastYearTotal: n(lastYear?.finalTotal),
    history: a.decisions.map((d) => ({ id: d.id, action: d.action, comment: d.comment, at: d.createdAt, by: names.get(d.userId) ?? "" })),
  };
}

export type AssessmentDetail = Awaited<ReturnType<typeof assessmentDetail>>;

/** Results of one issuing unit's year: ranking with bands, per-area scores, self vs appraised gaps. */
export async function assessmentResults(actor: Actor, setId: string) {
  const db = await getDb();
  const base = await db.assessmentSet.findUnique({ where: { id: setId }, select: { issuerUnitId: true, year: true, title: true, bands: true, isDemo: true, version: true, issuerUnit: { select: { name: true } } } });
  if (!base) throw new NotFoundError("Không tìm thấy bộ tiêu chí.");
  const scope = await communeIdsInScope(actor, db);
  // Every amendment of the year counts: an assessment stays on the version it was submitted against.
  const assessments = await db.assessment.findMany({
    where: { set: { issuerUnitId: base.issuerUnitId, year: base.year }, communeId: { in: scope } },
    include: {
      commune: { select: { name: true } },
      scores: { select: { selfScore: true, appraisedScore: true, finalScore: true, subCriterion: { select: { code: true, text: true, maxPoints: true, criterion: { select: { area: { select: { code: true, title: true } } } } } } } },
    },
  });
  if (!assessments.length && isCommuneUser(actor)) throw new ForbiddenError("Kết quả này không thuộc xã của bạn.");
  const bands = (base.bands as unknown as Band[]) ?? [];
  const final = assessments.filter((a) => a.status === "APPROVED");
  const areaTitles = new Map<string, string>();
  for (const a of assessments) for (const s of a.scores) areaTitles.set(s.subCriterion.criterion.area.code, s.subCriterion.criterion.area.title);
  const areaCodes = [...areaTitles.keys()];
  const perArea = (a: (typeof assessments)[number], pick: (s: (typeof a.scores)[number]) => number | null) =>
    Object.fromEntries(areaCodes.map((code) => [code, addScores(a.scores.filter((s) => s.subCriterion.criterion.area.code === code).map((s) => pick(s)))]));
  const areaMax = Object.fromEntries(
    areaCodes.map((code) => [code, addScores((assessments[0]?.scores ?? []).filter((s) => s.subCriterion.criterion.area.code === code).map((s) => Number(s.subCriterion.maxPoints)))]),
  );
  const ranking = rankByScore(final, (a) => Number(a.finalTotal ?? 0), (a) => a.commune.name).map((r) => ({
    rank: r.rank,
    tied: r.tied,
    assessmentId: r.item.id,
    commune: r.item.commune.name,
    finalTotal: Number(r.item.finalTotal ?? 0),
    selfTotal: n(r.item.selfTotal),
    gap: selfScoreGap(r.item.scores.map((s) => ({ selfScore: n(s.selfScore), finalScore: n(s.finalScore) }))),
    band: bandOf(Number(r.item.finalTotal ?? 0), bands),
    areas: perArea(r.item, (s) => n(s.finalScore)),
  }));
  // Where communes over-score: self minus appraised per criterion, summed over appraised communes.
  const appraised = assessments.filter((a) => a.appraisedAt);
  const gaps = new Map<string, { code: string; text: string; total: number; communes: number }>();
  for (const a of appraised) {
    for (const s of a.scores) {
      const g = gap(n(s.selfScore), n(s.appraisedScore));
      if (g === null || g === 0) continue;
      const code = `${s.subCriterion.criterion.area.code}.${s.subCriterion.code}`;
      const entry = gaps.get(code) ?? { code, text: s.subCriterion.text, total: 0, communes: 0 };
      entry.total = addScores([entry.total, g]);
      entry.communes += 1;
      gaps.set(code, entry);
    }
  }
  return {
    set: { id: setId, title: base.title, year: base.year, issuer: base.issuerUnit.name, isDemo: base.isDemo, version: base.version },
    /** The caller issued the set (or is the admin): may edit its bands. */
    manages: actor.role === "ADMIN" || (actor.role === "REVIEWER" && actor.orgUnitId === base.issuerUnitId),
    bands,
    areas: areaCodes.map((code) => ({ code, title: areaTitles.get(code)!, max: areaMax[code] })),
    ranking,
    pending: assessments.filter((a) => a.status !== "APPROVED").map((a) => ({ id: a.id, commune: a.commune.name, stage: stageLabel({ status: a.status, appraised: !!a.appraisedAt, explainDueDate: null }) })),
    criterionGaps: [...gaps.values()].sort((x, y) => y.total - x.total || x.code.localeCompare(y.code, "en", { numeric: true })),
  };
}

export type AssessmentResults = Awaited<ReturnType<typeof assessmentResults>>;
