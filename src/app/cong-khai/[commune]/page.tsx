// The commune's public results (no sign-in; may be framed by the commune's website): only
// what the chairman published and only figures of approved quarters.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicData } from "@/server/public/queries";
import { formatDate, formatNumber, formatPercent, quarterLabel } from "@/domain/format";
import { Distribution, PercentBar } from "@/components/survey/survey-bars";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ nam?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { commune } = await params;
  const data = await publicData(commune);
  return { title: data ? `Công khai kết quả – ${data.commune}` : "Không tìm thấy" };
}

const showValue = (i: { value: number | null; done: boolean | null; unit: string | null; numerator: number | null; denominator: number | null }) => {
  if (i.done !== null) return i.done ? "Hoàn thành" : "Chưa hoàn thành";
  if (i.value === null) return "Chưa có số liệu được duyệt";
  const v = i.unit === "%" ? formatPercent(i.value, { maxDecimals: 1 }) : `${formatNumber(i.value, { maxDecimals: 2 })}${i.unit ? ` ${i.unit}` : ""}`;
  return i.numerator !== null && i.denominator !== null ? `${v} (${formatNumber(i.numerator)}/${formatNumber(i.denominator)})` : v;
};

export default async function PublicResultsPage({ params, searchParams }: Props) {
  const { commune } = await params;
  const { nam } = await searchParams;
  const data = await publicData(commune, Number(nam) || null);
  if (!data) notFound();
  const base = `/cong-khai/${data.slug}`;
  const q = `?nam=${data.year}`;
  return (
    <main className="mx-auto max-w-5xl bg-white p-3 text-sm sm:p-5">
      <header className="mb-4 border-b border-slate-200 pb-3">
        <h1 className="text-xl font-semibold text-slate-900">{data.commune}: kết quả cải cách hành chính năm {data.year}</h1>
        <p className="mt-1 text-slate-700">
          Số liệu chỉ tiêu tính theo các quý đã được cấp trên phê duyệt:{" "}
          {data.approvedQuarters.length ? data.approvedQuarters.map((x) => quarterLabel(x)).join(", ") : "chưa có quý nào"}.
        </p>
        <nav className="mt-2 flex flex-wrap gap-3" aria-label="Năm và dữ liệu mở">
          {data.years.length > 1 &&
            data.years.map((y) => (
              <a key={y} href={`${base}?nam=${y}`} aria-current={y === data.year ? "page" : undefined} className={y === data.year ? "font-semibold" : ""}>
                Năm {y}
              </a>
            ))}
          <a href={`${base}/du-lieu.csv${q}`}>Tải CSV</a>
          <a href={`${base}/du-lieu.json${q}`}>Dữ liệu JSON</a>
        </nav>
      </header>

      {data.shows.surveys && (
        <section className="mb-6" aria-labelledby="ks">
          <h2 id="ks" className="mb-2 text-lg font-semibold">Mức độ hài lòng của người dân</h2>
          {data.surveys.length === 0 && <p className="text-slate-600">Chưa có kết quả khảo sát được công khai cho năm {data.year}.</p>}
          {data.surveys.map((s) => (
            <article key={s.title + s.startsOn} className="mb-4 rounded-lg border border-slate-200 p-3">
              <h3 className="font-semibold">{s.title}</h3>
              <p className="text-slate-700">
                {formatDate(s.startsOn)} – {formatDate(s.endsOn)} · {formatNumber(s.answers)} phiếu
                {s.sampleNeeded !== null && ` (cỡ mẫu cần ${formatNumber(s.sampleNeeded)}: ${s.answers >= s.sampleNeeded ? "đã đủ" : "chưa đủ"})`}
              </p>
              <p className="my-2 text-base">
                Chỉ số hài lòng chung: <strong>{s.overall === null ? "–" : formatPercent(s.overall, { maxDecimals: 1 })}</strong> ({formatNumber(s.satisfied)}/{formatNumber(s.answers)} phiếu hài lòng)
              </p>
              <div className="overflow-x-auto">
                <table className="w-full">
                  <caption className="sr-only">Tỷ lệ hài lòng theo khía cạnh</caption>
                  <thead>
                    <tr className="text-left text-slate-600">
                      <th className="py-1 pr-3">Khía cạnh</th>
                      <th className="py-1 pr-3">Tỷ lệ hài lòng</th>
                      <th className="py-1">Phân bố (1 → 5 sao)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.aspects.map((a) => (
                      <tr key={a.label} className="border-t border-slate-200">
                        <td className="min-w-32 py-1 pr-3">{a.label}</td>
                        <td className="py-1 pr-3">
                          <PercentBar value={a.percent} />
                        </td>
                        <td className="py-1">
                          <Distribution counts={a.distribution} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {s.reasons.length > 0 && (
                <p className="mt-2 text-slate-700">
                  Lý do chưa hài lòng: {s.reasons.map((r) => `${r.label} (${formatNumber(r.count)})`).join("; ")}.
                </p>
              )}
              {s.comments.length > 0 && (
                <>
                  <h4 className="mt-3 font-semibold">Ý kiến người dân</h4>
                  <ul className="mt-1 space-y-1">
                    {s.comments.map((c, i) => (
                      <li key={i} className="rounded bg-slate-50 p-2">
                        “{c.text}” <span className="text-xs text-slate-600">– {formatDate(c.date)}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          ))}
        </section>
      )}

      {data.shows.indicators && (
        <section className="mb-6" aria-labelledby="ct">
          <h2 id="ct" className="mb-2 text-lg font-semibold">Chỉ tiêu kế hoạch so với mục tiêu</h2>
          {data.indicators.length === 0 ? (
            <p className="text-slate-600">Chưa có chỉ tiêu được công khai cho năm {data.year}.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full">
                <thead>
                  <tr className="text-left text-slate-600">
                    <th className="py-1 pr-3">Chỉ tiêu</th>
                    <th className="py-1 pr-3">Mục tiêu</th>
                    <th className="py-1 pr-3">Kết quả lũy kế</th>
                    <th className="py-1">Đánh giá</th>
                  </tr>
                </thead>
                <tbody>
                  {data.indicators.map((i, k) => (
                    <tr key={k} className="border-t border-slate-200 align-top">
                      <td className="py-1 pr-3">
                        {i.code ? `${i.code}. ` : ""}
                        {i.name}
                      </td>
                      <td className="py-1 pr-3 sm:whitespace-nowrap">{i.target ?? "–"}</td>
                      <td className="py-1 pr-3 tabular-nums">{showValue(i)}</td>
                      <td className="py-1 sm:whitespace-nowrap">{i.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {data.shows.tasks && (
        <section className="mb-6" aria-labelledby="nv">
          <h2 id="nv" className="mb-2 text-lg font-semibold">Nhiệm vụ đã hoàn thành</h2>
          {data.tasks.length === 0 ? (
            <p className="text-slate-600">Chưa có nhiệm vụ hoàn thành trong các quý đã được phê duyệt.</p>
          ) : (
            <ol className="ml-5 list-decimal space-y-1">
              {data.tasks.map((t, k) => (
                <li key={k}>
                  {t.content.length > 300 ? `${t.content.slice(0, 300)}…` : t.content} <span className="text-xs text-slate-600">({quarterLabel(t.quarter)})</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      <footer className="border-t border-slate-200 pt-2 text-xs text-slate-600">
        <ul className="ml-4 list-disc">
          {data.method.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </footer>
    </main>
  );
}
