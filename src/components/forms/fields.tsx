// Labelled inputs for server-rendered forms; errors come from the enclosing ActionForm.
import { FieldError } from "./action-form";

export function TextField({ name, label, defaultValue, type = "text", required, autoComplete, id, list, placeholder, hint }: {
  name: string;
  label: string;
  defaultValue?: string | null;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  /** When the same field name appears in several forms on one page. */
  id?: string;
  /** A <datalist> of suggestions (free text is still allowed). */
  list?: string;
  placeholder?: string;
  hint?: React.ReactNode;
}) {
  const inputId = id ?? `f-${name}`;
  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
        {required && <span className="text-red-700"> *</span>}
      </label>
      <input id={inputId} name={name} type={type} defaultValue={defaultValue ?? undefined} className="input" aria-describedby={`${name}-error`} autoComplete={autoComplete} list={list} placeholder={placeholder} />
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
      <FieldError name={name} />
    </div>
  );
}

export function TextAreaField({ name, label, defaultValue, required, id, rows = 3, hint }: {
  name: string;
  label: string;
  defaultValue?: string | null;
  required?: boolean;
  id?: string;
  rows?: number;
  hint?: React.ReactNode;
}) {
  const inputId = id ?? `f-${name}`;
  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
        {required && <span className="text-red-700"> *</span>}
      </label>
      <textarea id={inputId} name={name} rows={rows} defaultValue={defaultValue ?? undefined} className="input" aria-describedby={`${name}-error`} />
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
      <FieldError name={name} />
    </div>
  );
}

export function SelectField({ name, label, options, defaultValue, required, placeholder, id }: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  required?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const inputId = id ?? `f-${name}`;
  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
        {required && <span className="text-red-700"> *</span>}
      </label>
      <select id={inputId} name={name} defaultValue={defaultValue ?? ""} className="input" aria-describedby={`${name}-error`}>
        <option value="">{placeholder ?? "— Chọn —"}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} />
    </div>
  );
}

export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="h-4 w-4" />
      {label}
    </label>
  );
}
