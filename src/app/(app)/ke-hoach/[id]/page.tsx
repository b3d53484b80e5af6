import type { Metadata } from "next";
import Link from "next/link";
import { getPlanDetail } from "@/server/plans/queries";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { PLAN_KIND_LABEL } from "@/domain/labels";
import { formatDate } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { AccessDenied } from "@/components/ui/access-denied";
import { SubmissionBadge } from "@/components/plans/submission-badge";
import { IndicatorTable, TaskTable } from "@/components/plans/plan-outline";

export const metadata: Metadata = { title: "Chi tiết kế hoạch" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let plan;
  try {
    plan = await getPlanDetail(id);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return <AccessDenied message={error.message} />;
    throw error;
  }
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
      />
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
