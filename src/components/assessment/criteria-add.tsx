// Adding an area, a criterion or a sub-criterion by hand to a draft set: three small forms,
// each appending at the end of its parent. Server component; the forms are the shared ActionForm.
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { addCriteriaNode } from "@/server/assessment/structure-actions";

interface AreaRef {
  code: string;
  title: string;
  criteria: { code: string; title: string }[];
}

const short = (s: string, n = 50) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function CriteriaAdd({ setId, version, areas }: { setId: string; version: number; areas: AreaRef[] }) {
  const hidden = (kind: string) => (
    <>
      <input type="hidden" name="setId" value={setId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="kind" value={kind} />
    </>
  );
  const criteria = areas.flatMap((a) => a.criteria.map((c) => ({ value: `${a.code}|${c.code}`, label: `${a.code}.${c.code} ${short(c.title)}` })));
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium">Thêm lĩnh vực, tiêu chí hoặc tiêu chí thành phần</summary>
      <div className="mt-2 grid gap-4 lg:grid-cols-3">
        <ActionForm action={addCriteriaNode} submitLabel="Thêm lĩnh vực" className="grid content-start gap-2" resetOnSuccess>
          <h3 className="font-medium">Lĩnh vực</h3>
          {hidden("area")}
          <TextField id="add-area-code" name="code" label="Mã lĩnh vực (ví dụ IX)" required />
          <TextField id="add-area-title" name="title" label="Tên lĩnh vực" required />
        </ActionForm>
        {areas.length > 0 && (
          <ActionForm action={addCriteriaNode} submitLabel="Thêm tiêu chí" className="grid content-start gap-2" resetOnSuccess>
            <h3 className="font-medium">Tiêu chí</h3>
            {hidden("criterion")}
            <SelectField id="add-crit-area" name="areaCode" label="Thuộc lĩnh vực" options={areas.map((a) => ({ value: a.code, label: `${a.code}. ${short(a.title)}` }))} />
            <TextField id="add-crit-code" name="code" label="Mã tiêu chí (ví dụ 3)" required />
            <TextField id="add-crit-title" name="title" label="Tên tiêu chí" required />
          </ActionForm>
        )}
        {criteria.length > 0 && (
          <ActionForm action={addCriteriaNode} submitLabel="Thêm tiêu chí thành phần" className="grid content-start gap-2" resetOnSuccess>
            <h3 className="font-medium">Tiêu chí thành phần</h3>
            {hidden("sub")}
            <SelectField id="add-sub-parent" name="parent" label="Thuộc tiêu chí" options={criteria} />
            <TextField id="add-sub-code" name="code" label="Mã (ví dụ 3.1)" required />
            <TextField id="add-sub-text" name="text" label="Nội dung" required />
            <TextField id="add-sub-max" name="maxPoints" label="Điểm tối đa" required />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="allowHalf" /> Cho chấm 0,5 điểm
            </label>
            <SelectField id="add-sub-by" name="scoredBy" label="Ai chấm" defaultValue="SELF" options={[{ value: "SELF", label: "Xã tự chấm" }, { value: "PROVINCE", label: "Tỉnh chấm (điều tra, khảo sát)" }]} />
            <TextAreaField id="add-sub-guide" name="guidance" label="Hướng dẫn chấm" />
            <TextAreaField id="add-sub-ev" name="expectedEvidence" label="Tài liệu kiểm chứng" />
          </ActionForm>
        )}
      </div>
    </details>
  );
}
