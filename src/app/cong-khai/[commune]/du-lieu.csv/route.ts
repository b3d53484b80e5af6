// Open data (no sign-in): the commune's published results as CSV, at a stable address.
import { publicData } from "@/server/public/queries";
import { OPEN_DATA_HEADERS, publicCsv } from "@/server/public/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ commune: string }> }) {
  const { commune } = await params;
  const year = Number(new URL(request.url).searchParams.get("nam")) || null;
  const data = await publicData(commune, year);
  if (!data) return new Response("Không tìm thấy trang công khai của xã này.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(publicCsv(data), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `inline; filename="cong-khai-${commune}-${data.year}.csv"`, ...OPEN_DATA_HEADERS },
  });
}
