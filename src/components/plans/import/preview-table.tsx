"use client";

// The import preview's rows: each as understood (deadline and target both as written and as
// read), warnings highlighted on their row, units marked when saving will create them. "Sửa"
// opens the row's editor in place; targets and deadlines are re-read while the clerk types.
import { Fragment, useState } from "react";
import type { ParsedPlan, ParsedRow } from "@/domain/plan-import/types";
import { addRowAfter, changeRowKind, dismissWarning, rowText, setIndicatorGroup, type UnitMatch } from "@/domain/plan-import/preview-edit";
import { normalizeUnitKey } from "@/domain/plan-import/units";
import { CodeAndKind, PlanTable, rowColumns, WarningList } from "@/components/plans/plan-table";
import { DeadlineCell, IndicatorUnits, TargetCell, TaskUnits } from "./preview-cells";
import { RowEditor, UNITS_LIST_ID } from "./row-editor";

export type RowErrors = Map<string, string[]>;

interface Props {
  plan: ParsedPlan;
  keys: string[];
  units: { id: string; name: string }[];
  matches: UnitMatch[];
  onlyWarnings: boolean;
  rowErrors: RowErrors;
  /** `keys` when rows were added: the new rows' keys in place. */
  onChange: (plan: ParsedPlan, keys?: string[]) => void;
  onRemove: (index: number) => void;
}

export function PreviewTable({ plan, keys, units, matches, onlyWarnings, rowErrors, onChange, onRemove }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const matchOf = new Map(matches.map((m) => [m.name, m]));
  const setRow = (index: number, row: ParsedRow) => onChange({ ...plan, rows: plan.rows.map((r, i) => (i === index ? row : r)) });
  // A row the reader missed: added under this one, of the same kind (a task under a heading), and opened.
  const addAfter = (index: number) => {
    const kind = plan.rows[index].type === "indicator" ? "indicator" : "task";
    const { plan: next, at } = addRowAfter(plan, index, kind);
    const key = `${keys[index]}.${Math.random().toString(36).slice(2, 8)}`;
    onChange(next, [...keys.slice(0, at), key, ...keys.slice(at)]);
    setEditing(key);
  };
  // Names offered when choosing a unit: the commune's units, then new names already in the plan.
  const unitOptions = [...new Map([...units.map((u) => u.name), ...matches.filter((m) => !m.unitId).map((m) => m.name)].map((n) => [normalizeUnitKey(n), n])).values()];

  const visible = plan.rows.map((row, index) => ({ row, index, key: keys[index] })).filter(({ row, key }) => !onlyWarnings || row.warnings.length > 0 || rowErrors.has(key) || editing === key);

  return (
    <>
      <datalist id={UNITS_LIST_ID}>
        {unitOptions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <PlanTable caption="Các dòng đọc được từ văn bản: mục, nhiệm vụ và chỉ tiêu" columns={rowColumns({ deadline: "w-72", units: "w-80", actions: "w-28" })}>
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
                    <CodeAndKind code={row.code} kind={row.type} />
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
                      <WarningList warnings={row.warnings} onDismiss={(i) => setRow(index, dismissWarning(row, i))} />
                    </div>
                  </td>
                  <td>{row.type === "task" ? <DeadlineCell task={row} /> : row.type === "indicator" ? <TargetCell indicator={row} /> : null}</td>
                  <td>{row.type === "task" ? <TaskUnits task={row} matchOf={matchOf} /> : row.type === "indicator" ? <IndicatorUnits indicator={row} matchOf={matchOf} /> : null}</td>
                  <td className="whitespace-nowrap text-right">
                    <button type="button" className="btn px-2 py-0.5 text-xs" aria-expanded={isOpen} onClick={() => setEditing(isOpen ? null : key)}>
                      {isOpen ? "Đóng" : "Sửa"}
                    </button>{" "}
                    <button type="button" className="btn px-2 py-0.5 text-xs" onClick={() => addAfter(index)} aria-label={`Thêm dòng sau dòng ${row.code ?? ""} ${rowText(row).slice(0, 40)}`}>
                      + Dòng
                    </button>{" "}
                    <button type="button" className="btn px-2 py-0.5 text-xs text-red-800" onClick={() => onRemove(index)} aria-label={`Bỏ dòng ${row.code ?? ""} ${rowText(row).slice(0, 40)}`}>
                      Bỏ
                    </button>
                  </td>
                </tr>
                {isOpen && (
                  <tr className="bg-brand-50">
                    <td colSpan={5} className="border-l-4 border-l-brand-600">
                      {/* On a phone the table scrolls sideways: the editor stays on screen, as wide as it. */}
                      <div className="sticky left-0 max-w-[calc(100vw-3rem)]">
                        <RowEditor
                          key={row.type}
                          row={row}
                          year={plan.year}
                          onChange={(r) => setRow(index, r)}
                          onKind={(kind) => onChange(changeRowKind(plan, index, kind))}
                          onGroup={(group) => onChange(setIndicatorGroup(plan, index, group))}
                          onClose={() => setEditing(null)}
                        />
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
      </PlanTable>
    </>
  );
}

