import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { choosePeriod } from "@/server/reports/period-choice";
import { loadDashboard } from "@/server/dashboard/queries";
import { currentUnitId } from "@/server/units/queries";
import { STATUS_LABEL, STATUS_RULES_VI } from "@/domain/evaluation/status";
import { ytdText } from "@/domain/evaluation/display";
import { AGGREGATION_LABEL } from "@/domain/evaluation/year-to-date";
import { MAX_POINTS_766 } from "@/domain/evaluation/decision-766";
import { formatDate, quarterLabel } from "@/domain/format";
import { routes } from "@/domain/routes";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodNav } from "@/components/dashboard/period-nav";
import { IndicatorGroups, StatusCounts, StatusWord } from "@/components/dashboard/indicator-groups";
import { DueSoonTasks, DUE_SOON_OPEN, OverdueTasks } from "@/components/dashboard/task-lists";
import { RecordNotice } from "@/components/report/record-notice";
import type { Dashboard } from "@/server/dashboard/queries";

export const metadata: Metadata = { title: "Tổng quan" };

type Ind = Dashboard["indicators"][number];

const ytdOf = (ind: Ind) => ytdText(ind, ind.result.ytd);

function Card({ label, value, tone, note }: { label: string; value: React.ReactNode; tone: string; note?: string }) {
  return (
    <div className={`rounded-lg border p-3 ${tone}`}>
      <div className="text-sm">{label}</div>
      <div className="text-2xl font-semibold tabular-nums">{value}</div>
      {note && <div className="text-xs">{note}</div>}
    </div>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ nam?: string; quy?: string; donvi?: string; nhom?: string; viec?: string }> }) {
  const actor = await requirePageActor("dashboard.read");
  const params = await searchParams;
  const { year, quarter, years, today } = await choosePeriod([actor.orgUnitId], params);
  const d = await loadDashboard(actor, actor.orgUnitId, year, quarter, today);
  // A link to a unit merged since follows it into the unit it was merged into.
  const donvi = params.donvi && params.donvi !== "none" && !d.byUnit.some((u) => u.unitId === params.donvi) ? await currentUnitId(actor.orgUnitId, params.donvi) : params.donvi;
  const unit = donvi ? d.byUnit.find((u) => (u.unitId ?? "none") === donvi) : undefined;
  const inUnit = (id: string | null) => !unit || (unit.unitId ?? null) === (id ?? null);
  const period = { year, quarter };

  return (
    <>
      <PageHeader
        title={`Tổng quan – ${d.commune.name}`}
        subtitle={`Năm ${year}, số liệu lũy kế tính đến hết ${quarterLabel(quarter)} · ngày xem ${formatDate(today)}`}
        actions={
          <>
            <PeriodNav path="/tong-quan" years={years} year={year} quarter={quarter} />
            <div className="flex items-start gap-2">
              <a className="btn" href={routes.api.dashboardXlsx(period)}>
                Tải Excel
              </a>
              <Link className="btn" href={routes.dashboardPrint(period)}>
                Bản in A4
              </Link>
            </div>
          </>
        }
      />

      <RecordNotice data={d.record} missingQuarters={d.missingQuarters} />

      <section aria-label="Số liệu chính" className="mb-4 grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
        <Card label="✔ Đạt" value={d.counts.ACHIEVED} tone="border-green-300 bg-green-50 text-green-950" note={`trên ${d.scoredCount} chỉ tiêu`} />
        <Card label="⚠ Có nguy cơ" value={d.counts.AT_RISK} tone="border-amber-300 bg-amber-50 text-amber-950" />
        <Card label="✖ Chưa đạt" value={d.counts.NOT_ACHIEVED} tone="border-red-300 bg-red-50 text-red-950" />
        <Card label="… Chưa có số liệu" value={d.counts.NO_DATA} tone="border-slate-300 bg-white text-slate-900" note={d.counts.NO_TARGET ? `${d.counts.NO_TARGET} chỉ tiêu chỉ theo dõi` : undefined} />
        <Card label="Nhiệm vụ hoàn thành" value={`${d.tasks.done}/${d.tasks.total}`} tone="border-slate-300 bg-white text-slate-900" />
        <Card label="Nhiệm vụ quá hạn" value={d.tasks.overdue.length} tone={d.tasks.overdue.length ? "border-red-300 bg-red-50 text-red-950" : "border-slate-300 bg-white text-slate-900"} note={`${d.tasks.dueSoon.length} việc đến hạn trong 30 ngày`} />
      </section>

      <details className="card mb-4 text-sm">
        <summary className="cursor-pointer font-semibold">Cách tính trạng thái</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {STATUS_RULES_VI.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
          {Object.values(AGGREGATION_LABEL).map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </details>

      <section aria-labelledby="by-unit" className="mb-6">
        <h2 id="by-unit" className="mb-2 text-lg font-semibold">
          Trách nhiệm theo đơn vị
        </h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
          <table className="table-basic table-cards cards-compact unit-figures">
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Chỉ tiêu theo dõi</th>
                <th scope="col">Đạt</th>
                <th scope="col">Chậm (nguy cơ + chưa đạt)</th>
                <th scope="col">Nhiệm vụ chủ trì</th>
                <th scope="col">Hoàn thành</th>
                <th scope="col">Quá hạn</th>
              </tr>
            </thead>
            <tbody>
              {d.byUnit.map((u) => (
                <tr key={u.unitId ?? "none"} className={unit && unit.unitId === u.unitId ? "bg-brand-50" : undefined}>
                  <td>
                    <Link href={`${routes.dashboard(period, { donvi: u.unitId ?? "none", nhom: params.nhom })}#chi-tieu`}>{u.unitName}</Link>
                  </td>
                  <td>{u.indicators}</td>
                  <td>{u.achieved}</td>
                  <td className={u.lagging ? "lag" : undefined}>{u.lagging}</td>
                  <td>{u.tasks}</td>
                  <td>{u.tasksDone}</td>
                  <td className={u.overdue ? "lag" : undefined}>{u.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="chi-tieu" aria-labelledby="groups" className="mb-6">
        <h2 id="groups" className="mb-2 text-lg font-semibold">
          Chỉ tiêu theo nhóm chỉ số{unit ? ` – ${unit.unitName}` : ""}
          {unit && (
            <Link href={`${routes.dashboard(period, { nhom: params.nhom })}#chi-tieu`} className="ml-3 text-sm font-normal">
              Bỏ lọc
            </Link>
          )}
        </h2>
        {d.groups.length === 0 && <p className="card text-sm text-slate-700">Kế hoạch năm {year} chưa có chỉ tiêu.</p>}
        <IndicatorGroups groups={d.groups} open={params.nhom} inUnit={inUnit} period={period} donvi={donvi} />
      </section>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <OverdueTasks tasks={d.tasks.overdue.filter((t) => inUnit(t.leadUnitId))} />
        <DueSoonTasks tasks={d.tasks.dueSoon.filter((t) => inUnit(t.leadUnitId))} open={params.viec === DUE_SOON_OPEN} period={period} donvi={donvi} />
      </div>

      <section aria-labelledby="online" className="mb-6">
        <h2 id="online" className="mb-1 text-lg font-semibold">
          Dịch vụ công trực tuyến theo Quyết định 766/QĐ-TTg
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          Bộ chỉ số 766 chấm {MAX_POINTS_766} điểm theo 5 nhóm. Ứng dụng không tự tính điểm: dưới đây là số chỉ tiêu của xã thuộc từng nhóm theo trạng thái và các chỉ tiêu chậm, để thấy nhóm nào đang mất điểm.
        </p>
        <div className="grid gap-2 md:grid-cols-2 xl:grid-cols-5">
          {d.online.map((g) => (
            <div key={g.key} className="card p-3">
              <div className="font-semibold">{g.name}</div>
              <div className="text-xs text-slate-600">Tối đa {g.maxPoints} điểm</div>
              {g.missing ? (
                <p className="mt-2 text-sm text-amber-900">⚠ Kế hoạch chưa có chỉ tiêu thuộc nhóm này: chưa đủ dữ liệu để đánh giá.</p>
              ) : (
                <>
                  <p className="mt-2">
                    <StatusCounts rows={g.indicators} />
                  </p>
                  <ul className="mt-1 space-y-1 text-sm">
                    {g.indicators
                      .filter((i) => i.status === "NOT_ACHIEVED" || i.status === "AT_RISK")
                      .map((i) => (
                        <li key={i.id}>
                          <StatusWord status={i.status} /> {`${i.name} (${ytdOf(i)})`}
                        </li>
                      ))}
                  </ul>
                </>
              )}
            </div>
          ))}
        </div>
      </section>
      <p className="text-xs text-slate-500">Trạng thái: {Object.values(STATUS_LABEL).join(" · ")}.</p>
    </>
  );
}
