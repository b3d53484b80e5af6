// Comparing communes on the same indicators. Communes' plans are separate documents, so the
// "same indicator" is matched by its name, ignoring case, diacritics and punctuation.
import { foldText } from "./text";
import { indicatorStatus, type IndicatorStatus, type StatusInput } from "./evaluation/status";
import { sumRatio, type QuarterValue } from "./evaluation/year-to-date";

export function indicatorKey(name: string): string {
  const folded = foldText(name).replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  // Short, URL-safe and stable: FNV-1a of the folded name.
  let hash = 0x811c9dc5;
  for (let i = 0; i < folded.length; i++) {
    hash ^= folded.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export interface CommuneIndicator extends StatusInput {
  communeId: string;
  quarters: QuarterValue[];
}

export interface ComparisonCell {
  status: IndicatorStatus;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  done: boolean | null;
}

export interface ComparisonRow {
  communeId: string;
  cells: Record<string, ComparisonCell | null>;
  achieved: number;
  judged: number;
  /** Share of judged indicators that are đạt, 0–100; null when none could be judged. */
  share: number | null;
}

/**
 * One row per commune, one cell per selected indicator key; ranked by share đạt (best first).
 * Totals: for ratios sum(numerators)/sum(denominators) over communes, never an average of percentages.
 */
export function compareCommunes(communeIds: string[], keys: string[], indicators: (CommuneIndicator & { key: string })[], asOf: number) {
  // Looked up once per (commune, key): a scan of all rows per cell was quadratic at province
  // scale (150 communes × 10 keys × 7,500 rows). The first row of a pair wins, as before.
  const byCommuneKey = new Map<string, CommuneIndicator & { key: string }>();
  for (const i of indicators) {
    const k = `${i.communeId}\u0000${i.key}`;
    if (!byCommuneKey.has(k)) byCommuneKey.set(k, i);
  }
  const rows: ComparisonRow[] = communeIds.map((communeId) => {
    const cells: Record<string, ComparisonCell | null> = {};
    let achieved = 0;
    let judged = 0;
    for (const key of keys) {
      const ind = byCommuneKey.get(`${communeId}\u0000${key}`);
      if (!ind) {
        cells[key] = null;
        continue;
      }
      const r = indicatorStatus(ind, ind.quarters.filter((q) => q.quarter <= asOf), asOf);
      cells[key] = { status: r.status, value: r.ytd.value, numerator: r.ytd.numerator, denominator: r.ytd.denominator, done: r.ytd.done };
      if (r.status === "ACHIEVED" || r.status === "AT_RISK" || r.status === "NOT_ACHIEVED") {
        judged++;
        if (r.status === "ACHIEVED") achieved++;
      }
    }
    return { communeId, cells, achieved, judged, share: judged ? (achieved * 100) / judged : null };
  });
  rows.sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || b.achieved - a.achieved);
  const totals: Record<string, { numerator: number | null; denominator: number | null; value: number | null } | null> = {};
  for (const key of keys) {
    const cells = rows.map((r) => r.cells[key]).filter((c): c is ComparisonCell => !!c && c.denominator !== null);
    totals[key] = cells.length ? sumRatio(cells) : null;
  }
  return { rows, totals };
}

/**
 * Issue 17: which indicators a comparison covers. The indicators asked for by key; else every
 * indicator of the asked group; else every indicator of the largest group. Never "the first ten": a ranking that silently leaves indicators out misleads.
 * `options` come most widely shared first.
 */
export function comparisonSelection(options: readonly { key: string; group: string }[], asked: { keys?: readonly string[]; group?: string }): { keys: string[]; group: string | null } {
  const known = new Set(options.map((o) => o.key));
  const keys = (asked.keys ?? []).filter((k) => known.has(k));
  if (keys.length) return { keys, group: null };
  // By default the group with the most indicators (ties: the one whose indicator most communes share).
  const size = new Map<string, number>();
  for (const o of options) size.set(o.group, (size.get(o.group) ?? 0) + 1);
  const largest = [...size.keys()].reduce<string | null>((best, g) => (best === null || size.get(g)! > size.get(best)! ? g : best), null);
  const group = asked.group && size.has(asked.group) ? asked.group : largest;
  return { keys: options.filter((o) => o.group === group).map((o) => o.key), group };
}
