"use client";

// Issue 17: the one date box of the application, dd/mm/yyyy whatever the browser's language
// (the native date box shows mm/dd/yyyy on an English system). What is typed is kept: an
// unreadable date is an error at the field and is sent as typed, so the server refuses it
// rather than saving an empty date. Forms receive ISO yyyy-mm-dd under `name`, as before.
import { useState } from "react";
import { formatDate, parseViDate } from "@/domain/format";

export interface DateInputProps {
  id: string;
  /** Form field name: a hidden input carries the ISO date. */
  name?: string;
  /** Controlled ISO value (yyyy-mm-dd) or null. */
  value?: string | null;
  defaultValue?: string | null;
  /** Called with the ISO date, or null when the box is emptied; not while the text is not a date. */
  onChange?: (iso: string | null) => void;
  className?: string;
  required?: boolean;
  describedBy?: string;
}

export function DateInput({ id, name, value, defaultValue, onChange, className = "input", required, describedBy }: DateInputProps) {
  const [text, setText] = useState(() => formatDate(value ?? defaultValue ?? null));
  const [seen, setSeen] = useState(value);
  if (value !== undefined && value !== seen) {
    // A new value from outside (not the one this box just reported): show it.
    setSeen(value);
    if (parseViDate(text) !== value) setText(formatDate(value));
  }
  const iso = parseViDate(text);
  const invalid = text.trim() !== "" && iso === null;
  const errorId = `${id}-date-err`;
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        maxLength={10}
        className={`${className} tabular-nums ${invalid ? "border-red-600" : ""}`}
        value={text}
        required={required}
        aria-invalid={invalid}
        aria-describedby={[describedBy, invalid ? errorId : null].filter(Boolean).join(" ") || undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const parsed = parseViDate(next);
          if (parsed || !next.trim()) {
            setSeen(parsed);
            onChange?.(parsed);
          }
        }}
      />
      {name && <input type="hidden" name={name} value={iso ?? text.trim()} />}
      {invalid && (
        <p id={errorId} className="mt-0.5 text-xs font-medium text-red-800">
          Ngày chưa đúng: nhập theo dạng ngày/tháng/năm, ví dụ 22/11/2025.
        </p>
      )}
    </>
  );
}
