import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { can, isCommuneUser } from "@/domain/policy";
import { listPlans } from "@/server/plans/queries";
import { PLAN_KIND_LABEL } from "@/domain/labels";
import { formatDate } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { SubmissionBadge } from "@/components/plans/submission-badge";

export const metadata: Metadata = { title: "Kế hoạch" };

export default async function PlansPage() {
  const actor = await requirePageActor("plan.read");
  const plans = await listPlans(actor);
  const years = [...new Set(plans.map((p) => p.year))];
  const showCommune = !isCommuneUser(actor);
  const canImport = can(actor, "plan.import");
  const canWrite = can(actor, "plan.write");
  return (
    <>
      <PageHeader
        title="Kế hoạch"
        subtitle={showCommune ? "Kế hoạch của các xã thuộc đơn vị" : `Kế hoạch của ${actor.orgUnitName}`}
        actions={
          canImport || canWrite ? (
            <>
              {canImport && (
                <Link href="/ke-hoach/nhap" className="btn btn-primary">
                  Nhập kế hoạch
                </Link>
              )}
              {canWrite && (
                <Link href="/ke-hoach/moi" className="btn">
                  Lập kế hoạch mới
                </Link>
              )}
            </>
          ) : undefined
        }
      />
      {plans.length === 0 && <p className="card text-sm text-slate-600">Chưa có kế hoạch nào.</p>}
      {years.map((year) => (
        <section key={year} className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">Năm {year}</h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="table-basic">
              <thead>
                <tr>
                  {showCommune && <th scope="col">Xã</th>}
                  <th scope="col">Kế hoạch</th>
                  <th scope="col">Loại</th>
                  <th scope="col">Số, ngày văn bản</th>
                  <th scope="col" className="text-right">Nhiệm vụ</th>
                  <th scope="col" className="text-right">Chỉ tiêu</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {plans
                  .filter((p) => p.year === year)
                  .map((p) => (
                    <tr key={p.id}>
                      {showCommune && <td className="whitespace-nowrap">{p.commune.name}</td>}
                      <td>
                        <Link href={`/ke-hoach/${p.id}`}>{p.title}</Link>
                        {p.isDemo && <span className="ml-2 text-xs text-slate-500">(dữ liệu mẫu)</span>}
                      </td>
                      <td className="text-slate-700">{PLAN_KIND_LABEL[p.kind]}</td>
                      <td className="whitespace-nowrap">
                        {p.documentNumber ?? "—"}
                        {p.documentDate ? `, ${formatDate(p.documentDate)}` : p.documentDateText ? `, ${p.documentDateText}` : ""}
                      </td>
                      <td className="text-right tabular-nums">{p._count.tasks}</td>
                      <td className="text-right tabular-nums">{p._count.indicators}</td>
                      <td>
                        <SubmissionBadge status={p.status} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
