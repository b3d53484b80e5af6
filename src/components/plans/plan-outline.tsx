// The plan as the document has it: sections, tasks and indicators in document order.
import type { PlanDetail } from "@/server/plans/queries";
import { INDICATOR_GROUP_LABEL, TARGET_RULE_LABEL } from "@/domain/labels";
import { formatDate, formatNumber } from "@/domain/format";
import { Badge } from "@/components/ui/badge";

type OutlineRow =
  | { type: "section"; position: number; item: PlanDetail["sections"][number] }
  | { type: "task"; position: number; item: PlanDetail["tasks"][number] }
  | { type: "indicator"; position: number; item: PlanDetail["indicators"][number] };

export function outlineRows(plan: PlanDetail): OutlineRow[] {
  return [
    ...plan.sections.map((item) => ({ type: "section" as const, position: item.position, item })),
    ...plan.tasks.map((item) => ({ type: "task" as const, position: item.position, item })),
    ...plan.indicators.map((item) => ({ type: "indicator" as const, position: item.position, item })),
  ].sort((a, b) => a.position - b.position);
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-amber-800">
      {warnings.map((w) => (
        <li key={w}>⚠ {w}</li>
      ))}
    </ul>
  );
}

/** What the unit cells said beyond the units: instructions, a reporting date. */
function Note({ text }: { text: string | null }) {
  if (!text) return null;
  return <p className="mt-1 whitespace-pre-line text-xs text-slate-700">Ghi chú: {text}</p>;
}

function MultiLine({ text }: { text: string | null }) {
  if (!text) return <span className="text-slate-400">—</span>;
  return <span className="whitespace-pre-line">{text}</span>;
}

export function TaskTable({ plan }: { plan: PlanDetail }) {
  const rows = outlineRows(plan).filter((r) => r.type !== "indicator" || plan.tasks.length === 0);
  if (plan.tasks.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table-basic">
        <caption className="sr-only">Nhiệm vụ của kế hoạch</caption>
        <thead>
          <tr>
            <th scope="col" className="w-16">STT</th>
            <th scope="col">Nội dung nhiệm vụ</th>
            <th scope="col">Yêu cầu / kết quả, sản phẩm</th>
            <th scope="col" className="w-40">Thời hạn</th>
            <th scope="col" className="w-52">Chủ trì</th>
            <th scope="col" className="w-52">Phối hợp</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.type === "section" ? (
              <tr key={row.item.id} className="bg-slate-50">
                <td className="font-semibold">{row.item.code}</td>
                <td colSpan={5} className="font-semibold" style={{ paddingLeft: `${0.5 + row.item.depth * 0.75}rem` }}>
                  {row.item.title}
                </td>
              </tr>
            ) : row.type === "task" ? (
              <tr key={row.item.id}>
                <td className="tabular-nums">{row.item.code}</td>
                <td>
                  <MultiLine text={row.item.content} />
                  <Note text={row.item.note} />
                  <Warnings warnings={row.item.importWarnings} />
                </td>
                <td>
                  <MultiLine text={[row.item.requirement, row.item.expectedResult].filter(Boolean).join("\n") || null} />
                </td>
                <td>
                  <MultiLine text={row.item.deadlineText} />
                  {row.item.dueDate && <div className="text-xs text-slate-600">Hạn: {formatDate(row.item.dueDate)}</div>}
                </td>
                <td>
                  {row.item.leadUnit
                    ? [row.item.leadUnit.name, ...row.item.coordinatingUnits.filter((c) => c.isLead).map((c) => c.unit.name)].join("; ")
                    : <MultiLine text={row.item.leadUnitText} />}
                </td>
                <td>
                  {row.item.coordinatingUnits.some((c) => !c.isLead) ? (
                    row.item.coordinatingUnits.filter((c) => !c.isLead).map((c) => c.unit.name).join("; ")
                  ) : (
                    <MultiLine text={row.item.coordinatingText} />
                  )}
                </td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </div>
  );
}

export function IndicatorTable({ plan }: { plan: PlanDetail }) {
  if (plan.indicators.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table-basic">
        <caption className="sr-only">Chỉ tiêu của kế hoạch</caption>
        <thead>
          <tr>
            <th scope="col" className="w-16">STT</th>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Nhóm</th>
            <th scope="col">Chỉ tiêu phấn đấu (như văn bản)</th>
            <th scope="col">Cách hiểu</th>
            <th scope="col">Đơn vị theo dõi</th>
            <th scope="col">Đơn vị thực hiện</th>
          </tr>
        </thead>
        <tbody>
          {plan.indicators.map((ind) => (
            <tr key={ind.id}>
              <td className="tabular-nums">{ind.code}</td>
              <td className={ind.parentId ? "pl-6" : ""}>
                {ind.parentId && <span aria-hidden>– </span>}
                {ind.name}
                <Note text={ind.note} />
                <Warnings warnings={ind.importWarnings} />
              </td>
              <td>
                <Badge>{INDICATOR_GROUP_LABEL[ind.group]}</Badge>
              </td>
              <td>
                <MultiLine text={ind.targetText} />
              </td>
              <td className="whitespace-nowrap">
                {TARGET_RULE_LABEL[ind.targetRule]}
                {ind.targetValue !== null && ind.targetRule !== "FULL" ? ` ${formatNumber(Number(ind.targetValue))}${ind.measurementUnit === "%" ? "%" : ""}` : ""}
              </td>
              <td>
                {ind.monitoringUnit
                  ? [ind.monitoringUnit.name, ...ind.implementingUnits.filter((u) => u.isMonitoring).map((u) => u.unit.name)].join("; ")
                  : <MultiLine text={ind.monitoringUnitText} />}
              </td>
              <td>
                {ind.implementingUnits.some((u) => !u.isMonitoring)
                  ? ind.implementingUnits.filter((u) => !u.isMonitoring).map((u) => u.unit.name).join("; ")
                  : <MultiLine text={ind.implementingUnitText} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
