"use client";

// One button bound to a server action (move a row, delete it, renumber...), for rows of a
// server-rendered table: hidden fields carry what the action needs, an optional question is
// asked first, and a refusal is shown beside the button until dismissed.
import { useActionState, useState } from "react";
import type { ActionResult } from "@/server/errors";

type FormAction = (state: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

export function InlineAction({
  action,
  fields,
  children,
  label,
  confirm,
  className = "btn px-2 py-0.5 text-xs",
  disabled = false,
}: {
  action: FormAction;
  fields: Record<string, string>;
  children: React.ReactNode;
  /** Accessible name when the visible text is an arrow or an icon. */
  label?: string;
  confirm?: string;
  className?: string;
  disabled?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [dismissed, setDismissed] = useState<unknown>(null);
  const failed = state && !state.ok && dismissed !== state ? state : null;
  return (
    <form
      action={formAction}
      className="relative inline-block"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending || disabled} aria-label={label} title={label}>
        {children}
      </button>
      {failed && (
        <div role="alert" className="absolute right-0 top-full z-20 mt-1 w-80 whitespace-normal rounded border border-red-300 bg-red-50 p-2 text-left text-xs text-red-900 shadow">
          {failed.error}
          <button type="button" className="ml-2 underline" onClick={() => setDismissed(state)}>
            Đóng
          </button>
        </div>
      )}
    </form>
  );
}
