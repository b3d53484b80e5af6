import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { communeUnits } from "@/server/plans/queries";
import { maxUploadMb } from "@/server/evidence/storage";
import { PageHeader } from "@/components/ui/page-header";
import { PlanImport } from "@/components/plans/import/plan-import";

export const metadata: Metadata = { title: "Nhập kế hoạch" };

export default async function ImportPlanPage() {
  const actor = await requirePageActor("plan.import");
  const units = await communeUnits(actor, actor.orgUnitId);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/ke-hoach">← Danh sách kế hoạch</Link>
      </p>
      <PageHeader
        title="Nhập kế hoạch"
        subtitle={`Từ văn bản kế hoạch đã ban hành của ${actor.orgUnitName}: dán nội dung hoặc tải tệp Word, Excel; xem lại, sửa rồi lưu.`}
        actions={
          <Link href="/ke-hoach/moi" className="btn">
            Tự lập kế hoạch trống
          </Link>
        }
      />
      <PlanImport units={units} communeName={actor.orgUnitName} maxUploadMb={maxUploadMb()} />
    </>
  );
}
