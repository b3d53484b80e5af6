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

/** Column headers and widths; `quarter` marks the column titled with the quarter ("Số liệu Quý III"). */
type Column = [title: string, className: string, quarter?: true];
const INDICATOR_COLUMNS: Column[] = [["STT", "w-12"], ["Chỉ tiêu", "min-w-64"], ["Chỉ tiêu năm", "w-44"], ["Số liệu", "w-56", true], ["Lũy kế năm", "w-28"], ["Trạng thái", "w-36"], ["Ghi chú, minh chứng", "w-40"]];
const TASK_COLUMNS: Column[] = [["STT", "w-12"], ["Nhiệm vụ", "min-w-72"], ["Tiến độ", "w-48", true], ["Kết quả thực hiện", "min-w-64"], ["Minh chứng", "w-40"]];

/** The frame both tables of a part share: a table on a desktop, cards below 640 px. */
function PartTable({ caption, columns, quarter, children }: { caption: string; columns: Column[]; quarter: number; children: React.ReactNode }) {
  return (
    <div className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
      <table className="table-basic table-cards">
        <caption className="px-2 py-1.5 text-left text-sm font-semibold text-slate-700">{caption}</caption>
        <thead>
          <tr>
            {columns.map(([title, className, withQuarter]) => (
              <th key={title} scope="col" className={className}>
                {withQuarter ? `${title} ${quarterLabel(quarter)}` : title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function ReportPart({ sections, indicators, tasks, ctx }: { sections: Section[]; indicators: FormIndicator[]; tasks: FormTask[]; ctx: PartRowContext }) {
  const { form, year, quarter, editable, domId, rowComments, changed, commenting } = ctx;
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  return (
    <>
      {indicators.length > 0 && (
        <PartTable caption={`Chỉ tiêu (${indicators.length})`} columns={INDICATOR_COLUMNS} quarter={quarter}>
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
            INDICATOR_COLUMNS.length,
          )}
        </PartTable>
      )}
      {tasks.length > 0 && (
        <PartTable caption={`Nhiệm vụ (${tasks.length})`} columns={TASK_COLUMNS} quarter={quarter}>
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
            TASK_COLUMNS.length,
          )}
        </PartTable>
      )}
    </>
  );
}
