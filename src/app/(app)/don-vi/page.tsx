import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/guard";
import { roleMay } from "@/domain/policy";
import { listCommunesForRegister, loadRegister, registerCommune } from "@/server/units/queries";
import { createUnit, mergeUnits, updateUnit } from "@/server/units/actions";
import { UNIT_KIND_LABEL, UNIT_KINDS } from "@/domain/units/register";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/forms/fields";

export const metadata: Metadata = { title: "Danh mục ban, ngành, bộ phận" };

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABEL[k] }));

export default async function UnitRegisterPage({ searchParams }: { searchParams: Promise<{ xa?: string }> }) {
  const actor = await requirePageActor("unit.read");
  const params = await searchParams;
  const commune = await registerCommune(actor, params.xa);
  if (!commune) return <PageHeader title="Danh mục ban, ngành, bộ phận" subtitle="Chưa có xã nào." />;
  const [{ units, mergedCount }, communes] = await Promise.all([loadRegister(actor, commune.id), listCommunesForRegister(actor)]);
  const canWrite = roleMay(actor.role, "unit.write");
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));

  return (
    <>
      <PageHeader
        title="Danh mục ban, ngành, bộ phận"
        subtitle={`${commune.name} · ${units.length} đơn vị${mergedCount ? ` · ${mergedCount} tên đã gộp` : ""}. Khi nhập kế hoạch, các tên trong văn bản được đối chiếu với tên chính thức và tên gọi khác ở đây.`}
      />
      {communes.length > 0 && (
        <form method="get" className="card mb-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="xa" className="label">
              Xã
            </label>
            <select id="xa" name="xa" defaultValue={commune.id} className="input">
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button className="btn">Xem</button>
        </form>
      )}
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <section className="card" aria-labelledby="ds-don-vi">
          <h2 id="ds-don-vi" className="mb-2 font-semibold">
            Các đơn vị
          </h2>
          <ul className="divide-y divide-slate-200">
            {units.map((u) => {
              const c = u._count;
              return (
                <li key={u.id} className="py-2" data-testid="register-unit">
                  <div className="flex flex-wrap items-baseline gap-2">
                    <span className="font-medium">{u.name}</span>
                    <Badge tone={u.kind === "COLLECTIVE" ? "gray" : "blue"}>{UNIT_KIND_LABEL[u.kind]}</Badge>
                    {!u.active && <Badge tone="amber">Ngừng sử dụng</Badge>}
                  </div>
                  <p className="text-xs text-slate-600">
                    Chủ trì {c.leadTasks} nhiệm vụ · phối hợp {c.coordinatingTasks} · theo dõi {c.monitoredIndicators} chỉ tiêu · thực hiện {c.implementedIndicators}
                    {c.users ? ` · ${c.users} người dùng` : ""}
                  </p>
                  {u.aliases.length > 0 && <p className="text-xs text-slate-600">Tên gọi khác: {u.aliases.join("; ")}</p>}
                  {canWrite && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-sm text-blue-800">Sửa, đổi tên</summary>
                      <ActionForm action={updateUnit} submitLabel="Lưu đơn vị" className="mt-2 grid gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2">
                        <input type="hidden" name="id" value={u.id} />
                        <input type="hidden" name="version" value={u.version} />
                        <TextField id={`name-${u.id}`} name="name" label="Tên chính thức" defaultValue={u.name} required />
                        <SelectField id={`kind-${u.id}`} name="kind" label="Loại" options={KIND_OPTIONS} defaultValue={u.kind} required />
                        <TextAreaField
                          id={`aliases-${u.id}`}
                          name="aliases"
                          label="Tên gọi khác (mỗi dòng một tên)"
                          defaultValue={u.aliases.join("\n")}
                          hint="Khi đổi tên, tên cũ tự động thành tên gọi khác."
                        />
                        <CheckboxField name="active" label="Đang sử dụng" defaultChecked={u.active} />
                      </ActionForm>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
        {canWrite && (
          <div className="space-y-4 self-start">
            <section className="card" aria-labelledby="gop-don-vi">
              <h2 id="gop-don-vi" className="mb-1 font-semibold">
                Gộp hai đơn vị trùng nhau
              </h2>
              <p className="mb-2 text-sm text-slate-600">
                Mọi nhiệm vụ, chỉ tiêu và người dùng của đơn vị thứ nhất chuyển sang đơn vị giữ lại; tên của nó thành tên gọi khác. Lịch sử được giữ nguyên.
              </p>
              <ActionForm action={mergeUnits} submitLabel="Gộp đơn vị" className="space-y-3">
                <SelectField name="sourceId" label="Đơn vị cần gộp (sẽ bỏ)" options={unitOptions} required />
                <SelectField name="targetId" label="Gộp vào (giữ lại)" options={unitOptions} required />
              </ActionForm>
            </section>
            <section className="card" aria-labelledby="them-don-vi">
              <h2 id="them-don-vi" className="mb-2 font-semibold">
                Thêm đơn vị
              </h2>
              <ActionForm action={createUnit} submitLabel="Thêm đơn vị" resetOnSuccess className="space-y-3">
                <input type="hidden" name="communeId" value={commune.id} />
                <TextField id="new-name" name="name" label="Tên chính thức" required />
                <SelectField id="new-kind" name="kind" label="Loại" options={KIND_OPTIONS} defaultValue="OTHER" required />
                <TextAreaField id="new-aliases" name="aliases" label="Tên gọi khác (mỗi dòng một tên)" rows={2} />
              </ActionForm>
            </section>
          </div>
        )}
      </div>
    </>
  );
}
