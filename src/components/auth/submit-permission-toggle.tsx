"use client";

import { useState, useTransition } from "react";
import { setSubmitPermission } from "@/server/account/actions";

export function SubmitPermissionToggle({ userId, name, allowed }: { userId: string; name: string; allowed: boolean }) {
  const [checked, setChecked] = useState(allowed);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="h-4 w-4"
        checked={checked}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setChecked(next);
          start(async () => {
            const result = await setSubmitPermission({ userId, allowed: next });
            if (!result.ok) setChecked(!next);
            setMessage(result.ok ? (result.message ?? null) : result.error);
          });
        }}
      />
      {name}: được nộp báo cáo, kế hoạch
      {message && (
        <span role="status" className="text-xs text-slate-600">
          ({message})
        </span>
      )}
    </label>
  );
}
