// Scores of a PAR Index self-assessment: bounds, half points, totals per area and overall.
// Pure; the form computes live totals with the same functions the server checks with.

export interface ScoreBounds {
  maxPoints: number;
  allowHalf: boolean;
}

const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

/** Null when the score is acceptable; otherwise why not, in Vietnamese. */
export function scoreError(score: number, bounds: ScoreBounds): string | null {
  if (!Number.isFinite(score)) return "Điểm phải là một số.";
  if (score < 0) return "Điểm không được âm.";
  if (score > bounds.maxPoints) return `Điểm tối đa của tiêu chí này là ${vi(bounds.maxPoints)}.`;
  const steps = score * (bounds.allowHalf ? 2 : 1);
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return bounds.allowHalf ? "Chỉ chấm theo bước 0,5 điểm." : "Tiêu chí này chỉ chấm điểm nguyên.";
  }
  return null;
}

/** Sum without binary-fraction noise (scores are in half points at most, totals to 2 decimals). */
export function addScores(values: (number | null | undefined)[]): number {
  return Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 100) / 100;
}

export interface ScoredItem {
  areaId: string;
  maxPoints: number;
  score: number | null;
}

export interface AreaTotal {
  areaId: string;
  max: number;
  score: number;
  /** Sub-criteria still without a score. */
  missing: number;
}

/** Totals per area (in the order areas first appear) and overall. */
export function totals(items: ScoredItem[]): { areas: AreaTotal[]; max: number; score: number; missing: number } {
  const byArea = new Map<string, { max: number[]; score: (number | null)[] }>();
  for (const it of items) {
    const a = byArea.get(it.areaId) ?? { max: [], score: [] };
    a.max.push(it.maxPoints);
    a.score.push(it.score);
    byArea.set(it.areaId, a);
  }
  const areas = [...byArea].map(([areaId, a]) => ({
    areaId,
    max: addScores(a.max),
    score: addScores(a.score),
    missing: a.score.filter((s) => s === null || s === undefined).length,
  }));
  return {
    areas,
    max: addScores(areas.map((a) => a.max)),
    score: addScores(areas.map((a) => a.score)),
    missing: areas.reduce((n, a) => n + a.missing, 0),
  };
}

/** The final score of a sub-criterion: the appraised one, unless the province accepted the commune's explanation. */
export function finalScoreOf(s: { selfScore: number | null; appraisedScore: number | null; decision: "ACCEPTED" | "REJECTED" | null }): number | null {
  if (s.appraisedScore === null) return s.selfScore;
  if (s.decision === "ACCEPTED") return s.selfScore;
  return s.appraisedScore;
}

/** Self minus appraised: positive where the commune over-scored itself. */
export function gap(self: number | null, appraised: number | null): number | null {
  if (self === null || appraised === null) return null;
  return Math.round((self - appraised) * 100) / 100;
}

/**
 * How far a commune's self-assessment was above its final score, over the sub-criteria it scored
 * itself. Sub-criteria the province scores alone (surveys, SIPAS) have no self score: comparing
 * the two totals instead would count their points as the commune under-scoring itself.
 */
export function selfScoreGap(scores: { selfScore: number | null; finalScore: number | null }[]): number | null {
  const both = scores.filter((s) => s.selfScore !== null && s.finalScore !== null);
  if (!both.length) return null;
  return addScores(both.map((s) => s.selfScore! - s.finalScore!));
}
