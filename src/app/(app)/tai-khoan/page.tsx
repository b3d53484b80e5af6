import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { ROLE_LABEL } from "@/domain/labels";
import { changePassword, signOutEverywhere } from "@/server/account/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { SubmitPermissionToggle } from "@/components/auth/submit-permission-toggle";
import { staffForDelegation } from "@/server/account/queries";

export const metadata: Metadata = { title: "Tài khoản" };

export default async function AccountPage() {
  const actor = await requirePageActor("account.changePassword");
  const staff = await staffForDelegation(actor);
  return (
    <>
      <PageHeader title="Tài khoản" subtitle={`${actor.fullName} · ${ROLE_LABEL[actor.role]} · ${actor.orgUnitName}`} />
      <section className="card max-w-md">
        <h2 className="mb-2 font-semibold">Đổi mật khẩu</h2>
        <ActionForm action={changePassword} submitLabel="Đổi mật khẩu" resetOnSuccess className="space-y-3">
          <TextField name="currentPassword" label="Mật khẩu hiện tại" type="password" required autoComplete="current-password" />
          <TextField name="newPassword" label="Mật khẩu mới" type="password" required autoComplete="new-password" />
          <TextField name="confirmPassword" label="Nhập lại mật khẩu mới" type="password" required autoComplete="new-password" />
        </ActionForm>
      </section>
      <section className="card mt-4 max-w-md">
        <h2 className="mb-1 font-semibold">Đăng xuất khỏi mọi thiết bị</h2>
        <p className="mb-2 text-sm text-slate-600">
          Dùng khi quên đăng xuất trên máy dùng chung hoặc nghi có người khác dùng tài khoản: mọi phiên đăng nhập của tài khoản này (kể cả phiên này) kết thúc ngay.
        </p>
        <ActionForm action={signOutEverywhere} submitLabel="Đăng xuất mọi thiết bị" className="space-y-3">
          {null}
        </ActionForm>
      </section>
      {staff.length > 0 && (
        <section className="card mt-4 max-w-xl">
          <h2 className="mb-1 font-semibold">Giao quyền nộp báo cáo</h2>
          <p className="mb-2 text-sm text-slate-600">Chủ tịch có thể cho phép công chức nộp báo cáo quý và kế hoạch thay mình.</p>
          <div className="space-y-1">
            {staff.map((u) => (
              <SubmitPermissionToggle key={u.id} userId={u.id} name={u.fullName} allowed={u.canSubmit} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
