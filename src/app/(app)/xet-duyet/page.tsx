import type { Metadata } from "next";
import Link from "next/link";
import { communeIdsInScope, requirePageActor } from "@/server/auth/guard";
import { reviewOverview, yearsWithPlans } from "@/server/review/queries";
import { formatDate, quarterLabel } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { SubmissionBadge } from "@/components/plans/submission-badge";
import { YearPicker } from "@/components/ui/year-picker";

export const metadata: Metadata = { title: "Các xã" };

export default async function ReviewHomePage({ searchParams }: { searchParams: Promise<{ nam?: string }> }) {
  const actor = await requirePageActor("plan.read");
  const years = await yearsWithPlans(await communeIdsInScope(actor));
  const { nam } = await searchParams;
  const year = Number(nam) || years[0] || new Date().getFullYear();
  const rows = await reviewOverview(actor, year);
  return (
    <>
      <PageHeader
        title="Các xã thuộc đơn vị"
        subtitle={`${actor.orgUnitName} · ${rows.length} xã · năm ${year}`}
        actions={<YearPicker years={years} current={year} />}
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th scope="col">Xã</th>
              <th scope="col">Trực thuộc</th>
              <th scope="col">Kế hoạch năm {year}</th>
              {[1, 2, 3, 4].map((q) => (
                <th scope="col" key={q}>
                  Báo cáo {quarterLabel(q)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="font-medium">{c.name}</td>
                <td className="text-slate-700">{c.parent?.name}</td>
                <td>
                  {c.plans.length === 0 && <span className="text-slate-500">Chưa có</span>}
                  {c.plans.map((p) => (
                    <div key={p.id} className="mb-1">
                      <Link href={`/ke-hoach/${p.id}`}>{p.title}</Link> <SubmissionBadge status={p.status} />
                    </div>
                  ))}
                </td>
                {[1, 2, 3, 4].map((q) => {
                  const r = c.reports[q];
                  return (
                    <td key={q}>
                      {r ? (
                        <>
                          <SubmissionBadge status={r.status} />
                          {r.submittedAt && <div className="text-xs text-slate-600">{formatDate(r.submittedAt)}</div>}
                        </>
                      ) : (
                        <span className="text-slate-500">Chưa nộp</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
