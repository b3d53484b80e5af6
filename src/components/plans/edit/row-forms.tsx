// The forms of the plan editing page: plan details, one row's edit form, and the forms that
// add a section, a task or an indicator. Server-rendered; ActionForm shows each answer.
import type { PlanDetail } from "@/server/plans/queries";
import {
  addIndicator,
  addSection,
  addTask,
  renumberSection,
  updateIndicator,
  updatePlan,
  updateSection,
  updateTask,
} from "@/server/plans/edit-actions";
import { NUMBERING_LABEL, NUMBERING_STYLES } from "@/domain/plans/outline";
import { indicatorUnitsByRole, taskUnitsByRole, unitListText } from "@/domain/plans/unit-roles";
import { baselineLabel, baselineText } from "@/domain/plans/baseline";
import { parseDeadline } from "@/domain/plan-import/deadline";
import { dueDatesText } from "@/domain/plan-import/due-dates";
import { describeDeadline } from "@/domain/plan-import/preview-edit";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { INDICATOR_GROUP_LABEL, PLAN_KIND_LABEL, VALUE_KIND_LABEL } from "@/domain/labels";

export const UNITS_LIST_ID = "commune-units";

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const UNITS_HINT = "Nhiều đơn vị cách nhau bằng dấu chấm phẩy (;).";
const HEADS_HINT = "Chọn trong danh sách hoặc gõ tên. Nhiều đơn vị cùng chủ trì: cách nhau bằng dấu chấm phẩy (;), đơn vị đầu tiên ghi trước.";

export function UnitsDatalist({ units }: { units: { id: string; name: string }[] }) {
  return (
    <datalist id={UNITS_LIST_ID}>
      {units.map((u) => (
        <option key={u.id} value={u.name} />
      ))}
    </datalist>
  );
}

export function PlanDetailsForm({ plan }: { plan: PlanDetail }) {
  return (
    <ActionForm action={updatePlan} submitLabel="Lưu thông tin kế hoạch" className="grid gap-3 md:grid-cols-6">
      <input type="hidden" name="planId" value={plan.id} />
      <div className="md:col-span-6">
        <TextField id="plan-title" name="title" label="Tên kế hoạch" defaultValue={plan.title} required />
      </div>
      <div className="md:col-span-2">
        <SelectField id="plan-kind" name="kind" label="Loại kế hoạch" options={options(PLAN_KIND_LABEL)} defaultValue={plan.kind} required />
      </div>
      <TextField id="plan-year" name="year" type="number" label="Năm" defaultValue={String(plan.year)} required hint="Thời hạn ghi không kèm năm (Quý II…) theo năm này." />
      <TextField id="plan-number" name="documentNumber" label="Số văn bản" defaultValue={plan.documentNumber} placeholder="48/QĐ-UBND" />
      <div className="md:col-span-2">
        <TextField
          id="plan-date"
          name="documentDate"
          type="date"
          label="Ngày ban hành"
          defaultValue={isoDay(plan.documentDate)}
          hint={plan.documentDateText && !plan.documentDate ? `Văn bản ghi: “${plan.documentDateText}”` : undefined}
        />
      </div>
    </ActionForm>
  );
}

type Section = PlanDetail["sections"][number];
type Task = PlanDetail["tasks"][number];
type Indicator = PlanDetail["indicators"][number];

function ClearWarnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <div className="md:col-span-full">
      <CheckboxField name="clearWarnings" label={`Đã kiểm tra: bỏ ${warnings.length} cảnh báo khi nhập của dòng này`} defaultChecked />
    </div>
  );
}

export function SectionEditForm({ planId, section }: { planId: string; section: Section }) {
  return (
    <div className="space-y-3">
      <ActionForm action={updateSection} submitLabel="Lưu mục" className="grid gap-3 md:grid-cols-[8rem_1fr]">
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="id" value={section.id} />
        <TextField id="edit-code" name="code" label="Số thứ tự" defaultValue={section.code} />
        <TextAreaField id="edit-title" name="title" label="Tên mục" defaultValue={section.title} rows={2} required />
      </ActionForm>
      <ActionForm action={renumberSection} submitLabel="Đánh số lại" className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3">
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="sectionId" value={section.id} />
        <div className="w-80">
          <SelectField
            id="renumber-style"
            name="style"
            label="Đánh số lại các dòng trực tiếp trong mục theo thứ tự"
            options={NUMBERING_STYLES.map((s) => ({ value: s, label: NUMBERING_LABEL[s] }))}
            defaultValue="arabic"
            placeholder="— Kiểu đánh số —"
          />
        </div>
      </ActionForm>
    </div>
  );
}

/** `prefix` keeps ids unique: the edit form and the add form can be on the page together. */
/** The stored due dates when the clerk set them; blank when they are what the deadline text says. */
function ownDueDates(task: Task | undefined, year: number): { text: string; understood: string | null } {
  if (!task) return { text: "", understood: null };
  const stored = {
    kind: task.deadlineKind,
    dueDate: isoDay(task.dueDate),
    periodStart: isoDay(task.periodStart),
    periodEnd: isoDay(task.periodEnd),
    text: task.deadlineText ?? "",
    occurrences: task.occurrenceDates.map((d) => isoDay(d)!),
  };
  const own = dueDatesText(stored);
  return { text: own === dueDatesText(parseDeadline(stored.text, year)) ? "" : own, understood: describeDeadline(stored) };
}

function TaskFields({ task, prefix, year }: { task?: Task; prefix: string; year: number }) {
  const units = task && taskUnitsByRole(task);
  const dueDates = ownDueDates(task, year);
  return (
    <>
      <TextField id={`${prefix}-task-code`} name="code" label="Số thứ tự" defaultValue={task?.code} />
      <div className="md:col-span-3">
        <TextAreaField id={`${prefix}-task-content`} name="content" label="Nội dung nhiệm vụ" defaultValue={task?.content} required />
      </div>
      <div className="md:col-span-2">
        <TextAreaField id={`${prefix}-task-requirement`} name="requirement" label="Yêu cầu" defaultValue={task?.requirement} rows={2} />
      </div>
      <div className="md:col-span-2">
        <TextAreaField id={`${prefix}-task-result`} name="expectedResult" label="Kết quả, sản phẩm" defaultValue={task?.expectedResult} rows={2} />
      </div>
      <TextField id={`${prefix}-task-deadline`} name="deadlineText" label="Thời hạn" defaultValue={task?.deadlineText} placeholder="Quý II, Trước ngày 30/6…" hint={dueDates.understood ? `Đang hiểu là: ${dueDates.understood}.` : "Ghi như văn bản; hệ thống tự hiểu ngày, quý, định kỳ."} />
      <div className="md:col-span-2">
        <TextField
          id={`${prefix}-task-due-dates`}
          name="dueDates"
          label="Các hạn hoàn thành (dd/mm/yyyy)"
          defaultValue={dueDates.text}
          placeholder="20/03/2025; 20/06/2025; 20/09/2025; 20/12/2025"
          hint="Việc định kỳ có nhiều hạn: cách nhau bằng dấu chấm phẩy (;). Để trống thì tính theo ô Thời hạn."
        />
      </div>
      <TextField id={`${prefix}-task-lead`} name="leadUnit" label="Đơn vị chủ trì" defaultValue={units && unitListText(units.leads)} list={UNITS_LIST_ID} hint={HEADS_HINT} />
      <div className="md:col-span-2">
        <TextField id={`${prefix}-task-coordinating`} name="coordinatingUnits" label="Đơn vị phối hợp" defaultValue={units && unitListText(units.coordinating)} hint={UNITS_HINT} />
      </div>
      <div className="md:col-span-4">
        <TextAreaField id={`${prefix}-task-note`} name="note" label="Ghi chú" defaultValue={task?.note} rows={2} hint="Điều văn bản ghi thêm trong ô đơn vị (báo cáo trước ngày…, tham mưu…): hiện trên trang kế hoạch." />
      </div>
      {task && <ClearWarnings warnings={task.importWarnings} />}
    </>
  );
}

export function TaskEditForm({ planId, task, year }: { planId: string; task: Task; year: number }) {
  return (
    <ActionForm action={updateTask} submitLabel="Lưu nhiệm vụ" className="grid gap-3 md:grid-cols-4">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="id" value={task.id} />
      <TaskFields task={task} prefix="edit" year={year} />
    </ActionForm>
  );
}

function IndicatorFields({ indicator, prefix }: { indicator?: Indicator; prefix: string }) {
  const units = indicator && indicatorUnitsByRole(indicator);
  return (
    <>
      <TextField id={`${prefix}-indicator-code`} name="code" label="Số thứ tự" defaultValue={indicator?.code} />
      <div className="md:col-span-3">
        <TextAreaField id={`${prefix}-indicator-name`} name="name" label="Tên chỉ tiêu" defaultValue={indicator?.name} rows={2} required />
      </div>
      <TextField id={`${prefix}-indicator-target`} name="targetText" label="Chỉ tiêu phấn đấu" defaultValue={indicator?.targetText} placeholder="Tối thiểu 80%, 100%…" hint="Ghi như văn bản; hệ thống tự hiểu mức và cách so sánh." />
      <TextField id={`${prefix}-indicator-unit`} name="measurementUnit" label="Đơn vị tính" defaultValue={indicator?.measurementUnit} placeholder="%, điểm, hồ sơ…" />
      <SelectField id={`${prefix}-indicator-group`} name="group" label="Nhóm chỉ tiêu" options={options(INDICATOR_GROUP_LABEL)} defaultValue={indicator?.group} placeholder="— Tự nhận theo tên —" />
      <SelectField id={`${prefix}-indicator-kind`} name="valueKind" label="Cách nhập số liệu" options={options(VALUE_KIND_LABEL)} defaultValue={indicator?.valueKind} placeholder="— Tự nhận theo chỉ tiêu —" />
      <TextField id={`${prefix}-indicator-monitoring`} name="monitoringUnit" label="Đơn vị theo dõi" defaultValue={units && unitListText(units.monitoring)} list={UNITS_LIST_ID} hint={HEADS_HINT} />
      <div className="md:col-span-3">
        <TextField id={`${prefix}-indicator-implementing`} name="implementingUnits" label="Đơn vị thực hiện" defaultValue={units && unitListText(units.implementing)} hint={UNITS_HINT} />
      </div>
      <div className="md:col-span-2">
        <TextField id={`${prefix}-indicator-numerator`} name="numeratorLabel" label="Tử số (với tỷ lệ)" defaultValue={indicator?.numeratorLabel} placeholder="Số hồ sơ trực tuyến" />
      </div>
      <div className="md:col-span-2">
        <TextField id={`${prefix}-indicator-denominator`} name="denominatorLabel" label="Mẫu số (với tỷ lệ)" defaultValue={indicator?.denominatorLabel} placeholder="Tổng số hồ sơ tiếp nhận" />
      </div>
      <TextField id={`${prefix}-indicator-deadline`} name="deadlineText" label="Thời hạn của chỉ tiêu" defaultValue={indicator?.deadlineText} placeholder="Hoàn thành trong Quý I…" />
      <TextField
        id={`${prefix}-indicator-baseline`}
        name="baselineValue"
        label={indicator ? baselineLabel(indicator.targetRule, indicator.referenceYear) : "Số liệu năm so sánh"}
        defaultValue={indicator ? baselineText(indicator.baselineValue === null ? null : Number(indicator.baselineValue)) : null}
        hint="Với chỉ tiêu so với năm trước (thứ hạng, giảm so với…)."
      />
      <TextField id={`${prefix}-indicator-reference-year`} name="referenceYear" type="number" label="Năm so sánh" defaultValue={indicator?.referenceYear ? String(indicator.referenceYear) : null} hint="Để trống: năm trước." />
      <div className="md:col-span-4">
        <TextAreaField id={`${prefix}-indicator-note`} name="note" label="Ghi chú" defaultValue={indicator?.note} rows={2} />
      </div>
      {indicator && <ClearWarnings warnings={indicator.importWarnings} />}
    </>
  );
}

export function IndicatorEditForm({ planId, indicator }: { planId: string; indicator: Indicator }) {
  return (
    <ActionForm action={updateIndicator} submitLabel="Lưu chỉ tiêu" className="grid gap-3 md:grid-cols-4">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="id" value={indicator.id} />
      <IndicatorFields indicator={indicator} prefix="edit" />
    </ActionForm>
  );
}

export function AddRowForms({ plan, sectionOptions, selected, indicatorOptions }: {
  plan: PlanDetail;
  sectionOptions: { value: string; label: string }[];
  selected: string | null;
  indicatorOptions: { value: string; label: string }[];
}) {
  const open = selected !== null;
  return (
    <div className="grid gap-3">
      <details className="card" open={open}>
        <summary className="cursor-pointer font-semibold">+ Thêm mục</summary>
        <ActionForm action={addSection} submitLabel="Thêm mục" resetOnSuccess className="mt-3 grid gap-3 md:grid-cols-4">
          <input type="hidden" name="planId" value={plan.id} />
          <SelectField id="add-section-parent" name="parentId" label="Nằm trong mục" options={sectionOptions} defaultValue={selected} placeholder="— Cấp cao nhất —" />
          <TextField id="add-section-code" name="code" label="Số thứ tự" placeholder="I, II, 1…" />
          <div className="md:col-span-2">
            <TextField id="add-section-title" name="title" label="Tên mục" required />
          </div>
        </ActionForm>
      </details>
      <details className="card" open={open}>
        <summary className="cursor-pointer font-semibold">+ Thêm nhiệm vụ</summary>
        <ActionForm action={addTask} submitLabel="Thêm nhiệm vụ" resetOnSuccess className="mt-3 grid gap-3 md:grid-cols-4">
          <input type="hidden" name="planId" value={plan.id} />
          <div className="md:col-span-4 md:w-1/2">
            <SelectField id="add-task-section" name="sectionId" label="Thuộc mục" options={sectionOptions} defaultValue={selected} placeholder="— Không thuộc mục nào —" />
          </div>
          <TaskFields prefix="add" year={plan.year} />
        </ActionForm>
      </details>
      <details className="card" open={open}>
        <summary className="cursor-pointer font-semibold">+ Thêm chỉ tiêu</summary>
        <ActionForm action={addIndicator} submitLabel="Thêm chỉ tiêu" resetOnSuccess className="mt-3 grid gap-3 md:grid-cols-4">
          <input type="hidden" name="planId" value={plan.id} />
          <div className="md:col-span-2">
            <SelectField id="add-indicator-section" name="sectionId" label="Thuộc mục" options={sectionOptions} defaultValue={selected} placeholder="— Không thuộc mục nào —" />
          </div>
          <div className="md:col-span-2">
            <SelectField id="add-indicator-parent" name="parentIndicatorId" label="Là dòng con (“-”) của chỉ tiêu" options={indicatorOptions} placeholder="— Không, là chỉ tiêu chính —" />
          </div>
          <IndicatorFields prefix="add" />
        </ActionForm>
      </details>
    </div>
  );
}
