// Small pieces shared by the report's rows: a number box, a field's error, a reviewer's note,
// and spreadsheet-style Enter.

/** Enter moves down the column, like a spreadsheet. */
export function moveDown(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== "Enter" || event.currentTarget.tagName === "TEXTAREA") return;
  event.preventDefault();
  const col = event.currentTarget.dataset.col;
  const all = Array.from(document.querySelectorAll<HTMLElement>(`[data-col="${col}"]`)).filter((el) => el.offsetParent !== null);
  const next = all[all.indexOf(event.currentTarget) + 1];
  next?.focus();
}

export function FieldMessage({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p id={id} className="mt-0.5 text-xs font-medium text-red-800">
      {text}
    </p>
  );
}

export function NumberInput(props: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; col: string; integer?: boolean }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-xs text-slate-600">
        {props.label}
      </label>
      <input
        id={props.id}
        // The phone's numeric keyboard; text is still accepted and checked, never dropped.
        inputMode={props.integer ? "numeric" : "decimal"}
        autoComplete="off"
        className={`input tabular-nums ${props.error ? "border-red-600 bg-red-50" : ""}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={moveDown}
        data-col={props.col}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? `${props.id}-err` : undefined}
      />
      <FieldMessage id={`${props.id}-err`} text={props.error} />
    </div>
  );
}

export function ReviewNote({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <div role="note" className="mt-1 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-950">
      ⚠ Ý kiến cấp trên: {text}
    </div>
  );
}

/** Giải trình of a red row: the cause and the remedy, required before the report is submitted. */
export function ExplanationFields({ id, cause, remedy, onChange, editable }: { id: string; cause: string; remedy: string; onChange: (patch: { cause?: string; remedy?: string }) => void; editable: boolean }) {
  const missing = !cause.trim() || !remedy.trim();
  if (!editable)
    return (
      <div className="mt-1 text-xs">
        <div>Nguyên nhân: {cause || "chưa có"}</div>
        <div>Giải pháp: {remedy || "chưa có"}</div>
      </div>
    );
  return (
    <fieldset className={`mt-2 rounded border p-2 ${missing ? "border-red-400 bg-red-50/50" : "border-slate-300"}`}>
      <legend className="px-1 text-xs font-semibold text-slate-800">Giải trình (bắt buộc trước khi nộp)</legend>
      <label htmlFor={`${id}-cause`} className="block text-xs text-slate-700">
        Nguyên nhân
      </label>
      <textarea id={`${id}-cause`} className="input text-xs" rows={2} value={cause} onChange={(e) => onChange({ cause: e.target.value })} />
      <label htmlFor={`${id}-remedy`} className="mt-1 block text-xs text-slate-700">
        Giải pháp khắc phục
      </label>
      <textarea id={`${id}-remedy`} className="input text-xs" rows={2} value={remedy} onChange={(e) => onChange({ remedy: e.target.value })} />
    </fieldset>
  );
}
