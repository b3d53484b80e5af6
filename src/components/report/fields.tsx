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
