"use client";

// One button that runs a server action with a fixed payload, then shows its answer and
// refreshes the server-rendered page.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/server/errors";

export function ActionButton<P>({ action, payload, label, confirm, primary }: { action: (p: P) => Promise<ActionResult<unknown>>; payload: P; label: string; confirm?: string; primary?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={primary ? "btn btn-primary" : "btn"}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const r = await action(payload);
            setResult(r);
            if (r.ok) router.refresh();
          });
        }}
      >
        {pending ? "Đang xử lý…" : label}
      </button>
      {result && !result.ok && (
        <span role="alert" className="text-sm text-red-800">
          {result.error}
        </span>
      )}
      {result?.ok && (
        <span role="status" className="text-sm text-green-800">
          {result.message ?? "Đã xong."}
        </span>
      )}
    </span>
  );
}
