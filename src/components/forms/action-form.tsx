"use client";

// A form bound to a server action: shows the Vietnamese error or success message, and the
// error of each field beside it. The only client code most admin pages need.
// React 19 resets a form's uncontrolled fields after its action; a refused submit must come
// back with what the user typed, so the fields take the submitted values as their defaults.
import { createContext, useActionState, useContext } from "react";
import type { ActionResult } from "@/server/errors";

type FormAction = (state: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

interface FormState {
  errors: Record<string, string>;
  /** What was submitted when the server refused: text fields only. */
  values: Record<string, string> | null;
}

const FormStateContext = createContext<FormState>({ errors: {}, values: null });

function submittedValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

export function ActionForm({
  action,
  children,
  className,
  submitLabel,
  resetOnSuccess = false,
}: {
  action: FormAction;
  children: React.ReactNode;
  className?: string;
  submitLabel: string;
  resetOnSuccess?: boolean;
}) {
  const [outcome, formAction, pending] = useActionState(async (previous: { result: ActionResult<unknown>; values: Record<string, string> | null } | null, formData: FormData) => {
    const result = await action(previous?.result ?? null, formData);
    return { result, values: result.ok ? null : submittedValues(formData) };
  }, null);
  const state = outcome?.result ?? null;
  const formState: FormState = { errors: state && !state.ok ? (state.fieldErrors ?? {}) : {}, values: outcome?.values ?? null };
  return (
    <form action={formAction} className={className} key={resetOnSuccess && state?.ok ? JSON.stringify(state) : undefined} noValidate>
      <FormStateContext.Provider value={formState}>{children}</FormStateContext.Provider>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Đang lưu…" : submitLabel}
        </button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-800">
            {state.error}
          </p>
        )}
        {state?.ok && (
          <p role="status" className="text-sm text-green-800">
            {state.message ?? "Đã lưu."}
          </p>
        )}
      </div>
    </form>
  );
}

/** A field's default: what the user submitted when the server refused, else the page's value. */
export function useSubmittedValue(name: string, defaultValue: string | null | undefined, keep = true): string | undefined {
  const { values } = useContext(FormStateContext);
  if (keep && values) return values[name] ?? "";
  return defaultValue ?? undefined;
}

/** After a refusal a checkbox shows what was submitted (an unchecked box sends nothing). */
export function useSubmittedChecked(name: string, defaultChecked: boolean | undefined): boolean | undefined {
  const { values } = useContext(FormStateContext);
  return values ? name in values : defaultChecked;
}

export function FieldError({ name, id }: { name: string; id: string }) {
  const { errors } = useContext(FormStateContext);
  if (!errors[name]) return null;
  return (
    <p className="mt-1 text-xs text-red-800" id={id}>
      {errors[name]}
    </p>
  );
}
