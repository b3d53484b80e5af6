import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { readPeriod, routes } from "@/domain/routes";
import { defaultReviewYear } from "@/server/review/comparison-params";
import { reviewMatrix, yearsInScope, type CellState } from "@/server/review/queries";
import { formatDate, quarterLabel, todayInVietnam } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { SubmissionBadge } from "@/components/plans/submission-badge";
import { YearPicker } from "@/components/ui/year-picker";
import { Badge } from "@/components/ui/badge";
import { SOURCE_LABEL } from "@/domain/calendar";
import { ReviewSummaryDownload } from "@/components/report/report-downloads";

export const metadata: Metadata = { title: "Các xã" };

const STATE_LABEL: Record<CellState, string> = { NONE: "Chưa nộp", DRAFT: "Chưa nộp", SUBMITTED: "Đã nộp", APPROVED: "Đã duyệt", RETURNED: "Trả lại" };

function Cell({ state }: { state: CellState }) {
  if (state === "NONE" || state === "DRAFT") return <Badge>Chưa nộp</Badge>;
  return <SubmissionBadge status={state} />;
}

export default async function ReviewHomePage({ searchParams }: { searchParams: Promise<{ nam?: string }> }) {
  const actor = await requirePageActor("plan.read");
  const years = await yearsInScope(actor);
  const today = todayInVietnam();
  const year = readPeriod(await searchParams).year ?? defaultReviewYear(years);
  const m = await reviewMatrix(actor, year, today);
  const waiting = m.rows.reduce((n, r) => n + r.quarters.filter((q) => q.state === "SUBMITTED").length + r.plans.filter((p) => p.status === "SUBMITTED").length, 0);
  return (
    <>
      <PageHeader
        title="Các xã thuộc đơn vị"
        subtitle={`${actor.orgUnitName} · ${m.rows.length} xã · năm ${year}`}
        actions={
          <>
            <Link href={`/xet-duyet/nop-bao-cao?nam=${year}`} className="btn">
              Tình hình nộp báo cáo
            </Link>
            <Link href={routes.comparison({ year })} className="btn">
              So sánh các xã
            </Link>
            <ReviewSummaryDownload year={year} quarter={Math.max(1, ...m.rows.flatMap((r) => r.quarters.filter((q) => q.state !== "NONE" && q.state !== "DRAFT").map((q) => q.quarter)))} />
            <YearPicker path="/xet-duyet" years={years} current={year} />
          </>
        }
      />
      <section aria-label="Tổng hợp" className="mb-4 flex flex-wrap gap-2 text-sm">
        <span className="rounded border border-blue-300 bg-blue-50 px-2 py-1">
          Chờ xét duyệt: <strong>{waiting}</strong>
        </span>
        {(["NONE", "SUBMITTED", "APPROVED", "RETURNED"] as CellState[]).map((s) => (
          <span key={s} className="rounded border border-slate-300 bg-white px-2 py-1">
            {STATE_LABEL[s]}: <strong>{s === "NONE" ? m.counts.NONE + m.counts.DRAFT : m.counts[s]}</strong>
          </span>
        ))}
        <span className={`rounded border px-2 py-1 ${m.late ? "border-red-300 bg-red-50 text-red-900" : "border-slate-300 bg-white"}`}>
          ⏰ Trễ hạn: <strong>{m.late}</strong>
        </span>
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table-basic">
          <thead>
            <tr>
              <th scope="col">Xã</th>
              <th scope="col">Kế hoạch năm {year}</th>
              {[1, 2, 3, 4].map((q) => {
                const due = m.rows[0]?.quarters[q - 1];
                return (
                  <th scope="col" key={q}>
                    Báo cáo {quarterLabel(q)}
                    {due && (
                      <div className="text-xs font-normal text-slate-600">
                        hạn {formatDate(due.dueDate)} · {SOURCE_LABEL[due.dueSource]}
                      </div>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <div className="font-medium">{c.name}</div>
                  <div className="text-xs text-slate-600">{c.parentName}</div>
                </td>
                <td>
                  {c.plans.length === 0 && <span className="text-slate-500">Chưa có</span>}
                  {c.plans.map((p) => (
                    <div key={p.id} className="mb-1">
                      <Link href={`/ke-hoach/${p.id}`} className="line-clamp-2">
                        {p.title}
                      </Link>
                      <SubmissionBadge status={p.status} />
                      {p.submittedAt && <span className="ml-1 text-xs text-slate-600">{formatDate(p.submittedAt)}</span>}
                    </div>
                  ))}
                </td>
                {c.quarters.map((q) => (
                  <td key={q.quarter} className={q.late ? "bg-red-50" : undefined}>
                    {q.reportId && q.state !== "DRAFT" ? (
                      <Link href={`/xet-duyet/bao-cao/${q.reportId}`} className="no-underline" aria-label={`${c.name} ${quarterLabel(q.quarter)}: ${STATE_LABEL[q.state]}`}>
                        <Cell state={q.state} />
                      </Link>
                    ) : (
                      <Cell state={q.state} />
                    )}
                    {q.submittedAt && <div className="text-xs text-slate-600">{formatDate(q.submittedAt)}</div>}
                    {q.dueDate !== m.rows[0]?.quarters[q.quarter - 1].dueDate && <div className="text-xs text-slate-600">hạn {formatDate(q.dueDate)}</div>}
                    {q.late && <div className="text-xs font-semibold text-red-800">⏰ Trễ hạn</div>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-sm text-slate-600">
        Hạn nộp theo lịch báo cáo (tỉnh quy định, huyện có thể đặt sớm hơn, nếu chưa có thì theo quy tắc mặc định).{" "}
        <Link href={`/xet-duyet/lich?nam=${year}`}>Lịch báo cáo</Link> · <Link href={`/xet-duyet/nop-bao-cao?nam=${year}`}>Tình hình nộp báo cáo</Link>
      </p>
    </>
  );
}
