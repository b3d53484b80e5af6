import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { choosePeriod } from "@/server/reports/period-choice";
import { loadDashboard } from "@/server/dashboard/queries";
import { currentUnitId } from "@/server/units/queries";
import { INDICATOR_GROUP_LABEL } from "@/domain/labels";
import { STATUS_LABEL, STATUS_RULES_VI } from "@/domain/evaluation/status";
import { isPercentFigure, targetText, taskStatusText, ytdText } from "@/domain/evaluation/display";
import { AGGREGATION_LABEL } from "@/domain/evaluation/year-to-date";
import { MAX_POINTS_766 } from "@/domain/evaluation/decision-766";
import { formatDate, quarterLabel } from "@/domain/format";
import { routes } from "@/domain/routes";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { PeriodNav } from "@/components/dashboard/period-nav";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { trendTarget } from "@/domain/evaluation/trend";
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

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ nam?: string; quy?: string; donvi?: string }> }) {
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
          <table className="table-basic table-cards cards-compact">
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col" className="text-right">Chỉ tiêu theo dõi</th>
                <th scope="col" className="text-right">Đạt</th>
                <th scope="col" className="text-right">Chậm (nguy cơ + chưa đạt)</th>
                <th scope="col" className="text-right">Nhiệm vụ chủ trì</th>
                <th scope="col" className="text-right">Hoàn thành</th>
                <th scope="col" className="text-right">Quá hạn</th>
              </tr>
            </thead>
            <tbody>
              {d.byUnit.map((u) => (
                <tr key={u.unitId ?? "none"} className={unit && unit.unitId === u.unitId ? "bg-brand-50" : undefined}>
                  <td className="max-sm:font-semibold">
                    <Link href={`${routes.dashboard(period)}&donvi=${u.unitId ?? "none"}#chi-tieu`}>{u.unitName}</Link>
                  </td>
                  <td data-label="Chỉ tiêu theo dõi" className="text-right tabular-nums max-sm:text-left">{u.indicators}</td>
                  <td data-label="Đạt" className="text-right tabular-nums max-sm:text-left">{u.achieved}</td>
                  <td data-label="Chậm (nguy cơ + chưa đạt)" className={`text-right tabular-nums max-sm:text-left ${u.lagging ? "font-semibold text-red-800" : ""}`}>{u.lagging}</td>
                  <td data-label="Nhiệm vụ chủ trì" className="text-right tabular-nums max-sm:text-left">{u.tasks}</td>
                  <td data-label="Hoàn thành" className="text-right tabular-nums max-sm:text-left">{u.tasksDone}</td>
                  <td data-label="Quá hạn" className={`text-right tabular-nums max-sm:text-left ${u.overdue ? "font-semibold text-red-800" : ""}`}>{u.overdue}</td>
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
            <Link href={`${routes.dashboard(period)}#chi-tieu`} className="ml-3 text-sm font-normal">
              Bỏ lọc
            </Link>
          )}
        </h2>
        {d.groups.length === 0 && <p className="card text-sm text-slate-700">Kế hoạch năm {year} chưa có chỉ tiêu.</p>}
        {d.groups.map((g) => {
          const rows = g.indicators.filter((i) => inUnit(i.ownerUnitId));
          if (!rows.length) return null;
          return (
            <div key={g.group} className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent">
              <table className="table-basic table-cards">
                <caption className="bg-slate-100 px-2 py-1.5 text-left font-semibold">
                  {INDICATOR_GROUP_LABEL[g.group]} ({rows.length})
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="w-12">STT</th>
                    <th scope="col">Chỉ tiêu</th>
                    <th scope="col" className="w-48">Chỉ tiêu năm</th>
                    <th scope="col" className="w-28 text-right">Lũy kế</th>
                    <th scope="col" className="w-56">Trạng thái</th>
                    <th scope="col" className="w-32">Theo quý</th>
                    <th scope="col" className="w-44">Đơn vị phụ trách</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((ind) => (
                    <tr key={ind.id}>
                      <td className="card-hide tabular-nums">{ind.code}</td>
                      <td className="max-sm:font-medium">
                        <span className="sm:hidden">{ind.code ? `${ind.code}. ` : ""}</span>
                        <Link href={routes.indicator(ind.id, period)}>{ind.name}</Link>
                      </td>
                      <td data-label="Chỉ tiêu năm">
                        <div className="text-xs text-slate-600">{ind.targetText || "—"}</div>
                        {targetText(ind)}
                      </td>
                      <td data-label="Lũy kế" className="text-right tabular-nums font-medium max-sm:text-left">{ytdOf(ind)}</td>
                      <td data-label="Trạng thái">
                        <StatusBadge status={ind.status} />
                        <div className="mt-0.5 text-xs text-slate-700">{ind.result.reason}</div>
                      </td>
                      <td data-label="Theo quý">
                        <TrendChart points={ind.trend} percent={isPercentFigure(ind)} label={ind.name} target={trendTarget(ind, isPercentFigure(ind))} rank={ind.valueKind === "RANK"} />
                      </td>
                      <td data-label="Đơn vị phụ trách" className="text-sm">{ind.ownerUnitName ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="overdue" className="card">
          <h2 id="overdue" className="mb-2 font-semibold text-red-900">
            ✖ Nhiệm vụ quá hạn ({d.tasks.overdue.filter((t) => inUnit(t.leadUnitId)).length})
          </h2>
          <TaskList tasks={d.tasks.overdue.filter((t) => inUnit(t.leadUnitId))} empty="Không có nhiệm vụ quá hạn." />
        </section>
        <section aria-labelledby="due-soon" className="card">
          <h2 id="due-soon" className="mb-2 font-semibold">
            Đến hạn trong 30 ngày ({d.tasks.dueSoon.filter((t) => inUnit(t.leadUnitId)).length})
          </h2>
          <TaskList tasks={d.tasks.dueSoon.filter((t) => inUnit(t.leadUnitId))} empty="Không có nhiệm vụ đến hạn trong 30 ngày tới." />
        </section>
      </div>

      <section aria-labelledby="online" className="mb-6">
        <h2 id="online" className="mb-1 text-lg font-semibold">
          Dịch vụ công trực tuyến theo Quyết định 766/QĐ-TTg
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          Bộ chỉ số 766 chấm {MAX_POINTS_766} điểm theo 5 nhóm. Ứng dụng không tự tính điểm: dưới đây là các chỉ tiêu của xã thuộc từng nhóm và trạng thái của chúng, để thấy nhóm nào đang mất điểm.
        </p>
        <div className="grid gap-2 md:grid-cols-2 xl:grid-cols-5">
          {d.online.map((g) => (
            <div key={g.key} className="card p-3">
              <div className="font-semibold">{g.name}</div>
              <div className="text-xs text-slate-600">Tối đa {g.maxPoints} điểm</div>
              {g.missing ? (
                <p className="mt-2 text-sm text-amber-900">⚠ Kế hoạch chưa có chỉ tiêu thuộc nhóm này: chưa đủ dữ liệu để đánh giá.</p>
              ) : (
                <ul className="mt-2 space-y-1 text-sm">
                  {g.indicators.map((i) => (
                    <li key={i.id}>
                      <StatusBadge status={i.status} /> {i.name} <span className="tabular-nums">({ytdOf(i)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>
      <p className="text-xs text-slate-500">Trạng thái: {Object.values(STATUS_LABEL).join(" · ")}.</p>
    </>
  );
}

function TaskList({ tasks, empty }: { tasks: Dashboard["tasks"]["overdue"]; empty: string }) {
  if (!tasks.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {tasks.map((t) => (
        <li key={t.id} className="py-1.5">
          <div>
            {t.code ? `${t.code}. ` : ""}
            {t.content.length > 160 ? `${t.content.slice(0, 160)}…` : t.content}
          </div>
          <div className="text-xs text-slate-600">
            Chủ trì: {t.leadUnitName ?? "chưa giao"} · Hạn: {t.dueDate ? formatDate(t.dueDate) : t.deadlineText} · {taskStatusText(t.status)}
          </div>
        </li>
      ))}
    </ul>
  );
}
