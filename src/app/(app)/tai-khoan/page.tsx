import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { ROLE_LABEL } from "@/server/auth/permissions";
import { changePassword } from "@/server/account/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Tài khoản" };

export default async function AccountPage() {
  const actor = await requirePageActor("account.changePassword");
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
    </>
  );
}
