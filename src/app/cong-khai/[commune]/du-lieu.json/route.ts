// Open data (no sign-in): the commune's published results as JSON, at a stable address.
import { publicData } from "@/server/public/queries";
import { OPEN_DATA_HEADERS } from "@/server/public/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ commune: string }> }) {
  const { commune } = await params;
  const year = Number(new URL(request.url).searchParams.get("nam")) || null;
  const data = await publicData(commune, year);
  if (!data) return Response.json({ error: "Không tìm thấy trang công khai của xã này." }, { status: 404 });
  return Response.json(data, { headers: OPEN_DATA_HEADERS });
}
