import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { readPeriod, routes } from "@/domain/routes";
import { defaultReviewYear } from "@/server/review/comparison-params";
import { reviewMatrix, yearsInScope, type CellState } from "@/server/review/queries";
import { formatDate, quarterLabel, todayInVietnam } from "@/domain/format";
import { SUBMISSION_STATUS_LABEL } from "@/domain/labels";
import { PageHeader } from "@/components/ui/page-header";
import { YearPicker } from "@/components/ui/year-picker";
import { SOURCE_LABEL } from "@/domain/calendar";
import { ReviewSummaryDownload } from "@/components/report/report-downloads";

export const metadata: Metadata = { title: "Các xã" };

const STATE_LABEL: Record<CellState, string> = { NONE: "Chưa nộp", DRAFT: "Chưa nộp", SUBMITTED: "Đã nộp", APPROVED: "Đã duyệt", RETURNED: "Trả lại" };
/** Short class per state (globals.css .st-*): the page repeats them hundreds of times. */
const TONE: Record<CellState, string> = { NONE: "st st-N", DRAFT: "st st-N", SUBMITTED: "st st-S", APPROVED: "st st-A", RETURNED: "st st-R" };
/** Above this many communes the matrix shows one district (or the communes directly under the province) at a time. */
const GROUP_ABOVE = 40;

type Matrix = Awaited<ReturnType<typeof reviewMatrix>>;
type Row = Matrix["rows"][number];

const waitingOf = (r: Row) => r.quarters.filter((q) => q.state === "SUBMITTED").length + r.plans.filter((p) => p.waiting).length;

/** The plans of a commune in one cell: a link per plan waiting for review, the others counted by status. */
function Plans({ row }: { row: Row }) {
  if (row.plans.length === 0) return <span className="text-slate-500">Chưa có</span>;
  const others = new Map<string, number>();
  for (const p of row.plans) {
    // A plan issued where the province does not review plans is in force, not "submitted".
    const label = p.waiting ? null : p.status === "SUBMITTED" ? "có hiệu lực" : SUBMISSION_STATUS_LABEL[p.status].toLowerCase();
    if (label) others.set(label, (others.get(label) ?? 0) + 1);
  }
  return (
    <>
      {row.plans.map((p, i) =>
        p.waiting ? (
          <Link key={p.id} href={`/ke-hoach/${p.id}`} className={`${TONE.SUBMITTED} mr-1`} aria-label={`${row.name}, kế hoạch ${i + 1}: chờ xét duyệt`}>
            KH {i + 1} chờ duyệt
          </Link>
        ) : null,
      )}
      {[...others].map(([label, n]) => (
        <span key={label} className="mr-1 text-xs text-slate-700">
          {n} {label}
        </span>
      ))}
    </>
  );
}

export default async function ReviewHomePage({ searchParams }: { searchParams: Promise<{ nam?: string; nhom?: string }> }) {
  const actor = await requirePageActor("plan.read");
  // Read under the matrix's counter: one version read serves both.
  const years = await yearsInScope(actor, "status");
  const today = todayInVietnam();
  const params = await searchParams;
  const year = readPeriod(params).year ?? defaultReviewYear(years);
  const m = await reviewMatrix(actor, year, today);
  const waiting = m.rows.reduce((n, r) => n + waitingOf(r), 0);
  // A province's 150 communes: one group (district) at a time, the groups summed above.
  const byParent = new Map<string, Row[]>();
  for (const r of m.rows) byParent.set(r.parentId ?? "", [...(byParent.get(r.parentId ?? "") ?? []), r]);
  const groups = [...byParent];
  const grouped = m.rows.length > GROUP_ABOVE && groups.length > 1;
  const current = grouped ? (groups.find(([id]) => id === params.nhom) ?? groups.find(([, rows]) => rows.some((r) => waitingOf(r) > 0)) ?? groups[0]) : null;
  const rows = current ? current[1] : m.rows;
  const head = m.rows[0]?.quarters;
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
      <section aria-label="Tổng hợp" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded border border-blue-300 bg-blue-50 px-2 py-1">
          Chờ xét duyệt: <strong>{waiting}</strong>
          {m.plansWaiting > 0 && <span className="text-slate-700"> (gồm {m.plansWaiting} kế hoạch)</span>}
        </span>
        {/* Counts of the report cells below (communes × quarters of the year), state by state. */}
        <span className="text-slate-700">Báo cáo quý:</span>
        {(["NONE", "SUBMITTED", "APPROVED", "RETURNED"] as CellState[]).map((s) => (
          <span key={s} data-chip={s} className="rounded border border-slate-300 bg-white px-2 py-1">
            {STATE_LABEL[s]}: <strong>{s === "NONE" ? m.counts.NONE + m.counts.DRAFT : m.counts[s]}</strong>
          </span>
        ))}
        <span className={`rounded border px-2 py-1 ${m.late ? "border-red-300 bg-red-50 text-red-900" : "border-slate-300 bg-white"}`}>
          ⚠ Trễ hạn: <strong>{m.late}</strong>
        </span>
      </section>
      {grouped && (
        <nav aria-label="Chọn huyện" className="mb-3 flex flex-wrap gap-2 text-sm">
          {groups.map(([id, list]) => {
            const w = list.reduce((n, r) => n + waitingOf(r), 0);
            const late = list.reduce((n, r) => n + r.quarters.filter((q) => q.late).length, 0);
            const label = list[0].parentName ?? "Khác";
            return (
              <Link key={id} href={`/xet-duyet?nam=${year}&nhom=${id}`} aria-current={current?.[0] === id ? "page" : undefined} className={`rounded border px-2 py-1 no-underline ${current?.[0] === id ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}>
                {label} · {list.length} xã{w ? ` · chờ duyệt ${w}` : ""}
                {late ? ` · trễ ${late}` : ""}
              </Link>
            );
          })}
        </nav>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table-basic">
          {current && <caption className="px-2 py-1.5 text-left text-sm font-semibold">{current[1][0].parentName} ({current[1].length} xã)</caption>}
          <thead>
            <tr>
              <th scope="col">Xã</th>
              <th scope="col">Kế hoạch năm {year}</th>
              {[1, 2, 3, 4].map((q) => {
                const due = head?.[q - 1];
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
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <div className="font-medium">{c.name}</div>
                  {!grouped && <div className="text-xs text-slate-600">{c.parentName}</div>}
                </td>
                <td>
                  <Plans row={c} />
                </td>
                {c.quarters.map((q) => (
                  <td key={q.quarter} className={q.late ? "bg-red-50" : undefined}>
                    {q.reportId && q.state !== "DRAFT" ? (
                      <Link href={`/xet-duyet/bao-cao/${q.reportId}`} className={TONE[q.state]} aria-label={`${c.name} ${quarterLabel(q.quarter)}: ${STATE_LABEL[q.state]}`}>
                        {STATE_LABEL[q.state]}
                      </Link>
                    ) : (
                      <span className={TONE[q.state]}>{STATE_LABEL[q.state]}</span>
                    )}
                    {q.submittedAt && <div className="text-xs text-slate-600">{formatDate(q.submittedAt)}</div>}
                    {q.dueDate !== head?.[q.quarter - 1].dueDate && <div className="text-xs text-slate-600">hạn {formatDate(q.dueDate)}</div>}
                    {q.late && <div className="text-xs font-semibold text-red-800">⚠ Trễ hạn</div>}
                    {q.timeliness === "NOT_EXPECTED" && c.plans.length > 0 && <div className="text-xs text-slate-600">Không phải nộp</div>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-sm text-slate-600">
        Hạn nộp theo lịch báo cáo (tỉnh quy định, huyện có thể đặt sớm hơn, nếu chưa có thì theo quy tắc mặc định). “Không phải nộp”: hạn đã qua trước khi kế hoạch năm của xã có hiệu lực (ví dụ xã mới thành lập); báo cáo quý đó vẫn nộp được và không tính trễ hạn.{" "}
        <Link href={`/xet-duyet/lich?nam=${year}`}>Lịch báo cáo</Link> · <Link href={`/xet-duyet/nop-bao-cao?nam=${year}`}>Tình hình nộp báo cáo</Link>
      </p>
    </>
  );
}
