// One indicator of the quarter: a table row on a desktop, a card below 640 px (CSS: .table-cards).
// Read-only reports show the figures as text, not as disabled inputs.
import type { FormIndicator } from "@/server/reports/form-data";
import type { ConflictRow } from "@/server/reports/actions";
import { aggregationShortText, NO_FIGURE, targetText, ytdFigure } from "@/domain/evaluation/display";
import { AGGREGATION_LABEL } from "@/domain/evaluation/year-to-date";
import { entryInputFor } from "@/domain/reporting/entry";
import { indicatorDraftText, type IndicatorDraft, type LiveIndicator } from "@/domain/reporting/drafts";
import { formatNumber, formatPercent } from "@/domain/format";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SnapshotChange } from "@/domain/reporting/snapshot";
import type { RowCommenting } from "@/components/review/row-review";
import { BaselinePrompt, ChangedSinceReturn, ConflictPanel, RowComment } from "./lazy-parts";
import { needsBaseline } from "@/domain/reporting/baseline";
import { EvidencePanel } from "./evidence-panel";
import { ExplanationFields, FieldMessage, NumberInput, ReviewNote, moveDown } from "./fields";
import { RED_STATUSES } from "@/domain/reporting/explanations";

export interface IndicatorRowProps {
  ind: FormIndicator;
  /** A short unique prefix for the row's element ids (its uuid, repeated in every id and label, weighed ~30 KB on a large report). */
  domId: string;
  draft: IndicatorDraft;
  live: LiveIndicator;
  onChange: (d: IndicatorDraft) => void;
  quarter: number;
  year: number;
  editable: boolean;
  errorOf: (key: string) => string | undefined;
  reviewComment?: string;
  /** Reviewer's view: changes since the report was returned, and a comment on this row. */
  changes?: SnapshotChange[];
  commenting?: RowCommenting;
  /** May give last year's figure the plan lacks (issue 17: the chairman). */
  canSetBaseline?: boolean;
  conflict?: ConflictRow;
  onResolve: (c: ConflictRow, choice: "mine" | "theirs") => void;
}

export function IndicatorRow({ ind, domId, draft, live, onChange, quarter, year, editable, errorOf, reviewComment, changes, commenting, canSetBaseline = false, conflict, onResolve }: IndicatorRowProps) {
  const input = entryInputFor(ind);
  const result = live.result;
  const ytd = result ? ytdFigure(ind, result.ytd) : null;
  const key = (f: string) => `indicators.${ind.id}.${f}`;
  const set = (patch: Partial<IndicatorDraft>) => onChange({ ...draft, ...patch });
  const valueLabel = input === "RANK" ? "Thứ hạng" : input === "PERCENT" ? "Giá trị (%)" : `Giá trị${ind.measurementUnit ? ` (${ind.measurementUnit})` : ""}`;
  return (
    <tr data-row={ind.id} className={conflict ? "bg-amber-50/60" : changes?.length ? "bg-sky-50/50" : undefined}>
      <td className="card-hide tabular-nums">{ind.code}</td>
      <td className={ind.parentId ? "sm:pl-5" : ""}>
        <div className="font-medium">
          <span className="sm:hidden">{ind.code ? `${ind.code}. ` : ""}</span>
          {ind.name}
        </div>
        {ind.monitoringUnitName && <div className="text-xs text-slate-600">{`Theo dõi: ${ind.monitoringUnitName}`}</div>}
        {input === "RATIO" && (ind.numeratorLabel || ind.denominatorLabel) && (
          <div className="text-xs text-slate-600">
            = {ind.numeratorLabel ?? "tử số"} / {ind.denominatorLabel ?? "mẫu số"}
          </div>
        )}
        <ReviewNote text={reviewComment} />
        {!!changes?.length && <ChangedSinceReturn changes={changes} />}
        {commenting && <RowComment commenting={commenting} rowName={`${ind.code ? `${ind.code} ` : ""}${ind.name}`.slice(0, 80)} />}
      </td>
      <td data-label="Chỉ tiêu năm">
        <div className="text-xs text-slate-600">{ind.targetText || "—"}</div>
        <div className="font-medium">{targetText(ind)}</div>
        {ind.baselineValue !== null && <div className="text-xs text-slate-600">Năm trước: {formatNumber(ind.baselineValue)}</div>}
        {editable && needsBaseline(ind) && <BaselinePrompt ind={ind} planYear={year} canSet={canSetBaseline} />}
      </td>
      <td data-label={`Số liệu quý`}>
        {!editable ? (
          <div className="tabular-nums">{indicatorDraftText(draft)}</div>
        ) : (
          <>
            {input === "RATIO" && (
              <div className="grid grid-cols-1 gap-1 min-[400px]:grid-cols-2">
                <NumberInput id={`${domId}-num`} label="Tử số" integer value={draft.numerator} onChange={(v) => set({ numerator: v })} error={errorOf(key("numerator"))} col="numerator" />
                <NumberInput id={`${domId}-den`} label="Mẫu số" integer value={draft.denominator} onChange={(v) => set({ denominator: v })} error={errorOf(key("denominator"))} col="denominator" />
                <div className="text-xs text-slate-700 min-[400px]:col-span-2" aria-live="polite">
                  Tỷ lệ quý: <strong>{live.ratioNow === null ? "—" : formatPercent(live.ratioNow)}</strong>
                </div>
              </div>
            )}
            {(input === "NUMBER" || input === "PERCENT" || input === "RANK") && (
              <NumberInput id={`${domId}-val`} label={valueLabel} integer={input === "RANK"} value={draft.value} onChange={(v) => set({ value: v })} error={errorOf(key("value"))} col="value" />
            )}
            {input === "DONE" && (
              <div>
                <label htmlFor={`${domId}-done`} className="block text-xs text-slate-600">
                  Kết quả
                </label>
                <select id={`${domId}-done`} className="input" value={draft.done} onChange={(e) => set({ done: e.target.value as IndicatorDraft["done"] })} data-col="value" onKeyDown={moveDown}>
                  <option value="">— Chưa báo cáo —</option>
                  <option value="yes">Đã hoàn thành</option>
                  <option value="no">Chưa hoàn thành</option>
                </select>
              </div>
            )}
          </>
        )}
        {conflict && <ConflictPanel conflict={conflict} mine={indicatorDraftText(draft)} onResolve={onResolve} />}
      </td>
      <td data-label="Lũy kế năm" className="tabular-nums">
        {ytd ? ytd.text || NO_FIGURE : NO_FIGURE}
        {ytd?.detail && <div className="text-xs text-slate-600">{ytd.detail}</div>}
        {result && (
          <div className="text-[11px] leading-tight text-slate-500" title={AGGREGATION_LABEL[result.ytd.aggregation]}>
            {aggregationShortText(result.ytd)}
          </div>
        )}
      </td>
      <td data-label="Trạng thái" aria-live="polite">
        {result ? (
          <>
            <StatusBadge status={result.status} />
            <div className="mt-0.5 text-xs text-slate-700">{result.reason}</div>
            {RED_STATUSES.has(result.status) && <ExplanationFields id={domId} cause={draft.cause} remedy={draft.remedy} onChange={set} editable={editable} />}
          </>
        ) : (
          <div className="text-xs font-medium text-red-800">Chưa đánh giá: có ô chưa hợp lệ.</div>
        )}
      </td>
      <td data-label="Ghi chú, minh chứng">
        {editable ? (
          <>
            <label htmlFor={`${domId}-note`} className="sr-only">
              Ghi chú
            </label>
            <textarea id={`${domId}-note`} className="input min-h-9 text-xs" rows={1} placeholder="Ghi chú" value={draft.note} onChange={(e) => set({ note: e.target.value })} aria-invalid={!!errorOf(key("note"))} />
            <FieldMessage id={`${domId}-note-err`} text={errorOf(key("note"))} />
          </>
        ) : (
          draft.note && <p className="whitespace-pre-line text-xs">{draft.note}</p>
        )}
        <EvidencePanel kind="indicator" rowId={ind.id} year={year} quarter={quarter} evidence={ind.evidence} evidenceCount={ind.evidenceCount} editable={editable} history={ind.history ?? []} savedBy={ind.current?.updatedBy ?? null} savedAt={ind.current?.updatedAt ?? null} version={ind.current?.version ?? null} />
      </td>
    </tr>
  );
}
