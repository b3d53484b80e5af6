import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { assessmentDetail } from "@/server/assessment/queries";
import { PageHeader } from "@/components/ui/page-header";
import { AssessmentForm, type Mode } from "@/components/assessment/assessment-form";
import { DemoNote, StageBadge } from "@/components/assessment/labels";
import { formatDate, formatDateTime } from "@/domain/format";
import { STEP_LABEL, type AssessmentStep } from "@/domain/assessment";
import { isCommuneUser } from "@/domain/policy";

export const metadata: Metadata = { title: "Phiếu chấm điểm Chỉ số CCHC" };

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("assessment.read");
  const { id } = await params;
  const d = await assessmentDetail(actor, id);
  const commune = isCommuneUser(actor);
  const mode: Mode = commune
    ? d.status === "DRAFT"
      ? "self"
      : d.status === "RETURNED"
        ? "explain"
        : "view"
    : actor.role === "REVIEWER" && d.status === "SUBMITTED"
      ? d.appraised
        ? "decide"
        : "appraise"
      : "view";
  const canSubmit = actor.role === "CHAIRMAN" || actor.canSubmit;
  return (
    <>
      <PageHeader
        title={`Chấm điểm Chỉ số CCHC năm ${d.set.year} – ${d.commune.name}`}
        subtitle={`${d.set.title} · ${d.set.issuer}`}
        actions={
          <>
            <a href={`/api/cham-diem/docx?id=${d.id}`} className="btn">Tải báo cáo tự chấm (.docx)</a>
            {d.status === "APPROVED" && (
              <Link href={`/cham-diem/ket-qua/${d.set.id}`} className="btn">
                Xếp hạng
              </Link>
            )}
            <Link href="/cham-diem" className="btn">
              Về danh sách
            </Link>
          </>
        }
      />
      {d.set.isDemo && <DemoNote />}
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <StageBadge status={d.status} stage={d.stage} />
        {d.status === "RETURNED" && d.explainDueDate && <span>Hạn giải trình: <strong>{formatDate(d.explainDueDate)}</strong></span>}
        {mode === "self" && !canSubmit && <span className="text-slate-700">Công chức chấm và lưu; Chủ tịch UBND xã nộp.</span>}
      </div>
      <AssessmentForm detail={d} mode={mode} canSubmit={canSubmit} />
      <section aria-labelledby="hist-h" className="mt-6">
        <h2 id="hist-h" className="mb-2 font-semibold">Lịch sử</h2>
        {d.history.length ? (
          <ol className="list-decimal pl-5 text-sm">
            {d.history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at)} – {h.by}: {STEP_LABEL[h.action.replace("assessment.", "") as AssessmentStep] ?? h.action}
                {h.comment ? ` – “${h.comment}”` : ""}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600">Chưa nộp.</p>
        )}
      </section>
    </>
  );
}
