// The rows of one open part of the report: its indicators' table and its tasks' table, with
// the headings of the sub-sections they sit in. A table on a desktop, cards below 640 px.
import type { FormIndicator, FormReport, FormTask } from "@/server/reports/form-data";
import { quarterLabel } from "@/domain/format";
import { IndicatorRow } from "./indicator-row";
import { TaskRow } from "./task-row";
import type { ReportFormApi } from "./use-report-form";
import type { SnapshotChange } from "@/domain/reporting/snapshot";
import type { RowCommenting } from "@/components/review/row-review";

export interface PartRowContext {
  form: ReportFormApi;
  year: number;
  quarter: number;
  editable: boolean;
  canSetBaseline: boolean;
  domId: (id: string) => string;
  rowComments: Record<string, string>;
  changed: Record<string, SnapshotChange[]>;
  commenting: (id: string) => RowCommenting | undefined;
}

type Section = FormReport["plans"][number]["sections"][number];

function withHeaders<T extends { sectionId: string | null; id: string }>(sections: Map<string, Section>, rows: T[], render: (row: T) => React.ReactNode, cols: number) {
  let last: string | null | undefined;
  return rows.flatMap((row) => {
    const out: React.ReactNode[] = [];
    if (row.sectionId !== last) {
      last = row.sectionId;
      const s = row.sectionId ? sections.get(row.sectionId) : null;
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
}

export function ReportPart({ sections, indicators, tasks, ctx }: { sections: Section[]; indicators: FormIndicator[]; tasks: FormTask[]; ctx: PartRowContext }) {
  const { form, year, quarter, editable, domId, rowComments, changed, commenting } = ctx;
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  return (
    <>
      {indicators.length > 0 && (
        <div className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
          <table className="table-basic table-cards">
            <caption className="px-2 py-1.5 text-left text-sm font-semibold text-slate-700">Chỉ tiêu ({indicators.length})</caption>
            <thead>
              <tr>
                <th scope="col" className="w-12">STT</th>
                <th scope="col" className="min-w-64">Chỉ tiêu</th>
                <th scope="col" className="w-44">Chỉ tiêu năm</th>
                <th scope="col" className="w-56">Số liệu {quarterLabel(quarter)}</th>
                <th scope="col" className="w-28">Lũy kế năm</th>
                <th scope="col" className="w-36">Trạng thái</th>
                <th scope="col" className="w-40">Ghi chú, minh chứng</th>
              </tr>
            </thead>
            <tbody>
              {withHeaders(
                sectionById,
                indicators,
                (ind) => (
                  <IndicatorRow
                    key={ind.id}
                    ind={ind}
                    domId={domId(ind.id)}
                    draft={form.state.indicators.get(ind.id)!.draft}
                    live={form.live.get(ind.id)!}
                    onChange={(d) => form.setIndicatorDraft(ind.id, d)}
                    quarter={quarter}
                    year={year}
                    editable={editable}
                    errorOf={form.errorOf}
                    reviewComment={rowComments[ind.id]}
                    changes={changed[ind.id]}
                    commenting={commenting(ind.id)}
                    canSetBaseline={ctx.canSetBaseline}
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
        <div className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
          <table className="table-basic table-cards">
            <caption className="px-2 py-1.5 text-left text-sm font-semibold text-slate-700">Nhiệm vụ ({tasks.length})</caption>
            <thead>
              <tr>
                <th scope="col" className="w-12">STT</th>
                <th scope="col" className="min-w-72">Nhiệm vụ</th>
                <th scope="col" className="w-48">Tiến độ {quarterLabel(quarter)}</th>
                <th scope="col" className="min-w-64">Kết quả thực hiện</th>
                <th scope="col" className="w-40">Minh chứng</th>
              </tr>
            </thead>
            <tbody>
              {withHeaders(
                sectionById,
                tasks,
                (task) => (
                  <TaskRow
                    key={task.id}
                    task={task}
                    domId={domId(task.id)}
                    draft={form.state.tasks.get(task.id)!.draft}
                    onChange={(d) => form.setTaskDraft(task.id, d)}
                    quarter={quarter}
                    year={year}
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
    </>
  );
}
