"use client";

// Importing a plan: the clerk pastes the document (or picks a .docx/.xlsx), the server reads
// it and sends back what it understood (nothing is written), the clerk corrects it here, and
// only "Lưu kế hoạch" writes it. The preview state is the ParsedPlan itself; corrections are
// the pure functions of preview-edit.ts, and the server validates the result again.
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ParsedPlan, PlanKind } from "@/domain/plan-import/types";
import { normalizeUnitKey } from "@/domain/plan-import/units";
import { newUnitNames, planUnits, removeRow, rowText, setPlanYear, subtreeIndexes, unitNamesOf } from "@/domain/plan-import/preview-edit";
import { PLAN_KIND_LABEL } from "@/domain/labels";
import { foldText } from "@/domain/text";
import { formatDate } from "@/domain/format";
import { confirmPlanImport } from "@/server/plans/import-actions";
import { PreviewTable, type RowErrors } from "./preview-table";
import { SourceStep } from "./source-step";
import { MAX_YEAR, MIN_YEAR } from "@/domain/period";
import { DateInput } from "@/components/ui/date-input";
import { UnitMapping } from "./unit-mapping";

interface Unit {
  id: string;
  name: string;
  aliases?: string[];
}

interface Draft {
  plan: ParsedPlan;
  /** A stable key per row, carried along when rows are removed. */
  keys: string[];
  sourceText: string;
  sourceName: string | null;
}

let keySeed = 0;
const newKeys = (n: number) => Array.from({ length: n }, () => `r${++keySeed}`);

export function PlanImport({ units, communeName, maxUploadMb }: { units: Unit[]; communeName: string; maxUploadMb: number }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  if (!draft) return <SourceStep maxUploadMb={maxUploadMb} onRead={(p) => setDraft({ plan: p.plan, keys: newKeys(p.plan.rows.length), sourceText: p.sourceText, sourceName: p.sourceName })} />;
  return <PreviewStep draft={draft} setDraft={setDraft} units={units} communeName={communeName} onRestart={() => setDraft(null)} />;
}

// ---- step 2: preview and corrections -------------------------------------------------------

const KINDS = Object.entries(PLAN_KIND_LABEL) as [PlanKind, string][];

function PreviewStep({
  draft,
  setDraft,
  units,
  communeName,
  onRestart,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  units: Unit[];
  communeName: string;
  onRestart: () => void;
}) {
  const router = useRouter();
  const { plan, keys } = draft;
  const [history, setHistory] = useState<Draft[]>([]);
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<RowErrors>(new Map());
  const [pending, start] = useTransition();

  // One mapping per distinct phrase the register does not know: chosen once, every row follows
  // (the phrase becomes an alias of the chosen unit here and, on saving, in the register).
  const [mapped, setMapped] = useState<Record<string, string>>({});
  const unknownPhrases = useMemo(() => newUnitNames(planUnits(plan, units)), [plan, units]);
  const effectiveUnits = useMemo(
    () => units.map((u) => ({ ...u, aliases: [...(u.aliases ?? []), ...Object.entries(mapped).filter(([, id]) => id === u.id).map(([phrase]) => phrase)] })),
    [units, mapped],
  );
  const matches = useMemo(() => planUnits(plan, effectiveUnits), [plan, effectiveUnits]);
  const created = useMemo(() => newUnitNames(matches), [matches]);
  const rowsNaming = (phrase: string) => {
    const key = normalizeUnitKey(phrase);
    return plan.rows.filter((r) => unitNamesOf(r).some((n) => normalizeUnitKey(n) === key)).length;
  };
  const counts = {
    sections: plan.rows.filter((r) => r.type === "section").length,
    tasks: plan.rows.filter((r) => r.type === "task").length,
    indicators: plan.rows.filter((r) => r.type === "indicator").length,
    warned: plan.rows.filter((r) => r.warnings.length > 0).length,
  };
  const documentCommune = plan.communeName && foldText(plan.communeName);
  const otherCommune = documentCommune && !foldText(communeName).includes(documentCommune) ? plan.communeName : null;

  const setPlan = (next: ParsedPlan, nextKeys = keys) => setDraft({ ...draft, plan: next, keys: nextKeys });
  const setMeta = <K extends keyof ParsedPlan>(key: K, value: ParsedPlan[K]) => setPlan({ ...plan, [key]: value });

  function remove(index: number) {
    const inside = subtreeIndexes(plan.rows, index).length - 1;
    const row = plan.rows[index];
    if (inside > 0 && !window.confirm(`Bỏ “${rowText(row).slice(0, 80)}” cùng ${inside} dòng bên trong khỏi kế hoạch?`)) return;
    const { plan: next, kept } = removeRow(plan, index);
    setHistory([...history.slice(-19), draft]);
    setDraft({ ...draft, plan: next, keys: kept.map((i) => keys[i]) });
  }

  function undo() {
    const previous = history[history.length - 1];
    if (!previous) return;
    setHistory(history.slice(0, -1));
    // The rows as they were before the last removal; the plan's details stay as they are now.
    setDraft({ ...draft, plan: { ...plan, rows: previous.plan.rows }, keys: previous.keys });
  }

  function save() {
    setError(null);
    start(async () => {
      const unitAliases = unknownPhrases.filter((p) => mapped[p]).map((phrase) => ({ phrase, unitId: mapped[phrase] }));
      const result = await confirmPlanImport({ plan, sourceText: draft.sourceText, sourceName: draft.sourceName, unitAliases });
      if (result.ok) {
        router.push(`/ke-hoach/${result.data.planId}`);
        return;
      }
      setError(result.error);
      const errors = result.fieldErrors ?? {};
      setFieldErrors(errors);
      // "plan.rows.12.content" -> the row's key, so the message shows on that row.
      const byRow: RowErrors = new Map();
      for (const [path, message] of Object.entries(errors)) {
        const m = /^plan\.rows\.(\d+)/.exec(path);
        if (m && keys[Number(m[1])]) byRow.set(keys[Number(m[1])], [...(byRow.get(keys[Number(m[1])]) ?? []), message]);
      }
      setRowErrors(byRow);
    });
  }

  const metaError = (field: string) =>
    fieldErrors[`plan.${field}`] ? (
      <p className="mt-1 text-xs text-red-800" role="alert">
        {fieldErrors[`plan.${field}`]}
      </p>
    ) : null;
  const otherErrors = Object.entries(fieldErrors).filter(([path]) => !/^plan\.(rows\.\d+|title|kind|year|documentNumber|documentDate)/.test(path));

  return (
    <div className="space-y-4 pb-20">
      <section className="card" aria-labelledby="meta-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="meta-heading" className="text-base font-semibold">
            2. Thông tin kế hoạch
          </h2>
          <p className="text-xs text-slate-600">
            Đọc từ: {draft.sourceName ?? "nội dung dán vào"}
            {draft.sourceText ? ` · ${draft.sourceText.length.toLocaleString("vi-VN")} ký tự` : ""}
          </p>
        </div>
        <div className="grid gap-3 md:grid-cols-6">
          <div className="md:col-span-6">
            <label htmlFor="plan-title" className="label">
              Tên kế hoạch <span className="text-red-700">*</span>
            </label>
            <input id="plan-title" className="input" value={plan.title} onChange={(e) => setMeta("title", e.target.value)} />
            {metaError("title")}
          </div>
          <div className="md:col-span-2">
            <label htmlFor="plan-kind" className="label">
              Loại kế hoạch
            </label>
            <select id="plan-kind" className="input" value={plan.kind} onChange={(e) => setMeta("kind", e.target.value as PlanKind)}>
              {KINDS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="plan-year" className="label">
              Năm <span className="text-red-700">*</span>
            </label>
            <input
              id="plan-year"
              type="number"
              min={MIN_YEAR}
              max={MAX_YEAR}
              className="input"
              value={plan.year ?? ""}
              onChange={(e) => setPlan(setPlanYear(plan, e.target.value ? Number(e.target.value) : null))}
            />
            {metaError("year")}
          </div>
          <div>
            <label htmlFor="plan-number" className="label">
              Số văn bản
            </label>
            <input id="plan-number" className="input" value={plan.documentNumber ?? ""} onChange={(e) => setMeta("documentNumber", e.target.value || null)} placeholder="48/QĐ-UBND" />
            {metaError("documentNumber")}
          </div>
          <div className="md:col-span-2">
            <label htmlFor="plan-date" className="label">
              Ngày ban hành
            </label>
            <DateInput id="plan-date" value={plan.documentDate ?? null} onChange={(iso) => setMeta("documentDate", iso)} />
            {plan.documentDateText && (
              <p className="mt-1 text-xs text-slate-600">
                Văn bản ghi: “{plan.documentDateText}”{plan.documentDate ? ` → ${formatDate(plan.documentDate)}` : ""}
              </p>
            )}
            {metaError("documentDate")}
          </div>
        </div>
        {otherCommune && (
          <p role="note" className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            ⚠ Văn bản ghi xã {otherCommune}; kế hoạch sẽ được lưu cho {communeName}. Kiểm tra lại bạn đã chọn đúng văn bản.
          </p>
        )}
        {plan.warnings.length > 0 && (
          <ul className="mt-3 space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" aria-label="Cảnh báo chung">
            {plan.warnings.map((w, i) => (
              <li key={i}>⚠ {w}</li>
            ))}
          </ul>
        )}
      </section>

      <UnitMapping units={units} matches={matches} created={created} unknownPhrases={unknownPhrases} mapped={mapped} setMapped={setMapped} rowsNaming={rowsNaming} />

      <section aria-labelledby="rows-heading">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
          <h2 id="rows-heading" className="text-base font-semibold">
            4. Nội dung: {counts.sections} mục · {counts.tasks} nhiệm vụ · {counts.indicators} chỉ tiêu
          </h2>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {counts.warned > 0 ? (
              <span className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-amber-900">⚠ {counts.warned} dòng cần xem lại</span>
            ) : (
              <span className="text-green-800">✓ Không dòng nào có cảnh báo</span>
            )}
            <label className="flex items-center gap-1.5">
              <input type="checkbox" className="h-4 w-4" checked={onlyWarnings} onChange={(e) => setOnlyWarnings(e.target.checked)} />
              Chỉ hiện dòng có cảnh báo
            </label>
          </div>
        </div>
        <PreviewTable plan={plan} keys={keys} units={units} matches={matches} onlyWarnings={onlyWarnings} rowErrors={rowErrors} onChange={setPlan} onRemove={remove} />
      </section>

      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-300 bg-white/95 shadow-[0_-2px_6px_rgba(0,0,0,0.08)]">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-3 px-3 py-2">
          <button type="button" className="btn btn-primary" onClick={save} disabled={pending}>
            {pending ? "Đang lưu…" : "Lưu kế hoạch (bản nháp)"}
          </button>
          <button type="button" className="btn" onClick={onRestart} disabled={pending}>
            Chọn văn bản khác
          </button>
          {history.length > 0 && (
            <button type="button" className="btn" onClick={undo} disabled={pending}>
              Hoàn tác xóa dòng
            </button>
          )}
          <span className="text-sm text-slate-700">
            {counts.sections} mục, {counts.tasks} nhiệm vụ, {counts.indicators} chỉ tiêu · năm {plan.year ?? "?"}
            {created.length ? ` · ${created.length} đơn vị mới` : ""}
          </span>
          {error && (
            <div role="alert" className="basis-full text-sm text-red-800">
              {error}
              {rowErrors.size > 0 && ` Có ${rowErrors.size} dòng lỗi được tô đỏ trong bảng.`}
              {otherErrors.length > 0 && <span> {otherErrors.map(([, m]) => m).join(" ")}</span>}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
