"use client";

// The quarter's figures and task progress, edited in place: a table on a desktop, one card
// per row below 640 px. One part (top-level section) is open at a time, the others are
// headings with their counts and load their rows when opened (issue 21); what was typed in
// any part stays until saved, and "Lưu" saves every part's changes at once. Behaviour lives
// in useReportForm, the rules in domain/reporting.
import { useEffect, useRef, useState } from "react";
import type { FormReport } from "@/server/reports/form-data";
import { isQueryActive, type RowFilter, type RowQuery } from "@/domain/reporting/row-filter";
import type { ReportOutline } from "@/domain/reporting/outline";
import { useReportForm } from "./use-report-form";
import { SaveBar } from "./report-toolbar";
import { RowCommentInputs, SinceReturnNote } from "./lazy-parts";
import { RowFinder } from "./row-finder";
import { ReportPart } from "./report-part";
import { PartHeading } from "./part-heading";
import { useRowFacts } from "./row-facts";
import type { SnapshotChange } from "@/domain/reporting/snapshot";

/** What a reviewer sees on top of the read-only report (issue 17). */
export interface ReviewView {
  /** The decision form that row comments are sent with; null when no decision can be taken. */
  formId: string | null;
  /** Changes since the report was returned, by row id; null when it was not resubmitted after a return. */
  sinceReturn: { returnedAt: string; returnedBy: string; byRow: Record<string, SnapshotChange[]> } | null;
}

export interface ReportFormProps {
  /** The rows of the parts the page sends (the commune's page: the open part; the reviewer's: all). */
  data: FormReport;
  /** Every row of the report, loaded or not, and its parts. */
  outline: ReportOutline;
  /** The part open first (?phan=), and the link that opens a part without JavaScript (the part's key appended). */
  initialOpen: string | null;
  partHref: string;
  editable: boolean;
  canSubmit: boolean;
  today: string;
  rowComments?: Record<string, string>;
  review?: ReviewView;
  canSetBaseline?: boolean;
}

export function ReportForm({ data, outline, initialOpen, partHref, editable, canSubmit, today, rowComments = {}, review, canSetBaseline = false }: ReportFormProps) {
  const form = useReportForm({ data, today, outline, initialOpen });
  const { query } = form;
  // Row comments live here, not in the rows: a row in a closed part keeps what was typed.
  const [comments, setComments] = useState<Record<string, string>>({});
  const changed = review?.sinceReturn?.byRow ?? {};
  const commenting = (id: string) =>
    review?.formId ? { formId: review.formId, value: comments[id] ?? "", onChange: (text: string) => setComments((all) => ({ ...all, [id]: text })) } : undefined;
  const { shown, parts, matchesOf } = useRowFacts(form, data.units, outline, rowComments, changed);
  const shownCount = outline.rows.filter(([id]) => shown(id)).length;
  const active = isQueryActive(query);
  const filters: RowFilter[] = review?.sinceReturn ? ["", "changed", "empty", "red", "commented"] : ["", "empty", "red", "commented"];
  // Element ids from the row's place in the report, not its uuid (see IndicatorRowProps.domId).
  const domIds = new Map(outline.rows.map(([id], i) => [id, `r${i}`]));
  const kindOf = (id: string) => (form.known.indicators.has(id) ? "indicator" : "task");

  // A search or filter that matches nothing in the open part opens the first part where it does.
  const applyQuery = (q: RowQuery) => {
    form.setQuery(q);
    const matches = matchesOf(q);
    if (isQueryActive(q) && !matches.has(form.open ?? "") && matches.size) form.openPart(outline.groups.find((g) => matches.has(g.key))!.key);
  };

  // A link to a row (#dong-<id>) opens its part and shows the row once its part is on the page.
  const target = useRef<string | null>(null);
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.replace(/^#dong-/, ""));
    const group = form.groupOfRow.get(id);
    if (!group) return;
    target.current = id;
    void form.openPart(group);
    // Only on arrival: the hash names the row the link was made for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const row = target.current && document.querySelector(`[data-report-form] tr[data-row="${CSS.escape(target.current)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    target.current = null;
  });

  const ctx = { form, year: data.year, quarter: data.quarter, editable, canSetBaseline, domId: (id: string) => domIds.get(id)!, rowComments, changed, commenting };
  return (
    <div data-report-form>
      {review?.sinceReturn && <SinceReturnNote sinceReturn={review.sinceReturn} filtered={query.filter === "changed"} onShowChanged={() => applyQuery({ ...query, filter: "changed" })} />}
      {review?.formId && <RowCommentInputs formId={review.formId} comments={comments} kindOf={kindOf} />}
      <RowFinder query={query} onChange={applyQuery} units={data.units} shown={shownCount} total={outline.rows.length} filters={filters} />
      {shownCount === 0 && <p className="mb-4 rounded border border-slate-200 bg-white p-3 text-sm">Không có dòng nào khớp với “{query.search || "bộ lọc"}”. Thử bỏ dấu, từ khác hoặc bỏ bộ lọc.</p>}

      {data.plans.map((plan) => {
        const groups = outline.groups.filter((g) => g.planId === plan.id && (!active || parts.get(g.key)!.matches > 0));
        if (!groups.length) return null;
        return (
          <section key={plan.id} className="mb-6">
            <h2 className="mb-2 text-lg font-semibold">{plan.title}</h2>
            <ul className="space-y-2">
              {groups.map((g) => {
                const isOpen = form.open === g.key;
                const rows = isOpen && form.loaded.has(g.key) ? outline.rows.filter(([id, gi]) => outline.groups[gi] === g && shown(id)).map(([id]) => id) : [];
                return (
                  <li key={g.key}>
                    <PartHeading group={g} counts={parts.get(g.key)!} open={isOpen} href={partHref + encodeURIComponent(g.key)} searching={active} onToggle={() => form.openPart(isOpen ? null : g.key)} />
                    {isOpen && (
                      <div id={`phan-${g.key}`} className="mt-2">
                        {!form.loaded.has(g.key) ? (
                          <p role="status" className="rounded border border-slate-200 bg-white p-3 text-sm text-slate-700">
                            Đang tải các dòng của phần này…
                          </p>
                        ) : (
                          <ReportPart
                            sections={plan.sections}
                            indicators={rows.map((id) => form.known.indicators.get(id)).filter((i) => !!i)}
                            tasks={rows.map((id) => form.known.tasks.get(id)).filter((t) => !!t)}
                            ctx={ctx}
                          />
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {editable && <SaveBar form={form} canSubmit={canSubmit} />}
    </div>
  );
}
