import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { adminPlanReview } from "@/server/admin/queries";
import { setProvinceReviewsPlans } from "@/server/admin/plan-review";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";

export const metadata: Metadata = { title: "Thẩm định kế hoạch của xã" };

export default async function PlanReviewSettingPage() {
  const actor = await requirePageActor("admin.read");
  const provinces = await adminPlanReview(actor);
  return (
    <>
      <PageHeader title="Thẩm định kế hoạch của xã" subtitle="Cài đặt theo từng tỉnh: kế hoạch CCHC của xã có hiệu lực khi nào" />
      <section className="card mb-4 max-w-3xl text-sm">
        <h2 className="mb-1 font-semibold">Ý nghĩa</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>Tỉnh thẩm định:</strong> kế hoạch của xã có hiệu lực khi cấp trên (huyện hoặc sở) phê duyệt; xã chỉ nộp báo cáo quý khi kế hoạch đã có hiệu lực.
          </li>
          <li>
            <strong>Tỉnh không thẩm định:</strong> kế hoạch có hiệu lực ngay khi xã ban hành (nộp lên hệ thống). Khi chuyển sang chế độ này, các kế hoạch đang chờ thẩm định có hiệu lực ngay.
          </li>
          <li>Kế hoạch đã có hiệu lực vẫn giữ hiệu lực khi đổi cài đặt; mọi thay đổi được ghi nhật ký.</li>
        </ul>
      </section>
      {provinces.length === 0 && <p className="card text-sm">Chưa có tỉnh nào trong hệ thống.</p>}
      <ul className="grid max-w-3xl gap-3">
        {provinces.map((p) => (
          <li key={p.id} className="card">
            <div className="mb-2 flex flex-wrap items-center gap-2">
              <h2 className="font-semibold">{p.name}</h2>
              <Badge tone={p.reviewsPlans ? "blue" : "gray"}>{p.reviewsPlans ? "Có thẩm định" : "Không thẩm định"}</Badge>
              <span className="text-sm text-slate-600">
                {p.communes} xã{p.reviewsPlans ? ` · ${p.waitingPlans} kế hoạch đang chờ thẩm định` : ""}
              </span>
            </div>
            <ActionForm action={setProvinceReviewsPlans} submitLabel="Lưu cài đặt" className="space-y-2">
              <input type="hidden" name="provinceId" value={p.id} />
              <fieldset>
                <legend className="label">Kế hoạch CCHC của các xã thuộc {p.name}</legend>
                <label className="flex items-center gap-2 py-1 text-sm">
                  <input type="radio" name="reviewsPlans" value="true" defaultChecked={p.reviewsPlans} className="h-4 w-4" />
                  Có hiệu lực khi cấp trên phê duyệt (tỉnh thẩm định)
                </label>
                <label className="flex items-center gap-2 py-1 text-sm">
                  <input type="radio" name="reviewsPlans" value="false" defaultChecked={!p.reviewsPlans} className="h-4 w-4" />
                  Có hiệu lực khi xã ban hành (tỉnh không thẩm định)
                </label>
              </fieldset>
            </ActionForm>
          </li>
        ))}
      </ul>
    </>
  );
}
