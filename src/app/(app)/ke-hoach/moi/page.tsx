import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { createPlanAndEdit } from "@/server/plans/edit-actions";
import { PLAN_KIND_LABEL } from "@/domain/labels";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Lập kế hoạch mới" };

export default async function NewPlanPage() {
  const actor = await requirePageActor("plan.write");
  const year = new Date().getFullYear();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/ke-hoach">← Danh sách kế hoạch</Link>
      </p>
      <PageHeader
        title="Lập kế hoạch mới"
        subtitle={`Kế hoạch trống của ${actor.orgUnitName}: nhập thông tin chung, rồi thêm mục, nhiệm vụ và chỉ tiêu.`}
        actions={
          <Link href="/ke-hoach/nhap" className="btn">
            Nhập từ văn bản có sẵn
          </Link>
        }
      />
      <section className="card max-w-4xl">
        <ActionForm action={createPlanAndEdit} submitLabel="Tạo kế hoạch và thêm nội dung" className="grid gap-3 md:grid-cols-4">
          <div className="md:col-span-4">
            <TextField name="title" label="Tên kế hoạch" required placeholder={`Kế hoạch cải cách hành chính năm ${year}`} />
          </div>
          <div className="md:col-span-2">
            <SelectField name="kind" label="Loại kế hoạch" options={Object.entries(PLAN_KIND_LABEL).map(([value, label]) => ({ value, label }))} defaultValue="CCHC_YEARLY" required />
          </div>
          <TextField name="year" type="number" label="Năm" defaultValue={String(year)} required />
          <div />
          <div className="md:col-span-2">
            <TextField name="documentNumber" label="Số văn bản" placeholder="…/KH-UBND" />
          </div>
          <div className="md:col-span-2">
            <TextField name="documentDate" type="date" label="Ngày ban hành" />
          </div>
        </ActionForm>
      </section>
    </>
  );
}
