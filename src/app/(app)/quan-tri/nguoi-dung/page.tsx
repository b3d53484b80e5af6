import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/guard";
import { ROLE_LABEL } from "@/domain/labels";
import { adminOrgUnits, adminUsers } from "@/server/admin/queries";
import { createUser } from "@/server/admin/actions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Người dùng" };

const ROLE_OPTIONS = Object.entries(ROLE_LABEL).map(([value, label]) => ({ value, label }));

export default async function AdminUsersPage() {
  const actor = await requirePageActor("admin.read");
  const [users, units] = await Promise.all([adminUsers(actor), adminOrgUnits(actor)]);
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <PageHeader title="Người dùng" subtitle={`${users.length} tài khoản`} />
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="table-basic">
            <thead>
              <tr>
                <th scope="col">Tên đăng nhập</th>
                <th scope="col">Họ và tên</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/quan-tri/nguoi-dung/${u.id}`}>{u.username}</Link>
                  </td>
                  <td>{u.fullName}</td>
                  <td>{ROLE_LABEL[u.role]}</td>
                  <td>
                    {u.orgUnit.name}
                    {u.responsibleUnit && <span className="block text-xs text-slate-600">{u.responsibleUnit.name}</span>}
                  </td>
                  <td>{u.active ? <Badge tone="green">Đang hoạt động</Badge> : <Badge tone="red">Đã vô hiệu hóa</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card self-start">
          <h2 className="mb-2 font-semibold">Tạo người dùng</h2>
          <ActionForm action={createUser} submitLabel="Tạo người dùng" resetOnSuccess className="space-y-3">
            <TextField name="username" label="Tên đăng nhập" required autoComplete="off" />
            <TextField name="fullName" label="Họ và tên" required />
            <SelectField name="role" label="Vai trò" options={ROLE_OPTIONS} required />
            <SelectField name="orgUnitId" label="Đơn vị" options={unitOptions} required />
            <TextField name="password" label="Mật khẩu ban đầu" type="password" required autoComplete="new-password" />
            <CheckboxField name="canSubmit" label="Được Chủ tịch cho phép nộp báo cáo" />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
