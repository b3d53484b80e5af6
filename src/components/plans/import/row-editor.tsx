"use client";

// The import preview's row editor: every field the plan stores for the row, understood again
// while the clerk types (the corrections are the pure functions of preview-edit.ts).
import { useState } from "react";
import type { IndicatorGroup, ParsedRow, ValueKind } from "@/domain/plan-import/types";
import {
  describeDeadline,
  rowText,
  setCoordinatingUnits,
  setImplementingUnits,
  setIndicatorTarget,
  setLeadUnit,
  setBaseline,
  setIndicatorDeadline,
  setMonitoringUnit,
  setRatioLabels,
  setRowCode,
  setRowText,
  setTaskDeadline,
} from "@/domain/plan-import/preview-edit";
import { stripHtml } from "@/domain/plan-import/html";
import { dueDatesText, setTaskDueDates } from "@/domain/plan-import/due-dates";
import { describeTarget } from "@/domain/evaluation/status";
import { INDICATOR_GROUP_LABEL, VALUE_KIND_LABEL } from "@/domain/labels";
import { baselineLabel, baselineText, needsBaseline } from "@/domain/plans/baseline";
import { ROW_KIND, ROW_KINDS } from "@/domain/plans/row-kinds";

export const UNITS_LIST_ID = "plan-import-units";

function Field({ id, label, children, hint }: { id: string; label: string; children: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children}
      {hint && <div className="mt-1 text-xs text-slate-700">{hint}</div>}
    </div>
  );
}

interface Props {
  row: ParsedRow;
  year: number | null;
  onChange: (row: ParsedRow) => void;
  /** Plan-wide changes: the row's kind, and a group that carries to sub-rows. */
  onKind: (kind: ParsedRow["type"]) => void;
  onGroup: (group: IndicatorGroup) => void;
  onClose: () => void;
}

export function RowEditor({ row, year, onChange, onKind, onGroup, onClose }: Props) {
  // The unit fields keep what is typed ("A; " before B is typed); the row gets the names.
  const [headText, setHeadText] = useState(() => (row.type === "task" ? row.leadUnits.join("; ") : row.type === "indicator" ? row.monitoringUnits.join("; ") : ""));
  const [unitsText, setUnitsText] = useState(() =>
    row.type === "task" ? row.coordinatingUnits.join("; ") : row.type === "indicator" ? row.implementingUnits.join("; ") : "",
  );
  // The due dates as typed; the row takes them once every part is a date.
  const [datesText, setDatesText] = useState(() => (row.type === "task" ? dueDatesText(row.deadline) : ""));
  const [datesProblem, setDatesProblem] = useState<string | null>(null);
  const id = (name: string) => `edit-${name}`;
  const raw = stripHtml(row.raw).replace(/[ \t]+/g, " ").trim();
  return (
    <div className="space-y-3 py-2" role="group" aria-label={`Sửa dòng ${row.code ?? ""}`}>
      <div className="grid gap-3 md:grid-cols-[8rem_1fr]">
        <Field id={id("code")} label="Số thứ tự">
          <input id={id("code")} className="input" value={row.code ?? ""} onChange={(e) => onChange(setRowCode(row, e.target.value))} />
        </Field>
        <Field id={id("text")} label={ROW_KIND[row.type].textLabel}>
          <textarea id={id("text")} className="input" rows={row.type === "section" ? 1 : 3} value={rowText(row)} onChange={(e) => onChange(setRowText(row, e.target.value))} />
        </Field>
      </div>
      {row.type === "task" && (
        <div className="grid gap-3 md:grid-cols-3">
          <Field id={id("deadline")} label="Thời hạn" hint={<>Hiểu là: <strong>{describeDeadline(row.deadline)}</strong></>}>
            <input
              id={id("deadline")}
              className="input"
              value={row.deadline.text}
              onChange={(e) => {
                const next = setTaskDeadline(row, e.target.value, year);
                setDatesText(dueDatesText(next.deadline));
                setDatesProblem(null);
                onChange(next);
              }}
              placeholder="Quý II, Trước ngày 30/6/2025, Thường xuyên…"
            />
          </Field>
          <Field id={id("lead")} label="Đơn vị chủ trì" hint="Chọn trong danh sách hoặc gõ tên; nhiều đơn vị cùng chủ trì cách nhau bằng dấu chấm phẩy (;).">
            <input id={id("lead")} className="input" list={UNITS_LIST_ID} value={headText} onChange={(e) => { setHeadText(e.target.value); onChange(setLeadUnit(row, e.target.value)); }} />
          </Field>
          <Field id={id("coordinating")} label="Đơn vị phối hợp" hint="Nhiều đơn vị cách nhau bằng dấu chấm phẩy (;).">
            <input
              id={id("coordinating")}
              className="input"
              value={unitsText}
              onChange={(e) => {
                setUnitsText(e.target.value);
                onChange(setCoordinatingUnits(row, e.target.value));
              }}
            />
          </Field>
          <div className="md:col-span-3">
            <Field
              id={id("due-dates")}
              label="Các hạn hoàn thành (dd/mm/yyyy)"
              hint={
                datesProblem ? (
                  <span className="font-medium text-red-800">
                    {datesProblem}
                  </span>
                ) : (
                  "Việc định kỳ có nhiều hạn: cách nhau bằng dấu chấm phẩy (;). Để trống thì tính theo thời hạn ghi ở trên."
                )
              }
            >
              <input
                id={id("due-dates")}
                className="input"
                inputMode="numeric"
                aria-invalid={datesProblem ? true : undefined}
                value={datesText}
                onChange={(e) => {
                  setDatesText(e.target.value);
                  const { row: next, problem } = setTaskDueDates(row, e.target.value, year);
                  setDatesProblem(problem);
                  if (!problem) onChange(next);
                }}
                placeholder="20/03/2025; 20/06/2025; 20/09/2025; 20/12/2025"
              />
            </Field>
          </div>
          {(row.requirement || row.expectedResult) && (
            <div className="text-xs text-slate-700 md:col-span-3">
              {row.requirement && <p className="whitespace-pre-line">Yêu cầu: {row.requirement}</p>}
              {row.expectedResult && <p className="whitespace-pre-line">Kết quả, sản phẩm: {row.expectedResult}</p>}
            </div>
          )}
        </div>
      )}
      {row.type === "indicator" && (
        <div className="grid gap-3 md:grid-cols-3">
          <Field
            id={id("target")}
            label="Chỉ tiêu phấn đấu"
            hint={
              <>
                Hiểu là: <strong>{describeTarget(row.target.rule, row.target.value, row.target.unit ?? row.measurementUnit, { referenceYear: row.target.referenceYear })}</strong>
              </>
            }
          >
            <input id={id("target")} className="input" value={row.target.text} onChange={(e) => onChange(setIndicatorTarget(row, e.target.value))} placeholder="Tối thiểu 80%, 100%, Trên 90%…" />
          </Field>
          <Field id={id("monitoring")} label="Đơn vị theo dõi" hint="Chọn đơn vị có sẵn hoặc gõ tên đơn vị mới.">
            <input id={id("monitoring")} className="input" list={UNITS_LIST_ID} value={headText} onChange={(e) => { setHeadText(e.target.value); onChange(setMonitoringUnit(row, e.target.value)); }} />
          </Field>
          <Field id={id("implementing")} label="Đơn vị thực hiện" hint="Nhiều đơn vị cách nhau bằng dấu chấm phẩy (;).">
            <input
              id={id("implementing")}
              className="input"
              value={unitsText}
              onChange={(e) => {
                setUnitsText(e.target.value);
                onChange(setImplementingUnits(row, e.target.value));
              }}
            />
          </Field>
          <Field id={id("group")} label="Nhóm chỉ tiêu">
            <select id={id("group")} className="input" value={row.group} onChange={(e) => onGroup(e.target.value as IndicatorGroup)}>
              {Object.entries(INDICATOR_GROUP_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id("kind")} label="Cách nhập số liệu">
            <select id={id("kind")} className="input" value={row.valueKind} onChange={(e) => onChange({ ...row, valueKind: e.target.value as ValueKind })}>
              {Object.entries(VALUE_KIND_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id("unit")} label="Đơn vị tính">
            <input id={id("unit")} className="input" value={row.measurementUnit ?? ""} onChange={(e) => onChange({ ...row, measurementUnit: e.target.value || null })} placeholder="%, điểm, hồ sơ…" />
          </Field>
          <Field id={id("ind-deadline")} label="Thời hạn của chỉ tiêu" hint={row.deadline ? <>Hiểu là: <strong>{describeDeadline(row.deadline)}</strong></> : "Để trống nếu chỉ tiêu tính cả năm."}>
            <input id={id("ind-deadline")} className="input" value={row.deadline?.text ?? ""} onChange={(e) => onChange(setIndicatorDeadline(row, e.target.value, year))} placeholder="Hoàn thành trong Quý I…" />
          </Field>
          {needsBaseline(row.target.rule) && (
            <Field id={id("baseline")} label={baselineLabel(row.target.rule, row.target.referenceYear)} hint="Để so sánh khi đánh giá; văn bản thường không ghi.">
              <input id={id("baseline")} className="input" inputMode="decimal" defaultValue={baselineText(row.baselineValue)} onChange={(e) => onChange(setBaseline(row, e.target.value))} />
            </Field>
          )}
          {row.valueKind === "RATIO" && (
            <>
              <Field id={id("numerator")} label="Tử số (với tỷ lệ)">
                <input id={id("numerator")} className="input" value={row.numeratorLabel ?? ""} onChange={(e) => onChange(setRatioLabels(row, { numerator: e.target.value }))} placeholder="Số hồ sơ trực tuyến" />
              </Field>
              <Field id={id("denominator")} label="Mẫu số (với tỷ lệ)">
                <input id={id("denominator")} className="input" value={row.denominatorLabel ?? ""} onChange={(e) => onChange(setRatioLabels(row, { denominator: e.target.value }))} placeholder="Tổng số hồ sơ tiếp nhận" />
              </Field>
            </>
          )}
        </div>
      )}
      <div className="max-w-xs">
        <Field id={id("row-kind")} label="Loại dòng" hint="Đọc nhầm loại? Đổi ở đây; nội dung, đơn vị và thời hạn được giữ.">
          <select id={id("row-kind")} className="input" value={row.type} onChange={(e) => onKind(e.target.value as ParsedRow["type"])}>
            {ROW_KINDS.map((k) => (
              <option key={k} value={k}>
                {ROW_KIND[k].label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Xong
        </button>
        {raw && (
          <details className="text-xs text-slate-700">
            <summary className="cursor-pointer">Dòng gốc trong văn bản</summary>
            <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-white p-2 font-sans">{raw}</pre>
          </details>
        )}
      </div>
    </div>
  );
}
