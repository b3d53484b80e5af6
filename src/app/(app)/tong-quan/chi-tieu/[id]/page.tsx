import type { Metadata } from "next";
import Link from "next/link";
import { orRefusePage, requirePageActor } from "@/server/auth/guard";
import { loadIndicatorDetail } from "@/server/dashboard/indicator-detail";
import { indicatorStatus } from "@/domain/evaluation/status";
import { isPercentFigure, NO_FIGURE, quarterFigure, targetText, ytdFigure } from "@/domain/evaluation/display";
import { entryInputFor } from "@/domain/reporting/entry";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { readPeriod, routes } from "@/domain/routes";
import { formatDate, formatDateTime, formatNumber, quarterLabel } from "@/domain/format";
import { PageHeader } from "@/components/ui/page-header";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { trendPoints, trendTarget } from "@/domain/evaluation/trend";
import { quarterDisplayValue } from "@/domain/evaluation/year-to-date";
import { StatusBadge } from "@/components/ui/status-badge";
import { SubmissionBadge } from "@/components/plans/submission-badge";

export const metadata: Metadata = { title: "Chi tiết chỉ tiêu" };

export default async function IndicatorDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ nam?: string; quy?: string }> }) {
  const actor = await requirePageActor("dashboard.read");
  const { id } = await params;
  const sp = await searchParams;
  const { indicator: ind, quarters } = await orRefusePage(loadIndicatorDetail(actor, id));
  const asOf = readPeriod(sp).quarter ?? 4;
  const result = indicatorStatus(ind, quarters.filter((q) => q.quarter <= asOf), asOf);
  const input = entryInputFor(ind);
  const ytd = ytdFigure(ind, result.ytd);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={routes.dashboard({ year: ind.plan.year, quarter: asOf })}>← Tổng quan</Link>
      </p>
      <PageHeader title={`${ind.code ? ind.code + ". " : ""}${ind.name}`} subtitle={`${ind.plan.title} · ${INDICATOR_GROUP_LABEL[ind.group]}`} />
      <dl className="card mb-4 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">Chỉ tiêu năm {ind.plan.year}</dt>
          <dd className="font-medium">{ind.targetText || "—"}</dd>
          <dd>{targetText(ind)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Lũy kế đến hết {quarterLabel(asOf)}</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {ytd.text || NO_FIGURE}
          </dd>
          {ytd.detail && <dd className="text-slate-600">{ytd.detail}</dd>}
        </div>
        <div>
          <dt className="text-slate-600">Trạng thái</dt>
          <dd>
            <StatusBadge status={result.status} />
          </dd>
          <dd className="text-slate-700">{result.reason}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Đơn vị theo dõi</dt>
          <dd className="font-medium">{ind.monitoringUnit?.name ?? ind.monitoringUnitText ?? "—"}</dd>
          {ind.numeratorLabel && <dd className="text-xs text-slate-600">Tử số: {ind.numeratorLabel}</dd>}
          {ind.denominatorLabel && <dd className="text-xs text-slate-600">Mẫu số: {ind.denominatorLabel}</dd>}
        </div>
      </dl>
      <section aria-labelledby="trend" className="card mb-4">
        <h2 id="trend" className="mb-2 font-semibold">
          Diễn biến theo quý
        </h2>
        <TrendChart
          size="full"
          points={trendPoints(quarters.map((q) => ({ quarter: q.quarter, value: quarterDisplayValue(ind, q) })), asOf)}
          percent={isPercentFigure(ind)}
          label={`Biểu đồ ${ind.name}`}
          target={trendTarget(ind, isPercentFigure(ind))}
          yLabel={isPercentFigure(ind) ? "Tỷ lệ (%)" : input === "RANK" ? "Thứ hạng" : (ind.measurementUnit ?? "Giá trị")}
          rank={input === "RANK"}
        />
        <p className="mt-1 text-xs text-slate-600">Đường liền: số liệu từng quý (quý chưa có số liệu để trống); đường gạch: chỉ tiêu hoặc số liệu năm trước.</p>
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table-basic">
          <caption className="px-2 py-1.5 text-left font-semibold">Số liệu từng quý</caption>
          <thead>
            <tr>
              <th scope="col">Quý</th>
              {input === "RATIO" && <th scope="col" className="text-right">Tử số</th>}
              {input === "RATIO" && <th scope="col" className="text-right">Mẫu số</th>}
              <th scope="col" className="text-right">Giá trị quý</th>
              <th scope="col">Báo cáo</th>
              <th scope="col">Ghi chú</th>
              <th scope="col">Minh chứng</th>
              <th scope="col">Lịch sử</th>
            </tr>
          </thead>
          <tbody>
            {quarters.length === 0 && (
              <tr>
                <td colSpan={8} className="text-slate-600">
                  Chưa có số liệu quý nào.
                </td>
              </tr>
            )}
            {quarters.map((q) => {
              return (
                <tr key={q.id}>
                  <td className="whitespace-nowrap">{quarterLabel(q.quarter)}</td>
                  {input === "RATIO" && <td className="text-right tabular-nums">{formatNumber(q.numerator)}</td>}
                  {input === "RATIO" && <td className="text-right tabular-nums">{formatNumber(q.denominator)}</td>}
                  <td className="text-right tabular-nums">{quarterFigure(ind, q).text}</td>
                  <td>
                    <SubmissionBadge status={q.reportStatus} />
                    {q.isDemo && <span className="ml-1 text-xs text-slate-500">(mẫu)</span>}
                  </td>
                  <td className="whitespace-pre-line">{q.note ?? ""}</td>
                  <td>
                    <ul>
                      {q.evidence.map((e) => (
                        <li key={e.id}>
                          {e.fileName ? <a href={routes.api.evidence(e.id)}>📎 {e.fileName}</a> : `📄 ${e.docNumber ?? ""}${e.docDate ? ` ngày ${formatDate(e.docDate)}` : ""}: ${e.docSummary ?? ""}`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="text-xs">
                    {q.history.map((h) => (
                      <div key={h.id}>
                        {formatDateTime(h.createdAt)} – {h.user?.fullName ?? "Hệ thống"} ({h.action === "create" ? "nhập mới" : "sửa"})
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
