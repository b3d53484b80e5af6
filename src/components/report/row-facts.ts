// What the finder filters on and what each part's heading counts, for every row of the report:
// live (as typed) for the rows the browser holds, as saved (the outline's flags) for the others.
import { isDirty } from "@/domain/reporting/drafts";
import { RED_STATUSES } from "@/domain/reporting/explanations";
import { rowMatches, type RowFacts, type RowQuery } from "@/domain/reporting/row-filter";
import { ROW_EMPTY, ROW_NO_REASON, ROW_RED, type ReportOutline } from "@/domain/reporting/outline";
import type { ReportFormApi } from "./use-report-form";

export interface PartCounts {
  rows: number;
  entered: number;
  red: number;
  /** Red rows still without their cause and remedy: the report cannot be submitted. */
  noReason: number;
  unsaved: number;
  invalid: number;
  /** Rows matching the finder's search and filters. */
  matches: number;
}

const missingReason = (d: { cause: string; remedy: string }) => !d.cause.trim() || !d.remedy.trim();

export function useRowFacts(form: ReportFormApi, units: { id: string; name: string }[], outline: ReportOutline, rowComments: Record<string, string>, changed: Record<string, unknown>) {
  const { state, live, known, query } = form;
  const facts = new Map<string, RowFacts & { noReason: boolean; unsaved: boolean; invalid: boolean }>();
  for (const [id, , text, unitIdx, flags] of outline.rows) {
    const unitIds = unitIdx.map((i) => units[i].id);
    const base = { text: [text, ...unitIdx.map((i) => units[i].name)].join(" "), unitIds, commented: !!rowComments[id], changed: !!changed[id] };
    const ind = known.indicators.get(id);
    const task = known.tasks.get(id);
    if (ind) {
      const row = state.indicators.get(id)!;
      const status = live.get(id)?.result?.status;
      const red = !!status && RED_STATUSES.has(status);
      const empty = !row.draft.numerator && !row.draft.denominator && !row.draft.value && !row.draft.done;
      facts.set(id, { ...base, empty, red, noReason: red && missingReason(row.draft), unsaved: isDirty(row), invalid: form.hasError(id) });
    } else if (task) {
      const row = state.tasks.get(id)!;
      const red = form.overdue(task);
      facts.set(id, { ...base, empty: !task.current && !isDirty(row), red, noReason: red && missingReason(row.draft), unsaved: isDirty(row), invalid: form.hasError(id) });
    } else {
      facts.set(id, { ...base, empty: !!(flags & ROW_EMPTY), red: !!(flags & ROW_RED), noReason: !!(flags & ROW_NO_REASON), unsaved: false, invalid: false });
    }
  }
  const shown = (id: string) => rowMatches(facts.get(id)!, query);
  const parts = new Map<string, PartCounts>(outline.groups.map((g) => [g.key, { rows: 0, entered: 0, red: 0, noReason: 0, unsaved: 0, invalid: 0, matches: 0 }]));
  for (const [id, g] of outline.rows) {
    const f = facts.get(id)!;
    const c = parts.get(outline.groups[g].key)!;
    c.rows++;
    if (!f.empty) c.entered++;
    if (f.red) c.red++;
    if (f.noReason) c.noReason++;
    if (f.unsaved) c.unsaved++;
    if (f.invalid) c.invalid++;
    if (shown(id)) c.matches++;
  }
  /** The parts where a query finds rows. */
  const matchesOf = (q: RowQuery) => new Set(outline.rows.filter(([id]) => rowMatches(facts.get(id)!, q)).map(([, g]) => outline.groups[g].key));
  return { shown, parts, matchesOf };
}
