import type { Metadata } from "next";
import QRCode from "qrcode";
import { orRefusePage, requirePageActor } from "@/server/auth/guard";
import { unusedReceiptCodes } from "@/server/survey/queries";
import { publicOrigin, surveyPath } from "@/server/survey/urls";

export const metadata: Metadata = { title: "Áp phích QR khảo sát" };

/** One A4 portrait poster per desk (or one for the whole one-stop desk): print, or save as PDF. */
export default async function PosterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("survey.read");
  const { id } = await params;
  const data = await orRefusePage(unusedReceiptCodes(actor, id, 0));
  const { survey } = data;
  const origin = await publicOrigin();
  const posters = survey.desks.length ? survey.desks.map((d, i) => ({ desk: d as string | null, url: `${origin}${surveyPath(survey.code, i)}` })) : [{ desk: null, url: `${origin}${surveyPath(survey.code)}` }];
  const rendered = await Promise.all(posters.map(async (p) => ({ ...p, svg: await QRCode.toString(p.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) })));
  return (
    <>
      <style>{`@page { size: A4 portrait; margin: 12mm; } .poster { break-after: page; } .poster:last-child { break-after: auto; }`}</style>
      <p className="no-print mb-3 text-sm print:hidden">
        Mỗi trang là một áp phích khổ A4. Dùng lệnh In của trình duyệt (Ctrl+P), chọn “Lưu dưới dạng PDF” nếu cần tệp PDF.
      </p>
      {rendered.map((p) => (
        <section key={p.url} className="poster mx-auto flex min-h-[260mm] max-w-[186mm] flex-col items-center justify-center border-4 border-blue-800 p-8 text-center">
          <p className="text-lg font-semibold uppercase tracking-wide">Ủy ban nhân dân {survey.commune.name.replace(/^Xã /, "xã ")}</p>
          <h1 className="mt-4 text-4xl font-bold text-blue-900">Ông/bà hài lòng không?</h1>
          <p className="mt-2 text-xl">Quét mã QR để đánh giá việc giải quyết thủ tục hành chính</p>
          {p.desk && <p className="mt-2 text-2xl font-semibold">{p.desk}</p>}
          <div className="my-6 w-[120mm]" role="img" aria-label={`Mã QR dẫn tới ${p.url}`} dangerouslySetInnerHTML={{ __html: p.svg }} />
          <p className="text-lg">Chỉ mất 30 giây · Không ghi tên · Không cần đăng nhập</p>
          <p className="mt-3 font-mono text-base break-all">{p.url}</p>
          <p className="mt-6 text-sm text-slate-700">{survey.title}</p>
        </section>
      ))}
    </>
  );
}
