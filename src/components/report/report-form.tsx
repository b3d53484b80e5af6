"use client";

// The quarter's figures and task progress, edited in place: a table on a desktop, one card
// per row below 640 px. Behaviour lives in useReportForm, the rules in domain/reporting.
import { useMemo, useState } from "react";
import type { FormReport } from "@/server/reports/form-data";
import { isDirty } from "@/domain/reporting/drafts";
import { rowMatches, type RowFacts, type RowFilter } from "@/domain/reporting/row-filter";
import { quarterLabel } from "@/domain/format";
import { useReportForm } from "./use-report-form";
import { IndicatorRow } from "./indicator-row";
import { TaskRow } from "./task-row";
import { RowFinder, SaveBar } from "./report-toolbar";
import type { SnapshotChange } from "@/domain/reporting/snapshot";
import type { RowCommenting } from "@/components/review/row-review";
import { formatDateTime } from "@/domain/format";

/** What a reviewer sees on top of the read-only report (issue 17). */
export interface ReviewView {
  /** The decision form that row comments are sent with; null when no decision can be taken. */
  formId: string | null;
  /** Changes since the report was returned, by row id; null when it was not resubmitted after a return. */
  sinceReturn: { returnedAt: string; returnedBy: string; byRow: Record<string, SnapshotChange[]> } | null;
}

const RED = new Set(["NOT_ACHIEVED", "AT_RISK"]);

export function ReportForm({ data, editable, canSubmit, today, rowComments = {}, review, canSetBaseline = false }: { data: FormReport; editable: boolean; canSubmit: boolean; today: string; rowComments?: Record<string, string>; review?: ReviewView; canSetBaseline?: boolean }) {
  const form = useReportForm({ data, today });
  const { state, live, query } = form;
  // Row comments live here, not in the rows: a row hidden by a filter keeps what was typed.
  const [comments, setComments] = useState<Record<string, string>>({});
  const changed = review?.sinceReturn?.byRow ?? {};
  const changedCount = Object.keys(changed).length;
  const commenting = (id: string): RowCommenting | undefined =>
    review?.formId ? { formId: review.formId, value: comments[id] ?? "", onChange: (text) => setComments((all) => ({ ...all, [id]: text })) } : undefined;

  const unitNames = useMemo(() => new Map(data.units.map((u) => [u.id, u.name])), [data.units]);
  const facts = new Map<string, RowFacts>();
  for (const plan of data.plans) {
    for (const ind of plan.indicators) {
      const row = state.indicators.get(ind.id)!;
      const status = live.get(ind.id)?.result?.status;
      facts.set(ind.id, {
        text: [ind.code, ind.name, ...ind.unitIds.map((u) => unitNames.get(u) ?? "")].join(" "),
        unitIds: ind.unitIds,
        empty: !row.draft.numerator && !row.draft.denominator && !row.draft.value && !row.draft.done,
        red: !!status && RED.has(status),
        commented: !!rowComments[ind.id],
        changed: !!changed[ind.id],
      });
    }
    for (const task of plan.tasks) {
      facts.set(task.id, {
        text: [task.code, task.content, task.leadUnitName ?? ""].join(" "),
        unitIds: task.unitIds,
        empty: !task.current && !isDirty(state.tasks.get(task.id)!),
        red: form.overdue(task),
        commented: !!rowComments[task.id],
        changed: !!changed[task.id],
      });
    }
  }
  const shown = (id: string) => rowMatches(facts.get(id)!, query);
  const total = facts.size;
  const shownCount = [...facts.keys()].filter(shown).length;
  const filters: RowFilter[] = review?.sinceReturn ? ["", "changed", "empty", "red", "commented"] : ["", "empty", "red", "commented"];
  // Element ids from the row's place in the form, not its uuid (see IndicatorRowProps.domId).
  const domIds = new Map([...facts.keys()].map((id, i) => [id, `r${i}`]));
  const kindOf = new Map(data.plans.flatMap((p) => [...p.indicators.map((i) => [i.id, "indicator"] as const), ...p.tasks.map((t) => [t.id, "task"] as const)]));

  return (
    <div data-report-form>
      {review?.sinceReturn && (
        <div role="note" className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-sky-500 bg-sky-50 p-3 text-sm text-sky-950">
          <span>
            Nộp lại sau khi trả lại ({review.sinceReturn.returnedBy}, {formatDateTime(review.sinceReturn.returnedAt)}):{" "}
            <strong>{changedCount ? `${changedCount} dòng đã sửa` : "không dòng nào thay đổi"}</strong>
            {changedCount > 0 && ", đánh dấu ✎ với giá trị trước → sau."}
          </span>
          {changedCount > 0 && query.filter !== "changed" && (
            <button type="button" className="btn px-2 py-0.5 text-xs" onClick={() => form.setQuery({ ...query, filter: "changed" })}>
              Chỉ xem các dòng đã sửa
            </button>
          )}
        </div>
      )}
      {review?.formId &&
        // The comments go with the decision form (HTML form attribute), whichever rows are shown.
        Object.entries(comments)
          .filter(([, text]) => text.trim())
          .map(([id, text]) => <input key={id} type="hidden" form={review.formId!} name={`row:${kindOf.get(id)}:${id}`} value={text} />)}
      <RowFinder query={query} onChange={form.setQuery} units={data.units} shown={shownCount} total={total} filters={filters} />
      {shownCount === 0 && <p className="mb-4 rounded border border-slate-200 bg-white p-3 text-sm">Không có dòng nào khớp với “{query.search || "bộ lọc"}”. Thử bỏ dấu, từ khác hoặc bỏ bộ lọc.</p>}

      {data.plans.map((plan) => {
        const indicators = plan.indicators.filter((i) => shown(i.id));
        const tasks = plan.tasks.filter((t) => shown(t.id));
        if (!indicators.length && !tasks.length) return null;
        const sectionTitle = new Map(plan.sections.map((s) => [s.id, s]));
        const withHeaders = <T extends { sectionId: string | null; id: string }>(rows: T[], render: (row: T) => React.ReactNode, cols: number) => {
          let last: string | null | undefined;
          return rows.flatMap((row) => {
            const out: React.ReactNode[] = [];
            if (row.sectionId !== last) {
              last = row.sectionId;
              const s = row.sectionId ? sectionTitle.get(row.sectionId) : null;
              if (s)
                out.push(
                  <tr key={`s-${s.id}-${row.id}`} className="bg-slate-100 section-row">
                    <th colSpan={cols} scope="colgroup" className="text-left font-semibold">
                      {s.code ? `${s.code}. ` : ""}
                      {s.title}
                    </th>
                  </tr>,
                );
            }
            out.push(render(row));
            return out;
          });
        };
        return (
          <section key={plan.id} className="mb-8">
            <h2 className="mb-2 text-lg font-semibold">{plan.title}</h2>
            {indicators.length > 0 && (
              <div className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
                <table className="table-basic table-cards">
                  <caption className="px-2 py-1.5 text-left text-sm font-semibold text-slate-700">Chỉ tiêu ({indicators.length})</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="w-12">STT</th>
                      <th scope="col" className="min-w-64">Chỉ tiêu</th>
                      <th scope="col" className="w-44">Chỉ tiêu năm</th>
                      <th scope="col" className="w-56">Số liệu {quarterLabel(data.quarter)}</th>
                      <th scope="col" className="w-28">Lũy kế năm</th>
                      <th scope="col" className="w-36">Trạng thái</th>
                      <th scope="col" className="w-40">Ghi chú, minh chứng</th>
                    </tr>
                  </thead>
                  <tbody>
                    {withHeaders(
                      indicators,
                      (ind) => (
                        <IndicatorRow
                          key={ind.id}
                          ind={ind}
                          domId={domIds.get(ind.id)!}
                          draft={state.indicators.get(ind.id)!.draft}
                          live={live.get(ind.id)!}
                          onChange={(d) => form.setIndicatorDraft(ind.id, d)}
                          quarter={data.quarter}
                          year={data.year}
                          editable={editable}
                          errorOf={form.errorOf}
                          reviewComment={rowComments[ind.id]}
                          changes={changed[ind.id]}
                          commenting={commenting(ind.id)}
                          canSetBaseline={canSetBaseline}
                          conflict={form.conflicts.get(ind.id)}
                          onResolve={form.resolve}
                        />
                      ),
                      7,
                    )}
                  </tbody>
                </table>
              </div>
            )}
            {tasks.length > 0 && (
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
                <table className="table-basic table-cards">
                  <caption className="px-2 py-1.5 text-left text-sm font-semibold text-slate-700">Nhiệm vụ ({tasks.length})</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="w-12">STT</th>
                      <th scope="col" className="min-w-72">Nhiệm vụ</th>
                      <th scope="col" className="w-48">Tiến độ {quarterLabel(data.quarter)}</th>
                      <th scope="col" className="min-w-64">Kết quả thực hiện</th>
                      <th scope="col" className="w-40">Minh chứng</th>
                    </tr>
                  </thead>
                  <tbody>
                    {withHeaders(
                      tasks,
                      (task) => (
                        <TaskRow
                          key={task.id}
                          task={task}
                          domId={domIds.get(task.id)!}
                          draft={state.tasks.get(task.id)!.draft}
                          onChange={(d) => form.setTaskDraft(task.id, d)}
                          quarter={data.quarter}
                          year={data.year}
                          editable={editable}
                          errorOf={form.errorOf}
                          overdue={form.overdue(task)}
                          reviewComment={rowComments[task.id]}
                          changes={changed[task.id]}
                          commenting={commenting(task.id)}
                          conflict={form.conflicts.get(task.id)}
                          onResolve={form.resolve}
                        />
                      ),
                      5,
                    )}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
      {editable && <SaveBar form={form} canSubmit={canSubmit} />}
    </div>
  );
}
