// The plan as the document has it: sections, tasks and indicators in document order. Each
// table shows only the section headings that hold its kind of rows.
import type { PlanDetail } from "@/server/plans/queries";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { formatDate } from "@/domain/format";
import { targetText } from "@/domain/evaluation/display";
import { planRows, sectionsHolding } from "@/domain/plans/outline";
import { indicatorUnitsByRole, taskUnitsByRole, unitListText } from "@/domain/plans/unit-roles";
import { Badge } from "@/components/ui/badge";
import { PlanTable, RowNote, WarningList } from "./plan-table";

function MultiLine({ text }: { text: string | null }) {
  if (!text) return <span className="text-slate-400">—</span>;
  return <span className="whitespace-pre-line">{text}</span>;
}

function Names({ names }: { names: string[] }) {
  return <MultiLine text={unitListText(names) || null} />;
}

function SectionRow({ section, span }: { section: PlanDetail["sections"][number]; span: number }) {
  return (
    <tr className="bg-slate-50">
      <td className="font-semibold">{section.code}</td>
      <td colSpan={span} className="font-semibold" style={{ paddingLeft: `${0.5 + section.depth * 0.75}rem` }}>
        {section.title}
      </td>
    </tr>
  );
}

const TASK_COLUMNS = [
  { label: "STT", className: "w-16" },
  { label: "Nội dung nhiệm vụ" },
  { label: "Yêu cầu / kết quả, sản phẩm" },
  { label: "Thời hạn", className: "w-40" },
  { label: "Chủ trì", className: "w-52" },
  { label: "Phối hợp", className: "w-52" },
];

export function TaskTable({ plan }: { plan: PlanDetail }) {
  if (plan.tasks.length === 0) return null;
  const headings = sectionsHolding(plan, "task");
  return (
    <PlanTable caption="Nhiệm vụ của kế hoạch" columns={TASK_COLUMNS}>
      {planRows(plan).map((row) => {
        if (row.type === "section") return headings.has(row.item.id) ? <SectionRow key={row.item.id} section={row.item} span={5} /> : null;
        if (row.type !== "task") return null;
        const task = row.item;
        const units = taskUnitsByRole(task);
        return (
          <tr key={task.id}>
            <td className="tabular-nums">{task.code}</td>
            <td>
              <MultiLine text={task.content} />
              <RowNote text={task.note} />
              <WarningList warnings={task.importWarnings} />
            </td>
            <td>
              <MultiLine text={[task.requirement, task.expectedResult].filter(Boolean).join("\n") || null} />
            </td>
            <td>
              <MultiLine text={task.deadlineText} />
              {task.dueDate && <div className="text-xs text-slate-600">Hạn: {formatDate(task.dueDate)}</div>}
            </td>
            <td>
              <Names names={units.leads} />
            </td>
            <td>
              <Names names={units.coordinating} />
            </td>
          </tr>
        );
      })}
    </PlanTable>
  );
}

const INDICATOR_COLUMNS = [
  { label: "STT", className: "w-16" },
  { label: "Chỉ tiêu" },
  { label: "Nhóm" },
  { label: "Chỉ tiêu phấn đấu (như văn bản)" },
  { label: "Cách hiểu" },
  { label: "Đơn vị theo dõi" },
  { label: "Đơn vị thực hiện" },
];

export function IndicatorTable({ plan }: { plan: PlanDetail }) {
  if (plan.indicators.length === 0) return null;
  const headings = sectionsHolding(plan, "indicator");
  return (
    <PlanTable caption="Chỉ tiêu của kế hoạch" columns={INDICATOR_COLUMNS}>
      {planRows(plan).map((row) => {
        if (row.type === "section") return headings.has(row.item.id) ? <SectionRow key={row.item.id} section={row.item} span={6} /> : null;
        if (row.type !== "indicator") return null;
        const ind = row.item;
        const units = indicatorUnitsByRole(ind);
        return (
          <tr key={ind.id}>
            <td className="tabular-nums">{ind.code}</td>
            <td className={ind.parentId ? "pl-6" : ""}>
              {ind.parentId && <span aria-hidden>– </span>}
              {ind.name}
              {ind.deadlineText && <div className="text-xs text-slate-600">Thời hạn: {ind.deadlineText}</div>}
              <RowNote text={ind.note} />
              <WarningList warnings={ind.importWarnings} />
            </td>
            <td>
              <Badge>{INDICATOR_GROUP_LABEL[ind.group]}</Badge>
            </td>
            <td>
              <MultiLine text={ind.targetText} />
            </td>
            <td className="whitespace-nowrap">{targetText({ ...ind, targetValue: ind.targetValue === null ? null : Number(ind.targetValue) })}</td>
            <td>
              <Names names={units.monitoring} />
            </td>
            <td>
              <Names names={units.implementing} />
            </td>
          </tr>
        );
      })}
    </PlanTable>
  );
}
