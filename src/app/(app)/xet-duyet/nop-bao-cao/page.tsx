import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { completeness, CELL_LABEL, type CompletenessCell } from "@/server/calendar/completeness";
import { remindCommunes } from "@/server/notifications/actions";
import { formatDate, formatPercent, quarterLabel } from "@/domain/format";
import { quarterOf, vnDate } from "@/domain/calendar";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";
import { quarterParam, yearParam } from "@/domain/period";
import { SelectField, TextAreaField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Tình hình nộp báo cáo" };

const TONE: Record<CompletenessCell, BadgeTone> = { ON_TIME: "green", LATE: "amber", MISSING: "red", NOT_DUE: "gray", NOT_EXPECTED: "gray" };
const ICON: Record<CompletenessCell, string> = { ON_TIME: "✔", LATE: "⚠", MISSING: "✖", NOT_DUE: "…", NOT_EXPECTED: "–" };

export default async function CompletenessPage({ searchParams }: { searchParams: Promise<{ nam?: string; quy?: string }> }) {
  const actor = await requirePageActor("review.read");
  const today = vnDate();
  const { nam, quy } = await searchParams;
  const now = quarterOf(today);
  const year = yearParam(nam) ?? now.year;
  const quarter = quarterParam(quy) ?? (year === now.year ? now.quarter : 4);
  const full = await completeness(actor, year, quarter, today);
  // Quarters before the first with any commune expected to report only add empty columns.
  const from = Math.max(0, Math.min(full.summary.findIndex((x) => x.expected > 0), full.summary.length - 1));
  const board = { ...full, periods: full.periods.slice(from), summary: full.summary.slice(from), rows: full.rows.map((r) => ({ ...r, history: r.history.slice(from) })) };
  const c = board.current;
  const pending = board.rows.filter((r) => {
    const cell = r.history[r.history.length - 1];
    return cell.cell === "MISSING" || cell.cell === "NOT_DUE";
  });
  const prev = quarter === 1 ? { y: year - 1, q: 4 } : { y: year, q: quarter - 1 };
  const next = quarter === 4 ? { y: year + 1, q: 1 } : { y: year, q: quarter + 1 };
  return (
    <>
      <PageHeader
        title={`Tình hình nộp báo cáo ${quarterLabel(quarter, year)}`}
        subtitle={`${actor.orgUnitName} · hôm nay ${formatDate(today)}`}
        actions={
          <nav aria-label="Chọn quý" className="flex gap-2">
            <Link className="btn" href={`/xet-duyet/nop-bao-cao?nam=${prev.y}&quy=${prev.q}`}>
              ← {quarterLabel(prev.q, prev.y)}
            </Link>
            <Link className="btn" href={`/xet-duyet/nop-bao-cao?nam=${next.y}&quy=${next.q}`}>
              {quarterLabel(next.q, next.y)} →
            </Link>
            <Link className="btn" href={`/xet-duyet/lich?nam=${year}`}>
              Lịch báo cáo
            </Link>
          </nav>
        }
      />
      <section aria-label="Tổng hợp quý" className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {[
          { label: "Phải nộp", value: c.expected, cls: "border-slate-300" },
          { label: "Đã nộp", value: `${c.submitted} (${formatPercent(c.submittedPct ?? 0, { maxDecimals: 0 })})`, cls: "border-blue-300 bg-blue-50" },
          { label: "Đúng hạn", value: `${c.onTime} (${formatPercent(c.onTimePct ?? 0, { maxDecimals: 0 })})`, cls: "border-green-300 bg-green-50" },
          { label: "Trễ hạn", value: c.late, cls: "border-amber-300 bg-amber-50" },
          { label: "Chưa nộp", value: `${c.notYet}${c.overdue ? ` (${c.overdue} quá hạn)` : ""}`, cls: c.overdue ? "border-red-300 bg-red-50" : "border-slate-300" },
        ].map((k) => (
          <div key={k.label} className={`rounded border bg-white px-3 py-2 ${k.cls}`}>
            <div className="text-xs text-slate-700">{k.label}</div>
            <div className="text-lg font-semibold" data-testid={`kpi-${k.label}`}>
              {k.value}
            </div>
          </div>
        ))}
      </section>

      {actor.role === "REVIEWER" && (
        <section className="card mb-4" aria-labelledby="remind-h">
          <h2 id="remind-h" className="mb-1 font-semibold">
            Nhắc xã nộp báo cáo {quarterLabel(quarter, year)}
          </h2>
          <p className="mb-2 text-sm text-slate-600">Xã nhận thông báo trong ứng dụng (và email nếu đã đăng ký). Chưa nộp: {pending.length} xã.</p>
          <ActionForm action={remindCommunes} submitLabel="Gửi lời nhắc" resetOnSuccess className="grid gap-3 md:grid-cols-2">
            <input type="hidden" name="year" value={year} />
            <input type="hidden" name="quarter" value={quarter} />
            <SelectField name="communeId" label="Nhắc xã" placeholder={`Tất cả xã chưa nộp (${pending.length})`} options={pending.map((r) => ({ value: r.id, label: r.name }))} />
            <TextAreaField name="message" label="Lời nhắn (không bắt buộc)" rows={2} />
          </ActionForm>
        </section>
      )}

      <section className="card mb-4" aria-labelledby="trend-h">
        <h2 id="trend-h" className="mb-2 font-semibold">
          Xu hướng theo quý
        </h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Bảng xu hướng theo quý">
          <table className="table-basic">
            <thead>
              <tr>
                <th scope="col">Quý</th>
                <th scope="col">Phải nộp</th>
                <th scope="col">Đã nộp</th>
                <th scope="col">Đúng hạn</th>
                <th scope="col">Trễ</th>
                <th scope="col">Chưa nộp</th>
                <th scope="col">Tỷ lệ đúng hạn</th>
              </tr>
            </thead>
            <tbody>
              {board.summary.map((s) => (
                <tr key={`${s.year}-${s.quarter}`}>
                  <th scope="row" className="whitespace-nowrap font-medium">
                    {quarterLabel(s.quarter, s.year)}
                  </th>
                  <td>{s.expected}</td>
                  <td>
                    {s.submitted} {s.submittedPct !== null && <span className="text-xs text-slate-600">({formatPercent(s.submittedPct, { maxDecimals: 0 })})</span>}
                  </td>
                  <td>{s.onTime}</td>
                  <td>{s.late}</td>
                  <td>{s.notYet}</td>
                  <td className="min-w-40">
                    {s.onTimePct === null ? (
                      <span className="text-slate-500">—</span>
                    ) : (
                      <div className="flex items-center gap-2">
                        <div className="h-2 w-24 rounded bg-slate-200" aria-hidden="true">
                          <div className="h-2 rounded bg-green-600" style={{ width: `${Math.round(s.onTimePct)}%` }} />
                        </div>
                        <span>{formatPercent(s.onTimePct, { maxDecimals: 0 })}</span>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="record-h">
        <h2 id="record-h" className="mb-2 font-semibold">
          Từng xã qua các quý
        </h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Bảng từng xã qua các quý">
          <table className="table-basic">
            <thead>
              <tr>
                <th scope="col">Xã</th>
                {board.periods.map((p) => (
                  <th scope="col" key={`${p.year}-${p.quarter}`} className="whitespace-nowrap">
                    {quarterLabel(p.quarter, p.year)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {board.rows.map((r) => (
                <tr key={r.id} data-testid={`commune-${r.name}`}>
                  <th scope="row" className="font-medium">
                    {r.name}
                    {r.parentName && <div className="text-xs font-normal text-slate-600">{r.parentName}</div>}
                  </th>
                  {r.history.map((h) => (
                    <td key={`${h.year}-${h.quarter}`} title={`Hạn ${formatDate(h.dueDate)} · ${h.sourceText}`}>
                      {h.reportId && h.cell !== "MISSING" && h.cell !== "NOT_DUE" ? (
                        <Link href={`/xet-duyet/bao-cao/${h.reportId}`} className="no-underline">
                          <Badge tone={TONE[h.cell]}>
                            {ICON[h.cell]} {CELL_LABEL[h.cell]}
                          </Badge>
                        </Link>
                      ) : (
                        <Badge tone={TONE[h.cell]}>
                          {ICON[h.cell]} {CELL_LABEL[h.cell]}
                        </Badge>
                      )}
                      {h.cell !== "NOT_EXPECTED" && <div className="text-xs text-slate-600">hạn {formatDate(h.dueDate)}</div>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-xs text-slate-600">
          Xã phải nộp khi có kế hoạch năm đó. Đúng hạn: lần nộp đầu tiên không muộn hơn hạn (giờ Việt Nam); báo cáo bị trả lại rồi nộp lại vẫn tính theo lần nộp đầu.
        </p>
      </section>
    </>
  );
}
