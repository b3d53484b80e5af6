import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { ROLE_LABEL } from "@/domain/labels";
import { changePassword, signOutEverywhere } from "@/server/account/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { SubmitPermissionToggle } from "@/components/auth/submit-permission-toggle";
import { emailPreferences, staffForDelegation } from "@/server/account/queries";
import { saveEmailPreferences } from "@/server/notifications/actions";
import { emailEnabled } from "@/server/notifications/mailer";
import { SelectField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Tài khoản" };

export default async function AccountPage() {
  const actor = await requirePageActor("account.changePassword");
  const staff = await staffForDelegation(actor);
  const me = await emailPreferences(actor);
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
      <section className="card mt-4 max-w-md" aria-labelledby="email-h">
        <h2 id="email-h" className="mb-1 font-semibold">
          Nhận thông báo qua email
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          {emailEnabled() ? "Thông báo luôn có trong ứng dụng (biểu tượng chuông); email là thêm." : "Hệ thống chưa cấu hình máy chủ email: hiện chỉ có thông báo trong ứng dụng. Lựa chọn dưới đây được lưu để dùng khi email được bật."}
        </p>
        <ActionForm action={saveEmailPreferences} submitLabel="Lưu cách nhận email" className="space-y-3">
          <TextField name="email" label="Địa chỉ email" type="email" defaultValue={me.email} autoComplete="email" />
          <SelectField
            name="emailMode"
            label="Cách nhận"
            defaultValue={me.emailMode}
            options={[
              { value: "NONE", label: "Không nhận email" },
              { value: "IMMEDIATE", label: "Gửi ngay mỗi thông báo" },
              { value: "DAILY_DIGEST", label: "Tổng hợp mỗi ngày một thư" },
            ]}
          />
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
