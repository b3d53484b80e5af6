"use client";

// A form bound to a server action: shows the Vietnamese error or success message, and the
// error of each field beside it. The only client code most admin pages need.
import { createContext, useActionState, useContext } from "react";
import type { ActionResult } from "@/server/errors";

type FormAction = (state: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

const FieldErrorsContext = createContext<Record<string, string>>({});

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
  const [state, formAction, pending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className={className} key={resetOnSuccess && state?.ok ? JSON.stringify(state) : undefined} noValidate>
      <FieldErrorsContext.Provider value={fieldErrors}>{children}</FieldErrorsContext.Provider>
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

export function FieldError({ name }: { name: string }) {
  const errors = useContext(FieldErrorsContext);
  if (!errors[name]) return null;
  return (
    <p className="mt-1 text-xs text-red-800" id={`${name}-error`}>
      {errors[name]}
    </p>
  );
}
