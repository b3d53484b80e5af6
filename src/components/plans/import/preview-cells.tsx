// The import preview's read-only cells: a deadline or target as written and as understood, and
// the units by role, each marked when saving will create it or when the register knows it by
// another name.
import { Fragment } from "react";
import type { ParsedIndicator, ParsedTask } from "@/domain/plan-import/types";
import { describeDeadline, type UnitMatch } from "@/domain/plan-import/preview-edit";
import { describeTarget } from "@/domain/evaluation/status";
import { VALUE_KIND_LABEL } from "@/domain/labels";
import { baselineLabel, baselineText } from "@/domain/plans/baseline";
import { foldText } from "@/domain/text";

function AsWritten({ text }: { text: string }) {
  return (
    <div className="text-xs text-slate-600">
      Văn bản ghi: <span className="whitespace-pre-line text-slate-800">{text ? `“${text}”` : "(để trống)"}</span>
    </div>
  );
}

export function DeadlineCell({ task }: { task: ParsedTask }) {
  const understood = describeDeadline(task.deadline);
  const unclear = task.deadline.kind === "NONE" && task.deadline.text;
  return (
    <div>
      <AsWritten text={task.deadline.text} />
      <div className={`text-sm ${unclear ? "font-medium text-amber-900" : "font-medium"}`}>Hiểu là: {understood}</div>
    </div>
  );
}

export function TargetCell({ indicator }: { indicator: ParsedIndicator }) {
  const t = indicator.target;
  return (
    <div>
      <AsWritten text={t.text} />
      <div className="text-sm font-medium">Hiểu là: {describeTarget(t.rule, t.value, t.unit ?? indicator.measurementUnit, { referenceYear: t.referenceYear })}</div>
      <div className="text-xs text-slate-600">{VALUE_KIND_LABEL[indicator.valueKind]}</div>
      {indicator.baselineValue != null && (
        <div className="text-xs text-slate-600">
          {baselineLabel(t.rule, t.referenceYear)}: {baselineText(indicator.baselineValue)}
        </div>
      )}
      {indicator.deadline && <div className="text-xs text-slate-600">Thời hạn: {describeDeadline(indicator.deadline)}</div>}
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

export function TaskUnits({ task, matchOf }: { task: ParsedTask; matchOf: Map<string, UnitMatch> }) {
  return (
    <div className="space-y-0.5">
      <UnitLine label="Chủ trì" names={task.leadUnits} matchOf={matchOf} missing="chưa có" />
      <UnitLine label="Phối hợp" names={task.coordinatingUnits} matchOf={matchOf} />
    </div>
  );
}

export function IndicatorUnits({ indicator, matchOf }: { indicator: ParsedIndicator; matchOf: Map<string, UnitMatch> }) {
  return (
    <div className="space-y-0.5">
      <UnitLine label="Theo dõi" names={indicator.monitoringUnits} matchOf={matchOf} missing="chưa có" />
      <UnitLine label="Thực hiện" names={indicator.implementingUnits} matchOf={matchOf} />
    </div>
  );
}

