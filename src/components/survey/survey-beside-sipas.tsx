// Beside a quarter's report, for reviewers: what citizens said in that quarter's QR surveys,
// next to the figure the commune reported for its SIPAS indicator(s).
import Link from "next/link";
import type { Actor } from "@/server/auth/actor";
import { quarterSurveySummary } from "@/server/survey/queries";
import { formatNumber, formatPercent, quarterLabel } from "@/domain/format";
import { PercentBar } from "./survey-bars";

interface SipasRow {
  id: string;
  code: string | null;
  name: string;
  reported: string;
}

export async function SurveyBesideSipas({ actor, communeId, year, quarter, sipas }: { actor: Actor; communeId: string; year: number; quarter: number; sipas: SipasRow[] }) {
  const { surveys, summary, figure } = await quarterSurveySummary(actor, communeId, year, quarter);
  if (surveys.length === 0 && sipas.length === 0) return null;
  return (
    <section className="card mb-4" aria-labelledby="ks-sipas">
      <h2 id="ks-sipas" className="mb-2 font-semibold">
        Khảo sát hài lòng của người dân (QR) – {quarterLabel(quarter)} năm {year}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="text-sm">
          {summary.answers === 0 ? (
            <p className="text-slate-600">Không có phiếu khảo sát trong quý{surveys.length === 0 ? " (xã chưa tổ chức khảo sát năm này)" : ""}.</p>
          ) : (
            <>
              <p>
                {formatNumber(summary.answers)} phiếu, hài lòng <strong>{formatPercent(summary.overall, { maxDecimals: 1 })}</strong> ({formatNumber(figure.numerator)}/{formatNumber(figure.denominator)})
              </p>
              <ul className="mt-1 space-y-0.5">
                {summary.aspects.map((a) => (
                  <li key={a.key} className="flex items-center justify-between gap-2">
                    <span>{a.label}</span>
                    <PercentBar value={a.percent} />
                  </li>
                ))}
              </ul>
              {summary.reasons.length > 0 && <p className="mt-1 text-xs text-slate-700">Lý do chưa hài lòng nhiều nhất: {summary.reasons.slice(0, 3).map((r) => `${r.label} (${r.count})`).join("; ")}.</p>}
            </>
          )}
        </div>
        <div className="text-sm">
          <p className="font-medium">Chỉ tiêu hài lòng (SIPAS) xã báo cáo</p>
          {sipas.length === 0 ? (
            <p className="text-slate-600">Kế hoạch không có chỉ tiêu SIPAS.</p>
          ) : (
            <ul className="mt-1 space-y-0.5">
              {sipas.map((s) => (
                <li key={s.id}>
                  {s.code ? `${s.code}. ` : ""}
                  {s.name.length > 90 ? `${s.name.slice(0, 90)}…` : s.name}: <strong>{s.reported}</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {surveys.length > 0 && (
        <p className="mt-2 text-xs text-slate-600">
          Chi tiết:{" "}
          {surveys.map((s, i) => (
            <span key={s.id}>
              {i > 0 && " · "}
              <Link href={`/khao-sat/${s.id}`}>{s.title}</Link>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
