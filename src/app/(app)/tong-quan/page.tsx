import type { Metadata } from "next";
import Link from "next/link";
import { communeIdsInScope, requirePageActor } from "@/server/auth/guard";
import { listPlans } from "@/server/plans/queries";
import { yearsWithPlans } from "@/server/review/queries";
import { PLAN_KIND_LABEL } from "@/domain/labels";
import { PageHeader } from "@/components/ui/page-header";
import { SubmissionBadge } from "@/components/plans/submission-badge";

export const metadata: Metadata = { title: "Tổng quan" };

export default async function CommuneHomePage() {
  const actor = await requirePageActor("dashboard.read");
  const [plans, years] = await Promise.all([listPlans(actor), yearsWithPlans(await communeIdsInScope(actor))]);
  const year = years[0];
  const current = plans.filter((p) => p.year === year);
  return (
    <>
      <PageHeader title={`Tổng quan – ${actor.orgUnitName}`} subtitle={year ? `Kế hoạch cải cách hành chính năm ${year}` : "Chưa có kế hoạch"} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {current.map((p) => (
          <Link key={p.id} href={`/ke-hoach/${p.id}`} className="card block text-slate-900 no-underline hover:border-brand-600">
            <div className="text-xs text-slate-600">{PLAN_KIND_LABEL[p.kind]}</div>
            <div className="mt-1 font-semibold">{p.title}</div>
            <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
              <span>
                <strong className="tabular-nums">{p._count.indicators}</strong> chỉ tiêu
              </span>
              <span>
                <strong className="tabular-nums">{p._count.tasks}</strong> nhiệm vụ
              </span>
              <SubmissionBadge status={p.status} />
            </div>
          </Link>
        ))}
      </div>
    </>
  );
}
