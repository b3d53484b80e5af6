import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/server/auth/guard";
import { ROLE_LABEL } from "@/domain/labels";
import { adminOrgUnits, adminUser } from "@/server/admin/queries";
import { resetPassword, updateUser } from "@/server/admin/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Sửa người dùng" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("admin.read");
  const { id } = await params;
  const [user, units] = await Promise.all([adminUser(actor, id), adminOrgUnits(actor)]);
  if (!user) notFound();
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  const responsibleOptions = units.find((u) => u.id === user.orgUnitId)?.responsibleUnits.map((r) => ({ value: r.id, label: r.name })) ?? [];
  const roleOptions = Object.entries(ROLE_LABEL).map(([value, label]) => ({ value, label }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/quan-tri/nguoi-dung">← Danh sách người dùng</Link>
      </p>
      <PageHeader title={user.fullName} subtitle={`Tên đăng nhập: ${user.username}`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="card">
          <h2 className="mb-2 font-semibold">Thông tin và quyền</h2>
          <ActionForm action={updateUser} submitLabel="Lưu thay đổi" className="space-y-3">
            <input type="hidden" name="id" value={user.id} />
            <TextField name="fullName" label="Họ và tên" defaultValue={user.fullName} required />
            <SelectField name="role" label="Vai trò" options={roleOptions} defaultValue={user.role} required />
            <SelectField name="orgUnitId" label="Đơn vị" options={unitOptions} defaultValue={user.orgUnitId} required />
            {responsibleOptions.length > 0 && (
              <SelectField name="responsibleUnitId" label="Ban, ngành (nếu có)" options={responsibleOptions} defaultValue={user.responsibleUnitId} placeholder="— Không —" />
            )}
            <CheckboxField name="canSubmit" label="Được Chủ tịch cho phép nộp báo cáo" defaultChecked={user.canSubmit} />
            <CheckboxField name="active" label="Đang hoạt động (bỏ chọn để vô hiệu hóa)" defaultChecked={user.active} />
          </ActionForm>
        </section>
        <section className="card self-start">
          <h2 className="mb-2 font-semibold">Đặt lại mật khẩu</h2>
          <p className="mb-2 text-sm text-slate-600">Người dùng sẽ bị đăng xuất khỏi mọi phiên đang mở.</p>
          <ActionForm action={resetPassword} submitLabel="Đặt lại mật khẩu" resetOnSuccess className="space-y-3">
            <input type="hidden" name="id" value={user.id} />
            <TextField name="password" label="Mật khẩu mới" type="password" required autoComplete="new-password" />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
