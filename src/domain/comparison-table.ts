// The comparison of communes as the page draws it (issue 21): figures only, every label once.
// 150 communes × 10 indicators were 1,500 cells, each sent twice (in the HTML and again in
// the RSC payload as a tree of elements with its status spelled out). Here the table is plain
// data: indicator names and status labels once, each cell a formatted figure and the index of
// its status; a small client component draws it (src/components/review/comparison-results.tsx),
// so the payload carries the figures and not the markup. Everything is formatted here, on the
// server, so the browser draws exactly the text the server rendered (no locale differences at
// hydration). Pure and browser-safe.
import type { ComparisonCell } from "./comparison";
import type { EntryShape } from "./reporting/entry";
import { STATUS_LABEL, type IndicatorStatus } from "./evaluation/status";
import { NO_FIGURE, resultText, statusText } from "./evaluation/display";
import { formatNumber, formatPercent } from "./format";

/** A cell: the year-to-date figure as shown, and the index of its status in `statuses`; null: the commune does not track the indicator. */
export type ComparisonTableCell = [figure: string, status: number] | null;

/** A commune's row; `share` is null when none of its indicators could be judged (not ranked). */
export interface ComparisonTableRow {
  name: string;
  share: number | null;
  /** "87,5%" (the chart's label) and "7/8" (achieved of judged), or "" when not ranked. */
  percent: string;
  counts: string;
  cells: ComparisonTableCell[];
}

export interface ComparisonTableData {
  /** The compared indicators' names, in column order. */
  columns: string[];
  /** "✔ Đạt", …: the status labels the cells point to. */
  statuses: string[];
  rows: ComparisonTableRow[];
  /** The whole unit per column: "62,5% (250/400)" for ratios, or "—". */
  totals: string[];
}

const STATUSES = Object.keys(STATUS_LABEL) as IndicatorStatus[];
const STATUS_INDEX = new Map(STATUSES.map((s, i) => [s, i]));

export interface ComparisonInput {
  communes: { id: string; name: string }[];
  selected: { key: string; name: string; sample: EntryShape }[];
  rows: { communeId: string; cells: Record<string, ComparisonCell | null>; achieved: number; judged: number; share: number | null }[];
  totals: Record<string, { numerator: number | null; denominator: number | null; value: number | null } | null>;
}

/** The comparison (ranked rows, best first) as figures and labels for the page. */
export function comparisonTable(c: ComparisonInput): ComparisonTableData {
  const names = new Map(c.communes.map((x) => [x.id, x.name]));
  return {
    columns: c.selected.map((s) => s.name),
    statuses: STATUSES.map(statusText),
    rows: c.rows.map((r) => ({
      name: names.get(r.communeId) ?? "",
      share: r.share,
      percent: r.share === null ? "" : formatPercent(r.share),
      counts: r.share === null ? "" : `${r.achieved}/${r.judged}`,
      cells: c.selected.map((s): ComparisonTableCell => {
        const cell = r.cells[s.key];
        return cell ? [resultText(s.sample, cell) || NO_FIGURE, STATUS_INDEX.get(cell.status)!] : null;
      }),
    })),
    totals: c.selected.map((s) => {
      const t = c.totals[s.key];
      return t && t.value !== null ? `${formatPercent(t.value)} (${formatNumber(t.numerator)}/${formatNumber(t.denominator)})` : NO_FIGURE;
    }),
  };
}
