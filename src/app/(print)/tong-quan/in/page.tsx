import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { choosePeriod } from "@/server/reports/period-choice";
import { loadDashboard } from "@/server/dashboard/queries";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { statusText, targetText, ytdText } from "@/domain/evaluation/display";
import { formatDate, quarterLabel } from "@/domain/format";
import { routes } from "@/domain/routes";


export const metadata: Metadata = { title: "Bản in tổng quan" };

export default async function DashboardPrintPage({ searchParams }: { searchParams: Promise<{ nam?: string; quy?: string }> }) {
  const actor = await requirePageActor("dashboard.read");
  const { year, quarter, today } = await choosePeriod([actor.orgUnitId], await searchParams);
  const d = await loadDashboard(actor, actor.orgUnitId, year, quarter, today);
  return (
    <>
      <p className="no-print mb-3 text-sm">
        <Link href={routes.dashboard({ year, quarter })}>← Quay lại</Link> · Nhấn Ctrl+P để in (khổ A4 ngang).
      </p>
      <h1 className="text-center text-base font-bold uppercase">Bảng theo dõi chỉ tiêu cải cách hành chính</h1>
      <p className="text-center">
        {d.commune.name} · Năm {year} · Lũy kế đến hết {quarterLabel(quarter)} · Ngày in {formatDate(today)}
      </p>
      <p className="my-2 text-center">
        Đạt: <b>{d.counts.ACHIEVED}</b> · Có nguy cơ: <b>{d.counts.AT_RISK}</b> · Chưa đạt: <b>{d.counts.NOT_ACHIEVED}</b> · Chưa có số liệu: <b>{d.counts.NO_DATA}</b> · Nhiệm vụ hoàn thành{" "}
        <b>
          {d.tasks.done}/{d.tasks.total}
        </b>{" "}
        · Quá hạn: <b>{d.tasks.overdue.length}</b>
      </p>
      <table className="w-full border-collapse [&_td]:border [&_td]:border-slate-400 [&_td]:px-1 [&_td]:py-0.5 [&_th]:border [&_th]:border-slate-400 [&_th]:bg-slate-100 [&_th]:px-1">
        <thead>
          <tr>
            <th>STT</th>
            <th>Nhóm</th>
            <th>Chỉ tiêu</th>
            <th>Chỉ tiêu năm</th>
            <th>Lũy kế</th>
            <th>Trạng thái</th>
            <th>Đơn vị phụ trách</th>
          </tr>
        </thead>
        <tbody>
          {d.indicators.map((ind) => {
            return (
              <tr key={ind.id} className="break-inside-avoid">
                <td>{ind.code}</td>
                <td>{INDICATOR_GROUP_LABEL[ind.group]}</td>
                <td>{ind.name}</td>
                <td>{targetText(ind)}</td>
                <td className="text-right">
                  {ytdText(ind, ind.result.ytd)}
                </td>
                <td>{statusText(ind.status)}</td>
                <td>{ind.ownerUnitName}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {d.tasks.overdue.length > 0 && (
        <>
          <h2 className="mt-3 font-bold">Nhiệm vụ quá hạn</h2>
          <ul className="list-disc pl-5">
            {d.tasks.overdue.map((t) => (
              <li key={t.id}>
                {t.code}. {t.content} – {t.leadUnitName ?? "chưa giao"} (hạn {t.dueDate ? formatDate(t.dueDate) : t.deadlineText})
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2 text-slate-600">Nhóm chỉ số: {Object.values(INDICATOR_GROUP_LABEL).join("; ")}.</p>
    </>
  );
}
