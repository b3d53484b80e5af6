import type { Metadata } from "next";
import Link from "next/link";
import { orRefusePage, requirePageActor } from "@/server/auth/guard";
import { can } from "@/domain/policy";
import { forbidden } from "next/navigation";
import { communeUnits, getPlanDetail, reportedRowIds, type PlanDetail } from "@/server/plans/queries";
import { deletePlanAndList, deleteRow, moveRow } from "@/server/plans/edit-actions";
import { planLockedMessage } from "@/server/plans/access";
import { decisionHistory } from "@/server/review/queries";
import { isEditable, latestReturnComments } from "@/domain/reporting/workflow";
import { targetText } from "@/domain/evaluation/display";
import { ROW_KIND, rowMainText, shortText } from "@/domain/plans/row-kinds";
import { childrenOf, depths, outlineNodes, planRows, type PlanRow } from "@/domain/plans/outline";
import { indicatorUnitsByRole, taskUnitsByRole, unitListText } from "@/domain/plans/unit-roles";
import { formatDate } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { SubmissionBadge } from "@/components/plans/submission-badge";
import { CodeAndKind, PlanTable, RowNote, rowColumns, WarningList } from "@/components/plans/plan-table";
import { InlineAction } from "@/components/forms/inline-action";
import { AddRowForms, IndicatorEditForm, PlanDetailsForm, SectionEditForm, TaskEditForm, UnitsDatalist } from "@/components/plans/edit/row-forms";

export const metadata: Metadata = { title: "Sửa kế hoạch" };

type Row = PlanRow<PlanDetail["sections"][number], PlanDetail["tasks"][number], PlanDetail["indicators"][number]>;

function rowLabel(row: Row): string {
  return `${row.item.code ? `${row.item.code} ` : ""}${shortText(rowMainText(row.type, row.item), 50)}`;
}

/** The deadline as understood, when that adds something to the text: a date, a period, or "not understood". */
function understoodDeadline(task: PlanDetail["tasks"][number]): string | null {
  if (task.deadlineKind === "PERIOD" && task.periodStart && task.periodEnd) return `Trong kỳ ${formatDate(task.periodStart)} – ${formatDate(task.periodEnd)}`;
  if (task.deadlineKind === "DATE" && task.dueDate) return `Hạn ${formatDate(task.dueDate)}`;
  if (task.deadlineKind === "NONE" && task.deadlineText) return "Chưa hiểu được thời hạn";
  return null;
}

/** The row's units by role; a second lead stays under "Chủ trì". */
function UnitRoles({ row }: { row: Exclude<Row, { type: "section" }> }) {
  const [headLabel, head, otherLabel, others] =
    row.type === "task"
      ? ["Chủ trì", taskUnitsByRole(row.item).leads, "Phối hợp", taskUnitsByRole(row.item).coordinating]
      : ["Theo dõi", indicatorUnitsByRole(row.item).monitoring, "Thực hiện", indicatorUnitsByRole(row.item).implementing];
  return (
    <>
      <div>
        <span className="text-xs text-slate-600">{headLabel}: </span>
        {head.length ? unitListText(head) : <span className="text-amber-900">chưa có</span>}
      </div>
      {others.length > 0 && (
        <div>
          <span className="text-xs text-slate-600">{otherLabel}: </span>
          {unitListText(others)}
        </div>
      )}
      <RowNote text={row.item.note} />
    </>
  );
}

export default async function EditPlanPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sua?: string; them?: string }> }) {
  const actor = await requirePageActor("plan.write");
  const { id } = await params;
  const { sua, them } = await searchParams;
  const plan: PlanDetail = await orRefusePage(getPlanDetail(actor, id));
  if (!can(actor, "plan.write", { communeId: plan.communeId })) forbidden();
  const back = (
    <p className="mb-2 text-sm">
      <Link href={`/ke-hoach/${plan.id}`}>← Xem kế hoạch</Link>
    </p>
  );
  if (!isEditable(plan.status)) {
    return (
      <>
        {back}
        <div role="alert" className="card border-amber-300 bg-amber-50 text-amber-950">
          {planLockedMessage(plan.status)}
        </div>
      </>
    );
  }

  const [units, reported, decisions] = await Promise.all([communeUnits(actor, plan.communeId), reportedRowIds(actor, plan), decisionHistory(actor, { planId: plan.id, communeId: plan.communeId })]);
  const returned = plan.status === "RETURNED" ? latestReturnComments(decisions) : null;
  const rows = planRows(plan);
  const nodes = outlineNodes(plan);
  const depth = depths(nodes);
  const sectionOptions = rows
    .filter((r) => r.type === "section")
    .map((r) => ({ value: r.item.id, label: `${"\u00a0\u00a0".repeat(depth.get(r.item.id) ?? 0)}${rowLabel(r)}` }));
  const indicatorOptions = plan.indicators.filter((i) => !i.parentId).map((i) => ({ value: i.id, label: `${i.code ? `${i.code} ` : ""}${i.name.slice(0, 60)}` }));
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  const siblings = (row: Row) => childrenOf(nodes, parentOf.get(row.item.id) ?? null);
  const neverSubmitted = plan.status === "DRAFT" && decisions.length === 0;

  return (
    <>
      {back}
      <PageHeader
        title="Sửa kế hoạch"
        subtitle={
          <>
            {plan.title} · Năm {plan.year} · <SubmissionBadge status={plan.status} />
          </>
        }
        actions={
          <>
            <Link href={`/ke-hoach/${plan.id}`} className="btn">
              Xong, xem kế hoạch
            </Link>
            {neverSubmitted && (
              <InlineAction
                action={deletePlanAndList}
                fields={{ planId: plan.id }}
                confirm={`Xóa hẳn kế hoạch “${plan.title}”? Chỉ xóa được kế hoạch chưa có số liệu báo cáo.`}
                className="btn text-red-800"
              >
                Xóa kế hoạch
              </InlineAction>
            )}
          </>
        }
      />
      <p className="mb-3 text-sm text-slate-700">Kế hoạch đang soạn hoặc bị trả lại nên còn sửa được. Mỗi thay đổi được lưu ngay và ghi vào nhật ký.</p>
      {returned && (
        <div role="alert" className="mb-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">⚠ Kế hoạch bị trả lại: sửa theo ý kiến của cấp trên rồi nộp lại</p>
          {returned.comment && <p className="mt-1 whitespace-pre-line text-sm">Ý kiến chung: {returned.comment}</p>}
          {Object.keys(returned.rows).length > 0 && <p className="mt-1 text-sm">Ý kiến theo dòng được ghi ngay dưới các dòng trong bảng.</p>}
        </div>
      )}
      <UnitsDatalist units={units} />

      <section className="card mb-4" aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-2 text-base font-semibold">
          Thông tin kế hoạch
        </h2>
        <PlanDetailsForm plan={plan} />
      </section>

      <section className="mb-4" aria-labelledby="rows-heading">
        <h2 id="rows-heading" className="mb-2 text-base font-semibold">
          Nội dung: {plan.sections.length} mục · {plan.tasks.length} nhiệm vụ · {plan.indicators.length} chỉ tiêu
        </h2>
        {rows.length === 0 ? (
          <p className="card text-sm text-slate-700">Kế hoạch chưa có dòng nào. Thêm mục, nhiệm vụ hoặc chỉ tiêu ở phần dưới.</p>
        ) : (
          <PlanTable caption="Các mục, nhiệm vụ và chỉ tiêu của kế hoạch, theo thứ tự văn bản" columns={rowColumns({ deadline: "w-60", units: "w-64", actions: "w-44" })}>
                {rows.map((row) => {
                  const item = row.item;
                  const warnings = row.type === "section" ? [] : row.item.importWarnings;
                  const comment = returned?.rows[item.id];
                  const hasFigures = reported.has(item.id);
                  const sibs = siblings(row);
                  const at = sibs.findIndex((s) => s.id === item.id);
                  const label = rowLabel(row);
                  const open = sua === item.id;
                  const tone = comment ? "bg-amber-50" : warnings.length ? "bg-amber-50" : row.type === "section" ? "bg-slate-100" : "";
                  return [
                    <tr key={item.id} id={`dong-${item.id}`} data-row={item.id} className={tone}>
                      <td>
                        <CodeAndKind code={item.code} kind={row.type} />
                      </td>
                      <td>
                        <div style={{ paddingLeft: `${Math.min(depth.get(item.id) ?? 0, 6) * 0.9}rem` }}>
                          {row.type === "indicator" && row.item.parentId && <span aria-hidden>– </span>}
                          <span className={`whitespace-pre-line ${row.type === "section" ? "font-semibold" : ""}`}>
                            {rowMainText(row.type, row.item)}
                          </span>
                          {hasFigures && (
                            <span className="ml-2">
                              <Badge tone="blue">Đã có số liệu báo cáo</Badge>
                            </span>
                          )}
                          {comment && <p className="mt-1 text-sm font-medium text-amber-950">⚠ Ý kiến cấp trên: {comment}</p>}
                          <WarningList warnings={warnings} />
                        </div>
                      </td>
                      <td>
                        {row.type === "task" && (
                          <>
                            <div className="whitespace-pre-line">{row.item.deadlineText ?? <span className="text-slate-400">—</span>}</div>
                            {understoodDeadline(row.item) && <div className="text-xs text-slate-600">Hiểu là: {understoodDeadline(row.item)}</div>}
                          </>
                        )}
                        {row.type === "indicator" && (
                          <>
                            <div>{row.item.targetText ?? <span className="text-slate-400">—</span>}</div>
                            <div className="text-xs text-slate-600">
                              Hiểu là: {targetText({ ...row.item, targetValue: row.item.targetValue === null ? null : Number(row.item.targetValue) })}
                            </div>
                          </>
                        )}
                      </td>
                      <td className="text-sm">
                        {row.type !== "section" && <UnitRoles row={row} />}
                      </td>
                      <td className="whitespace-nowrap text-right">
                        <InlineAction action={moveRow} fields={{ planId: plan.id, kind: row.type, id: item.id, direction: "up" }} label={`Chuyển lên: ${label}`} disabled={at === 0}>
                          <span aria-hidden>↑</span>
                        </InlineAction>{" "}
                        <InlineAction action={moveRow} fields={{ planId: plan.id, kind: row.type, id: item.id, direction: "down" }} label={`Chuyển xuống: ${label}`} disabled={at === sibs.length - 1}>
                          <span aria-hidden>↓</span>
                        </InlineAction>{" "}
                        <Link
                          href={open ? `/ke-hoach/${plan.id}/sua#dong-${item.id}` : `/ke-hoach/${plan.id}/sua?sua=${item.id}#dong-${item.id}`}
                          className="btn px-2 py-0.5 text-xs"
                          aria-label={`${open ? "Đóng" : "Sửa"}: ${label}`}
                          scroll={false}
                        >
                          {open ? "Đóng" : "Sửa"}
                        </Link>{" "}
                        <InlineAction
                          action={deleteRow}
                          fields={{ planId: plan.id, kind: row.type, id: item.id }}
                          label={`Xóa: ${label}`}
                          className="btn px-2 py-0.5 text-xs text-red-800"
                          confirm={
                            row.type === "section"
                              ? `Xóa mục “${label}” cùng mọi nhiệm vụ, chỉ tiêu bên trong?`
                              : `Xóa ${ROW_KIND[row.type].name} “${label}”?`
                          }
                        >
                          Xóa
                        </InlineAction>
                        {row.type === "section" && (
                          <div className="mt-1">
                            <Link href={`/ke-hoach/${plan.id}/sua?them=${item.id}#them`} className="text-xs" scroll={false}>
                              + Thêm vào mục này
                            </Link>
                          </div>
                        )}
                      </td>
                    </tr>,
                    open && (
                      <tr key={`${item.id}-edit`} className="bg-brand-50">
                        <td colSpan={5} className="border-l-4 border-l-brand-600">
                          <h3 className="mb-2 text-sm font-semibold">Sửa {ROW_KIND[row.type].name} {label}</h3>
                          {row.type === "section" && <SectionEditForm planId={plan.id} section={row.item} />}
                          {row.type === "task" && <TaskEditForm planId={plan.id} task={row.item} year={plan.year} />}
                          {row.type === "indicator" && <IndicatorEditForm planId={plan.id} indicator={row.item} />}
                        </td>
                      </tr>
                    ),
                  ];
                })}
          </PlanTable>
        )}
      </section>

      <section id="them" aria-labelledby="add-heading" className="mb-6 scroll-mt-4">
        <h2 id="add-heading" className="mb-2 text-base font-semibold">
          Thêm dòng
        </h2>
        <AddRowForms plan={plan} sectionOptions={sectionOptions} selected={them && plan.sections.some((s) => s.id === them) ? them : null} indicatorOptions={indicatorOptions} />
      </section>
    </>
  );
}
