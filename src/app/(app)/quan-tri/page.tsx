import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { adminOrgUnits } from "@/server/admin/queries";
import { createOrgUnit, createResponsibleUnit, updateOrgUnit } from "@/server/admin/actions";
import { PageHeader } from "@/components/ui/page-header";
import { EmailStatusPanel } from "@/components/notifications/email-status";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Đơn vị hành chính" };

const LEVEL_LABEL = { PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" } as const;
const LEVEL_OPTIONS = Object.entries(LEVEL_LABEL).map(([value, label]) => ({ value, label }));

export default async function AdminOrgPage() {
  const actor = await requirePageActor("admin.read");
  const units = await adminOrgUnits(actor);
  const byParent = new Map<string | null, typeof units>();
  for (const u of units) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const parentOptions = units.filter((u) => u.level !== "COMMUNE").map((u) => ({ value: u.id, label: `${LEVEL_LABEL[u.level]}: ${u.name}` }));
  const communes = units.filter((u) => u.level === "COMMUNE");

  const renderTree = (parentId: string | null, depth: number): React.ReactNode =>
    (byParent.get(parentId) ?? []).map((u) => (
      <li key={u.id} className="py-1" style={{ marginLeft: `${depth * 1.25}rem` }}>
        <details>
          <summary className="cursor-pointer">
            <Badge tone={u.level === "COMMUNE" ? "blue" : "gray"}>{LEVEL_LABEL[u.level]}</Badge> <span className="font-medium">{u.name}</span>
            {u.isPlaceholder && <span className="ml-2 text-xs text-amber-800">(tên tạm, cần cập nhật)</span>}
            <span className="ml-2 text-xs text-slate-500">
              {u._count.users} người dùng{u.level === "COMMUNE" ? ` · ${u._count.plans} kế hoạch · ${u.responsibleUnits.length} ban, ngành` : ""}
            </span>
          </summary>
          <div className="my-2 ml-4 rounded border border-slate-200 bg-slate-50 p-3">
            <ActionForm action={updateOrgUnit} submitLabel="Lưu đơn vị" className="grid gap-3 sm:grid-cols-3">
              <input type="hidden" name="id" value={u.id} />
              <TextField name="name" label="Tên đơn vị" defaultValue={u.name} required />
              <SelectField name="level" label="Cấp" options={LEVEL_OPTIONS} defaultValue={u.level} required />
              <SelectField name="parentId" label="Đơn vị cấp trên" options={parentOptions.filter((o) => o.value !== u.id)} defaultValue={u.parentId} placeholder="— Không có —" />
            </ActionForm>
            {u.level === "COMMUNE" && (
              <div className="mt-3">
                <h3 className="text-sm font-semibold">Ban, ngành, bộ phận của xã</h3>
                <ul className="mt-1 flex flex-wrap gap-1 text-sm">
                  {u.responsibleUnits.map((r) => (
                    <li key={r.id}>
                      <Badge>{r.name}</Badge>
                    </li>
                  ))}
                </ul>
                <ActionForm action={createResponsibleUnit} submitLabel="Thêm ban, ngành" resetOnSuccess className="mt-2 max-w-md">
                  <input type="hidden" name="communeId" value={u.id} />
                  <TextField name="name" label="Tên ban, ngành, bộ phận mới" required />
                </ActionForm>
              </div>
            )}
          </div>
        </details>
        {byParent.has(u.id) && <ul>{renderTree(u.id, 1)}</ul>}
      </li>
    ));

  return (
    <>
      <PageHeader title="Đơn vị hành chính" subtitle={`${communes.length} xã · tỉnh → huyện (nếu có) → xã`} />
      <EmailStatusPanel />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <section className="card">
          <h2 className="mb-2 font-semibold">Cây đơn vị</h2>
          <ul>{renderTree(null, 0)}</ul>
        </section>
        <section className="card self-start">
          <h2 className="mb-2 font-semibold">Thêm đơn vị</h2>
          <ActionForm action={createOrgUnit} submitLabel="Thêm đơn vị" resetOnSuccess className="space-y-3">
            <TextField name="name" label="Tên đơn vị" required />
            <SelectField name="level" label="Cấp" options={LEVEL_OPTIONS} required />
            <SelectField name="parentId" label="Đơn vị cấp trên" options={parentOptions} placeholder="— Không có (tỉnh) —" />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
