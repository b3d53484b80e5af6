"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { submitPlan } from "@/server/review/actions";

export function SubmitPlanButton({ planId }: { planId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        className="btn btn-primary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Nộp kế hoạch lên cấp trên? Sau khi nộp, kế hoạch bị khóa cho đến khi cấp trên trả lại.")) return;
          start(async () => {
            const result = await submitPlan({ planId });
            setMessage(result.ok ? { ok: true, text: result.message ?? "Đã nộp." } : { ok: false, text: result.error });
            if (result.ok) router.refresh();
          });
        }}
      >
        Nộp kế hoạch
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
