import type { Metadata } from "next";
import Link from "next/link";
import { getPlanDetail } from "@/server/plans/queries";
import { PLAN_KIND_LABEL } from "@/domain/labels";
import { formatDate } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { SubmissionBadge } from "@/components/plans/submission-badge";
import { IndicatorTable, TaskTable } from "@/components/plans/plan-outline";
import { orRefusePage, requirePageActor } from "@/server/auth/guard";
import { can } from "@/domain/policy";
import { decisionHistory } from "@/server/review/queries";
import { isEditable } from "@/domain/reporting/workflow";
import { ReviewHistory } from "@/components/review/review-history";
import { latestReturnComments } from "@/domain/reporting/workflow";
import { DecisionForm } from "@/components/review/decision-form";
import { SubmitPlanButton } from "@/components/review/submit-plan-button";
import { AmendPlanForm } from "@/components/review/amend-plan-form";
import { PlanHistory } from "@/components/plans/plan-history";
import { planHistory } from "@/server/plans/versions";

export const metadata: Metadata = { title: "Chi tiết kế hoạch" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("plan.read");
  const { id } = await params;
  const plan = await orRefusePage(getPlanDetail(actor, id));
  const [decisions, history] = await Promise.all([decisionHistory(actor, { planId: plan.id, communeId: plan.communeId }), planHistory(plan.id)]);
  const canAmend = can(actor, "plan.submit", { communeId: plan.communeId }) && plan.status === "APPROVED";
  const returned = plan.status === "RETURNED" ? latestReturnComments(decisions) : null;
  const scope = { communeId: plan.communeId };
  const canSubmit = can(actor, "plan.submit", scope) && isEditable(plan.status);
  const canEdit = can(actor, "plan.write", scope) && isEditable(plan.status);
  const rows = [
    ...plan.indicators.map((i) => ({ id: i.id, kind: "indicator" as const, label: `Chỉ tiêu ${i.code ?? ""} ${i.name}`.slice(0, 120) })),
    ...plan.tasks.map((t) => ({ id: t.id, kind: "task" as const, label: `Nhiệm vụ ${t.code ?? ""} ${t.content}`.slice(0, 120) })),
  ];
  return (
    <>
      <p className="no-print mb-2 text-sm">
        <Link href="/ke-hoach">← Danh sách kế hoạch</Link>
      </p>
      <PageHeader
        title={plan.title}
        subtitle={
          <>
            {plan.commune.name}
            {plan.commune.parent ? ` – ${plan.commune.parent.name}` : ""} · Năm {plan.year}
          </>
        }
        actions={
          canSubmit || canEdit ? (
            <>
              {canEdit && (
                <Link href={`/ke-hoach/${plan.id}/sua`} className="btn">
                  Sửa kế hoạch
                </Link>
              )}
              {canSubmit && <SubmitPlanButton planId={plan.id} />}
            </>
          ) : undefined
        }
      />
      {returned && (
        <div role="alert" className="mb-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">⚠ Kế hoạch bị trả lại, cần chỉnh sửa và nộp lại</p>
          {returned.comment && <p className="mt-1 whitespace-pre-line text-sm">Ý kiến của cấp trên: {returned.comment}</p>}
          {Object.entries(returned.rows).map(([rowId, text]) => (
            <p key={rowId} className="mt-1 text-sm">
              ⚠ {rows.find((r) => r.id === rowId)?.label}: {text}
            </p>
          ))}
        </div>
      )}
      {can(actor, "review.decide") && <DecisionForm subjectType="plan" subjectId={plan.id} status={plan.status} rows={rows} />}
      {canAmend && <AmendPlanForm planId={plan.id} />}
      <ReviewHistory decisions={decisions} />
      <PlanHistory history={history} />
      <dl className="card mb-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">Loại kế hoạch</dt>
          <dd className="font-medium">{PLAN_KIND_LABEL[plan.kind]}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Số văn bản</dt>
          <dd className="font-medium">{plan.documentNumber ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Ngày ban hành</dt>
          <dd className="font-medium">{plan.documentDate ? formatDate(plan.documentDate) : (plan.documentDateText ?? "—")}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Trạng thái</dt>
          <dd>
            <SubmissionBadge status={plan.status} />
            {plan.isDemo && <span className="ml-2 text-xs text-slate-500">(dữ liệu mẫu)</span>}
          </dd>
        </div>
      </dl>
      {plan.indicators.length > 0 && (
        <section className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">Chỉ tiêu ({plan.indicators.length})</h2>
          <IndicatorTable plan={plan} />
        </section>
      )}
      {plan.tasks.length > 0 && (
        <section className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">Nhiệm vụ ({plan.tasks.length})</h2>
          <TaskTable plan={plan} />
        </section>
      )}
    </>
  );
}
