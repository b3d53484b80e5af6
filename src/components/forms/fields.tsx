"use client";

// Labelled inputs for forms bound to a server action: errors, and after a refusal the values
// the user submitted, come from the enclosing ActionForm. Ids are generated (useId), so forms
// that share field names on one page (the four "Hạn nộp" on /xet-duyet) never share ids.
import { useId } from "react";
import { FieldError, useSubmittedChecked, useSubmittedValue } from "./action-form";
import { DateInput } from "@/components/ui/date-input";

function useFieldIds(id: string | undefined) {
  const generated = useId();
  const inputId = id ?? `f${generated.replace(/:/g, "")}`;
  return { inputId, errorId: `${inputId}-error` };
}

export function TextField({ name, label, defaultValue, type = "text", required, autoComplete, id, list, placeholder, hint }: {
  name: string;
  label: string;
  defaultValue?: string | null;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  /** A fixed id, when a test or a label elsewhere needs one; generated otherwise. */
  id?: string;
  /** A <datalist> of suggestions (free text is still allowed). */
  list?: string;
  placeholder?: string;
  hint?: React.ReactNode;
}) {
  const { inputId, errorId } = useFieldIds(id);
  const submitted = useSubmittedValue(name, defaultValue, type !== "password");
  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
        {required && <span className="text-red-700"> *</span>}
      </label>
      {type === "date" ? (
        // dd/mm/yyyy whatever the browser's language; the form still receives ISO (issue 17).
        <DateInput key={submitted ?? ""} id={inputId} name={name} defaultValue={submitted} describedBy={errorId} />
      ) : (
        <input id={inputId} name={name} type={type} defaultValue={submitted} className="input" aria-describedby={errorId} autoComplete={autoComplete} list={list} placeholder={placeholder} />
      )}
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
      <FieldError name={name} id={errorId} />
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
  const { inputId, errorId } = useFieldIds(id);
  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
        {required && <span className="text-red-700"> *</span>}
      </label>
      <textarea id={inputId} name={name} rows={rows} defaultValue={useSubmittedValue(name, defaultValue)} className="input" aria-describedby={errorId} />
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
      <FieldError name={name} id={errorId} />
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
  const { inputId, errorId } = useFieldIds(id);
  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
        {required && <span className="text-red-700"> *</span>}
      </label>
      <select id={inputId} name={name} defaultValue={useSubmittedValue(name, defaultValue) ?? ""} className="input" aria-describedby={errorId}>
        <option value="">{placeholder ?? "— Chọn —"}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} id={errorId} />
    </div>
  );
}

export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={useSubmittedChecked(name, defaultChecked)} className="h-4 w-4" />
      {label}
    </label>
  );
}
