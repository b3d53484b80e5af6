"use client";

// The import preview's rows: each as understood (deadline and target both as written and as
// read), warnings highlighted on their row, units marked when saving will create them. "Sửa"
// opens the row's editor in place; targets and deadlines are re-read while the clerk types.
import { Fragment, useState } from "react";
import type { IndicatorGroup, ParsedIndicator, ParsedPlan, ParsedRow, ParsedTask, ValueKind } from "@/domain/plan-import/types";
import {
  describeDeadline,
  dismissWarning,
  rowText,
  setCoordinatingUnits,
  setImplementingUnits,
  setIndicatorTarget,
  setLeadUnit,
  setMonitoringUnit,
  setRowCode,
  setRowText,
  setTaskDeadline,
  type UnitMatch,
} from "@/domain/plan-import/preview-edit";
import { stripHtml } from "@/domain/plan-import/html";
import { describeTarget } from "@/domain/evaluation/status";
import { INDICATOR_GROUP_LABEL, VALUE_KIND_LABEL } from "@/domain/labels";
import { normalizeUnitKey } from "@/domain/plan-import/units";
import { foldText } from "@/domain/text";

export type RowErrors = Map<string, string[]>;

const TYPE_LABEL: Record<ParsedRow["type"], string> = { section: "Mục", task: "Nhiệm vụ", indicator: "Chỉ tiêu" };
const TYPE_TONE: Record<ParsedRow["type"], string> = {
  section: "border-slate-400 bg-white text-slate-800",
  task: "border-blue-300 bg-blue-50 text-blue-900",
  indicator: "border-emerald-300 bg-emerald-50 text-emerald-900",
};
const UNITS_LIST_ID = "plan-import-units";

interface Props {
  plan: ParsedPlan;
  keys: string[];
  units: { id: string; name: string }[];
  matches: UnitMatch[];
  onlyWarnings: boolean;
  rowErrors: RowErrors;
  onChange: (plan: ParsedPlan) => void;
  onRemove: (index: number) => void;
}

export function PreviewTable({ plan, keys, units, matches, onlyWarnings, rowErrors, onChange, onRemove }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const matchOf = new Map(matches.map((m) => [m.name, m]));
  const setRow = (index: number, row: ParsedRow) => onChange({ ...plan, rows: plan.rows.map((r, i) => (i === index ? row : r)) });
  // Names offered when choosing a unit: the commune's units, then new names already in the plan.
  const unitOptions = [...new Map([...units.map((u) => u.name), ...matches.filter((m) => !m.unitId).map((m) => m.name)].map((n) => [normalizeUnitKey(n), n])).values()];

  const visible = plan.rows.map((row, index) => ({ row, index, key: keys[index] })).filter(({ row, key }) => !onlyWarnings || row.warnings.length > 0 || rowErrors.has(key) || editing === key);

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <datalist id={UNITS_LIST_ID}>
        {unitOptions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <table className="table-basic">
        <caption className="sr-only">Các dòng đọc được từ văn bản: mục, nhiệm vụ và chỉ tiêu</caption>
        <thead>
          <tr>
            <th scope="col" className="w-20">
              STT
            </th>
            <th scope="col">Nội dung</th>
            <th scope="col" className="w-72">
              Thời hạn / chỉ tiêu phấn đấu
            </th>
            <th scope="col" className="w-80">
              Đơn vị phụ trách
            </th>
            <th scope="col" className="w-28">
              <span className="sr-only">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.length === 0 && (
            <tr>
              <td colSpan={5} className="py-4 text-center text-slate-600">
                {plan.rows.length === 0 ? "Không đọc được dòng nào từ văn bản. Xem cảnh báo ở trên." : "Không còn dòng nào có cảnh báo."}
              </td>
            </tr>
          )}
          {visible.map(({ row, index, key }) => {
            const errors = rowErrors.get(key) ?? [];
            const warned = row.warnings.length > 0;
            const tone = errors.length ? "bg-red-50" : warned ? "bg-amber-50" : row.type === "section" ? "bg-slate-100" : "";
            const bar = errors.length ? "border-l-4 border-l-red-600" : warned ? "border-l-4 border-l-amber-500" : "border-l-4 border-l-transparent";
            const isOpen = editing === key;
            return (
              <Fragment key={key}>
                <tr data-row={key} data-type={row.type} className={tone}>
                  <td className={bar}>
                    <div className="tabular-nums font-medium">{row.code ?? <span className="text-slate-400">—</span>}</div>
                    <div className={`mt-0.5 inline-block whitespace-nowrap rounded border px-1 text-[11px] leading-4 ${TYPE_TONE[row.type]}`}>{TYPE_LABEL[row.type]}</div>
                  </td>
                  <td>
                    <div style={{ paddingLeft: `${Math.min(row.depth, 6) * 0.9}rem` }}>
                      <div className={`whitespace-pre-line ${row.type === "section" ? "font-semibold" : ""} ${isOpen ? "" : "line-clamp-3"}`}>
                        {row.type === "indicator" && row.parentIndicatorIndex !== null && <span aria-hidden>– </span>}
                        {rowText(row) || <em className="text-red-800">(trống)</em>}
                      </div>
                      {errors.length > 0 && (
                        <ul className="mt-1 space-y-0.5 text-xs font-medium text-red-800">
                          {errors.map((e) => (
                            <li key={e}>✖ {e}</li>
                          ))}
                        </ul>
                      )}
                      {warned && (
                        <ul className="mt-1 space-y-0.5 text-xs text-amber-900" aria-label="Cảnh báo của dòng">
                          {row.warnings.map((w, i) => (
                            <li key={`${i}-${w}`} className="flex items-start gap-1">
                              <span aria-hidden>⚠</span>
                              <span>{w}</span>
                              <button type="button" className="ml-1 shrink-0 text-brand-700 underline hover:text-brand-800" onClick={() => setRow(index, dismissWarning(row, i))} aria-label={`Bỏ qua cảnh báo: ${w}`}>
                                Bỏ qua
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </td>
                  <td>{row.type === "task" ? <DeadlineCell task={row} /> : row.type === "indicator" ? <TargetCell indicator={row} /> : null}</td>
                  <td>{row.type === "task" ? <TaskUnits task={row} matchOf={matchOf} /> : row.type === "indicator" ? <IndicatorUnits indicator={row} matchOf={matchOf} /> : null}</td>
                  <td className="whitespace-nowrap text-right">
                    <button type="button" className="btn px-2 py-0.5 text-xs" aria-expanded={isOpen} onClick={() => setEditing(isOpen ? null : key)}>
                      {isOpen ? "Đóng" : "Sửa"}
                    </button>{" "}
                    <button type="button" className="btn px-2 py-0.5 text-xs text-red-800" onClick={() => onRemove(index)} aria-label={`Bỏ dòng ${row.code ?? ""} ${rowText(row).slice(0, 40)}`}>
                      Bỏ
                    </button>
                  </td>
                </tr>
                {isOpen && (
                  <tr className="bg-brand-50">
                    <td colSpan={5} className="border-l-4 border-l-brand-600">
                      <RowEditor row={row} year={plan.year} onChange={(r) => setRow(index, r)} onClose={() => setEditing(null)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AsWritten({ text }: { text: string }) {
  return (
    <div className="text-xs text-slate-600">
      Văn bản ghi: <span className="whitespace-pre-line text-slate-800">{text ? `“${text}”` : "(để trống)"}</span>
    </div>
  );
}

function DeadlineCell({ task }: { task: ParsedTask }) {
  const understood = describeDeadline(task.deadline);
  const unclear = task.deadline.kind === "NONE" && task.deadline.text;
  return (
    <div>
      <AsWritten text={task.deadline.text} />
      <div className={`text-sm ${unclear ? "font-medium text-amber-900" : "font-medium"}`}>Hiểu là: {understood}</div>
    </div>
  );
}

function TargetCell({ indicator }: { indicator: ParsedIndicator }) {
  const t = indicator.target;
  return (
    <div>
      <AsWritten text={t.text} />
      <div className="text-sm font-medium">Hiểu là: {describeTarget(t.rule, t.value, t.unit ?? indicator.measurementUnit, { referenceYear: t.referenceYear })}</div>
      <div className="text-xs text-slate-600">{VALUE_KIND_LABEL[indicator.valueKind]}</div>
    </div>
  );
}

/** Names that differ only in dashes, spacing or a trailing "xã" are the same name to a reader. */
function sameToReader(a: string, b: string): boolean {
  const plain = (n: string) => foldText(n).replace(/[^a-z0-9]+/g, " ").replace(/ xa$/, "").trim();
  return plain(a) === plain(b);
}

/** A unit as it will be saved: the commune's existing unit, or a new one (marked). */
function UnitName({ name, matchOf }: { name: string; matchOf: Map<string, UnitMatch> }) {
  const m = matchOf.get(name);
  if (m && !m.unitId)
    return (
      <span>
        {name} <span className="rounded border border-blue-300 bg-blue-50 px-1 text-[11px] text-blue-900">mới</span>
      </span>
    );
  if (m?.existingName && !sameToReader(m.existingName, name))
    return (
      <span title={`Văn bản ghi “${name}”, là đơn vị đã có “${m.existingName}”`}>
        {m.existingName} <span className="text-xs text-slate-600">(văn bản ghi: {name})</span>
      </span>
    );
  return <span>{m?.existingName ?? name}</span>;
}

function UnitLine({ label, names, matchOf, missing }: { label: string; names: string[]; matchOf: Map<string, UnitMatch>; missing?: string }) {
  if (names.length === 0 && !missing) return null;
  return (
    <div className="text-sm">
      <span className="text-xs text-slate-600">{label}: </span>
      {names.length === 0 ? (
        <span className="text-amber-900">{missing}</span>
      ) : (
        names.map((n, i) => (
          <Fragment key={n}>
            {i > 0 && "; "}
            <UnitName name={n} matchOf={matchOf} />
          </Fragment>
        ))
      )}
    </div>
  );
}

function TaskUnits({ task, matchOf }: { task: ParsedTask; matchOf: Map<string, UnitMatch> }) {
  return (
    <div className="space-y-0.5">
      <UnitLine label="Chủ trì" names={task.leadUnits.slice(0, 1)} matchOf={matchOf} missing="chưa có" />
      <UnitLine label="Phối hợp" names={[...task.leadUnits.slice(1), ...task.coordinatingUnits]} matchOf={matchOf} />
    </div>
  );
}

function IndicatorUnits({ indicator, matchOf }: { indicator: ParsedIndicator; matchOf: Map<string, UnitMatch> }) {
  return (
    <div className="space-y-0.5">
      <UnitLine label="Theo dõi" names={indicator.monitoringUnits.slice(0, 1)} matchOf={matchOf} missing="chưa có" />
      <UnitLine label="Thực hiện" names={indicator.implementingUnits} matchOf={matchOf} />
    </div>
  );
}

// ---- the row editor --------------------------------------------------------------------------

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

function RowEditor({ row, year, onChange, onClose }: { row: ParsedRow; year: number | null; onChange: (row: ParsedRow) => void; onClose: () => void }) {
  const [unitsText, setUnitsText] = useState(() =>
    row.type === "task" ? [...row.leadUnits.slice(1), ...row.coordinatingUnits].join("; ") : row.type === "indicator" ? row.implementingUnits.join("; ") : "",
  );
  const id = (name: string) => `edit-${name}`;
  const raw = stripHtml(row.raw).replace(/[ \t]+/g, " ").trim();
  return (
    <div className="space-y-3 py-2" role="group" aria-label={`Sửa dòng ${row.code ?? ""}`}>
      <div className="grid gap-3 md:grid-cols-[8rem_1fr]">
        <Field id={id("code")} label="Số thứ tự">
          <input id={id("code")} className="input" value={row.code ?? ""} onChange={(e) => onChange(setRowCode(row, e.target.value))} />
        </Field>
        <Field id={id("text")} label={row.type === "section" ? "Tên mục" : row.type === "task" ? "Nội dung nhiệm vụ" : "Tên chỉ tiêu"}>
          <textarea id={id("text")} className="input" rows={row.type === "section" ? 1 : 3} value={rowText(row)} onChange={(e) => onChange(setRowText(row, e.target.value))} />
        </Field>
      </div>
      {row.type === "task" && (
        <div className="grid gap-3 md:grid-cols-3">
          <Field id={id("deadline")} label="Thời hạn" hint={<>Hiểu là: <strong>{describeDeadline(row.deadline)}</strong></>}>
            <input id={id("deadline")} className="input" value={row.deadline.text} onChange={(e) => onChange(setTaskDeadline(row, e.target.value, year))} placeholder="Quý II, Trước ngày 30/6/2025, Thường xuyên…" />
          </Field>
          <Field id={id("lead")} label="Đơn vị chủ trì" hint="Chọn đơn vị có sẵn trong danh sách hoặc gõ tên đơn vị mới.">
            <input id={id("lead")} className="input" list={UNITS_LIST_ID} value={row.leadUnits[0] ?? ""} onChange={(e) => onChange(setLeadUnit(row, e.target.value))} />
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
            <input id={id("monitoring")} className="input" list={UNITS_LIST_ID} value={row.monitoringUnits[0] ?? ""} onChange={(e) => onChange(setMonitoringUnit(row, e.target.value))} />
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
            <select id={id("group")} className="input" value={row.group} onChange={(e) => onChange({ ...row, group: e.target.value as IndicatorGroup })}>
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
        </div>
      )}
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
